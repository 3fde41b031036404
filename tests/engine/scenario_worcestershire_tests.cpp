// Worcestershire Off-site Direction Protocol (004_db4daf6c9cf2ba51.txt).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

TEST_CASE("worcestershire/invitation-6-days-before-review") {
    // Review, paragraph 1: written invitation not later than six days before each review.
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::review_scheduled, {{"date", "2026-10-19"}});
    CasePlan p = sc.plan("2026-10-05");
    auto     inv = must_deadline(p, "worcestershire/invitation-6-days-before-review");
    CHECK(inv.date == d("2026-10-13"));
    CHECK(inv.status == DeadlineStatus::upcoming);
    CHECK(must_deadline(sc.plan("2026-10-12"), "worcestershire/invitation-6-days-before-review").status ==
          DeadlineStatus::due);
    p = sc.plan("2026-10-14");
    CHECK(must_deadline(p, "worcestershire/invitation-6-days-before-review").status == DeadlineStatus::overdue);
    CHECK(alert(p, "worcestershire/invitation-6-days-before-review"));
    sc.add(E::review_invitation_sent, {{"review_date", "2026-10-19"}, {"date", "2026-10-14"}, {"in_writing", true}});
    inv = must_deadline(sc.plan("2026-10-15"), "worcestershire/invitation-6-days-before-review");
    CHECK(inv.status == DeadlineStatus::met);
    CHECK(inv.late);
    CHECK_FALSE(deadline(sc.plan("2026-10-15"), "england/invite-6-days"));  // replaced by the local wording
}

TEST_CASE("worcestershire/consent-not-required-views-recorded") {
    // Context para 3; Form 1 note: no consent needed, but record the parents' views.
    Scenario           sc("worcestershire", "off_site_direction");
    const DraftVerdict v = sc.check(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}}, "2026-09-08");
    CHECK(v.allowed);
    CHECK(warned_by(v, "worcestershire/parent-views"));
    sc.add(E::views_recorded, {{"who", "parent"}, {"date", "2026-09-07"}, {"text", "Not happy but understands"}});
    sc.add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "Will try"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    sc.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-08"}});
    sc.add(E::agreement_signed, {{"date", "2026-09-09"},
                                 {"start", "2026-09-14"},
                                 {"duration_weeks", 8},
                                 {"review_every_weeks", 4},
                                 {"funding", "none"},
                                 {"transport", "parent"}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 40},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    CHECK(sc.plan("2026-09-10").allows("start_placement"));  // no parental consent recorded at all
}

TEST_CASE("worcestershire/background-board-decides") {
    // Everything else in place, but no decision of the governing board (or its delegate).
    Scenario fresh("worcestershire", "off_site_direction");
    fresh.add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "ok"}});
    fresh.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    fresh.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    fresh.add(E::agreement_signed,
              {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 8}, {"review_every_weeks", 4}});
    fresh.add(E::notice_sent, {{"date", "2026-09-09"},
                               {"address", "x"},
                               {"report_to", "y"},
                               {"days", 40},
                               {"reasons", "r"},
                               {"session_times", "t"}});
    CHECK(action_blocked_by(fresh.plan("2026-09-10"), "start_placement", "worcestershire/board-decides"));
}

TEST_CASE("worcestershire/criteria-cla-needs-virtual-school-and-social-worker") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.add(E::flags_recorded, {{"cla", true}});
    sc.add(E::gate_cleared, {{"gate", "virtual_school"}, {"date", "2026-09-08"}});
    const CasePlan p = sc.plan("2026-09-08");
    CHECK_FALSE(action_blocked_by(p, "propose_host", "worcestershire/cla-virtual-school"));
    CHECK(action_blocked_by(p, "propose_host", "worcestershire/cla-social-worker"));
}

TEST_CASE("worcestershire/criteria-ehcp-to-send-team") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.add(E::flags_recorded, {{"ehcp", true}});
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "worcestershire/ehcp-send-team"));
    sc.add(E::gate_cleared, {{"gate", "send_team"}, {"date", "2026-09-08"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "worcestershire/ehcp-send-team"));
    CHECK(alert(sc.plan("2026-09-08"), "england/notice-copy-la-ehcp"));
}

TEST_CASE("worcestershire/review-reviews-at-agreed-intervals-in-school-weeks") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();  // agreement: reviews every 3 weeks
    sc.start("2026-09-14");
    const auto r = must_deadline(sc.plan("2026-09-15"), "worcestershire/reviews-at-agreed-intervals");
    CHECK(r.date == d("2026-10-05"));  // 3 school weeks after the start
    const auto first = must_deadline(sc.plan("2026-09-15"), "worcestershire/first-review-6-school-weeks");
    CHECK(first.date == d("2026-11-02"));  // 6 school weeks, half-term not counted
}

TEST_CASE("worcestershire/review-paragraph-4-host-suspension-calls-emergency-review") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::serious_breach,
           {{"date", "2026-09-30"}, {"category", "assault"}, {"suspended", true}, {"ends_placement", false}});
    CasePlan p = sc.plan("2026-09-30");
    CHECK(p.stage == Stage::placement);  // the host may end it, preferably after a review
    CHECK(alert(p, "worcestershire/host-suspension-emergency-review"));
    sc.add(E::review_held,
           {{"date", "2026-10-02"}, {"outcome", "continue"}, {"emergency", true}, {"next_review", "2026-10-16"}});
    p = sc.plan("2026-10-02");
    CHECK_FALSE(alert(p, "worcestershire/host-suspension-emergency-review"));
}

TEST_CASE("worcestershire/managed-move-convert-needs-all-parties") {
    Scenario sc("worcestershire", "osd_to_managed_move");
    sc.add(E::views_recorded, {{"who", "pupil"}, {"date", "2026-09-07"}, {"text", "ok"}});
    sc.add(E::views_recorded, {{"who", "parent"}, {"date", "2026-09-07"}, {"text", "ok"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    sc.add(E::gate_cleared, {{"gate", "board_decision"}, {"date", "2026-09-08"}});
    sc.add(E::agreement_signed,
           {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 8}, {"review_every_weeks", 4}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 40},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    sc.start("2026-09-14");
    const Json   convert = {{"date", "2026-11-09"}, {"outcome", "convert"}};
    DraftVerdict v = sc.check(E::review_held, convert, "2026-11-09");
    CHECK(blocked_by(v, "england/mm-parent-consent"));
    CHECK(blocked_by(v, "england/mm-admission-authority"));
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"in_writing", true}, {"date", "2026-11-02"}});
    // Issue 13 item 8: the admission authority's agreement recorded as "Agreement obtained" is the
    // agreement the rule asks for, the same as its consent.
    {
        Scenario agreed = sc;
        agreed.add(E::gate_cleared, {{"gate", "admission_authority"}, {"date", "2026-11-02"}});
        CHECK_FALSE(blocked_by(agreed.check(E::review_held, convert, "2026-11-09"), "england/mm-admission-authority"));
    }
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-11-02"}});
    v = sc.check(E::review_held, convert, "2026-11-09");
    CHECK(v.allowed);
    sc.add(E::review_held, convert);
    sc.add(E::outcome_recorded,
           {{"date", "2026-11-09"}, {"outcome", "transferred"}, {"successful", true}, {"on_roll_date", "2026-11-16"}});
    const CasePlan p = sc.plan("2026-11-20");
    CHECK(p.stage == Stage::transferred);
    const auto portal = must_deadline(p, "worcestershire/portal-and-spreadsheet");
    CHECK(portal.date == d("2026-11-16"));
    CHECK(portal.status == DeadlineStatus::overdue);
    CHECK(p.allowed_actions() == std::vector<std::string>{"record_details", "notify_la"});
}

TEST_CASE("worcestershire/sample-letter-six-week-review-request-vs-statutory-ten-weeks") {
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}, {"next_review", "2026-12-14"}});
    sc.add(E::review_requested,
           {{"date", "2026-11-23"}, {"by", "parent"}, {"in_writing", true}});  // 7 weeks after the review
    const CasePlan p = sc.plan("2026-11-24");
    // One rule at a time (reg 4A): the statutory 10 weeks, not the letter's 6 beside it; the conflict
    // explains the difference once.
    CHECK_FALSE(deadline(p, "worcestershire/review-request-six-weeks"));
    CHECK_FALSE(alert(p, "worcestershire/review-request-six-weeks"));
    CHECK_FALSE(deadline(p, "england/parent-review-request"));
    const auto statute = must_alert(p, "england/parent-review-request");
    CHECK(statute.message.find("not required") != std::string::npos);
    const auto conflict = must_alert(p, "worcestershire/review-request-six-vs-ten-weeks");
    CHECK(conflict.detail.find("previous six weeks") != std::string::npos);
    CHECK(conflict.detail.find("The plan follows the regulation") != std::string::npos);
}

TEST_CASE("worcestershire/academies-conflict-explained") {
    Scenario sc("worcestershire", "off_site_direction", {{"home_urn", "100001"}});  // the academy in the directory
    const CasePlan p = sc.plan("2026-09-08");
    CHECK(alert(p, "england/academies-power-2026"));
    CHECK(alert(p, "worcestershire/academies-vs-2026-power"));
}

TEST_CASE("worcestershire/background-2-procedure-2-not-a-sanction-and-next-appropriate-school") {
    check_informs_only_at("worcestershire", "off_site_direction", "worcestershire/not-a-sanction", {Stage::preparing});
    check_informs_only_at("worcestershire", "off_site_direction", "worcestershire/next-appropriate-school",
                          {Stage::preparing});
}

TEST_CASE("worcestershire/osd-meetings-1-review-2-form-3-review-frequency-agreed-before-the-start") {
    const AgreementPlans p = agreement_without("worcestershire", "off_site_direction", "review_every_weeks");
    CHECK(action_blocked_by(p.without, "start_placement", "worcestershire/review-frequency-agreed"));
    CHECK_FALSE(action_blocked_by(p.with, "start_placement", "worcestershire/review-frequency-agreed"));
}

TEST_CASE("worcestershire/review-3-home-school-must-allow-the-return") {
    check_informs_only_at("worcestershire", "off_site_direction", "worcestershire/home-must-allow-return",
                          {Stage::placement, Stage::decision_due, Stage::ending});
}

TEST_CASE("worcestershire/attendance-coding-d-code-and-home-gathers-attendance") {
    check_informs_only_at("worcestershire", "off_site_direction", "worcestershire/d-code",
                          {Stage::placement, Stage::decision_due});
    Scenario sc("worcestershire", "off_site_direction");
    sc.prepare();
    sc.start("2026-09-14");
    const Deadline w = must_deadline(sc.plan("2026-09-28"), "worcestershire/home-gathers-attendance");
    CHECK(w.date == d("2026-09-25"));  // the week of 14 Sep, a week after its Friday
    CHECK(w.status == DeadlineStatus::overdue);
    CHECK(w.who == "Home school");
}

TEST_CASE("worcestershire/transport-and-funding-agreed-at-planning") {
    const AgreementPlans t = agreement_without("worcestershire", "off_site_direction", "transport");
    CHECK(action_warned_by(t.without, "start_placement", "worcestershire/transport-at-planning"));
    CHECK_FALSE(action_warned_by(t.with, "start_placement", "worcestershire/transport-at-planning"));
    const AgreementPlans f = agreement_without("worcestershire", "off_site_direction", "funding");
    CHECK(action_warned_by(f.without, "start_placement", "worcestershire/funding-before-start"));
    CHECK_FALSE(action_warned_by(f.without, "start_placement", "worcestershire/transport-at-planning"));
    CHECK_FALSE(action_warned_by(f.with, "start_placement", "worcestershire/funding-before-start"));
}

TEST_CASE("worcestershire/osd-meetings-last-paragraph-converting-needs-all-parties") {
    check_informs_only_at("worcestershire", "osd_to_managed_move", "worcestershire/convert-all-parties",
                          {Stage::placement, Stage::decision_due});
}

TEST_CASE("worcestershire/context-3-procedure-1-no-consent-needed-shown-while-planning") {
    check_informs_only_at("worcestershire", "off_site_direction", "worcestershire/consent-not-required",
                          {Stage::preparing, Stage::agreeing});
}
