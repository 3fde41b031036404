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
    auto     meeting = deadline(p, "hammersmith-fulham/meeting-within-2-weeks");
    REQUIRE(meeting);
    CHECK(meeting->date == d("2026-09-24"));
    CHECK_FALSE(deadline(p, "hammersmith-fulham/start-within-1-week"));  // no meeting yet
    sc.add(E::meeting_held, {{"kind", "initial"}, {"date", "2026-09-22"}, {"pupil_engaged", true}});
    p = sc.plan("2026-09-23");
    CHECK(deadline(p, "hammersmith-fulham/meeting-within-2-weeks")->status == DeadlineStatus::met);
    const auto start = deadline(p, "hammersmith-fulham/start-within-1-week");
    REQUIRE(start);
    CHECK(start->date == d("2026-09-29"));
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
    const auto     review = deadline(p, "hammersmith-fulham/review-by-week-6");
    REQUIRE(review);
    CHECK(review->date == d("2026-10-25"));  // week 6 ends the 6-week placement
    REQUIRE(deadline(p, "hammersmith-fulham/weekly-attendance"));
    CHECK(deadline(p, "hammersmith-fulham/weekly-attendance")->who == "Host school");
}

TEST_CASE("hammersmith-fulham/6-oat-la-funding-needs-assistant-director-approval") {
    // a condition of the LA's funding (section 6, paragraphs 4-5), not of the placement
    Scenario sc("hammersmith-fulham", "osd_to_managed_move", {{"setting", "alternative_provision"}});
    sc.prepare();
    const CasePlan p = sc.plan("2026-09-10");
    CHECK_FALSE(action_blocked_by(p, "start_placement", "hammersmith-fulham/oat-ad-approval"));
    const auto warned = [](const CasePlan& plan) {
        for (const ActionState& a : plan.actions)
            if (a.action == "start_placement")
                for (const Alert& w : a.warnings)
                    if (w.rule_id == "hammersmith-fulham/oat-ad-approval") return true;
        return false;
    };
    CHECK(warned(p));
    CHECK(p.allows("start_placement"));
    sc.add(E::gate_cleared, {{"gate", "ad_education"}, {"date", "2026-09-10"}, {"by", "AD Education"}});
    CHECK_FALSE(warned(sc.plan("2026-09-10")));
}

TEST_CASE("hammersmith-fulham/1-trial-transfer-shows-statute-conflict") {
    Scenario       sc("hammersmith-fulham", "managed_move");
    const CasePlan p = sc.plan("2026-09-08");
    const auto     c = alert(p, "hammersmith-fulham/trial-transfer-vs-statute");
    REQUIRE(c);
    CHECK(c->level == AlertLevel::warning);
    CHECK(c->citation.source == "guidance");
    CHECK(alert(p, "england/no-trial-managed-move"));
}

TEST_CASE("hammersmith-fulham/13-notify-la-of-every-move") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    const auto n = deadline(sc.plan("2026-09-15"), "hammersmith-fulham/notify-la-start");
    REQUIRE(n);
    CHECK(n->date == d("2026-09-21"));
    CHECK(n->who == "Home school");  // the home school copies the Head of Admissions/ACE in
}
