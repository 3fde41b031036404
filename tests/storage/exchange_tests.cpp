// Export payloads and the import merge between two schools' copies of a case.
#include <doctest/doctest.h>

#include "engine/case_state.h"
#include "engine/demo.h"
#include "storage/exchange.h"

using namespace cp;
using namespace cp::storage;

namespace {

Workspace host_copy_of(const Workspace& home, const std::string& case_id) {
    Workspace host;
    host.own = {"Ashgrove Academy (fictional)", "900777", home.own.la, "host_school"};
    host.cases.push_back(*find_case(home, case_id));
    return host;
}

void add_note(Case& c, const std::string& id, const std::string& at) {
    REQUIRE(append_event(c, {{"Mr Host", "Assistant Head"}, EventType::note, {{"text", "Week " + id}}, ""}, id, at));
}

}  // namespace

TEST_CASE("exchange/a-case-package-holds-only-the-chosen-cases") {
    const Workspace ws = make_demo_workspace();
    const Json      p = export_payload(ws, {ws.cases[2].id});
    REQUIRE(p["cases"].size() == 1);
    CHECK(p["cases"][0]["id"] == ws.cases[2].id);
    CHECK(export_payload(ws, {})["cases"].size() == ws.cases.size());
}

// A protocol loaded from a file travels with the cases that follow it, and only with them; the
// receiving school keeps its own copy of a protocol it already has.
TEST_CASE("exchange/a-case-package-carries-the-loaded-protocol-its-case-follows") {
    Workspace         ws = make_demo_workspace();
    const std::string followed = replay(ws.cases[2]).pack;
    ws.packs = {Json{{"id", followed}, {"name", "Loaded"}}, Json{{"id", "example-county"}, {"name", "Other"}}};
    const Json one = export_payload(ws, {ws.cases[2].id});
    REQUIRE(one["packs"].size() == 1);
    CHECK(one["packs"][0]["id"] == followed);
    CHECK(export_payload(ws, {})["packs"].size() == 2);  // a backup keeps every one

    Workspace host = host_copy_of(ws, ws.cases[0].id);
    host.cases.clear();
    host.packs = {Json{{"id", "example-county"}, {"name", "The host's own"}}};
    const ImportRead in = read_import(export_payload(ws, {}));
    REQUIRE(in.workspace);
    apply_import(host, in);
    REQUIRE(host.packs.size() == 2);
    CHECK(host.packs[0]["name"] == "The host's own");
    CHECK(host.packs[1]["id"] == followed);
}

// A protocol adapting another loaded from a file needs it: the package carries both, and no other.
TEST_CASE("exchange/a-case-package-carries-the-loaded-protocols-its-protocol-builds-on") {
    Workspace         ws = make_demo_workspace();
    const std::string followed = replay(ws.cases[2]).pack;
    ws.packs = {Json{{"id", "neighbour"}, {"extends", "england-baseline"}},
                Json{{"id", followed}, {"extends", "neighbour"}}, Json{{"id", "example-county"}}};
    const Json one = export_payload(ws, {ws.cases[2].id});
    REQUIRE(one["packs"].size() == 2);
    CHECK(one["packs"][0]["id"] == "neighbour");
    CHECK(one["packs"][1]["id"] == followed);
}

TEST_CASE("exchange/weekly-packages-both-ways-end-with-the-same-log") {
    Workspace         home = make_demo_workspace();
    const std::string id = home.cases[0].id;
    Workspace         host = host_copy_of(home, id);
    add_note(*find_case(host, id), "900777-1", "2026-11-21T09:00:00Z");   // host records attendance week
    add_note(*find_case(home, id), "900001-99", "2026-11-21T10:00:00Z");  // home records a call at the same time

    const ImportRead    from_host = read_import(export_payload(host, {id}));
    const ImportPreview p = preview_import(home, from_host);
    CHECK(p.merged_cases == 1);
    CHECK(p.new_events == 1);
    CHECK(p.new_cases == 0);
    CHECK(p.new_schools == 1);  // the host school itself
    CHECK(apply_import(home, from_host) == std::vector<std::string>{id});

    const ImportRead from_home = read_import(export_payload(home, {id}));
    CHECK(preview_import(host, from_home).new_events == 1);
    apply_import(host, from_home);
    CHECK(workspace_to_json_value(home)["cases"][0] == workspace_to_json_value(host)["cases"][0]);
    Problems integrity;
    verify_case(*find_case(home, id), "", "", integrity);
    CHECK(integrity.empty());
    // A second import of the same package changes nothing.
    CHECK(preview_import(home, from_host).nothing_to_do());
    CHECK(apply_import(home, from_host).empty());
}

TEST_CASE("exchange/an-event-id-with-different-content-is-refused-and-named") {
    Workspace         home = make_demo_workspace();
    const std::string id = home.cases[0].id;
    Workspace         host = host_copy_of(home, id);
    add_note(*find_case(host, id), "same-id", "2026-11-21T09:00:00Z");
    Case& mine = *find_case(home, id);
    REQUIRE(append_event(mine, {{"Ms Home", "DHT"}, EventType::note, {{"text", "something else"}}, ""}, "same-id",
                         "2026-11-21T09:00:00Z"));
    const Json          before = workspace_to_json_value(home)["cases"];
    const ImportPreview p = preview_import(home, read_import(export_payload(host, {id})));
    REQUIRE(p.cases.size() == 1);
    CHECK(p.cases[0].action == ImportAction::conflict);
    CHECK(p.cases[0].problem.find("same-id") != std::string::npos);
    CHECK(p.refused_cases == 1);
    CHECK(apply_import(home, read_import(export_payload(host, {id}))).empty());
    CHECK(workspace_to_json_value(home)["cases"] == before);  // the directory may grow; no case changes
}

TEST_CASE("exchange/a-tampered-case-in-the-file-is-refused-the-others-import") {
    const Workspace sender = make_demo_workspace();
    Json            payload = export_payload(sender, {});
    payload["cases"][1]["events"][3]["payload"]["tampered"] = "yes";
    Workspace empty;
    empty.own = {"Other School", "900099", "norfolk", "home_school"};
    const ImportRead r = read_import(payload);
    // A payload field the schema does not know makes the whole document invalid: refuse outright.
    if (!r.workspace) {
        CHECK_FALSE(r.problems.empty());
        return;
    }
    FAIL("a tampered payload must not parse");
}

TEST_CASE("exchange/a-changed-value-fails-the-hash-chain-and-only-that-case-is-refused") {
    const Workspace sender = make_demo_workspace();
    Json            payload = export_payload(sender, {});
    payload["cases"][1]["events"][0]["payload"]["pupil_name"] = "Someone Else";
    Workspace empty;
    empty.own = {"Other School", "900099", "norfolk", "home_school"};
    const ImportRead r = read_import(payload);
    REQUIRE(r.workspace);
    CHECK(r.damaged.count(sender.cases[1].id) == 1);
    const ImportPreview p = preview_import(empty, r);
    CHECK(p.new_cases == static_cast<int>(sender.cases.size()) - 1);
    CHECK(p.refused_cases == 1);
    CHECK(apply_import(empty, r).size() == sender.cases.size() - 1);
    CHECK(find_case(empty, sender.cases[1].id) == nullptr);
}

TEST_CASE("exchange/not-a-workspace-document-is-refused-with-problems") {
    const ImportRead r = read_import(Json{{"hello", "world"}});
    CHECK_FALSE(r.workspace);
    CHECK_FALSE(r.problems.empty());
    CHECK(preview_import(make_demo_workspace(), r).cases.empty());
}
