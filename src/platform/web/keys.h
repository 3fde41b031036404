// keys.h: the DOM's physical key codes ("KeyA", "ArrowLeft") as ImGui keys.
#pragma once
#include <imgui.h>

namespace cp::platform {
ImGuiKey key_from_dom_code(const char* code);  // ImGuiKey_None for keys ImGui has no name for
}
