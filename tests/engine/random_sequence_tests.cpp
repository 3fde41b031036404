// Seeded random event sequences: thousands of bounded cases in every pack. Each proposed event
// (random_events.h) is recorded only if check_draft allows it (as the UI would), and after every
// step the plan must hold its invariants.
#include <doctest/doctest.h>

#include "random_events.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;

namespace {

// Things no pack allows, checked on the log itself (not through the plan that allowed them).
void check_log_against_pack(const CaseState& s, const Pack& pack, const SchoolCalendar& cal, const std::string& where) {
    if (s.started && s.kind == CaseKind::managed_move)
        CHECK_MESSAGE(*s.started < d("2026-07-26"), where << ": trial managed move started");
    if (s.started && s.kind != CaseKind::managed_move && s.kind != CaseKind::reintegration) {
        REQUIRE_MESSAGE(s.notice, where << ": direction started without notice");
        CHECK_MESSAGE(s.notice->date <= cal.add_school_days(*s.started, -2), where << ": notice late");
    }
    for (const Rule& r : pack.rules) {
        if (r.kind == RuleKind::duration && s.agreement && r.severity == Severity::blocks) {
            const int cap = r.params.value("max", 0) + r.params.value("extension_weeks", 0);
            CHECK_MESSAGE(s.agreement->duration_weeks + s.extension_weeks() <= cap, where << ": " << r.id);
        }
        if (r.kind == RuleKind::termination_lock && s.ended && s.started && s.ended->reason != "serious_breach") {
            const bool breach = std::any_of(s.breaches.begin(), s.breaches.end(),
                                            [&](const Breach& b) { return b.date <= s.ended->date; });
            if (!breach)
                CHECK_MESSAGE(s.ended->date >= add_days(*s.started, 28), where << ": ended inside the 4-week lock");
        }
        if (r.kind == RuleKind::gate && r.when == "ehcp" && s.flags.ehcp && r.params.value("requires", "") == "never" &&
            r.params.value("action", "") == "propose_host")
            CHECK_MESSAGE(s.proposals.empty(), where << ": " << r.id);
    }
}

void check_plan(const CasePlan& p, Date today, const std::string& where) {
    for (const auto& dl : p.deadlines) {
        if (dl.status == DeadlineStatus::overdue)
            CHECK_MESSAGE(dl.date < today, where << ": overdue in the future: " << dl.rule_id);
        if (dl.status == DeadlineStatus::met)
            CHECK_MESSAGE(dl.done_on.has_value(), where);
        else
            CHECK_MESSAGE(!dl.done_on.has_value(), where);
    }
    // Warning gates may be passed (the user was warned); a blocking one never.
    for (const auto& a : p.alerts)
        if (a.level == AlertLevel::blocking)
            CHECK_MESSAGE(a.message.find("Already done") == std::string::npos, where << ": " << a.message);
    for (const auto& a : p.actions) CHECK(a.allowed == a.blocked_by.empty());
}

// The sanitizers slow this walk twentyfold, and what they look for (a bad read, an overflow) shows on
// the paths a quarter of the seeds already takes; the wasm suite walks all of them.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CP_UNDER_ASAN 1
#endif
#endif
#ifdef CP_UNDER_ASAN
constexpr uint64_t kSequences = 500;
#else
constexpr uint64_t kSequences = 2000;
#endif

}  // namespace

TEST_CASE("random/thousands-of-bounded-sequences-keep-the-invariants") {
    const std::vector<std::string> packs = local_pack_ids();
    const std::vector<const char*> kinds = {"off_site_direction", "managed_move", "osd_to_managed_move",
                                            "reintegration"};
    std::vector<Pack>              loaded;
    for (const std::string& id : packs) loaded.push_back(pack(id.c_str()));
    const SchoolCalendar cal = test_calendar();
    int                  recorded = 0, refused = 0, sequences = 0;
    for (uint64_t seed = 1; seed <= kSequences; ++seed) {
        Rng               r{seed};
        const std::size_t which = r.index(packs.size());
        const Pack&       pk = loaded[which];
        LogBuilder        log("R-" + std::to_string(seed));
        Date              today = d("2026-09-01");
        log.add(
            E::case_opened,
            {{"date", iso(today)}, {"kind", r.pick(kinds)}, {"pack", packs[which]}, {"pupil_name", "Random Pupil"}});
        if (r.chance(25)) log.add(E::flags_recorded, {{"ehcp", r.chance(50)}, {"cla", r.chance(50)}});
        const int steps = 10 + r.below(30);
        for (int step = 0; step < steps; ++step) {
            today = add_days(today, r.below(4));
            const CaseState   s = replay(log.c);
            const std::string where = "seed " + std::to_string(seed) + " step " + std::to_string(step);
            const CasePlan    plan = plan_case({s, pk, cal, today, nullptr});
            check_plan(plan, today, where);
            const EventDraft draft = random_draft(r, s, today);
            // The pupil's flags are drawn once, at opening: flags recorded later (an EHCP issued
            // after a host was approached) rightly make earlier steps blocking alerts, which the
            // invariants below rule out (whole_log_tests.cpp walks logs with them).
            if (draft.type == E::flags_recorded) continue;
            const DraftVerdict v = check_draft({s, pk, cal, today, nullptr}, draft);
            // An action the plan does not offer at this stage is never recorded.
            const bool offered = std::any_of(plan.actions.begin(), plan.actions.end(),
                                             [&](const ActionState& a) { return a.action == v.action; });
            if (!offered) CHECK_MESSAGE(!v.allowed, where << ": " << v.action << " recorded outside its stage");
            if (!v.allowed) {
                ++refused;
                continue;
            }
            Problems problems;
            if (!append_event(log.c, draft, "e" + std::to_string(log.n + 1), log.next_at(), &problems)) {
                for (const auto& p : problems) MESSAGE(where << ": " << p.to_string());
                FAIL("an allowed draft failed to append");
            }
            ++log.n;
            ++recorded;
            check_log_against_pack(replay(log.c), pk, cal, where);
        }
        Problems integrity;
        verify_case(log.c, "", "", integrity);
        CHECK(integrity.empty());
        ++sequences;
    }
    MESSAGE(sequences << " sequences, " << recorded << " events recorded, " << refused << " refused");
    CHECK(recorded > static_cast<int>(kSequences * 5 / 2));  // 2,000 sequences record over 5,000 events
    CHECK(refused > static_cast<int>(kSequences / 2));
}
