// Issue 12 §2, "No dead ends and no bypasses": every stage of every pack (found in assets/protocols,
// not named here) is walked; each checklist item that names an action has that action open, and each
// stage that is not final has a way forward. Then the dead ends found before, one by one.
#include <doctest/doctest.h>

#include <set>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;
using S = Stage;

namespace {

const std::set<std::string> kForward = {"propose_host",          "start_placement", "convert_to_managed_move",
                                        "return_to_home_school", "record_outcome",  "end_placement"};

const ActionState* action_state(const CasePlan& p, const std::string& action) {
    for (const ActionState& a : p.actions)
        if (a.action == action) return &a;
    return nullptr;
}

std::string blockers(const ActionState* a) {
    if (!a) return "not offered at this stage";
    std::string out;
    for (const Alert& b : a->blocked_by) out += (out.empty() ? "" : ", ") + b.rule_id;
    return out.empty() ? "allowed" : out;
}

// Allowed, or blocked only by conditions the checklist asks for and that can be met (so doing the
// checklist opens it): not a statute, not a gate that requires "never", not the engine's own refusal.
bool open_by_the_checklist(const CasePlan& p, const Pack& pk, const ActionState* a) {
    if (!a) return false;
    for (const Alert& b : a->blocked_by) {
        const Rule* r = pk.find_rule(b.rule_id);
        if (!r || r->kind == RuleKind::statute || r->params.value("requires", "") == "never") return false;
        if (std::none_of(p.checklist.begin(), p.checklist.end(),
                         [&](const ChecklistItem& i) { return i.rule_id == b.rule_id && i.action.empty(); }))
            return false;
    }
    return true;
}

void no_dead_end(const CasePlan& p, const Pack& pk, const std::string& where) {
    if (p.stage == S::transferred || p.stage == S::returned || p.stage == S::closed) return;
    for (const ChecklistItem& item : p.checklist) {
        if (item.action.empty()) continue;
        const ActionState* a = action_state(p, item.action);
        CHECK_MESSAGE(open_by_the_checklist(p, pk, a), where << ": the checklist asks \"" << item.text << "\" ("
                                                             << item.action << ") but: " << blockers(a));
    }
    const bool forward = std::any_of(p.actions.begin(), p.actions.end(), [&](const ActionState& a) {
        return kForward.count(a.action) && open_by_the_checklist(p, pk, &a);
    });
    CHECK_MESSAGE(forward, where << ": no way forward at stage " << stage_name(p.stage));
}

// Every pack in assets/protocols (the baseline too) with each case kind it covers.
std::vector<std::pair<std::string, std::string>> packs_and_kinds() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const std::string& id : embedded_pack_ids())
        if (id != kBaselinePackId)
            for (CaseKind k : pack(id.c_str()).case_kinds) out.emplace_back(id, case_kind_name(k));
    REQUIRE(out.size() >= 5);
    return out;
}

}  // namespace

TEST_CASE("stages/every-stage-of-every-pack-has-its-checklist-actions-open-and-a-way-forward") {
    for (const auto& pk_kind : packs_and_kinds()) {
        const std::string& id = pk_kind.first;
        const std::string& kind = pk_kind.second;
        const Pack         pk = pack(id.c_str());
        for (S st : {S::preparing, S::agreeing, S::placement, S::decision_due, S::ending}) {
            // A managed move has no trial since 26 July 2026: it is agreed and transferred directly.
            if (kind == "managed_move" && st != S::preparing && st != S::agreeing) continue;
            no_dead_end(plan_at(id.c_str(), kind.c_str(), st), pk, id + " " + kind + " " + stage_name(st));
        }
        if (kind == "managed_move") continue;
        // After a serious breach, and after a review's decision to end early.
        Scenario breach(id.c_str(), kind.c_str());
        breach.prepare();
        breach.start();
        breach.add(E::serious_breach, {{"date", "2026-10-20"}, {"category", "assault"}});
        no_dead_end(breach.plan("2026-10-21"), pk, id + " " + kind + " after a serious breach");
        Scenario review(id.c_str(), kind.c_str());
        review.prepare();
        review.start();
        review.add(E::review_held, {{"date", "2026-10-19"}, {"outcome", "end_early"}});
        const CasePlan ending = review.plan("2026-10-19");
        CHECK_MESSAGE(ending.stage == S::ending, id << " " << kind);
        no_dead_end(ending, pk, id + " " + kind + " after a review decided to end early");
    }
}

// The Process & Procedure, bullet 9: a serious breach ends the placement at once; the checklist asks
// for the end to be recorded, and the engine accepts it.
TEST_CASE("thurrock/serious-breach-ends-at-once-and-the-ending-can-be-recorded") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    sc.add(E::serious_breach, {{"date", "2026-09-21"}, {"category", "assault"}});
    const CasePlan p = sc.plan("2026-09-22");
    CHECK(p.stage == S::ending);
    CHECK(p.allows("end_placement"));
    CHECK(sc.check(E::placement_ended,
                   {{"date", "2026-09-21"}, {"reason", "serious_breach"}, {"return_date", "2026-09-23"}}, "2026-09-22")
              .allowed);
}

// Section 12 (Ending a managed move early): a review may decide to end early; the checklist then
// asks for the head-to-head consultation and the written return date, and the ending needs them.
TEST_CASE("hammersmith-fulham/ending-a-managed-move-early-section-12") {
    Scenario sc("hammersmith-fulham", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    CHECK(sc.check(E::review_held, {{"date", "2026-10-05"}, {"outcome", "end_early"}}, "2026-10-05").allowed);
    sc.add(E::review_held, {{"date", "2026-10-05"}, {"outcome", "end_early"}});
    const CasePlan p = sc.plan("2026-10-05");
    CHECK(p.stage == S::ending);
    CHECK(p.allows("end_placement"));
    CHECK(std::any_of(p.checklist.begin(), p.checklist.end(),
                      [](const ChecklistItem& i) { return i.rule_id == "hammersmith-fulham/early-end-in-writing"; }));
    CHECK(
        blocked_by(sc.check(E::placement_ended, {{"date", "2026-10-09"}, {"reason", "contract_not_met"}}, "2026-10-09"),
                   "hammersmith-fulham/early-end-in-writing"));
    CHECK(sc.check(E::placement_ended,
                   {{"date", "2026-10-09"},
                    {"reason", "contract_not_met"},
                    {"return_date", "2026-10-12"},
                    {"consulted_home_head", true},
                    {"written_to_parent", true}},
                   "2026-10-09")
              .allowed);
}

// A field cannot unlock a rule: an ending whose reason says "serious breach" needs the breach recorded
// (Thurrock, The Process & Procedure, bullets 7-8: no ending before the 4-week review otherwise).
TEST_CASE("thurrock/no-termination-before-the-4-week-review-is-not-unlocked-by-the-reason-field") {
    Scenario sc("thurrock", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    const DraftVerdict v =
        sc.check(E::placement_ended, {{"date", "2026-09-25"}, {"reason", "serious_breach"}}, "2026-09-25");
    CHECK(blocked_by(v, "thurrock/no-termination-before-4-weeks"));
    CHECK(blocked_by(v, "engine/ending-needs-the-breach"));
    sc.add(E::serious_breach, {{"date", "2026-09-24"}, {"category", "assault"}});
    CHECK(sc.check(E::placement_ended, {{"date", "2026-09-25"}, {"reason", "serious_breach"}}, "2026-09-25").allowed);
}

// Process, bullet 12: the trial ends on a serious breach, but repeated low-level breaches are left to
// a decision: recording them does not end the placement, and the plan asks for the decision.
TEST_CASE("norfolk/trial-ends-on-breach-repeated-low-level-breaches-are-a-decision") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare();
    sc.start();
    sc.add(E::serious_breach, {{"date", "2026-10-05"}, {"category", "repeated_low_level"}});
    CasePlan p = sc.plan("2026-10-06");
    CHECK(p.stage == S::placement);
    CHECK(std::none_of(p.checklist.begin(), p.checklist.end(),
                       [](const ChecklistItem& i) { return i.action == "end_placement"; }));
    CHECK(std::any_of(p.checklist.begin(), p.checklist.end(), [](const ChecklistItem& i) {
        return i.rule_id == "norfolk/trial-ends-on-breach" && i.action == "hold_review";
    }));
    no_dead_end(p, pack("norfolk"), "norfolk after low-level breaches");
    sc.add(E::review_held, {{"date", "2026-10-07"}, {"outcome", "continue"}});
    p = sc.plan("2026-10-08");
    CHECK(std::none_of(p.checklist.begin(), p.checklist.end(),
                       [](const ChecklistItem& i) { return i.rule_id == "norfolk/trial-ends-on-breach"; }));
    // A serious breach still ends it at once.
    sc.add(E::serious_breach, {{"date", "2026-10-12"}, {"category", "assault"}});
    CHECK(sc.plan("2026-10-13").stage == S::ending);
}
