// app.h: the case planner's user interface, a thin view over the engine.
//
// The platform layer owns the window, the GL context and input; it calls these once per frame
// between ImGui::NewFrame() and ImGui::Render().
#pragma once

namespace cp::app {

void init();   // after the ImGui context exists, before the first frame
void frame();  // submit this frame's windows
void shutdown();

}  // namespace cp::app
