// Norfolk Managed Move Scheme (003_a300e7c698b79f09.txt).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

namespace {
// Norfolk's agreement is in school weeks: 8 of them.
void norfolk_agreement(Scenario& sc, int weeks = 8) {
    sc.add(E::agreement_signed, {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", weeks}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 40},
                            {"reasons", "r"},
                            {"session_times", "t"}});
}
}  // namespace

TEST_CASE("norfolk/process-3-four-nearest-schools-before-approach") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    const DraftVerdict v = sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08");
    CHECK(blocked_by(v, "norfolk/four-nearest-schools"));
    sc.add(E::step_recorded, {{"step", "nearest_schools_listed"},
                              {"date", "2026-09-08"},
                              {"schools", Json::array({{{"urn", "100001"}, {"moves_in", 2}, {"moves_out", 1}}})}});
    CHECK(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08").allowed);
}

TEST_CASE("norfolk/process-9-trial-of-8-school-weeks-across-half-term") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.start("2026-09-14");
    // Six school weeks to 23 Oct, half-term 26-30 Oct does not count, two more to Friday 13 Nov.
    const CasePlan p = sc.plan("2026-09-15");
    CHECK(p.planned_end == d("2026-11-13"));
    const auto decision = must_deadline(p, "norfolk/trial-8-school-weeks");
    CHECK(decision.date == d("2026-11-13"));
    CHECK(decision.status == DeadlineStatus::upcoming);
    CHECK(sc.plan("2026-11-16").stage == Stage::decision_due);
    CHECK(must_deadline(sc.plan("2026-11-16"), "norfolk/trial-8-school-weeks").status == DeadlineStatus::overdue);
}

TEST_CASE("norfolk/process-9-shorter-than-8-school-weeks-warns") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    const DraftVerdict v = sc.check(
        E::agreement_signed, {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 6}}, "2026-09-09");
    CHECK(v.allowed);
    CHECK(warned_by(v, "norfolk/trial-8-school-weeks"));
}

TEST_CASE("norfolk/process-9-extension-up-to-6-more-school-weeks") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.start("2026-09-14");
    CHECK_FALSE(sc.check(E::extension_agreed, {{"date", "2026-11-09"}, {"weeks", 7}, {"reason", "low_level_concerns"}},
                         "2026-11-09")
                    .allowed);
    sc.add(E::extension_agreed, {{"date", "2026-11-09"}, {"weeks", 6}, {"reason", "low_level_concerns"}});
    // 14 school weeks: weeks 9-13 run 16 Nov - 18 Dec, the Christmas holiday does not count, and
    // week 14 is 4-8 January.
    CHECK(sc.plan("2026-11-10").planned_end == d("2027-01-08"));
    CHECK(action_blocked_by(sc.plan("2026-11-10"), "agree_extension", "norfolk/trial-8-school-weeks"));
}

TEST_CASE("norfolk/process-16-attendance-below-persistent-absence-fails-unless-illness") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-09-09"}});
    sc.start("2026-09-14");
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "//////IIII"}});
    sc.add(E::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "//////////"}});
    const CasePlan p = sc.plan("2026-09-28");
    CHECK(p.attendance.percent == doctest::Approx(80.0));
    const auto a = must_alert(p, "norfolk/attendance-pa-fails");
    CHECK(a.level == AlertLevel::blocking);
    CHECK(action_blocked_by(p, "convert_to_managed_move", "norfolk/attendance-pa-fails"));
    sc.add(E::extension_agreed,
           {{"date", "2026-09-28"}, {"weeks", 2}, {"reason", "illness"}, {"evidence", "GP letter 25/09/2026"}});
    const CasePlan q = sc.plan("2026-09-28");
    CHECK_FALSE(alert(q, "norfolk/attendance-pa-fails"));
    // Attendance no longer stops the transfer (the 8-week minimum still does, until 13 November).
    CHECK_FALSE(action_blocked_by(q, "convert_to_managed_move", "norfolk/attendance-pa-fails"));
}

TEST_CASE("norfolk/process-16-exactly-90-percent-is-persistent-absence") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.start("2026-09-14");
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "////////OO"}});
    sc.add(E::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "//////////"}});
    CHECK(action_blocked_by(sc.plan("2026-09-28"), "convert_to_managed_move", "norfolk/attendance-pa-fails"));
}

TEST_CASE("norfolk/process-13-trial-terminated-on-serious-breach") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.start("2026-09-14");
    sc.add(E::serious_breach, {{"date", "2026-10-06"}, {"category", "drugs"}});
    const CasePlan p = sc.plan("2026-10-06");
    CHECK(p.stage == Stage::ending);
    CHECK(alert(p, "norfolk/trial-ends-on-breach"));
    CHECK_FALSE(p.allows("convert_to_managed_move"));
}

TEST_CASE("norfolk/principles-15-16-ehcp-review-and-virtual-school-adviser") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.add(E::flags_recorded, {{"ehcp", true}, {"cla", true}});
    sc.prepare(false);
    const CasePlan p = sc.plan("2026-09-10");
    CHECK(action_blocked_by(p, "propose_host", "norfolk/ehcp-review-not-mm"));
    CHECK(action_blocked_by(p, "propose_host", "norfolk/lac-virtual-school-adviser"));
}

TEST_CASE("norfolk/process-8-10-agreement-fair-access-and-joint-meeting-before-start") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    sc.add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "ok"}});
    sc.add(E::step_recorded, {{"step", "nearest_schools_listed"}, {"date", "2026-09-08"}, {"schools", Json::array()}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    norfolk_agreement(sc);
    const CasePlan p = sc.plan("2026-09-10");
    CHECK(action_blocked_by(p, "start_placement", "norfolk/fair-access-signs-agreement"));
    CHECK(action_blocked_by(p, "start_placement", "norfolk/joint-meeting-before-start"));
}

TEST_CASE("norfolk/behaviour-trial-conflicts-with-statute") {
    Scenario   sc("norfolk", "managed_move");
    const auto c = must_alert(sc.plan("2026-09-08"), "norfolk/behaviour-trial-vs-statute");
    CHECK(c.detail.find("behaviour trial") != std::string::npos);
}

TEST_CASE("norfolk/weekly-attendance-to-current-school") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    norfolk_agreement(sc);
    sc.start("2026-09-14");
    auto w = must_deadline(sc.plan("2026-09-22"), "norfolk/weekly-attendance");
    CHECK(w.date == d("2026-09-25"));  // the week of 14 Sep is due by the following Friday
    CHECK(sc.plan("2026-09-28").alerts.size() > 0);
    CHECK(must_deadline(sc.plan("2026-09-28"), "norfolk/weekly-attendance").status == DeadlineStatus::overdue);
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "//////////"}});
    w = must_deadline(sc.plan("2026-09-28"), "norfolk/weekly-attendance");
    CHECK(w.date == d("2026-10-02"));
}

TEST_CASE("norfolk/process-bullet-2-parents-agree-before-a-school-is-approached") {
    Scenario sc("norfolk", "managed_move");
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "norfolk/parents-agree"));
    CHECK(blocked_by(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08"),
                     "norfolk/parents-agree"));
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", false}, {"date", "2026-09-07"}});
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "norfolk/parents-agree"));  // refused
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-08"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "norfolk/parents-agree"));
}

TEST_CASE("norfolk/process-bullet-8-agreement-signed-before-the-trial") {
    Scenario sc("norfolk", "managed_move");
    sc.prepare(false);
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "norfolk/agreement-before-trial"));
    CHECK(blocked_by(sc.check(E::placement_started, {{"date", "2026-09-14"}}, "2026-09-14"),
                     "norfolk/agreement-before-trial"));
    sc.add(E::agreement_signed, Scenario::full_agreement());
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "norfolk/agreement-before-trial"));
}

TEST_CASE("norfolk/process-last-bullet-fair-access-data-after-the-outcome") {
    Scenario sc("norfolk", "managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    CHECK_FALSE(deadline(sc.plan("2026-10-20"), "norfolk/fair-access-data"));
    sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "returned"}});
    const Deadline n = must_deadline(sc.plan("2026-10-23"), "norfolk/fair-access-data");
    CHECK(n.date == d("2026-11-13"));  // 10 school days from Fri 23 Oct, half-term not counted
    CHECK(n.severity == Severity::informs);
    sc.add(E::la_notified, {{"what", "outcome"}, {"date", "2026-11-05"}, {"to", "Fair Access"}});
    CHECK(must_deadline(sc.plan("2026-11-05"), "norfolk/fair-access-data").status == DeadlineStatus::met);
}

TEST_CASE("norfolk/principles-12-transport-while-planning") {
    check_informs_only_at("norfolk", "managed_move", "norfolk/transport", {Stage::preparing, Stage::agreeing});
}

TEST_CASE("norfolk/principles-13-14-process-6-preference-and-every-school-takes-part-while-preparing") {
    check_informs_only_at("norfolk", "managed_move", "norfolk/parental-preference", {Stage::preparing});
    check_informs_only_at("norfolk", "managed_move", "norfolk/all-schools-participate", {Stage::preparing});
}

TEST_CASE("norfolk/principles-11-process-14-funding-follows-a-transfer") {
    check_informs_only_at("norfolk", "osd_to_managed_move", "norfolk/transfer-funding",
                          {Stage::decision_due, Stage::transferred});
}
