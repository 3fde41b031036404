#include <doctest/doctest.h>

#include <map>
#include <set>

#include "engine/demo.h"
#include "engine/engine.h"
#include "engine/report.h"
#include "test_util.h"

using namespace cp;

namespace {
struct Demo {
    Workspace             ws = make_demo_workspace();
    PackLibrary           packs;
    SchoolCalendar        cal;
    std::vector<CasePlan> plans;
    Demo() {
        Problems p;
        packs.load_embedded(p);
        CHECK(p.empty());
        cal = workspace_calendar(ws, packs, p);
        CHECK(p.empty());
        plans = plan_workspace(ws, packs, cal, cptest::d(kDemoToday));
    }
    const CasePlan& plan(const std::string& id) {
        for (const auto& x : plans)
            if (x.case_id == id) return x;
        FAIL("no case " << id);
        return plans.front();
    }
};
}  // namespace

TEST_CASE("demo/round-trips-and-verifies") {
    const Workspace   ws = make_demo_workspace();
    const std::string text = workspace_to_json(ws);
    Problems          problems, integrity;
    const auto        back = load_workspace(text, "demo.json", problems, integrity);
    REQUIRE(back);
    CHECK(problems.empty());
    CHECK(integrity.empty());
    CHECK(workspace_to_json(*back) == text);
    CHECK(text.find("fictional") != std::string::npos);
}

TEST_CASE("demo/each-protocol-at-its-own-stage") {
    Demo demo;
    CHECK(demo.plan("DEMO-WO-1").stage == Stage::placement);
    bool overdue_review = false;
    for (const auto& d : demo.plan("DEMO-WO-1").deadlines)
        overdue_review = overdue_review || (d.rule_id == "worcestershire/reviews-at-agreed-intervals" &&
                                            d.status == DeadlineStatus::overdue);
    CHECK(overdue_review);
    CHECK(demo.plan("DEMO-WO-2").stage == Stage::transferred);
    CHECK(demo.plan("DEMO-TH-1").stage == Stage::ending);
    CHECK(cptest::alert(demo.plan("DEMO-TH-1"), "thurrock/serious-breach-ends-at-once"));
    CHECK(demo.plan("DEMO-OX-1").stage == Stage::returned);
    CHECK(demo.plan("DEMO-NO-1").stage == Stage::preparing);
    CHECK(demo.plan("DEMO-HF-1").stage == Stage::agreeing);
    // No demo case did anything its pack forbids.
    for (const auto& p : demo.plans)
        for (const auto& a : p.alerts)
            CHECK_MESSAGE(a.message.find("Already done") == std::string::npos, p.case_id << ": " << a.message);
}

// Issue 13 item 11: the demo shows a room every protocol before, during and after a placement, and
// never a case of a kind the app itself calls not allowed (a trial managed move, since 26 July 2026).
TEST_CASE("demo/every-protocol-before-during-and-after-a-placement") {
    Demo                                         demo;
    std::map<std::string, std::set<std::string>> seen;
    for (const auto& p : demo.plans) {
        const Stage       st = p.stage;
        const std::string when = st == Stage::preparing || st == Stage::agreeing                              ? "before"
                                 : st == Stage::placement || st == Stage::decision_due || st == Stage::ending ? "during"
                                                                                                              : "after";
        seen[replay(*find_case(demo.ws, p.case_id)).pack].insert(when);
        for (const auto& a : p.alerts) CHECK_MESSAGE(a.rule_id != "england/no-trial-managed-move", p.case_id);
    }
    REQUIRE(seen.size() == 5);
    const std::set<std::string> all = {"before", "during", "after"};
    for (const auto& entry : seen) CHECK_MESSAGE(entry.second == all, entry.first);
}

TEST_CASE("demo/panel-report-per-school-per-term") {
    Demo                   demo;
    std::vector<CaseState> states;
    for (const auto& c : demo.ws.cases) states.push_back(replay(c));
    const PanelReport r = panel_report(demo.ws, states, demo.cal, cptest::d("2026-09-01"), cptest::d("2027-08-31"));
    int               proposed = 0, received = 0, successful = 0, unsuccessful = 0, ended_early = 0;
    for (const auto& row : r.rows) {
        CHECK(row.term == "Autumn 2026");
        proposed += row.proposed;
        received += row.received;
        successful += row.successful;
        unsuccessful += row.unsuccessful;
        ended_early += row.ended_early;
    }
    CHECK(proposed == 16);
    CHECK(received == 11);
    CHECK(successful == 6);    // the three conversions, each counted for home and host
    CHECK(unsuccessful == 4);  // the Oxfordshire return and the Thurrock breach, for home and host
    CHECK(ended_early == 4);   // the Thurrock breaches
    const std::string csv = report_to_csv(r);
    CHECK(csv.rfind("Term,School,URN,Proposed,Started,Received,Successful,Unsuccessful,Ended early,", 0) == 0);
    CHECK(csv.find("Autumn 2026,Westmere School (fictional),900012,0,0,1,1,0,0,1,0,0,0,0\n") != std::string::npos);
    // Issue 13 item 9: a conversion is one pupil, counted for home and host in the rows, once in the total.
    CHECK(r.total.successful == 3);
    CHECK(r.total.transferred == 3);
    CHECK(r.total.unsuccessful == 2);
    CHECK(r.total.proposed == 16);
    CHECK(r.total.ended_early == 2);
    CHECK(csv.find("\nTotal,,,16,") != std::string::npos);
}

TEST_CASE("report/csv-quotes-commas-and-quotes") {
    PanelReport r;
    r.rows.push_back({"Autumn 2026", "900001", "St \"Mary\", Demotown", 1});
    CHECK(report_to_csv(r).find("Autumn 2026,\"St \"\"Mary\"\", Demotown\",900001,1,0,") != std::string::npos);
}

TEST_CASE("engine/record-event-refuses-what-the-pack-forbids-and-appends-the-rest") {
    Demo       demo;
    const Date today = cptest::d(kDemoToday);
    Workspace& ws = demo.ws;
    Problems   p;
    // A trial managed move, as Hammersmith & Fulham's 2019 guidance describes one: since 26 July 2026
    // the placement cannot start; changing the kind to the lawful path is recorded.
    REQUIRE(open_case(ws, "TRIAL-1",
                      {{"X", "Y"},
                       EventType::case_opened,
                       {{"date", "2026-11-20"},
                        {"kind", "managed_move"},
                        {"pack", "hammersmith-fulham"},
                        {"pupil_name", "Trial Pupil (fictional)"}},
                       ""},
                      next_event_id(ws), "2026-11-20T09:59:00Z", demo.packs, p));
    DraftVerdict v =
        record_event(ws, "TRIAL-1", {{"X", "Y"}, EventType::placement_started, {{"date", "2026-11-23"}}, ""},
                     next_event_id(ws), "2026-11-20T10:00:00Z", demo.packs, demo.cal, today);
    CHECK_FALSE(v.allowed);
    const Case& trial = *find_case(ws, "TRIAL-1");
    CHECK(cptest::alert(plan_for(ws, trial, replay(trial), demo.packs, demo.cal, today),
                        "england/no-trial-managed-move"));
    CHECK(trial.events.size() == 1);
    v = record_event(
        ws, "TRIAL-1",
        {{"X", "Y"}, EventType::kind_changed, {{"kind", "osd_to_managed_move"}, {"reason", "Statute"}}, ""},
        next_event_id(ws), "2026-11-20T10:01:00Z", demo.packs, demo.cal, today);
    CHECK(v.allowed);
    CHECK(find_case(ws, "TRIAL-1")->events.size() == 2);
    CHECK(open_case(ws, "NEW-1",
                    {{"X", "Y"},
                     EventType::case_opened,
                     {{"date", "2026-11-20"},
                      {"kind", "off_site_direction"},
                      {"pack", "worcestershire"},
                      {"pupil_name", "New Pupil (fictional)"}},
                     ""},
                    next_event_id(ws), "2026-11-20T10:02:00Z", demo.packs, p));
    CHECK_FALSE(open_case(ws, "NEW-1", {{"X", "Y"}, EventType::case_opened, {}, ""}, "x", "2026-11-20T10:03:00Z",
                          demo.packs, p));
    CHECK(verify_workspace(ws, "").empty());
    CHECK(next_event_id(ws) == "900001-4");  // the demo's own ids have a longer form; -1 to -3 were used above
}

// The demo shows lawful practice: no entry in any demo case is one the recording check refuses
// (s29A's board decision before the notice, reg 4's decision after each review, and every pack rule).
TEST_CASE("demo/no-entry-is-one-the-recording-check-refuses") {
    Demo demo;
    for (const CasePlan& p : demo.plans)
        for (const Alert& a : p.alerts) {
            INFO(p.case_id << ": " << a.message);
            CHECK_FALSE((a.level == AlertLevel::blocking && a.message.rfind("Recorded on ", 0) == 0));
        }
}
