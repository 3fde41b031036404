// warmup.h: the engine's own paths run over the fictional demo cases while the locked screen waits
// for the passphrase, so the browser has optimised them before a real workspace is opened.
//
// A browser compiles WebAssembly in two tiers: a function first runs as quickly compiled baseline
// code and is optimised only once it has run for a while. On a first visit (or the first after an
// update) a large workspace was otherwise decrypted, verified and planned mostly in the baseline
// tier. Measured (scripts/bench.py, 1,000 cases, median of three): 2.5 s after the passphrase
// without the warm-up, 2.0 s with it, although the benchmark presses Enter before it has finished
// (about 1.1 s here; a person typing a passphrase takes longer).
//
// The warm-up seals the demo cases under a throwaway key, then opens and plans them a few times
// (storage::open_case and plan_for, exactly as opening a workspace does), one case per step, each
// step a task of its own that draws nothing, so typing is never held up. It stops when the
// session leaves the locked screen. Nothing is read from or written to the store.
#pragma once
#include <cstddef>

namespace cp::app {

// Once per page, when the locked screen first shows.
void warm_up_while_locked();

// Steps taken so far and the steps planned (for the tests' state: the warm-up never changes
// what is stored, and a page that waits on the locked screen finishes it).
std::size_t warm_up_steps_done();
std::size_t warm_up_steps_planned();

}  // namespace cp::app
