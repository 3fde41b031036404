// The session's phase table (src/app/phase.h): the moves the app makes are allowed, the ones it
// must never make are refused, and every phase can be left and reached. Built into engine_tests
// (natively and under Node): the table has no ImGui or platform dependency.
#include <doctest/doctest.h>

#include <iterator>
#include <set>
#include <string>
#include <utility>

#include "app/phase.h"

using cp::app::kPhaseCount;
using cp::app::Phase;
using cp::app::phase_name;
using cp::app::transition_allowed;
using cp::app::Turn;

namespace {

constexpr Phase kAll[] = {Phase::starting, Phase::working, Phase::first_run, Phase::locked, Phase::open, Phase::failed};

// What Session does, step by step (session.cpp): each pair is one transition() call.
const std::pair<Phase, Phase> kUsed[] = {
    {Phase::starting, Phase::starting},   // init: start()
    {Phase::starting, Phase::first_run},  // loaded: nothing stored
    {Phase::starting, Phase::locked},     // loaded: a lock record
    {Phase::starting, Phase::failed},     // the store cannot open
    {Phase::first_run, Phase::working},   // create
    {Phase::working, Phase::open},        // created, or opened
    {Phase::working, Phase::first_run},   // the new workspace was not written
    {Phase::locked, Phase::working},      // unlock
    {Phase::working, Phase::locked},      // wrong passphrase
    {Phase::working, Phase::failed},      // the store failed while reading
    {Phase::locked, Phase::failed},       // the lock record is unreadable at unlock
    {Phase::open, Phase::starting},       // lock
    {Phase::open, Phase::open},           // reopened after taking over from another tab
    {Phase::open, Phase::locked},         // that reopening found the workspace damaged
    {Phase::first_run, Phase::open},      // the demo
    {Phase::locked, Phase::open},         // the demo
    {Phase::failed, Phase::open},         // the demo
    {Phase::open, Phase::first_run},      // leaving the demo
    {Phase::open, Phase::failed},         // leaving the demo
    {Phase::first_run, Phase::starting},  // took over from another tab
    {Phase::locked, Phase::starting},     // took over from another tab
    {Phase::failed, Phase::starting},     // took over from another tab
};

}  // namespace

TEST_CASE("app-phase/every-move-the-session-makes-is-in-the-table") {
    for (const auto& move : kUsed) {
        INFO(phase_name(move.first), " -> ", phase_name(move.second));
        CHECK(transition_allowed(move.first, move.second));
    }
}

TEST_CASE("app-phase/the-table-allows-nothing-else") {
    std::set<std::pair<Phase, Phase>> used(std::begin(kUsed), std::end(kUsed));
    int                               allowed = 0;
    for (Phase from : kAll)
        for (Phase to : kAll) {
            INFO(phase_name(from), " -> ", phase_name(to));
            CHECK(transition_allowed(from, to) == (used.count({from, to}) == 1));
            allowed += transition_allowed(from, to);
        }
    CHECK(allowed == static_cast<int>(used.size()));
}

TEST_CASE("app-phase/moves-that-would-skip-the-passphrase-are-refused") {
    // Nothing reaches an open workspace from the store's loading or a lock without a key derived
    // (working), except the in-memory demo, which opens from the screens that offer it.
    CHECK_FALSE(transition_allowed(Phase::starting, Phase::open));
    CHECK_FALSE(transition_allowed(Phase::starting, Phase::working));
    CHECK_FALSE(transition_allowed(Phase::first_run, Phase::locked));
    CHECK_FALSE(transition_allowed(Phase::locked, Phase::first_run));
    CHECK_FALSE(transition_allowed(Phase::working, Phase::working));
    CHECK_FALSE(transition_allowed(Phase::working, Phase::starting));  // no lock mid-derivation
    CHECK_FALSE(transition_allowed(Phase::open, Phase::working));
    CHECK_FALSE(transition_allowed(Phase::failed, Phase::failed));
}

TEST_CASE("app-phase/every-phase-is-reached-and-left-and-named") {
    std::set<std::string> names;
    for (Phase p : kAll) {
        bool reached = false, left = false;
        for (Phase q : kAll) {
            reached |= q != p && transition_allowed(q, p);
            left |= q != p && transition_allowed(p, q);
        }
        INFO(phase_name(p));
        CHECK(reached);
        CHECK(left);
        names.insert(phase_name(p));
    }
    CHECK(names.size() == static_cast<std::size_t>(kPhaseCount));
    CHECK(std::string(phase_name(Phase::locked)) == "locked");  // the browser tests read these
}

TEST_CASE("app-phase/a-turn-is-stale-once-the-generation-moves-even-back-to-the-same-phase") {
    const Turn started{Phase::working, 7};
    CHECK(started == Turn{Phase::working, 7});
    CHECK_FALSE(started == Turn{Phase::working, 9});  // left and came back: a newer attempt
    CHECK_FALSE(started == Turn{Phase::locked, 7});
}
