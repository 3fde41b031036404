// Oxfordshire Managed Move via Direction Off Site protocol (000_e5e0b1769d64b933.txt).
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

TEST_CASE("oxfordshire/5b-no-longer-than-6-weeks") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare(false);
    const DraftVerdict v = sc.check(
        E::agreement_signed, {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 8}}, "2026-09-09");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "oxfordshire/max-6-weeks"));
    sc.prepare();
    sc.start("2026-09-14");
    const CasePlan p = sc.plan("2026-09-15");
    CHECK(p.planned_end == d("2026-10-25"));
    CHECK(action_blocked_by(p, "agree_extension", "oxfordshire/max-6-weeks"));
}

TEST_CASE("oxfordshire/5b-6-three-weekly-review-points-and-fortnightly-arrangements") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    CasePlan   p = sc.plan("2026-09-15");
    const auto review = deadline(p, "oxfordshire/review-points-3-weekly");
    const auto check = deadline(p, "oxfordshire/arrangements-fortnightly");
    REQUIRE(review);
    REQUIRE(check);
    CHECK(review->date == d("2026-10-05"));
    CHECK(check->date == d("2026-09-28"));
    CHECK(check->who == "Host school");
    sc.add(E::progress_check, {{"date", "2026-09-28"}, {"notes", "Settling well"}});
    p = sc.plan("2026-09-29");
    CHECK(deadline(p, "oxfordshire/arrangements-fortnightly")->date == d("2026-10-12"));
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}});
    p = sc.plan("2026-10-06");
    CHECK(deadline(p, "oxfordshire/review-points-3-weekly")->date == d("2026-10-25"));  // capped at the 6-week end
    bool reading = false;
    for (const auto& r : p.readings) reading = reading || r.topic.find("3-weekly") != std::string::npos;
    CHECK(reading);
}

TEST_CASE("oxfordshire/1-2-all-parties-agree-and-visit-before-agreement") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    const Json   agreement = {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 6}};
    DraftVerdict v = sc.check(E::agreement_signed, agreement, "2026-09-09");
    CHECK(blocked_by(v, "oxfordshire/visit-before-agreement"));
    CHECK(blocked_by(v, "oxfordshire/all-parties-agree-pupil"));
    CHECK_FALSE(blocked_by(v, "oxfordshire/all-parties-agree-parents"));
    sc.add(E::visit_held, {{"date", "2026-09-09"}});
    sc.add(E::consent_recorded, {{"who", "pupil"}, {"given", true}, {"date", "2026-09-09"}});
    CHECK(sc.check(E::agreement_signed, agreement, "2026-09-09").allowed);
}

TEST_CASE("oxfordshire/3-information-shared-in-full-before-start") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    CHECK(sc.plan("2026-09-10").allows("start_placement"));
    Scenario partial("oxfordshire", "osd_to_managed_move");
    partial.prepare();
    // Correct the information entry: the safeguarding part had not actually been sent.
    std::string info_id;
    for (const auto& e : partial.log.c.events)
        if (e.type == E::information_shared) info_id = e.id;
    partial.add(E::information_shared, {{"date", "2026-09-08"}, {"items", {"academic", "behaviour", "attendance"}}},
                info_id);
    CHECK(action_blocked_by(partial.plan("2026-09-10"), "start_placement", "oxfordshire/information-in-full"));
}

TEST_CASE("oxfordshire/3i-3ii-virtual-school-and-sen-officer") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.add(E::flags_recorded, {{"cla", true}, {"ehcp", true}});
    const CasePlan p = sc.plan("2026-09-08");
    CHECK(action_blocked_by(p, "propose_host", "oxfordshire/cla-virtual-school"));
    CHECK(action_blocked_by(p, "propose_host", "oxfordshire/ehcp-sen-officer"));
    CHECK_FALSE(
        action_blocked_by(p, "start_placement", "england/cla-virtual-school"));  // replaced by the local wording
}

TEST_CASE("oxfordshire/7-joint-decision-then-notify-ert") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    CasePlan p = sc.plan("2026-10-27");
    CHECK(p.stage == Stage::decision_due);
    const auto decision = deadline(p, "oxfordshire/joint-decision-at-end");
    REQUIRE(decision);
    CHECK(decision->date == d("2026-10-25"));
    CHECK(decision->status == DeadlineStatus::overdue);
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-10-23"}});
    sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "transferred"}, {"successful", true}});
    p = sc.plan("2026-10-27");
    CHECK(p.stage == Stage::transferred);
    CHECK(deadline(p, "oxfordshire/joint-decision-at-end")->status == DeadlineStatus::met);
    const auto ert = deadline(p, "oxfordshire/notify-ert-outcome");
    REQUIRE(ert);
    CHECK(ert->date == d("2026-11-06"));  // 5 school days, half-term not counted
    CHECK(ert->who == "Home school");
}

TEST_CASE("oxfordshire/7-pupil-voice-recorded-on-return") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    sc.start("2026-09-14");
    // Withdraw the pupil's views to see the warning on a return.
    std::string views_id;
    for (const auto& e : sc.log.c.events)
        if (e.type == E::views_recorded && e.payload["who"] == "pupil") views_id = e.id;
    sc.add(E::retraction, {{"reason", "recorded against the wrong pupil"}}, views_id);
    const DraftVerdict v =
        sc.check(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "returned"}}, "2026-10-23");
    CHECK(v.allowed);
    CHECK(warned_by(v, "oxfordshire/pupil-voice-on-return"));
}

TEST_CASE("oxfordshire/principles-alert-ert-at-earliest-opportunity") {
    Scenario   sc("oxfordshire", "osd_to_managed_move");
    const auto d0 = deadline(sc.plan("2026-09-08"), "oxfordshire/alert-ert-early");
    REQUIRE(d0);
    CHECK(d0->date == d("2026-09-14"));
    sc.add(E::la_notified, {{"what", "intention"}, {"date", "2026-09-08"}, {"to", "ERT"}});
    CHECK(deadline(sc.plan("2026-09-08"), "oxfordshire/alert-ert-early")->status == DeadlineStatus::met);
}
