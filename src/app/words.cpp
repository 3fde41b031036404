#include "app/words.h"

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <string>

#include "app/locator.h"

namespace cp::app {
namespace {

// One buffer reused for every formatted line: text is drawn hundreds of times a frame.
const char* format(const char* fmt, va_list args) {
    static std::string buf(256, '\0');
    va_list            again;
    va_copy(again, args);
    const int n = std::vsnprintf(buf.data(), buf.size(), fmt, args);
    if (n >= static_cast<int>(buf.size())) {
        buf.resize(static_cast<size_t>(n) + 1);
        std::vsnprintf(buf.data(), buf.size(), fmt, again);
    }
    va_end(again);
    return buf.c_str();
}

void label(const char* text) {
    locator_text(text, "text");
    locator_caption_next(text);
}

}  // namespace

void words(const char* text) {
    ImGui::TextUnformatted(text);
    label(text);
}

void words(const std::string& text) { words(text.c_str()); }

void words_f(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    ImGui::TextUnformatted(text);
    label(text);
}

void words_wrapped(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    ImGui::TextWrapped("%s", text);
    locator_text(text, "text");
}

void words_coloured(const ImVec4& colour, const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    ImGui::TextColored(colour, "%s", text);
    locator_text(text, "text");
}

void words_disabled(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    ImGui::TextDisabled("%s", text);
    locator_text(text, "text");
}

void words_disabled_wrapped(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
    locator_text(text, "text");
}

void words_bullet(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    const char* text = format(fmt, args);
    va_end(args);
    // Wrapped, lines aligned after the bullet: a long item is read on screen, never cut at the edge.
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextWrapped("%s", text);
    locator_text(text, "text");
}

std::string lower_case(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

}  // namespace cp::app
