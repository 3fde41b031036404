#include <doctest/doctest.h>

#include "engine/case_state.h"
#include "engine/workspace.h"
#include "test_util.h"

using namespace cp;
using cptest::d;

namespace {

cptest::LogBuilder sample_log() {
    cptest::LogBuilder b("C-7");
    b.add(EventType::case_opened, {{"date", "2026-09-07"},
                                   {"kind", "off_site_direction"},
                                   {"pack", "worcestershire"},
                                   {"pupil_name", "Test Pupil"}});
    b.add(EventType::flags_recorded, {{"cla", true}});
    b.add(EventType::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    b.add(EventType::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-09"}});
    b.add(EventType::placement_started, {{"date", "2026-09-21"}});
    b.add(EventType::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "//////////"}});
    return b;
}

Workspace sample_workspace() {
    Workspace ws;
    ws.own = {"Test School", "100000", "worcestershire", "home_school"};
    ws.schools.push_back({"100001", "Host School", "secondary", "academy", "", "", "2 miles", 3200});
    ws.staff.push_back({"s1", "Ms Test", "Deputy Headteacher"});
    ws.cases.push_back(sample_log().c);
    return ws;
}

bool mentions(const Problems& ps, const std::string& text) {
    for (const auto& p : ps)
        if (p.to_string().find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("log/event-specs-match-enum-order") {
    for (std::size_t i = 0; i < event_specs().size(); ++i) CHECK(static_cast<std::size_t>(event_specs()[i].type) == i);
    CHECK(event_specs().size() == static_cast<std::size_t>(EventType::retraction) + 1);
}

TEST_CASE("log/canonical-json-sorted-compact-escaped") {
    const Json j = Json::parse(R"({"b":1,"a":[true,null,"x\"y\n"],"c":{"z":-2,"y":"é"}})");
    CHECK(canonical_json(j) == "{\"a\":[true,null,\"x\\\"y\\u000a\"],\"b\":1,\"c\":{\"y\":\"é\",\"z\":-2}}");
}

TEST_CASE("log/hand-written-canonical-event-equals-generic-canonical-json") {
    const auto   b = sample_log();
    const Event& e = b.c.events[3];
    const Json   generic = {{"case", b.c.id},
                            {"id", e.id},
                            {"at", e.at},
                            {"author", {{"name", e.author.name}, {"role", e.author.role}}},
                            {"type", event_type_name(e.type)},
                            {"payload", e.payload},
                            {"prev", e.prev},
                            {"supersedes", e.supersedes}};
    std::string  fast;
    append_canonical_event(fast, b.c.id, e);
    CHECK(fast == canonical_json(generic));
}

TEST_CASE("log/append-chains-each-event-to-the-previous-head") {
    const auto b = sample_log();
    REQUIRE(b.c.events.size() == 6);
    CHECK(b.c.events[0].prev.empty());
    for (std::size_t i = 1; i < b.c.events.size(); ++i)
        CHECK(b.c.events[i].prev == std::vector{b.c.events[i - 1].hash});
    CHECK(b.c.heads == std::vector{b.c.events.back().hash});
    Problems p;
    verify_case(b.c, "w.json", "/cases/0", p);
    CHECK(p.empty());
}

TEST_CASE("log/append-refuses-bad-drafts") {
    auto     b = sample_log();
    Problems p;
    CHECK_FALSE(append_event(b.c, {{"X", "Y"}, EventType::placement_started, {{"date", "not a date"}}, ""}, "e99",
                             "2026-01-02T00:00:00Z", &p));
    CHECK(mentions(p, "/payload/date: expected a date"));
    p.clear();
    CHECK_FALSE(
        append_event(b.c, {{"X", "Y"}, EventType::note, {{"text", "x"}}, ""}, "e1", "2026-01-02T00:00:00Z", &p));
    CHECK(mentions(p, "already used"));
    p.clear();
    CHECK_FALSE(append_event(b.c, {{"X", "Y"}, EventType::note, {{"text", "x"}}, ""}, "e98", "2026-01-02 00:00", &p));
    CHECK(mentions(p, "UTC timestamp"));
    p.clear();
    CHECK_FALSE(append_event(b.c, {{"X", "Y"}, EventType::retraction, {{"reason", "x"}}, ""}, "e97",
                             "2026-01-02T00:00:00Z", &p));
    CHECK(mentions(p, "must name the event"));
    p.clear();
    CHECK_FALSE(append_event(b.c, {{"X", "Y"}, EventType::note, {{"text", "x"}, {"score", 1.5}}, ""}, "e96",
                             "2026-01-02T00:00:00Z", &p));
    CHECK(mentions(p, "unknown field"));
    CHECK(b.c.events.size() == 6);
}

TEST_CASE("log/replay-equals-replay-after-serialise-and-parse") {
    const Workspace   ws = sample_workspace();
    const std::string text = workspace_to_json(ws);
    Problems          problems, integrity;
    const auto        back = load_workspace(text, "w.json", problems, integrity);
    REQUIRE(back);
    CHECK(problems.empty());
    CHECK(integrity.empty());
    CHECK(workspace_to_json(*back) == text);
    const CaseState a = replay(ws.cases[0]), b = replay(back->cases[0]);
    CHECK(a.pupil_name == b.pupil_name);
    CHECK(a.flags.cla == b.flags.cla);
    CHECK(a.host_urn == "100001");
    CHECK(b.host_urn == "100001");
    CHECK(a.started == b.started);
    CHECK(a.attendance.size() == b.attendance.size());
    CHECK(a.live_event_count == b.live_event_count);
}

TEST_CASE("log/correction-supersedes-and-retraction-undoes") {
    auto              b = sample_log();
    const std::string start = b.c.events[4].id;
    b.add(EventType::placement_started, {{"date", "2026-09-22"}}, start);  // corrected first day
    CHECK(replay(b.c).started == d("2026-09-22"));
    const std::string flags = b.c.events[1].id;
    const std::string undo = b.add(EventType::retraction, {{"reason", "entered in error"}}, flags);
    CHECK_FALSE(replay(b.c).flags.cla);
    b.add(EventType::retraction, {{"reason", "the withdrawal was itself a mistake"}}, undo);  // undo the undo
    CHECK(replay(b.c).flags.cla);
    Problems p;
    verify_case(b.c, "w.json", "/cases/0", p);
    CHECK(p.empty());
}

TEST_CASE("log/tamper-changed-payload-is-located") {
    Workspace ws = sample_workspace();
    ws.cases[0].events[2].payload["urn"] = "999999";
    const Problems p = verify_workspace(ws, "w.json");
    REQUIRE_FALSE(p.empty());
    CHECK(p[0].path == "/cases/0/events/2");
    CHECK(mentions(p, "case C-7: event e3 (host_proposed"));
    CHECK(mentions(p, "changed after it was recorded"));
}

TEST_CASE("log/tamper-changed-and-rehashed-event-is-caught-by-its-successor") {
    Workspace ws = sample_workspace();
    Event&    e = ws.cases[0].events[3];
    e.payload["accepted"] = false;
    e.hash = event_content_hash("C-7", e);  // the forger recomputes this event's own hash
    const Problems p = verify_workspace(ws, "w.json");
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/cases/0/events/4/prev");
    CHECK(mentions(p, "event e5 was recorded after an event that is no longer in the log"));
}

TEST_CASE("log/tamper-deleted-middle-event-is-located") {
    Workspace ws = sample_workspace();
    ws.cases[0].events.erase(ws.cases[0].events.begin() + 2);
    const Problems p = verify_workspace(ws, "w.json");
    REQUIRE(p.size() == 1);
    CHECK(mentions(p, "event e4 was recorded after an event that is no longer in the log"));
}

TEST_CASE("log/tamper-dropped-last-event-is-detected") {
    Workspace ws = sample_workspace();
    ws.cases[0].events.pop_back();
    const Problems p = verify_workspace(ws, "w.json");
    CHECK(mentions(p, "case C-7: the latest recorded event"));
    CHECK(mentions(p, "is not sealed by the recorded heads"));
}

TEST_CASE("log/tamper-reordered-timestamps-are-detected") {
    Workspace ws = sample_workspace();
    std::swap(ws.cases[0].events[1].at, ws.cases[0].events[2].at);
    const Problems p = verify_workspace(ws, "w.json");
    CHECK(mentions(p, "event e2 (flags_recorded"));
    CHECK(mentions(p, "out of order"));
}

TEST_CASE("log/tamper-in-text-is-located-on-load") {
    std::string text = workspace_to_json(sample_workspace());
    const auto  pos = text.find("//////////");
    REQUIRE(pos != std::string::npos);
    text.replace(pos, 10, "//////OOOO");
    Problems   problems, integrity;
    const auto ws = load_workspace(text, "school.json", problems, integrity);
    REQUIRE(ws);  // still readable so the damage can be shown
    REQUIRE(integrity.size() == 1);
    CHECK(integrity[0].file == "school.json");
    CHECK(integrity[0].path == "/cases/0/events/5");
    CHECK(mentions(integrity, "event e6 (attendance_week"));
}

TEST_CASE("log/merge-is-union-by-id-and-joins-branches") {
    const auto base = sample_log();
    Case       home = base.c, host = base.c;
    append_event(home, {{"Home", "DHT"}, EventType::note, {{"text", "home note"}}, ""}, "home-1",
                 "2026-01-05T10:00:00Z");
    append_event(
        host,
        {{"Host", "SENCO"}, EventType::attendance_week, {{"week_start", "2026-09-28"}, {"sessions", "////////NN"}}, ""},
        "host-1", "2026-01-05T09:00:00Z");
    Problems p;
    Case     m1 = merge_cases(home, host, p), m2 = merge_cases(host, home, p);
    CHECK(p.empty());
    CHECK(m1.events.size() == 8);
    CHECK(m1.heads.size() == 2);  // two branches until the next append
    CHECK(workspace_to_json_value(Workspace{1, {}, {}, {}, nullptr, {}, {m1}}) ==
          workspace_to_json_value(Workspace{1, {}, {}, {}, nullptr, {}, {m2}}));  // merge is symmetric
    verify_case(m1, "", "", p);
    CHECK(p.empty());
    append_event(m1, {{"Home", "DHT"}, EventType::note, {{"text", "after merge"}}, ""}, "home-2",
                 "2026-01-06T10:00:00Z");
    CHECK(m1.events.back().prev.size() == 2);  // the new event seals both branches
    CHECK(m1.heads.size() == 1);
    verify_case(m1, "", "", p);
    CHECK(p.empty());
    Case twice = merge_cases(m1, m1, p);  // merging a copy with itself changes nothing
    CHECK(twice.events.size() == m1.events.size());
    CHECK(p.empty());
}

TEST_CASE("log/merge-reports-same-id-different-content") {
    auto a = sample_log().c, b = a;
    b.events[2].payload["urn"] = "100002";
    b.events[2].hash = event_content_hash(b.id, b.events[2]);
    Problems p;
    merge_cases(a, b, p);
    CHECK(mentions(p, "event e3 differs between the two copies"));
}
