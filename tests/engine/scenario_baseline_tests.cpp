// England statutory baseline (DOMAIN.md), seen through local packs.
#include <doctest/doctest.h>

#include <tuple>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

TEST_CASE("england/reg-3-notice-two-school-days-before-the-first-day") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare(false);
    sc.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-08"}});
    sc.add(E::agreement_signed,
           {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 6}, {"review_every_weeks", 3}});
    const auto notice = must_deadline(sc.plan("2026-09-09"), "england/notice-two-school-days");
    CHECK(notice.date == d("2026-09-10"));  // Mon 14 Sep: notice by Thu 10 Sep
    CHECK(notice.status == DeadlineStatus::due);
    sc.add(E::notice_sent, {{"date", "2026-09-11"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 30},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    const CasePlan late = sc.plan("2026-09-11");
    CHECK(action_blocked_by(late, "start_placement", "england/notice-before-start"));
    CHECK(must_deadline(late, "england/notice-two-school-days").late);
}

TEST_CASE("england/reg-3-notice-counts-school-days-across-half-term") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare(true, "2026-11-02");  // first day after the autumn half-term
    const auto notice = must_deadline(sc.plan("2026-10-20"), "england/notice-two-school-days");
    CHECK(notice.date == d("2026-10-22"));
}

TEST_CASE("england/reg-3-notice-contents") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare(false);
    sc.add(E::agreement_signed,
           {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 6}, {"review_every_weeks", 3}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"}, {"address", "1 High St"}});
    // A notice without the contents reg 3 lists blocks the start (not a warning), and the plan says so.
    const DraftVerdict v = sc.check(E::placement_started, {{"date", "2026-09-14"}}, "2026-09-14");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "england/notice-contents"));
    CHECK(action_blocked_by(sc.plan("2026-09-14"), "start_placement", "england/notice-contents"));
}

TEST_CASE("england/s29A-the-board-decides-before-the-notice") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    sc.add(E::agreement_signed, Scenario::full_agreement());
    const Json         notice = {{"date", "2026-09-09"}, {"address", "1 High St"}, {"report_to", "Mr Host"},
                                 {"days", 30},           {"reasons", "Behaviour"}, {"session_times", "08:40-15:10"}};
    const DraftVerdict refused = sc.check(E::notice_sent, notice, "2026-09-09");
    CHECK_FALSE(refused.allowed);
    CHECK(blocked_by(refused, "england/board-decides-direction"));
    CHECK(action_blocked_by(sc.plan("2026-09-09"), "send_notice", "england/board-decides-direction"));
    sc.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-09"}});
    CHECK_FALSE(blocked_by(sc.check(E::notice_sent, notice, "2026-09-09"), "england/board-decides-direction"));
}

TEST_CASE("england/reg-3-the-notice-goes-to-a-pupil-aged-18-or-over") {
    Scenario adult("oxfordshire", "off_site_direction", {{"dob", "2008-03-01"}});
    adult.add(E::agreement_signed, Scenario::full_agreement());
    CHECK(alert(adult.plan("2026-09-09"), "england/notice-to-pupil-18"));
    Scenario younger("oxfordshire", "off_site_direction", {{"dob", "2008-09-20"}});  // 18 after the first day
    younger.add(E::agreement_signed, Scenario::full_agreement());
    CHECK_FALSE(alert(younger.plan("2026-09-09"), "england/notice-to-pupil-18"));
}

TEST_CASE("england/reg-4-after-each-review-the-board-decides-whether-and-how-long") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    const DraftVerdict open_ended =
        sc.check(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}}, "2026-10-05");
    CHECK_FALSE(open_ended.allowed);
    CHECK(blocked_by(open_ended, "england/review-decides-continuation"));
    CHECK(sc.check(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}, {"continue_until", "2026-10-23"}},
                   "2026-10-05")
              .allowed);
    CHECK_FALSE(blocked_by(sc.check(E::review_held, {{"date", "2026-10-05"}, {"outcome", "return"}}, "2026-10-05"),
                           "england/review-decides-continuation"));
    // A lighter check of the arrangements is not the board's review.
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}});
    CHECK_FALSE(
        blocked_by(sc.check(E::step_recorded, {{"step", "progress_check"}, {"date", "2026-10-06"}}, "2026-10-06"),
                   "england/review-decides-continuation"));
    // A managed move's review (no direction) is not judged by it.
    Scenario mm("hammersmith-fulham", "managed_move", {{"date", "2026-05-01"}});
    mm.prepare(true, "2026-06-08");
    mm.start("2026-06-08");
    CHECK_FALSE(blocked_by(mm.check(E::review_held, {{"date", "2026-06-29"}, {"outcome", "continue"}}, "2026-06-29"),
                           "england/review-decides-continuation"));
}

TEST_CASE("england/pupil-voice-required-in-off-site-directions-from-26-july-2026") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-08"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    sc.add(E::agreement_signed,
           {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 6}, {"review_every_weeks", 3}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 30},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "england/pupil-voice-osd"));
    Scenario before("worcestershire", "off_site_direction", {{"date", "2026-06-01"}});
    before.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-06-01"}});
    before.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-06-01"}});
    before.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-06-01"}});
    before.add(E::agreement_signed,
               {{"date", "2026-06-02"}, {"start", "2026-06-08"}, {"duration_weeks", 6}, {"review_every_weeks", 3}});
    CHECK_FALSE(action_blocked_by(before.plan("2026-06-03"), "start_placement", "england/pupil-voice-osd"));
}

TEST_CASE("england/no-trial-managed-move-from-26-july-2026") {
    Scenario sc("hammersmith-fulham", "managed_move");
    sc.prepare();
    const CasePlan p = sc.plan("2026-09-10");
    CHECK(action_blocked_by(p, "start_placement", "england/no-trial-managed-move"));
    bool lawful_path = false;
    for (const auto& i : p.checklist)
        lawful_path = lawful_path || i.text.find("off-site direction converting to managed move") != std::string::npos;
    CHECK(lawful_path);
    // A direct managed move without a trial stays possible: transfer with consent.
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-09-10"}});
    CHECK(sc.plan("2026-09-10").allows("convert_to_managed_move"));
}

TEST_CASE("england/trial-managed-move-started-before-26-july-2026-is-explained-not-blocked") {
    Scenario sc("thurrock", "managed_move", {{"date", "2026-05-01"}});
    sc.prepare(true, "2026-06-08");
    sc.start("2026-06-08");
    const CasePlan p = sc.plan("2026-06-15");
    const auto     a = must_alert(p, "england/no-trial-managed-move");
    CHECK(a.level == AlertLevel::info);
    CHECK(must_alert(p, "thurrock/trial-admission-vs-statute").level == AlertLevel::info);
}

TEST_CASE("england/no-trial-rule-explains-every-kind-whose-pack-describes-a-trial") {
    // Thurrock's contract for trial admission is used for reintegration too (Appendix A's title);
    // Norfolk's and Hammersmith & Fulham's trials are run as directions converting to a managed move.
    for (const auto& [pack_name, kind_name, conflict_id] :
         {std::tuple{"thurrock", "reintegration", "thurrock/trial-admission-vs-statute"},
          std::tuple{"thurrock", "osd_to_managed_move", "thurrock/trial-admission-vs-statute"},
          std::tuple{"norfolk", "osd_to_managed_move", "norfolk/behaviour-trial-vs-statute"},
          std::tuple{"hammersmith-fulham", "osd_to_managed_move", "hammersmith-fulham/trial-transfer-vs-statute"}}) {
        const char* pack_id = pack_name;
        const char* kind = kind_name;
        const char* conflict = conflict_id;
        INFO(pack_id << " " << kind);
        Scenario       sc(pack_id, kind);
        const CasePlan p = sc.plan("2026-09-08");
        const auto     a = must_alert(p, conflict);
        CHECK(a.level == AlertLevel::info);  // the case already takes the lawful path: explained, not warned
        CHECK(a.message.find("cannot be a trial") != std::string::npos);
        CHECK_FALSE(alert(p, "england/no-trial-managed-move"));
    }
    // A reintegration's trial period is a direction: the written notice comes before the first day.
    Scenario re("thurrock", "reintegration");
    re.prepare(true);
    re.log.c.events.pop_back();  // no notice
    CHECK(action_blocked_by(re.plan("2026-09-10"), "start_placement", "england/notice-before-start"));
}

TEST_CASE("england/reg-4a-written-request-within-10-weeks-of-a-review") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}});
    sc.add(E::review_requested, {{"date", "2026-10-12"}, {"by", "parent"}, {"in_writing", true}});
    CasePlan p = sc.plan("2026-10-13");
    CHECK_FALSE(deadline(p, "england/parent-review-request"));
    CHECK(must_alert(p, "england/parent-review-request").message.find("not required") != std::string::npos);
}

TEST_CASE("england/reg-4a-written-request-with-no-recent-review") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::review_requested, {{"date", "2026-09-21"}, {"by", "parent"}, {"in_writing", true}});
    const auto r = must_deadline(sc.plan("2026-09-22"), "england/parent-review-request");
    CHECK(r.date == d("2026-10-05"));
    sc.add(E::review_requested,
           {{"date", "2026-09-22"}, {"by", "parent"}, {"in_writing", false}});  // a phone call does not count
    CHECK(must_deadline(sc.plan("2026-09-23"), "england/parent-review-request").date == d("2026-10-05"));
}

TEST_CASE("england/registers-persistent-absence-10-percent") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "/////////I"}});
    sc.add(E::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "//////////"}});
    CHECK_FALSE(alert(sc.plan("2026-09-28"), "england/persistent-absence"));  // 95%
    sc.add(E::attendance_week,
           {{"week_start", "2026-09-21"}, {"sessions", "/////////N"}});  // a later report of the same week
    const CasePlan p = sc.plan("2026-09-28");
    CHECK(p.attendance.percent == doctest::Approx(90.0));  // missing 10% or more is persistent absence
    CHECK(alert(p, "england/persistent-absence"));
}

TEST_CASE("england/registers-codes-d-and-no-session-are-not-possible-sessions") {
    CaseState s;
    s.attendance.push_back({d("2026-09-14"), "//LD-BKXYI", std::nullopt});
    const AttendanceSummary a = attendance_of(s);
    CHECK(a.possible == 6);  // / / L B K I
    CHECK(a.present == 5);
}

TEST_CASE("england/the-two-instruments-osd-reviewed-at-intervals-the-board-sets") {
    // Reg 4: only a direction is reviewed by the governing board; a managed move is not a direction.
    check_informs_only_at("oxfordshire", "off_site_direction", "england/reviews-at-board-intervals",
                          {Stage::placement, Stage::decision_due});
    check_informs_only_at("norfolk", "managed_move", "england/reviews-at-board-intervals", {});
}

TEST_CASE("england/the-two-instruments-osd-parents-views-sought-though-no-consent-needed") {
    Scenario sc("oxfordshire", "off_site_direction");
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    CHECK(action_warned_by(sc.plan("2026-09-10"), "start_placement", "england/parent-views-osd"));
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "england/parent-views-osd"));
    sc.add(E::views_recorded, {{"who", "parent"}, {"date", "2026-09-09"}, {"text", "Unhappy but understand."}});
    CHECK_FALSE(action_warned_by(sc.plan("2026-09-10"), "start_placement", "england/parent-views-osd"));
    // A managed move needs the parents' consent, so the direction's wording does not apply to it.
    Scenario mm("norfolk", "managed_move");
    mm.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    mm.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    CHECK_FALSE(action_warned_by(mm.plan("2026-09-10"), "start_placement", "england/parent-views-osd"));
}

TEST_CASE("england/registers-dual-registration-during-the-placement") {
    check_informs_only_at("norfolk", "managed_move", "england/dual-registration",
                          {Stage::placement, Stage::decision_due});
    check_informs_only_at("oxfordshire", "off_site_direction", "england/dual-registration",
                          {Stage::placement, Stage::decision_due});
}

TEST_CASE("england/data-protection-sharing-before-the-placement") {
    check_informs_only_at("thurrock", "managed_move", "england/data-sharing", {Stage::preparing, Stage::agreeing});
}

TEST_CASE("england/registers-and-data-protection-retention-once-the-case-ends") {
    check_informs_only_at("hammersmith-fulham", "managed_move", "england/register-retention",
                          {Stage::transferred, Stage::returned, Stage::closed});
}
