// phase.h: the session's phases and the one table of the moves between them. No ImGui and no
// platform here, so the table is tested natively (tests/app/phase_tests.cpp).
//
//   starting     the store is opening and its records loading
//   first_run    nothing stored: create a workspace, or open the training demo
//   locked       records are stored and sealed: the passphrase opens them
//   working      a key is being derived or records written/read (progress text says which)
//   open         a workspace is open (the real one, or the in-memory DEMO)
//   failed       the store cannot be used at all (message says why)
//
// Every asynchronous step (a store read or write, a key derivation, the hand-over from another
// tab) keeps the Turn it started in and acts only if the session is still in that turn: a
// callback that arrives after a lock, a demo, or a newer attempt is dropped.
#pragma once
#include <cstdint>

namespace cp::app {

enum class Phase { starting, first_run, locked, working, open, failed };
inline constexpr int kPhaseCount = 6;

constexpr const char* phase_name(Phase p) {
    switch (p) {
        case Phase::starting: return "starting";
        case Phase::first_run: return "first_run";
        case Phase::locked: return "locked";
        case Phase::working: return "working";
        case Phase::open: return "open";
        case Phase::failed: return "failed";
    }
    return "";
}

// kAllowed[from][to]: the only moves the session makes. Why each is there:
//   starting  -> starting   start() again (init, or a tab hand-over before the store answered)
//   starting  -> first_run  the store is empty;  -> locked  a lock record was found
//   starting  -> failed     the store cannot be opened or read
//   first_run -> working    create: deriving the new workspace's key, then writing it
//   first_run -> open       the training demo;  -> starting  this tab took over from another
//   locked    -> working    unlock: deriving the key, then reading and decrypting
//   locked    -> open       the training demo;  -> starting  this tab took over from another
//   locked    -> failed     the lock record cannot be read any more
//   working   -> open       created, or every record opened
//   working   -> first_run  the new workspace could not be written
//   working   -> locked     wrong passphrase, too little memory, or the workspace record is damaged
//   working   -> failed     the store failed while reading or writing, or no memory to create
//   open      -> starting   locked (the records are read again)
//   open      -> open       took over from another tab: the records read again under the same key
//   open      -> locked     that re-read found the workspace record damaged
//   open      -> first_run, locked, failed  leaving the demo, back to where the person was
//   open      -> failed     the store failed while reading again
//   failed    -> open       the training demo;  -> starting  this tab took over from another
inline constexpr bool kAllowed[kPhaseCount][kPhaseCount] = {
    //            starting first_run locked working open  failed
    /* starting  */ {true, true, true, false, false, true},
    /* first_run */ {true, false, false, true, true, false},
    /* locked    */ {true, false, false, true, true, true},
    /* working   */ {false, true, true, false, true, true},
    /* open      */ {true, true, true, false, true, true},
    /* failed    */ {true, false, false, false, true, false},
};

constexpr bool transition_allowed(Phase from, Phase to) {
    return kAllowed[static_cast<int>(from)][static_cast<int>(to)];
}

// The phase an asynchronous step started in, and which entry into it: the generation counts every
// transition, so leaving a phase and coming back makes an older callback stale.
struct Turn {
    Phase                 phase = Phase::starting;
    std::uint64_t         generation = 0;
    friend constexpr bool operator==(const Turn&, const Turn&) = default;
};

}  // namespace cp::app
