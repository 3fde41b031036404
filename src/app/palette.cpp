#include "app/palette.h"

namespace cp::app {
namespace {

void shape_style(ImGuiStyle& s, bool touch) {
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
    s.FrameBorderSize = 1;  // fields, tick boxes and buttons are outlined (the contrast test relies on it)
    if (touch) {            // fingers: controls about 44 px tall, hit boxes a little larger than drawn
        s.FramePadding = ImVec2(12, 12);
        s.ItemSpacing = ImVec2(12, 10);
        s.TouchExtraPadding = ImVec2(4, 4);
        s.ScrollbarSize = 24;
    }
}

// Light: dark text on near-white. Every fill that text, secondary text or a status word sits on
// (rows, headers, fields in every state) is a pale tint, and those inks are dark enough for 4.5:1 on
// the darkest of them; outlines, ticks, handles and the focus ring reach 3:1 (tests/theme).
void light_colours(ImGuiStyle& s) {
    ImGui::StyleColorsLight(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = ImVec4(0.11f, 0.14f, 0.19f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.31f, 0.35f, 0.41f, 1.0f);  // secondary text, not disabled: 4.5:1
    c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 1.0f);
    c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.83f, 0.89f, 0.96f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.72f, 0.82f, 0.93f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.73f, 0.88f, 1.0f);
    c[ImGuiCol_Border] = ImVec4(0.50f, 0.54f, 0.60f, 1.0f);  // outlines fields and buttons: 3:1
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.93f, 0.96f, 1.0f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.88f, 0.93f, 0.99f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.94f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.87f, 0.92f, 0.98f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.76f, 0.85f, 0.94f, 1.0f);
    c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.91f, 0.95f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.12f, 0.38f, 0.72f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.12f, 0.38f, 0.72f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.08f, 0.28f, 0.58f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.12f, 0.38f, 0.72f, 1.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.48f, 0.50f, 0.54f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.40f, 0.42f, 0.46f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.32f, 0.34f, 0.38f, 1.0f);
}

// Dark: Dear ImGui's dark theme, with the fills under text kept dark enough for light text and the
// status words, and lighter outlines, ticks and handles (tests/theme).
void dark_colours(ImGuiStyle& s) {
    ImGui::StyleColorsDark(&s);
    ImVec4* c = s.Colors;
    c[ImGuiCol_TextDisabled] = ImVec4(0.70f, 0.72f, 0.76f, 1.0f);  // secondary text, not disabled: 4.5:1
    c[ImGuiCol_Border] = ImVec4(0.42f, 0.44f, 0.50f, 1.0f);        // outlines fields and buttons: 3:1
    c[ImGuiCol_FrameBgHovered] = ImVec4(0.15f, 0.25f, 0.39f, 1.0f);
    c[ImGuiCol_FrameBgActive] = ImVec4(0.14f, 0.26f, 0.42f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.20f, 0.40f, 0.68f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.12f, 0.33f, 0.62f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.11f, 0.21f, 0.36f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.25f, 0.38f, 1.0f);
    c[ImGuiCol_HeaderActive] = ImVec4(0.13f, 0.26f, 0.43f, 1.0f);
    c[ImGuiCol_TabHovered] = ImVec4(0.20f, 0.40f, 0.68f, 1.0f);
    c[ImGuiCol_CheckMark] = ImVec4(0.40f, 0.68f, 1.0f, 1.0f);
    c[ImGuiCol_SliderGrab] = ImVec4(0.33f, 0.62f, 1.0f, 1.0f);
    c[ImGuiCol_SliderGrabActive] = ImVec4(0.45f, 0.72f, 1.0f, 1.0f);
    c[ImGuiCol_NavHighlight] = ImVec4(0.40f, 0.68f, 1.0f, 1.0f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0.45f, 0.45f, 0.47f, 1.0f);
    c[ImGuiCol_ScrollbarGrabHovered] = ImVec4(0.55f, 0.55f, 0.57f, 1.0f);
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0.65f, 0.65f, 0.67f, 1.0f);
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

void build_style(ImGuiStyle& s, Theme theme, bool presenting, bool touch) {
    s = ImGuiStyle();
    shape_style(s, touch);
    if (theme == Theme::Light) {
        light_colours(s);
    } else {
        dark_colours(s);
    }
    if (presenting) projector_contrast(s, theme);
}

ImVec4 status_colour(Status status, Theme theme) {
    const bool light = theme == Theme::Light;
    switch (status) {
        case Status::ok: return light ? ImVec4(0.05f, 0.40f, 0.17f, 1) : ImVec4(0.45f, 0.85f, 0.55f, 1);
        case Status::warning: return light ? ImVec4(0.52f, 0.29f, 0.0f, 1) : ImVec4(0.98f, 0.75f, 0.35f, 1);
        case Status::danger: return light ? ImVec4(0.68f, 0.09f, 0.09f, 1) : ImVec4(1.0f, 0.60f, 0.60f, 1);
        case Status::info: break;
    }
    return light ? ImVec4(0.10f, 0.35f, 0.60f, 1) : ImVec4(0.55f, 0.75f, 1.0f, 1);
}

}  // namespace cp::app
