// guide_view.h: Help > Guide, the built-in guide (what the two instruments are, the steps of the
// workspace's protocol from its pack, the keyboard, where the data lives, moving computer).
#pragma once
#include "engine/canonical.h"

namespace cp::app {

void open_guide();        // from the Help menu
void guide_window();      // drawn every frame while open
Json guide_test_state();  // {open, steps: [{step, needs}]} for window.cpTest.state

}  // namespace cp::app
