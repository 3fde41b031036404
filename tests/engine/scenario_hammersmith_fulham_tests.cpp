// Hammersmith & Fulham Managed Moves good practice guidance (001_ddfdf87d99ff56c7.txt).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

TEST_CASE("hammersmith-fulham/7-4-written-consent-before-approaching-a-school") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", false}, {"date", "2026-09-07"}});
    CHECK(blocked_by(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08"),
                     "hammersmith-fulham/written-consent"));
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-08"}});
    CHECK(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08").allowed);
}

TEST_CASE("hammersmith-fulham/3-ehcp-must-not-be-sought") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.add(E::flags_recorded, {{"ehcp", true}});
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
    sc.add(E::gate_cleared, {{"gate", "send_team"}, {"date", "2026-09-07"}});
    // Even with the SEND team's involvement the guidance says a managed move must not be sought.
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "hammersmith-fulham/ehcp-excluded"));
}

TEST_CASE("hammersmith-fulham/7-5-meeting-within-2-weeks-and-7-6a-start-within-1-week") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-10"}});
    CasePlan p = sc.plan("2026-09-11");
    auto     meeting = must_deadline(p, "hammersmith-fulham/meeting-within-2-weeks");
    CHECK(meeting.date == d("2026-09-24"));
    CHECK_FALSE(deadline(p, "hammersmith-fulham/start-within-1-week"));  // no meeting yet
    sc.add(E::meeting_held, {{"kind", "initial"}, {"date", "2026-09-22"}, {"pupil_engaged", true}});
    p = sc.plan("2026-09-23");
    CHECK(must_deadline(p, "hammersmith-fulham/meeting-within-2-weeks").status == DeadlineStatus::met);
    const auto start = must_deadline(p, "hammersmith-fulham/start-within-1-week");
    CHECK(start.date == d("2026-09-29"));
    // A week later the start is still blocked (no agreement, no notice): it is waiting, not late.
    p = sc.plan("2026-10-01");
    CHECK_FALSE(p.allows("start_placement"));
    CHECK(must_deadline(p, "hammersmith-fulham/start-within-1-week").status == DeadlineStatus::due);
    for (const Alert& a : p.alerts) CHECK(a.message.find("Overdue since 29/09/2026") == std::string::npos);
    CHECK(must_alert(p, "hammersmith-fulham/start-within-1-week").message.find("cannot be recorded yet") !=
          std::string::npos);
}

TEST_CASE("hammersmith-fulham/7-5-pupil-refusing-to-engage-stays") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.add(E::meeting_held,
           {{"kind", "initial"}, {"date", "2026-09-10"}, {"pupil_engaged", false}, {"notes", "Refused to take part"}});
    CHECK(action_blocked_by(sc.plan("2026-09-10"), "start_placement", "hammersmith-fulham/pupil-engages"));
}

TEST_CASE("hammersmith-fulham/7-6b-6-weeks-up-to-12-with-justification") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare(false);
    const auto agreement = [](int weeks, const char* why) {
        Json j = {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", weeks}};
        if (*why) j["justification"] = why;
        return j;
    };
    CHECK(sc.check(E::agreement_signed, agreement(6, ""), "2026-09-09").allowed);
    CHECK(blocked_by(sc.check(E::agreement_signed, agreement(10, ""), "2026-09-09"),
                     "hammersmith-fulham/length-6-up-to-12"));
    CHECK(sc.check(E::agreement_signed, agreement(10, "Bereavement: needs longer to settle"), "2026-09-09").allowed);
    CHECK(blocked_by(sc.check(E::agreement_signed, agreement(13, "Long"), "2026-09-09"),
                     "hammersmith-fulham/length-6-up-to-12"));
}

TEST_CASE("hammersmith-fulham/12-early-end-consulted-and-in-writing") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const Json   bare = {{"date", "2026-10-01"}, {"reason", "host_decision"}};
    DraftVerdict v = sc.check(E::placement_ended, bare, "2026-10-01");
    CHECK(blocked_by(v, "hammersmith-fulham/early-end-in-writing"));
    const Json proper = {{"date", "2026-10-01"},
                         {"reason", "host_decision"},
                         {"return_date", "2026-10-02"},
                         {"consulted_home_head", true},
                         {"written_to_parent", true}};
    CHECK(sc.check(E::placement_ended, proper, "2026-10-01").allowed);
    CHECK(sc.plan("2026-10-01").allows("end_placement"));  // the form asks for the details
}

TEST_CASE("hammersmith-fulham/10-weekly-attendance-and-review-by-week-6") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const CasePlan p = sc.plan("2026-09-15");
    const auto     review = must_deadline(p, "hammersmith-fulham/review-by-week-6");
    CHECK(review.date == d("2026-10-25"));  // week 6 ends the 6-week placement
    REQUIRE(deadline(p, "hammersmith-fulham/weekly-attendance"));
    CHECK(must_deadline(p, "hammersmith-fulham/weekly-attendance").who == "Host school");
}

TEST_CASE("hammersmith-fulham/6-oat-la-funding-needs-assistant-director-approval") {
    // a condition of the LA's funding (section 6, paragraphs 4-5), not of the placement
    Scenario sc("hammersmith-fulham", "osd_to_managed_move", {{"setting", "alternative_provision"}});
    sc.prepare();
    const CasePlan p = sc.plan("2026-09-10");
    CHECK_FALSE(action_blocked_by(p, "start_placement", "hammersmith-fulham/oat-ad-approval"));
    CHECK(action_warned_by(p, "start_placement", "hammersmith-fulham/oat-ad-approval"));
    CHECK(p.allows("start_placement"));
    sc.add(E::gate_cleared, {{"gate", "ad_education"}, {"date", "2026-09-10"}, {"by", "AD Education"}});
    CHECK_FALSE(action_warned_by(sc.plan("2026-09-10"), "start_placement", "hammersmith-fulham/oat-ad-approval"));
}

TEST_CASE("hammersmith-fulham/1-trial-transfer-shows-statute-conflict") {
    Scenario       sc("hammersmith-fulham", "managed_move");
    const CasePlan p = sc.plan("2026-09-08");
    const auto     c = must_alert(p, "hammersmith-fulham/trial-transfer-vs-statute");
    CHECK(c.level == AlertLevel::warning);
    CHECK(c.citation.source == "guidance");
    CHECK(alert(p, "england/no-trial-managed-move"));
}

TEST_CASE("hammersmith-fulham/13-notify-la-of-every-move") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const auto n = must_deadline(sc.plan("2026-09-15"), "hammersmith-fulham/notify-la-start");
    CHECK(n.date == d("2026-09-21"));
    CHECK(n.who == "Home school");  // the home school copies the Head of Admissions/ACE in
}

TEST_CASE("hammersmith-fulham/3-4-5-7-principles-criteria-and-procedures-shown-while-preparing") {
    // 3) Principles and 4) Criteria: the home school initiates; 5) when a move is not appropriate;
    // 7) Procedures 3: no pressure on parents to remove the child.
    for (const char* rule : {"hammersmith-fulham/home-school-initiates", "hammersmith-fulham/not-appropriate",
                             "hammersmith-fulham/no-pressure-to-remove"})
        check_informs_only_at("hammersmith-fulham", "managed_move", rule, {Stage::preparing});
}

TEST_CASE("hammersmith-fulham/8-views-of-the-child-before-the-agreement") {
    Scenario sc("hammersmith-fulham", "managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    CHECK(action_warned_by(sc.plan("2026-09-09"), "sign_agreement", "hammersmith-fulham/pupil-views"));
    const Json agreement = Scenario::full_agreement();
    CHECK(warned_by(sc.check(E::agreement_signed, agreement, "2026-09-09"), "hammersmith-fulham/pupil-views"));
    sc.add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-09"}, {"text", "I would like to try."}});
    CHECK_FALSE(action_warned_by(sc.plan("2026-09-09"), "sign_agreement", "hammersmith-fulham/pupil-views"));
    CHECK_FALSE(warned_by(sc.check(E::agreement_signed, agreement, "2026-09-09"), "hammersmith-fulham/pupil-views"));
}

TEST_CASE("hammersmith-fulham/3-principles-bullet-6-virtual-school-before-a-cla-host-is-approached") {
    Scenario sc("hammersmith-fulham", "managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-09-07"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "hammersmith-fulham/cla-virtual-school"));
    sc.add(E::flags_recorded, {{"cla", true}});
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "hammersmith-fulham/cla-virtual-school"));
    CHECK(blocked_by(sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08"),
                     "hammersmith-fulham/cla-virtual-school"));
    sc.add(E::gate_cleared, {{"gate", "virtual_school"}, {"date", "2026-09-08"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "hammersmith-fulham/cla-virtual-school"));
}

TEST_CASE("hammersmith-fulham/11-final-decision-at-the-end-of-the-period") {
    Scenario sc("hammersmith-fulham", "managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const Deadline due = must_deadline(sc.plan("2026-10-20"), "hammersmith-fulham/final-decision");
    CHECK(due.date == d("2026-10-25"));  // the last day of the 6-week placement
    CHECK(due.status == DeadlineStatus::upcoming);
    CHECK(must_deadline(sc.plan("2026-10-27"), "hammersmith-fulham/final-decision").status == DeadlineStatus::overdue);
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-10-23"}});
    sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "transferred"}, {"successful", true}});
    const Deadline met = must_deadline(sc.plan("2026-10-27"), "hammersmith-fulham/final-decision");
    CHECK(met.status == DeadlineStatus::met);
    CHECK_FALSE(met.late);
}

TEST_CASE("hammersmith-fulham/13-notifying-the-la-of-the-outcome") {
    Scenario sc("hammersmith-fulham", "managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    CHECK_FALSE(deadline(sc.plan("2026-10-20"), "hammersmith-fulham/notify-la-outcome"));  // no outcome yet
    sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "returned"}});
    const Deadline n = must_deadline(sc.plan("2026-10-23"), "hammersmith-fulham/notify-la-outcome");
    CHECK(n.date == d("2026-11-06"));  // 5 school days from Fri 23 Oct, half-term not counted
    CHECK(n.who == "Home school");
    sc.add(E::la_notified, {{"what", "outcome"}, {"date", "2026-11-02"}, {"to", "Head of Admissions"}});
    CHECK(must_deadline(sc.plan("2026-11-02"), "hammersmith-fulham/notify-la-outcome").status == DeadlineStatus::met);
}

TEST_CASE("hammersmith-fulham/14-funding-agreed-before-the-start") {
    const AgreementPlans p = agreement_without("hammersmith-fulham", "managed_move", "funding");
    CHECK(action_warned_by(p.without, "start_placement", "hammersmith-fulham/funding-before-start"));
    CHECK_FALSE(action_warned_by(p.with, "start_placement", "hammersmith-fulham/funding-before-start"));
}

TEST_CASE("hammersmith-fulham/7-6h-9-registration-dual-registration-form") {
    check_informs_only_at("hammersmith-fulham", "managed_move", "hammersmith-fulham/dual-registration-form",
                          {Stage::agreeing, Stage::placement});
}

// Section 7, paragraph 5, read with docs/calendar.md: two weeks from Friday 16 October 2026 end in the
// autumn half-term (26-30 October), so the meeting is due on the next school day.
TEST_CASE("hammersmith-fulham/7-5-a-deadline-in-the-holidays-moves-to-the-next-school-day") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-10-12"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-10-13"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-10-16"}});
    CHECK(must_deadline(sc.plan("2026-10-16"), "hammersmith-fulham/meeting-within-2-weeks").date == d("2026-11-02"));
}
