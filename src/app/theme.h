// theme.h: colours and spacing. Light by default (schools project onto screens); dark on request.
#pragma once
#include <imgui.h>

namespace cp::app {

enum class Theme { Light, Dark };

void  apply_theme(Theme theme);
Theme current_theme();

// Status colours always come with a word beside them; colour is never the only signal.
ImVec4 colour_ok();        // met, saved
ImVec4 colour_warning();   // due soon, warns
ImVec4 colour_danger();    // overdue, blocks
ImVec4 colour_info();      // informs

} // namespace cp::app
