// touch_scroll.h: a finger dragged over anything that scrolls (the case list, a case's tabs, a
// dialog, the timeline) scrolls it, as on any tablet page, and the page coasts on for a moment after
// the finger lifts, slowing to a stop. What the finger first touched (a button, a field) is let go,
// so a swipe neither presses nor edits it. No coasting when the system asks for less motion.
#pragma once

namespace cp::app {

// Once a frame, after ImGui::NewFrame and before any window is drawn.
void touch_scroll();

// The platform tells where the finger is as each touch event arrives, by the event's own clock
// (seconds): a busy tablet draws frames late and runs a flick's moves together into one frame, and
// the speed a page coasts at is the finger's, not the frames'.
enum class Touch { starts, moves, lifts };
void finger_at(Touch what, double seconds, float x, float y);

}  // namespace cp::app
