// Issue 12 §1, "Rules hold over the whole log": the plan, given the log, judges every live event
// with the recording check's own verdict, on the state before it and on the day it was recorded. A
// log imported, merged or recorded under another edition of a pack can hold events the check
// refuses; each one is a blocking alert naming the event, its date, the rule and its citation.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "random_events.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;

namespace {

std::string at_on(Date day, int n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", to_iso(day).c_str(), 8 + (n / 3600) % 12, (n / 60) % 60,
                  n % 60);
    return buf;
}

// The same log as if each event had been recorded on the day it happened: the day of its date (never
// earlier than the event before it, so the log keeps its order).
Case recorded_as_it_happened(const Case& in) {
    Case out;
    out.id = in.id;
    Date day{};
    int  n = 0;
    for (const Event& e : in.events) {
        const char* field = fact_date_field(e.type) ? fact_date_field(e.type) : "date";
        if (const auto d = payload_date(e.payload, field); d && *d > day) day = *d;
        Problems problems;
        REQUIRE(append_event(out, {e.author, e.type, e.payload, e.supersedes}, e.id, at_on(day, ++n), &problems));
    }
    return out;
}

CasePlan plan_with_log(const Case& c, const Pack& pk, const SchoolCalendar& cal, Date today,
                       const Workspace* ws = nullptr) {
    const CaseState s = replay(c);
    return plan_case({s, pk, cal, today, ws, nullptr, &c});
}

// The events a plan names in its blocking alerts about the log ("Event e12, recorded at …").
std::set<std::string> flagged(const CasePlan& p) {
    std::set<std::string> ids;
    for (const Alert& a : p.alerts) {
        if (a.level != AlertLevel::blocking || a.detail.rfind("Event ", 0) != 0) continue;
        ids.insert(a.detail.substr(6, a.detail.find(',') - 6));
    }
    return ids;
}

// The blocking alert from `rule` about the log, failing with the plan's alerts when there is none.
Alert log_alert(const CasePlan& p, const std::string& rule) {
    for (const Alert& a : p.alerts)
        if (a.level == AlertLevel::blocking && a.rule_id == rule && a.message.rfind("Recorded on ", 0) == 0) return a;
    FAIL("no blocking alert about the log from " << rule << "; the plan's alerts: " << rule_ids_of(p, false));
    return {};
}

}  // namespace

// Over random sequences in every pack, some events appended directly although the recording check
// refused them (as an import or a merge would): the plan names exactly the refused events, each in a
// blocking alert, and none of those the check accepted.
TEST_CASE("whole-log/the-plan-names-exactly-the-events-the-recording-check-refuses") {
    const std::vector<std::string> packs = local_pack_ids();
    const std::vector<const char*> kinds = {"off_site_direction", "managed_move", "osd_to_managed_move",
                                            "reintegration"};
    std::vector<Pack>              loaded;
    for (const std::string& id : packs) loaded.push_back(pack(id.c_str()));
    const SchoolCalendar cal = test_calendar();
    int                  forced = 0, accepted = 0;
    for (uint64_t seed = 1; seed <= 600; ++seed) {
        Rng               r{seed * 7919};
        const std::size_t which = r.index(packs.size());
        const Pack&       pk = loaded[which];
        Case              c;
        c.id = "W-" + std::to_string(seed);
        Date                  today = d("2026-09-01");
        int                   n = 0;
        std::set<std::string> refused;
        Problems              problems;
        REQUIRE(append_event(
            c,
            {{"Random", "Tester"},
             EventType::case_opened,
             {{"date", iso(today)}, {"kind", r.pick(kinds)}, {"pack", packs[which]}, {"pupil_name", "Random Pupil"}},
             ""},
            "e0", at_on(today, n), &problems));
        const int steps = 10 + r.below(30);
        for (int step = 0; step < steps; ++step) {
            today = add_days(today, r.below(4));
            const CaseState    s = replay(c);
            const EventDraft   draft = random_draft(r, s, today);
            const DraftVerdict v = check_draft({s, pk, cal, today, nullptr}, draft);
            if (!v.allowed && !r.chance(15)) continue;
            const std::string id = "e" + std::to_string(++n);
            REQUIRE(append_event(c, draft, id, at_on(today, n), &problems));
            if (v.allowed)
                ++accepted;
            else {
                refused.insert(id);
                ++forced;
            }
        }
        const std::string where = "seed " + std::to_string(seed) + " (" + packs[which] + ")";
        const CasePlan    p = plan_with_log(c, pk, cal, today);
        CHECK_MESSAGE(flagged(p) == refused, where << ": " << flagged(p).size() << " flagged, " << refused.size()
                                                   << " refused; alerts: " << rule_ids_of(p, false));
        for (const Alert& a : p.alerts)
            if (a.detail.rfind("Event ", 0) == 0) CHECK_MESSAGE(a.message.rfind("Recorded on ", 0) == 0, where);
    }
    MESSAGE(accepted << " events accepted, " << forced << " appended although refused");
    CHECK(forced > 300);
}

// The Process & Procedure, bullets 7-8: an ending in week 3 without a serious breach, imported.
TEST_CASE("thurrock/no-termination-before-the-4-week-review-holds-over-an-imported-log") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(EventType::placement_ended, {{"date", "2026-10-01"}, {"reason", "contract_not_met"}});
    const Case  log = recorded_as_it_happened(sc.log.c);
    const Alert a =
        log_alert(plan_with_log(log, sc.pk, sc.cal, d("2026-10-05")), "thurrock/no-termination-before-4-weeks");
    CHECK(a.message.rfind("Recorded on 01/10/2026: Placement ended", 0) == 0);
    CHECK(a.message.find("(01/10/2026)") != std::string::npos);
    CHECK(a.message.find("Earliest ending without a serious breach: 12/10/2026") != std::string::npos);
    CHECK(a.citation.text.find("Thurrock") != std::string::npos);
    CHECK(a.detail.find("Event e") == 0);
    // Without the log the plan judges only the state, as before.
    CHECK_FALSE(alert(sc.plan("2026-10-05"), "thurrock/no-termination-before-4-weeks"));
}

// Protocol, paragraph 5b: an agreement for 8 weeks recorded under another edition of the pack.
TEST_CASE("oxfordshire/direction-no-longer-than-6-weeks-holds-over-an-imported-log") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare(false);
    Json agreement = Scenario::full_agreement();
    agreement["duration_weeks"] = 8;
    sc.add(EventType::agreement_signed, agreement);
    const Alert a = log_alert(plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-10")),
                              "oxfordshire/max-6-weeks");
    CHECK(a.message.find("Recorded on 09/09/2026: Placement agreement") != std::string::npos);
    CHECK(a.message.find("8 weeks agreed, at most 6") != std::string::npos);
}

// Key Principles, bullet 6: one extension of at most 4 weeks; a 6-week extension imported.
TEST_CASE("thurrock/up-to-12-weeks-plus-one-4-week-extension-holds-over-an-imported-log") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare(false);
    Json agreement = Scenario::full_agreement();
    agreement["duration_weeks"] = 12;
    sc.add(EventType::agreement_signed, agreement);
    sc.start("2026-09-14");
    sc.add(EventType::extension_agreed, {{"date", "2026-11-30"}, {"weeks", 6}, {"reason", "monitor_behaviour"}});
    const CasePlan p = plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-12-01"));
    CHECK(log_alert(p, "thurrock/length-12-plus-4").message.find("18 weeks agreed, at most 16") != std::string::npos);
}

// A review outcome and an outcome recorded after the case was closed are refused at their stage.
TEST_CASE("whole-log/an-outcome-after-the-outcome-is-named") {
    Scenario sc("worcestershire", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(EventType::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "returned"}});
    sc.add(EventType::review_held, {{"date", "2026-11-02"}, {"outcome", "convert"}});
    const CasePlan p = plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-11-03"));
    const Alert    a = log_alert(p, "engine/stage");
    CHECK(a.message.rfind("Recorded on 02/11/2026: Review meeting held: Convert to a managed move (02/11/2026).", 0) ==
          0);
    CHECK(flagged(p).size() == 1);
}

// Facts are not in the future: a first day, a week of attendance, a meeting or a review dated after
// the day it is recorded is refused; an agreed start or a review date planned ahead is not.
TEST_CASE("whole-log/facts-cannot-be-dated-after-the-day-they-are-recorded") {
    Scenario sc("worcestershire", "osd_to_managed_move");
    sc.prepare();
    CHECK(blocked_by(sc.check(EventType::placement_started, {{"date", "2026-09-14"}}, "2026-09-11"),
                     "engine/fact-in-future"));
    CHECK(sc.check(EventType::placement_started, {{"date", "2026-09-14"}}, "2026-09-14").allowed);
    CHECK(blocked_by(sc.check(EventType::meeting_held, {{"kind", "initial"}, {"date", "2026-09-12"}}, "2026-09-11"),
                     "engine/fact-in-future"));
    CHECK(sc.check(EventType::review_scheduled, {{"date", "2026-10-05"}}, "2026-09-11").allowed);
    sc.start("2026-09-14");
    CHECK(blocked_by(
        sc.check(EventType::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "//////////"}}, "2026-09-18"),
        "engine/fact-in-future"));
    CHECK(blocked_by(sc.check(EventType::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}}, "2026-10-02"),
                     "engine/fact-in-future"));
    // In a log: the first day recorded three days before it happened.
    Case log = recorded_as_it_happened(sc.log.c);
    log.events.back().at = "2026-09-11T09:00:00Z";
    const Alert a = log_alert(plan_with_log(log, sc.pk, sc.cal, d("2026-09-15")), "engine/fact-in-future");
    CHECK(a.message.rfind("Recorded on 11/09/2026: Placement started (14/09/2026).", 0) == 0);
}

// "Already done although …" only when the gate failed on the day the step was recorded: Norfolk's
// EHCP rule (Principles, bullet 15) learned after the approach does not make the approach wrong.
TEST_CASE("norfolk/ehcp-review-not-mm-judges-the-approach-on-the-day-it-was-made") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare();
    sc.add(EventType::flags_recorded, {{"ehcp", true}});
    const CasePlan p = plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-11"));
    CHECK(flagged(p).empty());
    for (const Alert& a : p.alerts) CHECK_MESSAGE(a.message.find("Already done") == std::string::npos, a.message);
}

// A status learned later still counts: an EHCP recorded after the host accepted gates the start
// (Norfolk, Principles, bullet 15), and a child looked after the conversion (Oxfordshire's Virtual
// School rule), not only the first approach.
TEST_CASE("norfolk/ehcp-review-not-mm-gates-the-start-when-the-ehcp-is-learned-after-the-host-accepted") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare();
    CHECK(sc.check(EventType::placement_started, {{"date", "2026-09-14"}}, "2026-09-14").allowed);
    sc.add(EventType::flags_recorded, {{"ehcp", true}});
    CHECK(blocked_by(sc.check(EventType::placement_started, {{"date", "2026-09-14"}}, "2026-09-14"),
                     "norfolk/ehcp-review-not-mm"));
    CHECK(action_blocked_by(sc.plan("2026-09-14"), "start_placement", "norfolk/ehcp-review-not-mm"));
    // Started anyway (an imported log): the start is named, not the approach made before the EHCP was known.
    sc.start("2026-09-14");
    const CasePlan p = plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-15"));
    CHECK(log_alert(p, "norfolk/ehcp-review-not-mm").message.find("Placement started") != std::string::npos);
    CHECK(flagged(p).size() == 1);
}

TEST_CASE("oxfordshire/cla-virtual-school-gates-the-conversion-when-looked-after-status-is-learned-later") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(EventType::flags_recorded, {{"cla", true}});
    CHECK(blocked_by(sc.check(EventType::review_held, {{"date", "2026-10-05"}, {"outcome", "convert"}}, "2026-10-05"),
                     "oxfordshire/cla-virtual-school"));
    sc.add(EventType::gate_cleared, {{"gate", "virtual_school"}, {"date", "2026-10-01"}});
    CHECK_FALSE(
        blocked_by(sc.check(EventType::review_held, {{"date", "2026-10-05"}, {"outcome", "convert"}}, "2026-10-05"),
                   "oxfordshire/cla-virtual-school"));
}

// A decision about a school needs the school: an acceptance from a school never approached is refused,
// and named when it is in a log.
TEST_CASE("whole-log/a-host-decision-needs-the-approach") {
    Scenario sc("worcestershire", "off_site_direction");
    CHECK(blocked_by(sc.check(EventType::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}},
                              "2026-09-08"),
                     "engine/decision-needs-the-approach"));
    sc.add(EventType::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    const CasePlan p = plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-09"));
    CHECK(log_alert(p, "engine/decision-needs-the-approach").message.find("never approached") != std::string::npos);
}

// Thurrock, no more than two referrals without the panel's agreement: only referrals opened before this
// one count (a later case of the same pupil does not make an earlier one a third referral).
TEST_CASE("thurrock/no-more-than-two-referrals-counts-only-earlier-cases") {
    const Pack           pk = pack("thurrock");
    const SchoolCalendar cal = test_calendar();
    Workspace            ws;
    ws.own = {"Home School", "100000", "thurrock", "home_school"};
    for (const char* day : {"2026-09-01", "2026-09-02", "2026-09-03"}) {
        LogBuilder log(std::string("C-") + day);
        log.add(EventType::case_opened, {{"date", day},
                                         {"kind", "osd_to_managed_move"},
                                         {"pack", "thurrock"},
                                         {"pupil_name", "P"},
                                         {"upn", "A123456789012"}});
        ws.cases.push_back(log.c);
    }
    const UpnIndex upns = index_cases_by_upn(ws);
    const auto     referral_blocked = [&](std::size_t i, const UpnIndex* index) {
        const CaseState s = replay(ws.cases[i]);
        return action_blocked_by(plan_case({s, pk, cal, d("2026-09-04"), &ws, index}), "propose_host",
                                     "thurrock/referrals-max-two");
    };
    for (const UpnIndex* index : {static_cast<const UpnIndex*>(nullptr), &upns}) {
        CHECK_FALSE(referral_blocked(0, index));
        CHECK_FALSE(referral_blocked(1, index));
        CHECK(referral_blocked(2, index));
    }
}

// Norfolk, Process, bullet 8: behaviour trials run for a minimum of 8 school weeks; the transfer is not
// decided before the last day of the eighth school week (the scheme gives no earlier decision).
TEST_CASE("norfolk/trial-8-school-weeks-no-transfer-before-the-minimum") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(EventType::consent_recorded,
           {{"who", "admission_authority"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-14"}});
    // Eight school weeks from Monday 14 September, past the half-term of 26-30 October: Friday 13 November.
    const DraftVerdict early =
        sc.check(EventType::review_held, {{"date", "2026-10-23"}, {"outcome", "convert"}}, "2026-10-23");
    CHECK(blocked_by(early, "norfolk/trial-8-school-weeks"));
    CHECK(early.blocking.front().message.find("13/11/2026") != std::string::npos);
    CHECK_FALSE(
        blocked_by(sc.check(EventType::review_held, {{"date", "2026-11-13"}, {"outcome", "convert"}}, "2026-11-13"),
                   "norfolk/trial-8-school-weeks"));
}

// docs/workspace-format.md, attendance_week: a Monday and ten 2024 register codes. The recording
// check refuses a week with blanks (issue 13 item 7); the same week in a log already recorded is
// flagged on the plan, naming the week.
TEST_CASE("attendance/a-week-with-blanks-is-refused-and-flagged-over-an-imported-log") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    const Json         bad{{"week_start", "2026-09-14"}, {"sessions", "// // // //"}};
    const DraftVerdict v = sc.check(EventType::attendance_week, bad, "2026-09-21");
    CHECK_FALSE(v.allowed);
    REQUIRE_FALSE(v.blocking.empty());
    CHECK(v.blocking[0].message.find("the week of 14/09/2026 has 3 sessions left blank") != std::string::npos);
    sc.add(EventType::attendance_week, bad);
    const Alert a = log_alert(plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-21")),
                              "engine/attendance-week");
    CHECK(a.message.find("3 sessions left blank") != std::string::npos);
}

// Issue 13 item 5: a start date typed wrongly is put right after the placement has started. The
// correction restates the agreement (the same entry, changed), so the stage does not hold it; a
// "correction" of another type is a new step in disguise and the stage still judges it.
TEST_CASE("corrections/the-agreement-is-corrected-after-the-placement-started") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    std::string agreement;
    for (const Event& e : sc.log.c.events)
        if (e.type == EventType::agreement_signed) agreement = e.id;
    REQUIRE_FALSE(agreement.empty());
    Json corrected = Scenario::full_agreement("2026-09-14");
    corrected["duration_weeks"] = 8;
    const CaseState    s = sc.state();
    const EventDraft   fix{{"Tester", "DHT"}, EventType::agreement_signed, corrected, agreement};
    const DraftVerdict v = check_draft({s, sc.pk, sc.cal, d("2026-09-21"), &sc.ws, nullptr, &sc.log.c}, fix);
    CHECK_MESSAGE(v.allowed, (v.blocking.empty() ? std::string() : v.blocking[0].message));
    // Without the log the check cannot tell what is corrected, and holds it as a new agreement.
    const DraftVerdict blind = check_draft({s, sc.pk, sc.cal, d("2026-09-21"), &sc.ws}, fix);
    CHECK(blocked_by(blind, "engine/stage"));
    // Superseding the agreement with a different entry is not a correction of it.
    const EventDraft disguised{
        {"Tester", "DHT"}, EventType::host_proposed, {{"urn", "100002"}, {"date", "2026-09-21"}}, agreement};
    CHECK(blocked_by(check_draft({s, sc.pk, sc.cal, d("2026-09-21"), &sc.ws, nullptr, &sc.log.c}, disguised),
                     "engine/stage"));
    // Recorded, the correction counts in place of the agreement and the log is not flagged for it.
    const auto        six_weeks = sc.plan("2026-09-21").planned_end;
    const std::string id = sc.add(EventType::agreement_signed, corrected, agreement);
    CHECK(flagged(plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-21"))).count(id) == 0);
    const auto eight_weeks = sc.plan("2026-09-21").planned_end;
    REQUIRE(six_weeks);
    REQUIRE(eight_weeks);
    CHECK(days_between(*six_weeks, *eight_weeks) == 14);
}

// Education Act 2002 s29A: the governing board decides; a log whose notice came before any decision.
TEST_CASE("england/s29A-the-board-decides-before-the-notice-holds-over-an-imported-log") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.add(EventType::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(EventType::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    sc.add(EventType::agreement_signed, Scenario::full_agreement());
    sc.add(EventType::notice_sent, {{"date", "2026-09-09"},
                                    {"address", "1 High St"},
                                    {"report_to", "Mr Host"},
                                    {"days", 30},
                                    {"reasons", "Behaviour"},
                                    {"session_times", "08:40-15:10"}});
    const Alert a = log_alert(plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-09-10")),
                              "england/board-decides-direction");
    CHECK(a.message.find("Recorded on 09/09/2026: Written notice of the direction sent") != std::string::npos);
}

// SI 2010/1156 regulation 4: a review that continued the direction without saying for how long.
TEST_CASE("england/reg-4-the-review-decides-how-long-holds-over-an-imported-log") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(EventType::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}});
    const Alert a = log_alert(plan_with_log(recorded_as_it_happened(sc.log.c), sc.pk, sc.cal, d("2026-10-06")),
                              "england/review-decides-continuation");
    CHECK(a.message.find("Recorded on 05/10/2026: Review meeting held") != std::string::npos);
}
