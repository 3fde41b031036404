// Each school numbers its own cases (the app names them C-<year>-<n>), so a case package from
// another school can hold a different case under an id this workspace already uses. Its events
// have other ids (<URN>-<n>), so nothing clashed: the preview said "new events" and the merge
// joined two pupils' histories into one log with two first events, which failed its integrity
// check on the next load. Found by the fuzz_import invariant "an import never leaves a case that
// fails its integrity check" (docs/fuzzing.md). Now such a case is refused as a conflict.
#include <doctest/doctest.h>

#include "engine/demo.h"
#include "storage/exchange.h"

using namespace cp;
using namespace cp::storage;

namespace {

// Another school's own case, under the id of the demo's first case.
Workspace other_school_with_case(const std::string& id) {
    Workspace other;
    other.own = {"Ashgrove Academy (fictional)", "900777", "norfolk", "home_school"};
    Case c;
    c.id = id;
    const Author a{"Mr Other", "Deputy Headteacher"};
    REQUIRE(append_event(c,
                         {a,
                          EventType::case_opened,
                          {{"date", "2026-11-02"},
                           {"kind", "managed_move"},
                           {"pack", "norfolk"},
                           {"pupil_name", "Another Pupil (fictional)"}},
                          ""},
                         "900777-1", "2026-11-02T09:00:00Z"));
    REQUIRE(append_event(c, {a, EventType::note, {{"text", "first call"}}, ""}, "900777-2", "2026-11-03T09:00:00Z"));
    other.cases.push_back(c);
    return other;
}

}  // namespace

TEST_CASE("import-same-case-id/another-schools-case-is-a-conflict-not-a-merge") {
    Workspace         home = make_demo_workspace();
    const std::string id = home.cases[0].id;
    const Json        before = workspace_to_json_value(home)["cases"];
    const ImportRead  r = read_import(export_payload(other_school_with_case(id), {}));
    REQUIRE(r.workspace);
    REQUIRE(r.damaged.empty());

    const ImportPreview p = preview_import(home, r);
    REQUIRE(p.cases.size() == 1);
    CHECK(p.cases[0].action == ImportAction::conflict);
    CHECK(p.cases[0].problem.find("different case") != std::string::npos);
    CHECK(p.merged_cases == 0);
    CHECK(p.refused_cases == 1);

    CHECK(apply_import(home, r).empty());
    CHECK(workspace_to_json_value(home)["cases"] == before);
    CHECK(verify_workspace(home, "home").empty());
}

TEST_CASE("import-same-case-id/the-same-case-still-merges") {
    Workspace home = make_demo_workspace();
    Workspace host;
    host.own = {"Ashgrove Academy (fictional)", "900777", "norfolk", "host_school"};
    host.cases.push_back(home.cases[0]);
    REQUIRE(append_event(host.cases[0], {{"Mr Host", "Assistant Head"}, EventType::note, {{"text", "week 1"}}, ""},
                         "900777-1", "2026-11-21T09:00:00Z"));
    const ImportRead r = read_import(export_payload(host, {}));
    CHECK(preview_import(home, r).merged_cases == 1);
    CHECK(apply_import(home, r).size() == 1);
    CHECK(verify_workspace(home, "home").empty());
}
