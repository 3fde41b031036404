#include "app/theme.h"

#include <algorithm>
#include <cmath>

#include "app/fonts.h"
#include "app/session.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

Theme g_theme = Theme::Light;
bool  g_touch = false;
bool  g_presenting = false;   // View > Presenting: bigger text and stronger contrast for a projector
float g_scale_before = 1.0f;  // the text size to go back to when presenting ends

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
    build_style(style, theme, g_presenting, g_touch);  // palette.cpp: the contrast test checks the same colours
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
    ImGui::PushFont(fonts().bold);  // a heading, as the settings' other sections have
    words("Appearance");
    ImGui::PopFont();
    int percent = static_cast<int>(std::lround(text_scale() * 100));
    words("Text size");  // above the slider, which then takes the width a narrow window has
    item_width(240);
    if (ImGui::SliderInt("##text_size", &percent, 80, 160, "%d%%", ImGuiSliderFlags_AlwaysClamp))
        set_appearance(current_theme(), percent / 100.0f);
    bool dark = current_theme() == Theme::Dark;
    if (checkbox("Dark theme", &dark)) set_appearance(dark ? Theme::Dark : Theme::Light, text_scale());
}

ImVec4 colour_ok() { return status_colour(Status::ok, g_theme); }
ImVec4 colour_warning() { return status_colour(Status::warning, g_theme); }
ImVec4 colour_danger() { return status_colour(Status::danger, g_theme); }
ImVec4 colour_info() { return status_colour(Status::info, g_theme); }

}  // namespace cp::app
