// Thurrock Managed Move and Reintegration Procedures (002_51d3a4d919b20124.txt).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

TEST_CASE("thurrock/serious-breach-ends-at-once") {
    // Process bullet 9 and Appendix A: a serious breach ends the placement even inside the first
    // 4 weeks, and the originating school holds an emergency meeting the following day.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    CHECK_FALSE(sc.plan("2026-09-23").allows("end_placement"));  // inside the 4-week lock
    const DraftVerdict breach =
        sc.check(E::serious_breach, {{"date", "2026-09-24"}, {"category", "weapon"}}, "2026-09-24");
    CHECK(breach.allowed);
    sc.add(E::serious_breach, {{"date", "2026-09-24"}, {"category", "weapon"}, {"description", "Knife found in bag"}});
    const CasePlan p = sc.plan("2026-09-24");
    CHECK(p.stage == Stage::ending);
    const auto a = must_alert(p, "thurrock/serious-breach-ends-at-once");
    CHECK(a.level == AlertLevel::blocking);
    CHECK(a.citation.source == "procedures");
    const auto meeting = must_deadline(p, "thurrock/serious-breach-ends-at-once");
    CHECK(meeting.date == d("2026-09-25"));  // Thursday breach -> Friday meeting
    CHECK(meeting.status == DeadlineStatus::due);
    CHECK(meeting.who == "Home school");
    CHECK_FALSE(p.allows("convert_to_managed_move"));
    CHECK(p.allows("return_to_home_school"));
    CHECK(sc.plan("2026-09-28").deadlines.size() >= 1);
    CHECK(must_deadline(sc.plan("2026-09-28"), "thurrock/serious-breach-ends-at-once").status ==
          DeadlineStatus::overdue);
    sc.add(E::meeting_held, {{"kind", "emergency"}, {"date", "2026-09-25"}});
    CHECK(must_deadline(sc.plan("2026-09-28"), "thurrock/serious-breach-ends-at-once").status == DeadlineStatus::met);
}

TEST_CASE("thurrock/serious-breach-on-friday-meeting-next-school-day-after-half-term") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::serious_breach, {{"date", "2026-10-23"}, {"category", "assault"}});  // last day before half-term
    const auto meeting = must_deadline(sc.plan("2026-10-23"), "thurrock/serious-breach-ends-at-once");
    CHECK(meeting.date == d("2026-11-02"));
}

TEST_CASE("thurrock/no-termination-before-the-4-week-review") {
    // Process bullets 7-8, Appendix A: minimum of 4 weeks unless a serious breach.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const Json         early = {{"date", "2026-10-01"}, {"reason", "contract_not_met"}, {"return_date", "2026-10-02"}};
    const DraftVerdict v = sc.check(E::placement_ended, early, "2026-10-01");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "thurrock/no-termination-before-4-weeks"));
    CHECK(action_blocked_by(sc.plan("2026-10-01"), "end_placement", "thurrock/no-termination-before-4-weeks"));
    const Json later = {{"date", "2026-10-12"}, {"reason", "contract_not_met"}, {"return_date", "2026-10-13"}};
    CHECK(sc.check(E::placement_ended, later, "2026-10-12").allowed);
    CHECK(sc.plan("2026-10-12").allows("end_placement"));
    // An early end by review outcome is the same action.
    CHECK_FALSE(sc.check(E::review_held, {{"date", "2026-10-01"}, {"outcome", "end_early"}}, "2026-10-01").allowed);
}

TEST_CASE("thurrock/gdpr-form-before-information-is-shared") {
    // Process, Student Passport bullet: a signed GDPR form must be held before sharing.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    const DraftVerdict v =
        sc.check(E::information_shared, {{"date", "2026-09-08"}, {"items", {"academic"}}}, "2026-09-08");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "thurrock/gdpr-before-sharing"));
    const CasePlan p = sc.plan("2026-09-08");
    CHECK(action_blocked_by(p, "propose_host", "thurrock/gdpr-before-referral"));
    CHECK(action_blocked_by(p, "propose_host", "thurrock/student-passport"));
    CHECK(action_blocked_by(p, "propose_host", "thurrock/panel-presentation"));
    sc.add(E::step_recorded, {{"step", "gdpr_form_signed"}, {"date", "2026-09-08"}});
    CHECK(sc.check(E::information_shared, {{"date", "2026-09-08"}, {"items", {"academic"}}}, "2026-09-08").allowed);
}

TEST_CASE("thurrock/no-more-than-two-referrals-without-panel-agreement") {
    // Key Principles, bullet 9.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.add(E::history_recorded,
           {{"what", "previous_managed_move"}, {"detail", "2024 to Ash School"}, {"successful", false}});
    sc.add(E::history_recorded,
           {{"what", "previous_managed_move"}, {"detail", "2025 to Elm School"}, {"successful", false}});
    sc.prepare(false);
    const DraftVerdict v = sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-10"}}, "2026-09-10");
    CHECK(blocked_by(v, "thurrock/referrals-max-two"));
    sc.add(E::gate_cleared, {{"gate", "panel_repeat_referral"}, {"date", "2026-09-10"}});
    CHECK_FALSE(blocked_by(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-10"}}, "2026-09-10"),
                           "thurrock/referrals-max-two"));
}

TEST_CASE("thurrock/up-to-12-weeks-plus-one-4-week-extension") {
    // Key Principles bullet 6, Process bullet 6, Appendix A.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare(false);
    CHECK(blocked_by(sc.check(E::agreement_signed,
                              {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 13}}, "2026-09-09"),
                     "thurrock/length-12-plus-4"));
    sc.add(E::agreement_signed,
           {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 12}, {"alternative_strategy", "AP"}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 60},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    sc.start("2026-09-14");
    CHECK(sc.plan("2026-09-15").planned_end == d("2026-12-06"));  // 12 calendar weeks, last day the Sunday
    CHECK(sc.check(E::extension_agreed, {{"date", "2026-11-30"}, {"weeks", 4}, {"reason", "monitor_behaviour"}},
                   "2026-11-30")
              .allowed);
    CHECK_FALSE(sc.check(E::extension_agreed, {{"date", "2026-11-30"}, {"weeks", 5}, {"reason", "monitor_behaviour"}},
                         "2026-11-30")
                    .allowed);
    sc.add(E::extension_agreed, {{"date", "2026-11-30"}, {"weeks", 2}, {"reason", "monitor_behaviour"}});
    CHECK(sc.plan("2026-12-01").planned_end == d("2026-12-20"));
    const DraftVerdict second = sc.check(
        E::extension_agreed, {{"date", "2026-12-14"}, {"weeks", 2}, {"reason", "monitor_behaviour"}}, "2026-12-14");
    CHECK(blocked_by(second, "thurrock/length-12-plus-4"));  // only one extension
}

TEST_CASE("thurrock/attendance-must-exceed-95") {
    // Appendix A, term 1: exactly 95% does not exceed 95%.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "//////////"}});
    sc.add(E::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "////////NO"}});
    CasePlan p = sc.plan("2026-09-28");
    CHECK(p.attendance.possible == 20);
    CHECK(p.attendance.percent == doctest::Approx(90.0));
    sc.add(E::attendance_week, {{"week_start", "2026-09-28"}, {"sessions", "//////////"}});
    sc.add(E::attendance_week, {{"week_start", "2026-10-05"}, {"sessions", "//////////"}});
    p = sc.plan("2026-10-12");
    CHECK(p.attendance.percent == doctest::Approx(95.0));
    REQUIRE(alert(p, "thurrock/attendance-above-95"));
    CHECK(must_alert(p, "thurrock/attendance-above-95").level == AlertLevel::warning);
    CHECK_FALSE(alert(p, "england/persistent-absence"));
}

TEST_CASE("thurrock/reviews-about-every-4-weeks") {
    // Key Principles bullet 5, Process bullet 6.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const auto r = must_deadline(sc.plan("2026-09-15"), "thurrock/reviews-4-weekly");
    CHECK(r.date == d("2026-10-12"));
    CHECK(r.who == "Senior Access and Inclusion Officer (SAIO)");
    sc.add(E::review_held, {{"date", "2026-10-12"}, {"outcome", "continue"}});
    // The 6-week agreement ends on 25 Oct, so the next review is capped at the planned end.
    CHECK(must_deadline(sc.plan("2026-10-13"), "thurrock/reviews-4-weekly").date == d("2026-10-25"));
}

TEST_CASE("thurrock/trial-admission-shows-the-statutory-rule") {
    // The 2019 'contract for trial admission' conflicts with the 26 July 2026 statutory guidance.
    Scenario sc("thurrock", "managed_move");
    sc.prepare();
    const CasePlan p = sc.plan("2026-09-10");
    CHECK_FALSE(p.allows("start_placement"));
    CHECK(action_blocked_by(p, "start_placement", "england/no-trial-managed-move"));
    const auto conflict = must_alert(p, "thurrock/trial-admission-vs-statute");
    CHECK(conflict.level == AlertLevel::warning);
    CHECK(conflict.message.find("cannot be a trial") != std::string::npos);
    CHECK(conflict.detail.find("contract for trial admission") != std::string::npos);
    REQUIRE(conflict.statutory_citation);
    CHECK(conflict.statutory_citation->source == "dfe-mm-osd-2026");
    // The lawful path: change the kind, then the direction can start.
    sc.add(E::kind_changed, {{"kind", "osd_to_managed_move"}, {"reason", "Statutory guidance from 26 July 2026"}});
    CHECK(sc.plan("2026-09-10").allows("start_placement"));
}

TEST_CASE("thurrock/ehcp-uses-annual-review") {
    // Criteria, last paragraph.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.add(E::flags_recorded, {{"ehcp", true}});
    sc.prepare(false);
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "propose_host", "thurrock/ehcp-annual-review"));
}

TEST_CASE("thurrock/cla-falls-back-to-the-baseline-virtual-school-gate") {
    // The Thurrock document has no looked-after wording, so the baseline rule applies.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.add(E::flags_recorded, {{"cla", true}});
    sc.prepare();
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "england/cla-virtual-school"));
    sc.add(E::gate_cleared, {{"gate", "virtual_school"}, {"date", "2026-09-10"}});
    CHECK(sc.plan("2026-09-10").allows("start_placement"));
}

TEST_CASE("thurrock/key-principles-bullet-9-earlier-cases-of-the-same-pupil-count-as-referrals") {
    // The pupil's earlier cases in this workspace (same UPN) count like recorded previous moves,
    // whether the plan scans the workspace or is given the index built once for all plans.
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare(false);
    cp::Workspace ws = sc.ws;
    for (const char* id : {"EARLIER-1", "EARLIER-2"}) {
        cp::Case other = sc.log.c;
        other.id = id;
        ws.cases.push_back(other);
    }
    ws.cases.push_back(sc.log.c);
    const cp::CaseState s = sc.state();
    const cp::UpnIndex  index = cp::index_cases_by_upn(ws);
    CHECK(index.at("A123456789012").size() == 3);
    const cp::EventDraft propose{{"Tester", "DHT"}, E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-10"}}, ""};
    CHECK(blocked_by(cp::check_draft({s, sc.pk, sc.cal, d("2026-09-10"), &ws}, propose), "thurrock/referrals-max-two"));
    CHECK(blocked_by(cp::check_draft({s, sc.pk, sc.cal, d("2026-09-10"), &ws, &index}, propose),
                     "thurrock/referrals-max-two"));
    ws.cases.erase(ws.cases.begin());  // one earlier case: referral 2 is still allowed
    const cp::UpnIndex fewer = cp::index_cases_by_upn(ws);
    CHECK_FALSE(
        blocked_by(cp::check_draft({s, sc.pk, sc.cal, d("2026-09-10"), &ws}, propose), "thurrock/referrals-max-two"));
    CHECK_FALSE(blocked_by(cp::check_draft({s, sc.pk, sc.cal, d("2026-09-10"), &ws, &fewer}, propose),
                           "thurrock/referrals-max-two"));
}

TEST_CASE("thurrock/process-bullet-1-parent-agrees-with-rights-explained") {
    Scenario sc("thurrock", "managed_move");
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "thurrock/parent-agrees-rights-explained"));
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "thurrock/parent-agrees-rights-explained"));
}

TEST_CASE("thurrock/key-principles-3-4-process-5-appendix-a-contract-before-the-start") {
    Scenario sc("thurrock", "managed_move");
    sc.prepare(false);
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "thurrock/contract-before-start"));
    CHECK(blocked_by(sc.check(E::placement_started, {{"date", "2026-09-14"}}, "2026-09-14"),
                     "thurrock/contract-before-start"));
    sc.add(E::agreement_signed, Scenario::full_agreement());
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "thurrock/contract-before-start"));
}

TEST_CASE("thurrock/key-principles-7-alternative-strategy-if-the-move-fails") {
    const AgreementPlans p = agreement_without("thurrock", "managed_move", "alternative_strategy");
    CHECK(action_warned_by(p.without, "start_placement", "thurrock/alternative-strategy"));
    CHECK_FALSE(action_blocked_by(p.without, "start_placement", "thurrock/alternative-strategy"));
    CHECK_FALSE(action_warned_by(p.with, "start_placement", "thurrock/alternative-strategy"));
}

TEST_CASE("thurrock/process-dual-registration-weekly-attendance-marks") {
    Scenario sc("thurrock", "managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const Deadline w = must_deadline(sc.plan("2026-09-22"), "thurrock/weekly-attendance-marks");
    CHECK(w.date == d("2026-09-25"));  // the week of 14 Sep, a week after its Friday
    CHECK(w.who == "Home school");
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "//////////"}});
    CHECK(must_deadline(sc.plan("2026-09-22"), "thurrock/weekly-attendance-marks").date ==
          d("2026-10-02"));  // now the week of 21 Sep
}

TEST_CASE("thurrock/process-bullet-1-sub-points-and-appendix-a-terms-shown-while-agreeing") {
    check_informs_only_at("thurrock", "managed_move", "thurrock/transport-uniform-fsm",
                          {Stage::preparing, Stage::agreeing});
    check_informs_only_at("thurrock", "managed_move", "thurrock/fixed-targets", {Stage::agreeing, Stage::placement});
}

TEST_CASE("thurrock/key-principles-8-advance-warning-during-the-placement") {
    check_informs_only_at("thurrock", "managed_move", "thurrock/advance-warning",
                          {Stage::placement, Stage::decision_due});
}

TEST_CASE("thurrock/process-unsuccessful-moves-right-to-return") {
    check_informs_only_at("thurrock", "managed_move", "thurrock/right-to-return", {Stage::ending, Stage::returned});
}

TEST_CASE("thurrock/process-full-transfer-funding-transfer") {
    check_informs_only_at("thurrock", "osd_to_managed_move", "thurrock/funding-transfer",
                          {Stage::decision_due, Stage::transferred});
}
