// The school directory (issue 13 item 3): schools are named, not numbered. One rule for a school
// in the directory, whether a person adds it in Settings or a workspace file brings it; a school
// field in an event holds a URN; the nearest schools are a table with known columns.
#include <doctest/doctest.h>

#include "engine/workspace.h"
#include "test_util.h"

using namespace cp;

namespace {

std::vector<School> directory() {
    return {{"900011", "Brookfield Academy", "secondary", "academy", "", "5 Mill Lane, Demotown", "2.4 miles", 3900}};
}

std::vector<std::string> problems_of(EventType t, const Json& payload) {
    Problems p;
    validate_payload(t, payload, "f", "", p);
    std::vector<std::string> out;
    for (const Problem& x : p) out.push_back(x.path + ": " + x.message);
    return out;
}

School named(const char* urn, const char* name) {
    School s;
    s.urn = urn;
    s.name = name;
    return s;
}

}  // namespace

TEST_CASE("school-directory/a-new-school-needs-a-name-and-a-urn-not-already-listed") {
    const auto list = directory();
    CHECK(school_problem(list, named("900012", "Westmere School")).empty());
    CHECK(school_problem(list, named("900012", "")) == "Give the school's name.");
    CHECK(school_problem(list, named("9000", "Westmere School")).find("A URN has 6 or 7 digits") == 0);
    CHECK(school_problem(list, named("900011", "Brookfield again")) ==
          "URN 900011 is already in the school list, as Brookfield Academy.");
    CHECK(school_problem(list, named("900011", "Brookfield Academy (renamed)"), true).empty());
    CHECK(school_problem(list, named("900099", "Nowhere"), true) == "URN 900099 is not in the school list.");
}

TEST_CASE("school-directory/the-address-is-kept-and-a-school-reads-by-its-name") {
    Workspace ws;
    ws.own = {"Larkspur High School", "900001", "norfolk", "home_school"};
    ws.schools = directory();
    Problems   p;
    const auto back = parse_workspace(workspace_to_json(ws), "ws.json", p);
    REQUIRE(back);
    CHECK(back->schools[0].address == "5 Mill Lane, Demotown");
    CHECK(school_words(*back, "900011") == "Brookfield Academy (URN 900011)");
    CHECK(school_words(*back, "900001") == "Larkspur High School");
    CHECK(school_words(*back, "900077") == "URN 900077");
}

// docs/workspace-format.md, host_proposed: the school approached is a URN, not a name typed instead.
TEST_CASE("school-directory/a-school-field-holds-a-urn") {
    CHECK(problems_of(EventType::host_proposed, {{"urn", "900011"}, {"date", "2026-11-13"}}).empty());
    const auto p = problems_of(EventType::host_proposed, {{"urn", "Brookfield"}, {"date", "2026-11-13"}});
    REQUIRE(p.size() == 1);
    CHECK(p[0].find("/urn: expected a school's URN (6 or 7 digits)") == 0);
}

// Norfolk Managed Move Scheme: LA Admissions names the 4 nearest schools and the previous moves in
// and out of each. Each row names a school; a column the table does not have is refused.
TEST_CASE("school-directory/the-nearest-schools-are-a-table-of-known-columns") {
    const Json good = {{"step", "nearest_schools_listed"},
                       {"date", "2026-11-12"},
                       {"schools", {{{"urn", "900042"}, {"moves_in", 2}, {"moves_out", 1}}, {{"urn", "900043"}}}}};
    CHECK(problems_of(EventType::step_recorded, good).empty());
    const Json bad = {{"step", "nearest_schools_listed"},
                      {"date", "2026-11-12"},
                      {"schools", {{{"moves_in", 2}, {"distance", "far"}}}}};
    const auto p = problems_of(EventType::step_recorded, bad);
    REQUIRE(p.size() == 2);
    CHECK(p[0].find("/schools/0/distance: unknown field in a row of") == 0);
    CHECK(p[1] == "/schools/0/urn: missing: each row needs the school");
}
