// app.h: the case planner's user interface, a thin view over the engine.
//
// The platform layer owns the window, the GL context and input; it calls these once per frame
// between ImGui::NewFrame() and ImGui::Render().
#pragma once

namespace cp::app {

void init();   // after the ImGui context exists, before the first frame
void frame();  // submit this frame's windows
void shutdown();

// The page's "Skip to the case list" link (the first stop for a keyboard entering the page): shows
// the case list with the keyboard in its search field, as Ctrl+F does. False when there is no list
// to go to (locked, first run, a dialog open); nothing changes then.
bool skip_to_case_list();

}  // namespace cp::app
