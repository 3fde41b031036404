#include "app/theme.h"

#include <algorithm>
#include <cmath>

#include "app/fonts.h"
#include "app/session.h"
#include "app/ui.h"

namespace cp::app {
namespace {

Theme g_theme = Theme::Light;
bool  g_touch = false;
bool  g_presenting = false;   // View > Presenting: bigger text and stronger contrast for a projector
float g_scale_before = 1.0f;  // the text size to go back to when presenting ends

void shape_style(ImGuiStyle& s) {
    s.WindowPadding = ImVec2(14, 12);
    s.FramePadding = ImVec2(8, 5);
    s.ItemSpacing = ImVec2(10, 8);
    s.CellPadding = ImVec2(8, 5);
    s.WindowRounding = 6;
    s.FrameRounding = 4;
    s.PopupRounding = 4;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.ScrollbarSize = 16;  // easy to grab with a touchpad or a finger
    s.WindowBorderSize = 1;
    s.FrameBorderSize = 1;
    if (g_touch) {  // fingers: controls about 44 px tall, hit boxes a little larger than drawn
        s.FramePadding = ImVec2(12, 12);
        s.ItemSpacing = ImVec2(12, 10);
        s.TouchExtraPadding = ImVec2(4, 4);
        s.ScrollbarSize = 24;
    }
}

void light_colours(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = ImVec4(0.11f, 0.14f, 0.19f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.36f, 0.40f, 0.46f, 1.0f);  // still 4.5:1 on the background
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.83f, 0.89f, 0.96f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.82f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.73f, 0.88f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.75f, 0.78f, 0.83f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.94f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.91f, 0.95f, 1.0f);
}

// A projector washes colours out: full-strength text, darker lines, thicker borders.
void projector_contrast(ImGuiStyle& s, Theme theme) {
    ImVec4*    c = s.Colors;
    const bool light = theme == Theme::Light;
    c[ImGuiCol_Text] = light ? ImVec4(0, 0, 0, 1) : ImVec4(1, 1, 1, 1);
    c[ImGuiCol_TextDisabled] = light ? ImVec4(0.18f, 0.20f, 0.24f, 1) : ImVec4(0.85f, 0.87f, 0.90f, 1);
    c[ImGuiCol_WindowBg] = light ? ImVec4(1, 1, 1, 1) : ImVec4(0, 0, 0, 1);
    c[ImGuiCol_Border] = light ? ImVec4(0.25f, 0.28f, 0.33f, 1) : ImVec4(0.80f, 0.82f, 0.86f, 1);
    s.FrameBorderSize = 2;
    s.WindowBorderSize = 2;
}

}  // namespace

bool presenting() { return g_presenting; }

void set_presenting(bool on) {
    if (on == g_presenting) return;
    g_presenting = on;
    if (on) g_scale_before = text_scale();
    apply_theme(g_theme);
    set_text_scale(on ? std::max(g_scale_before, 1.4f) : g_scale_before);  // not stored: a room, not a user
}

void apply_theme(Theme theme) {
    g_theme = theme;
    ImGuiStyle style;
    shape_style(style);
    if (theme == Theme::Light) {
        light_colours(style);
    } else {
        ImGui::StyleColorsDark(&style);
    }
    if (g_presenting) projector_contrast(style, theme);
    ImGui::GetStyle() = style;
}

Theme current_theme() { return g_theme; }

void follow_input_source() {
    bool& finger_down = ui().finger_down;
    if (g_touch || ImGui::GetIO().MouseSource != ImGuiMouseSource_TouchScreen) return;
    // Only once the first tap is over: the tap itself acts on the layout the person saw (the
    // touch arrives a frame before the press, so growing then would move the target away).
    if (ImGui::IsAnyMouseDown()) {
        finger_down = true;
        return;
    }
    if (!finger_down) return;
    g_touch = true;  // from the first touch on; a tablet stays a tablet
    apply_theme(g_theme);
}

bool touch_sizes() { return g_touch; }

void sync_appearance() {
    Session& s = session();
    int&     last_percent = ui().text_percent;
    int&     last_dark = ui().dark;
    if (s.phase() != Phase::open || s.demo()) return;
    const storage::AppSettings& a = s.settings();
    if (a.text_scale_percent != last_percent) set_text_scale(a.text_scale_percent / 100.0f);
    if (int(a.dark_theme) != last_dark) apply_theme(a.dark_theme ? Theme::Dark : Theme::Light);
    last_percent = a.text_scale_percent;
    last_dark = a.dark_theme;
}

void set_appearance(Theme theme, float scale) {
    apply_theme(theme);
    set_text_scale(scale);
    Session& s = session();
    if (s.phase() != Phase::open || s.demo()) return;
    s.settings().text_scale_percent = static_cast<int>(std::lround(text_scale() * 100));
    s.settings().dark_theme = theme == Theme::Dark;
    s.save_settings();
}

void appearance_settings() {
    ImGui::TextUnformatted("Appearance");
    int percent = static_cast<int>(std::lround(text_scale() * 100));
    ImGui::SetNextItemWidth(200);
    if (ImGui::SliderInt("Text size (%)", &percent, 80, 160, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        set_appearance(current_theme(), percent / 100.0f);
    bool dark = current_theme() == Theme::Dark;
    if (ImGui::Checkbox("Dark theme", &dark)) set_appearance(dark ? Theme::Dark : Theme::Light, text_scale());
}

ImVec4 colour_ok() { return g_theme == Theme::Light ? ImVec4(0.08f, 0.45f, 0.20f, 1) : ImVec4(0.45f, 0.85f, 0.55f, 1); }
ImVec4 colour_warning() {
    return g_theme == Theme::Light ? ImVec4(0.62f, 0.38f, 0.0f, 1) : ImVec4(0.98f, 0.75f, 0.35f, 1);
}
ImVec4 colour_danger() {
    return g_theme == Theme::Light ? ImVec4(0.72f, 0.11f, 0.11f, 1) : ImVec4(1.0f, 0.50f, 0.50f, 1);
}
ImVec4 colour_info() {
    return g_theme == Theme::Light ? ImVec4(0.10f, 0.35f, 0.60f, 1) : ImVec4(0.55f, 0.75f, 1.0f, 1);
}

}  // namespace cp::app
