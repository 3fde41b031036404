// words.h: the app's text, drawn by ImGui and also handed to the accessibility mirror (access.h),
// so a screen reader reads what the screen shows, in the order it is shown. Use these instead of
// ImGui::Text* everywhere in the app.
//
// words() and words_f() draw a label: the next unlabelled field or list ("##school") is named by it.
#pragma once
#include <imgui.h>

#include <string>

namespace cp::app {

void words(const char* text);                      // ImGui::TextUnformatted, and names the next field
void words(const std::string& text);               //   the same
void words_f(const char* fmt, ...) IM_FMTARGS(1);  // ImGui::Text, and names the next field
void words_wrapped(const char* fmt, ...) IM_FMTARGS(1);
void words_coloured(const ImVec4& colour, const char* fmt, ...) IM_FMTARGS(2);
void words_disabled(const char* fmt, ...) IM_FMTARGS(1);
void words_disabled_wrapped(const char* fmt, ...) IM_FMTARGS(1);  // greyed, wrapped at the window's edge
void words_bullet(const char* fmt, ...) IM_FMTARGS(1);

// Text as a search compares it: ASCII letters in lower case ("Smith" matches "smi").
std::string lower_case(std::string text);

}  // namespace cp::app
