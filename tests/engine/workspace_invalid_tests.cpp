// Every kind of invalid workspace gets its own test and its own message.
#include <doctest/doctest.h>

#include "engine/workspace.h"
#include "test_util.h"

using namespace cp;

namespace {

Json valid_workspace() {
    cptest::LogBuilder b("C-1");
    b.add(EventType::case_opened,
          {{"date", "2026-09-07"}, {"kind", "managed_move"}, {"pack", "norfolk"}, {"pupil_name", "A Pupil"}});
    b.add(EventType::note, {{"text", "first note"}});
    Workspace ws;
    ws.own = {"Own School", "123456", "norfolk", "home_school"};
    ws.schools.push_back({"123457", "Other School", "secondary", "academy", "", "", "", -1});
    ws.staff.push_back({"s1", "Mr Staff", "Head of Year"});
    ws.cases.push_back(b.c);
    return workspace_to_json_value(ws);
}

// Loads a broken variant; expects exactly the problem at `path` containing `text`.
void expect_workspace_problem(const Json& j, const std::string& path, const std::string& text) {
    Problems   problems;
    const auto ws = parse_workspace(j.dump(), "ws.json", problems);
    CHECK_FALSE(ws);
    bool found = false;
    for (const auto& p : problems) {
        found = found || (p.file == "ws.json" && p.path == path && p.message.find(text) != std::string::npos);
        if (!found) MESSAGE(p.to_string());
    }
    CHECK_MESSAGE(found, path << " / " << text);
}

}  // namespace

TEST_CASE("workspace/valid-sample-loads") {
    Problems p;
    CHECK(parse_workspace(valid_workspace().dump(), "ws.json", p));
    CHECK(p.empty());
}

TEST_CASE("workspace/invalid-not-json") {
    Problems p;
    CHECK_FALSE(parse_workspace("{\"format\": ", "ws.json", p));
    REQUIRE(p.size() == 1);
    CHECK(p[0].message.find("not valid JSON") == 0);
}

TEST_CASE("workspace/invalid-wrong-format-marker") {
    Json j = valid_workspace();
    j["format"] = "something-else";
    expect_workspace_problem(j, "/format", "not a case planner workspace");
}

TEST_CASE("workspace/invalid-unknown-version-refused") {
    Json j = valid_workspace();
    j["version"] = 3;
    expect_workspace_problem(j, "/version", "version 3 is not supported: this build reads versions 1 to 2 only");
    j["version"] = 0;
    expect_workspace_problem(j, "/version", "version 0 is not supported: this build reads versions 1 to 2 only");
}

TEST_CASE("workspace/invalid-missing-version") {
    Json j = valid_workspace();
    j.erase("version");
    expect_workspace_problem(j, "/version", "missing: expected the format version");
}

TEST_CASE("workspace/invalid-own-school-role") {
    Json j = valid_workspace();
    j["own_school"]["role"] = "headteacher";
    expect_workspace_problem(j, "/own_school/role", "expected one of home_school, host_school, la_officer");
}

TEST_CASE("workspace/invalid-urn") {
    Json j = valid_workspace();
    j["schools"][0]["urn"] = "12AB";
    expect_workspace_problem(j, "/schools/0/urn", "expected a URN of 6 or 7 digits");
}

// Issue 13 item 9: a local authority's workspace is known by its LA code, not a school's URN.
TEST_CASE("workspace/a-local-authority-is-known-by-its-three-digit-code") {
    Json j = valid_workspace();
    j["own_school"]["role"] = "la_officer";
    j["own_school"]["urn"] = "926";
    Problems   p;
    const auto ws = parse_workspace(j.dump(), "ws.json", p);
    REQUIRE(ws);
    CHECK(ws->own.urn == "926");
    j["own_school"]["urn"] = "123456";
    expect_workspace_problem(j, "/own_school/urn", "expected a local authority code of 3 digits");
    j["own_school"]["role"] = "home_school";
    j["own_school"]["urn"] = "926";
    expect_workspace_problem(j, "/own_school/urn", "expected a URN of 6 or 7 digits");
}

TEST_CASE("workspace/invalid-duplicate-school") {
    Json j = valid_workspace();
    j["schools"].push_back(j["schools"][0]);
    expect_workspace_problem(j, "/schools/1/urn", "appears twice in the school directory");
}

TEST_CASE("workspace/invalid-duplicate-staff-id") {
    Json j = valid_workspace();
    j["staff"].push_back(j["staff"][0]);
    expect_workspace_problem(j, "/staff/1/id", "staff id s1 appears twice");
}

TEST_CASE("workspace/invalid-unknown-top-level-field") {
    Json j = valid_workspace();
    j["pupils"] = Json::array();
    expect_workspace_problem(j, "/pupils", "unknown field in a workspace");
}

TEST_CASE("workspace/invalid-missing-cases") {
    Json j = valid_workspace();
    j.erase("cases");
    expect_workspace_problem(j, "/cases", "missing: expected a list");
}

TEST_CASE("workspace/invalid-duplicate-case-id") {
    Json j = valid_workspace();
    j["cases"].push_back(j["cases"][0]);
    expect_workspace_problem(j, "/cases/1/id", "case id C-1 appears twice");
}

TEST_CASE("workspace/invalid-empty-event-list") {
    Json j = valid_workspace();
    j["cases"][0]["events"] = Json::array();
    expect_workspace_problem(j, "/cases/0/events", "expected a non-empty list of events");
}

TEST_CASE("workspace/invalid-event-unknown-type") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1]["type"] = "exclusion_issued";
    expect_workspace_problem(j, "/cases/0/events/1/type", "unknown event type \"exclusion_issued\"");
}

TEST_CASE("workspace/invalid-event-bad-timestamp") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1]["at"] = "2026-01-01 10:00";
    expect_workspace_problem(j, "/cases/0/events/1/at", "expected a UTC timestamp");
}

TEST_CASE("workspace/invalid-event-missing-author") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1].erase("author");
    expect_workspace_problem(j, "/cases/0/events/1/author", "expected an author object");
}

TEST_CASE("workspace/invalid-event-author-unknown-field") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1]["author"]["email"] = "staff@example.org";
    expect_workspace_problem(j, "/cases/0/events/1/author/email",
                             "unknown field in an event's author; expected name and role");
}

TEST_CASE("workspace/invalid-event-payload-missing-required-field") {
    Json j = valid_workspace();
    j["cases"][0]["events"][0]["payload"].erase("pupil_name");
    expect_workspace_problem(j, "/cases/0/events/0/payload/pupil_name", "case_opened needs pupil's full name");
}

TEST_CASE("workspace/invalid-event-payload-bad-enum") {
    Json j = valid_workspace();
    j["cases"][0]["events"][0]["payload"]["kind"] = "trial_move";
    expect_workspace_problem(j, "/cases/0/events/0/payload/kind",
                             "expected one of the listed words (case kind): off_site_direction");
}

TEST_CASE("workspace/invalid-event-payload-bad-date") {
    Json j = valid_workspace();
    j["cases"][0]["events"][0]["payload"]["date"] = "31/02/2026";
    expect_workspace_problem(j, "/cases/0/events/0/payload/date", "expected a date written YYYY-MM-DD");
}

TEST_CASE("workspace/invalid-event-payload-unknown-field") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1]["payload"]["colour"] = "red";
    expect_workspace_problem(j, "/cases/0/events/1/payload/colour", "unknown field for note");
}

TEST_CASE("workspace/invalid-event-payload-decimal-number") {
    Json j = valid_workspace();
    j["cases"][0]["events"][0]["payload"]["year_group"] = 9.5;
    expect_workspace_problem(j, "/cases/0/events/0/payload/year_group", "expected a whole number");
}

TEST_CASE("workspace/invalid-event-prev-not-a-list") {
    Json j = valid_workspace();
    j["cases"][0]["events"][1]["prev"] = "abc";
    expect_workspace_problem(j, "/cases/0/events/1/prev", "expected a list of hashes");
}

TEST_CASE("workspace/invalid-calendar-type") {
    Json j = valid_workspace();
    j["calendar"] = "default";
    expect_workspace_problem(j, "/calendar", "expected a calendar object or null");
}
