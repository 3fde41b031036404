// Screening before a case is opened: the gates each protocol raises for an EHCP, a child looked
// after, previous referrals, interventions and the parents' view, named after the paragraph.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine/screening.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;

namespace {

const ScreeningGate* find(const std::vector<ScreeningGate>& gates, const std::string& id) {
    const auto it = std::find_if(gates.begin(), gates.end(), [&](const ScreeningGate& g) { return g.rule_id == id; });
    return it == gates.end() ? nullptr : &*it;
}

const Date kToday = d("2026-09-07");

}  // namespace

TEST_CASE("hammersmith-fulham/3-principles-bullet-7-ehcp-excluded-from-managed-moves") {
    const Pack       p = pack("hammersmith-fulham");
    ScreeningAnswers a;
    CHECK_FALSE(find(screen_case(p, CaseKind::osd_to_managed_move, a, kToday), "hammersmith-fulham/ehcp-excluded"));
    a.ehcp = true;
    const auto           gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    const ScreeningGate* g = find(gates, "hammersmith-fulham/ehcp-excluded");
    REQUIRE(g);
    CHECK(g->bars);
    CHECK_FALSE(g->met);
    CHECK(g->topic == ScreeningTopic::ehcp);
    CHECK(g->action == "propose_host");
    CHECK(g->citation.paragraph == "section 3 (Principles), bullet 7");
    CHECK(screening_bars(gates));
    // The baseline's SEND-route gate is replaced by the local wording, not listed twice.
    CHECK_FALSE(find(gates, "england/ehcp-send-route"));
}

TEST_CASE("hammersmith-fulham/7-procedures-4-written-consent-before-a-host-is-approached") {
    const Pack       p = pack("hammersmith-fulham");
    ScreeningAnswers a;
    a.parent_consent = true;
    const auto           gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    const ScreeningGate* g = find(gates, "hammersmith-fulham/written-consent");
    REQUIRE(g);
    CHECK_FALSE(g->met);  // agreed, but not yet in writing
    a.consent_in_writing = true;
    CHECK(find(screen_case(p, CaseKind::osd_to_managed_move, a, kToday), "hammersmith-fulham/written-consent")->met);
}

TEST_CASE("oxfordshire/protocol-3-i-and-ii-cla-needs-virtual-school-ehcp-needs-sen-officer") {
    const Pack       p = pack("oxfordshire");
    ScreeningAnswers a;
    a.cla = true;
    a.ehcp = true;
    const auto           gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    const ScreeningGate* cla = find(gates, "oxfordshire/cla-virtual-school");
    const ScreeningGate* ehcp = find(gates, "oxfordshire/ehcp-sen-officer");
    REQUIRE(cla);
    REQUIRE(ehcp);
    CHECK(cla->requirement == "virtual_school");
    CHECK(ehcp->requirement == "sen_officer");
    CHECK_FALSE(cla->bars);
    CHECK_FALSE(screening_bars(gates));  // allowed once the agreements are obtained
    CHECK(cla->citation.paragraph == "Protocol, paragraph 3.i");
}

TEST_CASE("oxfordshire/protocol-9-restorative-practice-before-a-move-warns") {
    const Pack       p = pack("oxfordshire");
    ScreeningAnswers a;
    a.interventions_tried = true;
    const auto           gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    const ScreeningGate* g = find(gates, "oxfordshire/restorative-practice-first");
    REQUIRE(g);
    CHECK(g->severity == Severity::warns);
    CHECK(g->topic == ScreeningTopic::interventions);
    CHECK_FALSE(g->met);
    a.restorative_practice = true;
    CHECK(
        find(screen_case(p, CaseKind::osd_to_managed_move, a, kToday), "oxfordshire/restorative-practice-first")->met);
}

TEST_CASE("thurrock/key-principles-bullet-9-no-more-than-two-referrals-without-the-panel") {
    const Pack       p = pack("thurrock");
    ScreeningAnswers a;
    a.previous_referrals = 1;
    CHECK(find(screen_case(p, CaseKind::osd_to_managed_move, a, kToday), "thurrock/referrals-max-two")->met);
    a.previous_referrals = 2;
    const auto           gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    const ScreeningGate* g = find(gates, "thurrock/referrals-max-two");
    REQUIRE(g);
    CHECK_FALSE(g->met);
    CHECK(g->requirement == "panel_repeat_referral");
    CHECK(g->topic == ScreeningTopic::previous_referrals);
}

TEST_CASE("thurrock/no-looked-after-wording-so-the-baseline-virtual-school-gate-stays") {
    ScreeningAnswers a;
    a.cla = true;
    CHECK(find(screen_case(pack("thurrock"), CaseKind::managed_move, a, kToday), "england/cla-virtual-school"));
}

TEST_CASE("norfolk/principles-bullets-15-16-ehcp-goes-to-annual-review-cla-to-the-virtual-school-adviser") {
    const Pack       p = pack("norfolk");
    ScreeningAnswers a;
    a.ehcp = true;
    a.cla = true;
    const auto gates = screen_case(p, CaseKind::osd_to_managed_move, a, kToday);
    REQUIRE(find(gates, "norfolk/ehcp-review-not-mm"));
    CHECK(find(gates, "norfolk/ehcp-review-not-mm")->bars);
    REQUIRE(find(gates, "norfolk/lac-virtual-school-adviser"));
    CHECK(screening_bars(gates));
}

TEST_CASE("worcestershire/criteria-last-paragraph-cla-needs-virtual-school-and-social-worker") {
    const Pack       p = pack("worcestershire");
    ScreeningAnswers a;
    a.cla = true;
    const auto gates = screen_case(p, CaseKind::off_site_direction, a, kToday);
    CHECK(find(gates, "worcestershire/cla-virtual-school"));
    CHECK(find(gates, "worcestershire/cla-social-worker"));
    // Parents' views are sought but consent is not required for a direction: a warning, met once views are known.
    const ScreeningGate* views = find(gates, "worcestershire/parent-views");
    REQUIRE(views);
    CHECK(views->severity == Severity::warns);
    CHECK_FALSE(views->met);
    a.parent_views = true;
    CHECK(find(screen_case(p, CaseKind::off_site_direction, a, kToday), "worcestershire/parent-views")->met);
    CHECK_FALSE(find(gates, "worcestershire/ehcp-send-team"));  // no EHCP answered
}

TEST_CASE("england/no-trial-managed-move-listed-for-a-managed-move-case-from-26-july-2026") {
    const Pack           p = pack("thurrock");
    ScreeningAnswers     a;
    const auto           gates = screen_case(p, CaseKind::managed_move, a, kToday);
    const ScreeningGate* g = find(gates, "england/no-trial-managed-move");
    REQUIRE(g);
    CHECK(g->topic == ScreeningTopic::statute);
    CHECK_FALSE(screening_bars(gates));  // only the trial is barred
    CHECK_FALSE(find(screen_case(p, CaseKind::managed_move, a, d("2026-07-01")), "england/no-trial-managed-move"));
    CHECK_FALSE(find(screen_case(p, CaseKind::osd_to_managed_move, a, kToday), "england/no-trial-managed-move"));
}

TEST_CASE("recommended-kind-is-the-first-kind-screening-does-not-bar") {
    // Norfolk lists managed moves first; since the statute bars a trial, a new case starts as the
    // direction that converts to a managed move. Before the statute, the first kind listed.
    CHECK(recommended_kind(pack("norfolk"), kToday) == CaseKind::osd_to_managed_move);
    CHECK(recommended_kind(pack("norfolk"), d("2026-07-01")) == CaseKind::managed_move);
    CHECK(recommended_kind(pack("worcestershire"), kToday) == CaseKind::off_site_direction);
    for (const std::string& id : embedded_pack_ids()) {
        if (id == kBaselinePackId) continue;
        const Pack p = pack(id.c_str());
        const auto gates = screen_case(p, recommended_kind(p, kToday), ScreeningAnswers{}, kToday);
        CHECK_FALSE(std::any_of(gates.begin(), gates.end(), [](const ScreeningGate& g) { return g.bars; }));
    }
}
