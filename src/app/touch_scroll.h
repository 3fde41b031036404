// touch_scroll.h: a finger dragged over anything that scrolls (the case list, a case's tabs, a
// dialog, the timeline) scrolls it, as on any tablet page, and the page coasts on for a moment after
// the finger lifts, slowing to a stop. What the finger first touched (a button, a field) is let go,
// so a swipe neither presses nor edits it. No coasting when the system asks for less motion.
#pragma once

namespace cp::app {

// Once a frame, after ImGui::NewFrame and before any window is drawn.
void touch_scroll();

}  // namespace cp::app
