// imgui_renderer.h: draws Dear ImGui's frame with WebGL2. The page's WebGL context is the app's
// alone, so unlike Dear ImGui's own OpenGL renderer this one never reads the context's state back
// to restore it: each such read waits for the GPU to finish the frames before (on a machine that
// draws in software, a quarter of every frame).
#pragma once

#include <cstdint>

struct ImDrawData;

namespace cp::platform {

bool imgui_renderer_init();       // the program and buffers; false on failure
void imgui_renderer_new_frame();  // before ImGui::NewFrame: uploads the font atlas the first time
void imgui_renderer_fonts();      // uploads the font atlas again, after it was rebuilt
void imgui_renderer_draw(const ImDrawData& data, int width_px, int height_px);

// What a frame would put on the canvas, in 64 bits: every vertex, index and draw command, and the
// font atlas uploaded. Two frames with the same key draw the same picture.
std::uint64_t imgui_picture_key(const ImDrawData& data);

}  // namespace cp::platform
