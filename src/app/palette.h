// palette.h: the look of the two themes (spacing, borders and every colour) and the status colours,
// with no other dependency than Dear ImGui, so that the contrast test (tests/theme) checks the very
// colours the app draws with. theme.cpp applies them and keeps the user's choice.
#pragma once
#include <imgui.h>

namespace cp::app {

enum class Theme { Light, Dark };

// The four status colours; each is always shown beside a word.
enum class Status { ok, warning, danger, info };

// The whole style of a theme written into s. presenting: View > Presenting's projector contrast
// (full-strength text, a pure background, darker and thicker lines); touch: finger-sized controls.
void build_style(ImGuiStyle& s, Theme theme, bool presenting, bool touch);

// The colour of a status word in a theme (the same when presenting).
ImVec4 status_colour(Status status, Theme theme);

}  // namespace cp::app
