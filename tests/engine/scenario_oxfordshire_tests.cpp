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
    const auto review = must_deadline(p, "oxfordshire/review-points-3-weekly");
    const auto check = must_deadline(p, "oxfordshire/arrangements-fortnightly");
    CHECK(review.date == d("2026-10-05"));
    CHECK(check.date == d("2026-09-28"));
    CHECK(check.who == "Host school");
    sc.add(E::step_recorded, {{"step", "progress_check"}, {"date", "2026-09-28"}, {"notes", "Settling well"}});
    p = sc.plan("2026-09-29");
    CHECK(must_deadline(p, "oxfordshire/arrangements-fortnightly").date == d("2026-10-12"));
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "continue"}});
    p = sc.plan("2026-10-06");
    CHECK(must_deadline(p, "oxfordshire/review-points-3-weekly").date == d("2026-10-25"));  // capped at the 6-week end
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
    sc.add(E::step_recorded, {{"step", "visit_held"}, {"date", "2026-09-09"}});
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
    const auto decision = must_deadline(p, "oxfordshire/joint-decision-at-end");
    CHECK(decision.date == d("2026-10-25"));
    CHECK(decision.status == DeadlineStatus::overdue);
    sc.add(E::consent_recorded, {{"who", "admission_authority"}, {"given", true}, {"date", "2026-10-23"}});
    sc.add(E::outcome_recorded, {{"date", "2026-10-23"}, {"outcome", "transferred"}, {"successful", true}});
    p = sc.plan("2026-10-27");
    CHECK(p.stage == Stage::transferred);
    CHECK(must_deadline(p, "oxfordshire/joint-decision-at-end").status == DeadlineStatus::met);
    const auto ert = must_deadline(p, "oxfordshire/notify-ert-outcome");
    CHECK(ert.date == d("2026-11-06"));  // 5 school days, half-term not counted
    CHECK(ert.who == "Home school");
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
    const auto d0 = must_deadline(sc.plan("2026-09-08"), "oxfordshire/alert-ert-early");
    CHECK(d0.date == d("2026-09-14"));
    sc.add(E::la_notified, {{"what", "intention"}, {"date", "2026-09-08"}, {"to", "ERT"}});
    CHECK(must_deadline(sc.plan("2026-09-08"), "oxfordshire/alert-ert-early").status == DeadlineStatus::met);
}

TEST_CASE("oxfordshire/3iii-principle-e-parents-support-before-a-school-is-approached") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    CHECK(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "oxfordshire/parents-agree"));
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    CHECK_FALSE(action_blocked_by(sc.plan("2026-09-08"), "propose_host", "oxfordshire/parents-agree"));
}

TEST_CASE("oxfordshire/2-lead-staff-in-both-schools") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.add(E::consent_recorded, {{"who", "parent"}, {"given", true}, {"date", "2026-09-07"}});
    sc.add(E::host_proposed, {{"urn", "100001"}, {"date", "2026-09-08"}});
    sc.add(E::host_decision, {{"urn", "100001"}, {"accepted", true}, {"date", "2026-09-08"}});
    CHECK(action_warned_by(sc.plan("2026-09-10"), "start_placement", "oxfordshire/lead-staff"));
    sc.add(E::party_recorded, {{"role", "home_lead"}, {"name", "Ms Home"}});
    CHECK(action_warned_by(sc.plan("2026-09-10"), "start_placement", "oxfordshire/lead-staff"));  // one school only
    sc.add(E::party_recorded, {{"role", "host_lead"}, {"name", "Mr Host"}});
    CHECK_FALSE(action_warned_by(sc.plan("2026-09-10"), "start_placement", "oxfordshire/lead-staff"));
}

TEST_CASE("oxfordshire/3iv-3v-no-guarantee-and-pan-while-preparing") {
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/no-guarantee", {Stage::preparing});
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/exceed-pan", {Stage::preparing});
}

TEST_CASE("oxfordshire/4-notify-ert-of-the-arrangements") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();  // agreement signed Wed 9 Sep
    const Deadline n = must_deadline(sc.plan("2026-09-10"), "oxfordshire/notify-ert-arrangements");
    CHECK(n.date == d("2026-09-16"));  // 5 school days
    CHECK(n.who == "Home school");
    CHECK_FALSE(n.done_on);
    sc.add(E::la_notified, {{"what", "arrangements"}, {"date", "2026-09-18"}, {"to", "ERT"}});
    const Deadline late = must_deadline(sc.plan("2026-09-18"), "oxfordshire/notify-ert-arrangements");
    CHECK(late.status == DeadlineStatus::met);
    CHECK(late.late);
}

TEST_CASE("oxfordshire/5a-e-written-contract-complete-before-the-start") {
    const AgreementPlans p = agreement_without("oxfordshire", "osd_to_managed_move", "host_support");
    CHECK(action_blocked_by(p.without, "start_placement", "oxfordshire/written-contract"));
    CHECK_FALSE(action_blocked_by(p.with, "start_placement", "oxfordshire/written-contract"));
    const AgreementPlans q = agreement_without("oxfordshire", "osd_to_managed_move", "success_criteria");
    CHECK(action_blocked_by(q.without, "start_placement", "oxfordshire/written-contract"));
}

TEST_CASE("oxfordshire/5-d-code-and-host-may-terminate-during-the-placement") {
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/d-code",
                          {Stage::placement, Stage::decision_due});
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/host-may-terminate",
                          {Stage::placement, Stage::decision_due});
}

TEST_CASE("oxfordshire/8-parent-led-admission-after-a-return") {
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/parent-led-admission", {Stage::returned});
}

TEST_CASE("oxfordshire/10-notify-the-panel-and-termly-data") {
    Scenario sc("oxfordshire", "osd_to_managed_move");
    sc.prepare();
    std::string panel_id;
    for (const auto& e : sc.log.c.events)
        if (e.type == E::panel_presented) panel_id = e.id;
    sc.add(E::retraction, {{"reason", "the panel has not met yet"}}, panel_id);
    sc.start("2026-09-14");
    const Deadline n = must_deadline(sc.plan("2026-09-15"), "oxfordshire/notify-panel");
    CHECK(n.date == d("2026-11-02"));  // 6 weeks from the start end in half-term: the next school day
    CHECK_FALSE(n.done_on);
    sc.add(E::panel_presented, {{"date", "2026-10-12"}, {"panel", "Inclusion Panel"}, {"outcome", "noted"}});
    CHECK(must_deadline(sc.plan("2026-10-13"), "oxfordshire/notify-panel").status == DeadlineStatus::met);
    check_informs_only_at("oxfordshire", "osd_to_managed_move", "oxfordshire/termly-panel-data",
                          {Stage::transferred, Stage::returned, Stage::closed});
}
