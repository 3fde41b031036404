// WCAG 2.2 contrast of the app's themes (issue 15, item 5): every text and background pair the app
// draws, and the outlines, fills and marks that identify a control or its state, in the light and
// dark themes and in both with View > Presenting. The colours are not copied here: each case builds
// the real style (palette.cpp's build_style, what apply_theme applies) into a Dear ImGui context and
// reads ImGui::GetStyle().Colors and the status colours back.
//
// Backgrounds with transparency (most of the dark theme) are composited over what they are drawn on
// in the app: the page is the window background (the main window draws none; the canvas behind it is
// that colour), a dialog is its popup background over the page dimmed by ImGui's modal dimming, a
// menu or tooltip is the popup background over the page. Each pair is checked on every surface it
// appears on and the lowest ratio is kept.
//
// Thresholds: 4.5:1 for text (1.4.3; the app has no text large enough for 3:1), 3:1 for what
// identifies a control or its state (1.4.11). Disabled controls are exempt from both (WCAG) and are
// not listed; the secondary text drawn in ImGuiCol_TextDisabled is not disabled and is checked.
//
// Built as app_tests (CMakeLists.txt): this file, src/app/palette.cpp and Dear ImGui's core.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "app/palette.h"

using cp::app::build_style;
using cp::app::Status;
using cp::app::status_colour;
using cp::app::Theme;

namespace {

// ---- WCAG 2.x relative luminance and contrast ratio ------------------------------------------
double channel(float c) {
    const double v = static_cast<double>(c);
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const ImVec4& c) { return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z); }

double contrast(const ImVec4& a, const ImVec4& b) {
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// fg drawn with its alpha over an opaque base, as ImGui's renderer blends it
ImVec4 over(const ImVec4& fg, const ImVec4& base) {
    const float a = fg.w;
    return ImVec4(fg.x * a + base.x * (1 - a), fg.y * a + base.y * (1 - a), fg.z * a + base.z * (1 - a), 1.0f);
}

ImVec4 opaque(const ImVec4& c) { return ImVec4(c.x, c.y, c.z, 1.0f); }

// ---- one theme variant, built for real ---------------------------------------------------------
struct Variant {
    const char* name;
    Theme       theme;
    bool        presenting;
};

constexpr Variant kVariants[] = {
    {"light theme", Theme::Light, false},
    {"dark theme", Theme::Dark, false},
    {"light theme, presenting", Theme::Light, true},
    {"dark theme, presenting", Theme::Dark, true},
};

// A Dear ImGui context for the length of a test case, its style built as the app builds it.
struct Context {
    ImGuiContext* ctx;
    explicit Context(const Variant& v) : ctx(ImGui::CreateContext()) {
        build_style(ImGui::GetStyle(), v.theme, v.presenting, false);
    }
    ~Context() { ImGui::DestroyContext(ctx); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
};

ImVec4 col(ImGuiCol c) { return ImGui::GetStyle().Colors[c]; }

// The surfaces controls and text sit on.
struct Surfaces {
    ImVec4 page;    // the window background, opaque (main_web paints the canvas backdrop with it)
    ImVec4 dialog;  // a modal dialog: popup background over the dimmed page
    ImVec4 popup;   // a menu, a combo's list, a tooltip: popup background over the page
    ImVec4 child;   // a child region (scrolling lists, the dialog's body) over the page
};

Surfaces surfaces() {
    Surfaces s;
    s.page = opaque(col(ImGuiCol_WindowBg));
    s.dialog = over(col(ImGuiCol_PopupBg), over(col(ImGuiCol_ModalWindowDimBg), s.page));
    s.popup = over(col(ImGuiCol_PopupBg), s.page);
    s.child = over(col(ImGuiCol_ChildBg), s.page);
    return s;
}

// A background as a list of the composited colours it takes where the app draws it.
struct Background {
    std::string         name;
    std::vector<ImVec4> where;
};

// A fill drawn on the page, in dialogs and in child regions.
Background fill(const char* name, ImGuiCol c, const Surfaces& s) {
    return {name, {over(col(c), s.page), over(col(c), s.dialog), over(col(c), s.child)}};
}

struct Row {
    std::string what;
    double      ratio;
    double      needed;
};

// The lowest ratio of fg over every place the background appears.
double worst(const ImVec4& fg, const Background& bg) {
    double r = 1e9;
    for (const ImVec4& b : bg.where) r = std::min(r, contrast(over(fg, b), b));
    return r;
}

std::string fixed(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

// Checks every row, and prints them all as a table (for the accessibility statement).
void check_and_print(const char* title, const std::vector<Row>& rows) {
    std::string table = std::string(title) + "\n";
    double      lowest = 1e9;
    for (const Row& r : rows) {
        lowest = std::min(lowest, r.ratio);
        char line[200];
        std::snprintf(line, sizeof line, "  %-70s %6s:1  (needs %s:1)%s\n", r.what.c_str(), fixed(r.ratio).c_str(),
                      fixed(r.needed).c_str(), r.ratio >= r.needed ? "" : "  FAILS");
        table += line;
        CHECK_MESSAGE(r.ratio >= r.needed, r.what << ": " << fixed(r.ratio) << ":1, needs " << fixed(r.needed) << ":1");
    }
    table += "  lowest: " + fixed(lowest) + ":1";
    MESSAGE(table);
}

const Variant& variant(Theme theme, bool presenting) {
    for (const Variant& v : kVariants)
        if (v.theme == theme && v.presenting == presenting) return v;
    return kVariants[0];
}

// ---- WCAG 1.4.3: text ---------------------------------------------------------------------------
std::vector<Row> text_rows(const Variant& v) {
    const Surfaces s = surfaces();
    // Where ordinary text is drawn: the surfaces, and every fill a label sits on.
    std::vector<Background> text_on = {
        {"window background", {s.page}},
        {"dialog background", {s.dialog}},
        {"menu, list and tooltip background", {s.popup}},
        {"child region background", {s.child}},
        {"menu bar", {over(col(ImGuiCol_MenuBarBg), s.page)}},
        {"dialog title bar", {over(col(ImGuiCol_TitleBgActive), s.page), over(col(ImGuiCol_TitleBg), s.page)}},
        fill("button", ImGuiCol_Button, s),
        fill("button, hovered", ImGuiCol_ButtonHovered, s),
        fill("button, pressed (and today / the chosen day in the calendar)", ImGuiCol_ButtonActive, s),
        fill("text field, tick box, list box", ImGuiCol_FrameBg, s),
        fill("text field, hovered", ImGuiCol_FrameBgHovered, s),
        fill("text field, being typed in", ImGuiCol_FrameBgActive, s),
        {"selected text in a field",
         {over(col(ImGuiCol_TextSelectedBg), over(col(ImGuiCol_FrameBgActive), s.page)),
          over(col(ImGuiCol_TextSelectedBg), over(col(ImGuiCol_FrameBgActive), s.dialog))}},
        fill("selected row, menu item or section header", ImGuiCol_Header, s),
        fill("row or menu item under the pointer", ImGuiCol_HeaderHovered, s),
        fill("row or menu item being pressed", ImGuiCol_HeaderActive, s),
        {"menu item under the pointer (in a menu)", {over(col(ImGuiCol_HeaderHovered), s.popup)}},
        fill("table header", ImGuiCol_TableHeaderBg, s),
        fill("table row (even)", ImGuiCol_TableRowBg, s),
        fill("table row (odd)", ImGuiCol_TableRowBgAlt, s),
        fill("tab", ImGuiCol_Tab, s),
        fill("tab, hovered", ImGuiCol_TabHovered, s),
        fill("tab, selected", ImGuiCol_TabActive, s),
        fill("tab, in an unfocused window", ImGuiCol_TabUnfocused, s),
        fill("tab, selected in an unfocused window", ImGuiCol_TabUnfocusedActive, s),
    };
    // Secondary text (hints, captions, the timeline's labels): surfaces, fields (a field's hint),
    // rows and headers.
    const std::vector<Background> secondary_on = {
        {"window background", {s.page}},
        {"dialog background", {s.dialog}},
        {"menu, list and tooltip background", {s.popup}},
        {"child region background", {s.child}},
        {"menu bar", {over(col(ImGuiCol_MenuBarBg), s.page)}},
        fill("text field (its hint)", ImGuiCol_FrameBg, s),
        fill("text field, hovered (its hint)", ImGuiCol_FrameBgHovered, s),
        fill("text field, being typed in (its hint)", ImGuiCol_FrameBgActive, s),
        fill("table header", ImGuiCol_TableHeaderBg, s),
        fill("table row (even)", ImGuiCol_TableRowBg, s),
        fill("table row (odd)", ImGuiCol_TableRowBgAlt, s),
        fill("selected row", ImGuiCol_Header, s),
        fill("row under the pointer", ImGuiCol_HeaderHovered, s),
        fill("row being pressed", ImGuiCol_HeaderActive, s),
    };
    // Status words (bold, normal size): surfaces, table rows and the dashboard's rows in every state.
    const std::vector<Background> status_on = {
        {"window background", {s.page}},
        {"dialog background", {s.dialog}},
        {"tooltip background", {s.popup}},
        {"child region background", {s.child}},
        fill("table row (even)", ImGuiCol_TableRowBg, s),
        fill("table row (odd)", ImGuiCol_TableRowBgAlt, s),
        fill("selected row", ImGuiCol_Header, s),
        fill("row under the pointer", ImGuiCol_HeaderHovered, s),
        fill("row being pressed", ImGuiCol_HeaderActive, s),
    };
    // The timeline (timeline_view.cpp) draws holidays as secondary text at 18% over the page and the
    // placement as the 'info' colour at 35%; the week numbers are text on top of both.
    const ImVec4 holiday =
        over(ImVec4(col(ImGuiCol_TextDisabled).x, col(ImGuiCol_TextDisabled).y, col(ImGuiCol_TextDisabled).z, 0.18f),
             s.page);
    const ImVec4 info = status_colour(Status::info, v.theme);
    const ImVec4 placement = ImVec4(info.x, info.y, info.z, 0.35f);
    text_on.push_back({"timeline: the placement bar, in term and over a holiday",
                       {over(placement, s.page), over(placement, holiday)}});
    struct Ink {
        const char*                    name;
        ImVec4                         colour;
        const std::vector<Background>* on;
    };
    const Ink inks[] = {
        {"text", col(ImGuiCol_Text), &text_on},
        {"secondary text", col(ImGuiCol_TextDisabled), &secondary_on},
        {"status 'ok' (met, saved)", status_colour(Status::ok, v.theme), &status_on},
        {"status 'warning' (due soon)", status_colour(Status::warning, v.theme), &status_on},
        {"status 'danger' (overdue, blocks)", status_colour(Status::danger, v.theme), &status_on},
        {"status 'info'", status_colour(Status::info, v.theme), &status_on},
    };
    std::vector<Row> rows;
    for (const Ink& ink : inks)
        for (const Background& bg : *ink.on)
            rows.push_back({std::string(ink.name) + " on " + bg.name, worst(ink.colour, bg), 4.5});
    return rows;
}

// ---- WCAG 1.4.11: what identifies a control and its state ------------------------------------------
// A control passes when its outline or its fill stands out 3:1 from the surface around it.
std::vector<Row> non_text_rows(const Variant& v) {
    const Surfaces            s = surfaces();
    const std::vector<ImVec4> around = {s.page, s.dialog, s.child};
    auto                      outline_or_fill = [&](ImGuiCol fill_col) {
        double r = 1e9;
        for (const ImVec4& b : around) {
            const double border =
                ImGui::GetStyle().FrameBorderSize > 0 ? contrast(over(col(ImGuiCol_Border), b), b) : 0;
            r = std::min(r, std::max(border, contrast(over(col(fill_col), b), b)));
        }
        return r;
    };
    auto mark_on = [&](ImVec4 mark, ImGuiCol fill_col) {
        double r = 1e9;
        for (const ImVec4& b : around) {
            const ImVec4 under = over(col(fill_col), b);
            r = std::min(r, contrast(over(mark, under), under));
        }
        return r;
    };
    auto on_surfaces = [&](ImVec4 mark) {
        double r = 1e9;
        for (const ImVec4& b : around) r = std::min(r, contrast(over(mark, b), b));
        return r;
    };
    std::vector<Row> rows = {
        {"text field, tick box, radio button, list: outline or fill", outline_or_fill(ImGuiCol_FrameBg), 3},
        {"text field, hovered: outline or fill", outline_or_fill(ImGuiCol_FrameBgHovered), 3},
        {"text field, being typed in: outline or fill", outline_or_fill(ImGuiCol_FrameBgActive), 3},
        {"button: outline or fill", outline_or_fill(ImGuiCol_Button), 3},
        {"button, hovered: outline or fill", outline_or_fill(ImGuiCol_ButtonHovered), 3},
        {"tick and radio dot in their box", mark_on(col(ImGuiCol_CheckMark), ImGuiCol_FrameBg), 3},
        {"tick and radio dot in their box, hovered", mark_on(col(ImGuiCol_CheckMark), ImGuiCol_FrameBgHovered), 3},
        {"slider handle in its track", mark_on(col(ImGuiCol_SliderGrab), ImGuiCol_FrameBg), 3},
        {"slider handle in its track, dragged", mark_on(col(ImGuiCol_SliderGrabActive), ImGuiCol_FrameBgActive), 3},
        {"keyboard focus ring", on_surfaces(col(ImGuiCol_NavHighlight)), 3},
        {"scroll bar handle in its track", mark_on(col(ImGuiCol_ScrollbarGrab), ImGuiCol_ScrollbarBg), 3},
    };
    // The timeline's marks (deadlines, reviews, today) in the status colours, on the page and on a
    // holiday's shading (secondary text at 18%, timeline_view.cpp).
    const ImVec4 disabled = col(ImGuiCol_TextDisabled);
    const ImVec4 holiday = over(ImVec4(disabled.x, disabled.y, disabled.z, 0.18f), s.page);
    const Status statuses[] = {Status::ok, Status::warning, Status::danger, Status::info};
    const char*  names[] = {"ok", "warning", "danger", "info"};
    for (int i = 0; i < 4; ++i) {
        const ImVec4 mark = status_colour(statuses[i], v.theme);
        rows.push_back({std::string("timeline mark '") + names[i] + "' on the page and on a holiday",
                        std::min(on_surfaces(mark), contrast(mark, holiday)), 3});
    }
    return rows;
}

void text_case(Theme theme, bool presenting) {
    const Variant& v = variant(theme, presenting);
    Context        context(v);
    check_and_print((std::string("1.4.3 text, ") + v.name + " (ratio at the worst place)").c_str(), text_rows(v));
}

void non_text_case(Theme theme, bool presenting) {
    const Variant& v = variant(theme, presenting);
    Context        context(v);
    REQUIRE(ImGui::GetStyle().FrameBorderSize >= 1.0f);  // the outlines counted below are drawn
    check_and_print((std::string("1.4.11 controls, ") + v.name + " (ratio at the worst place)").c_str(),
                    non_text_rows(v));
}

}  // namespace

// The passphrase strength meter (widgets.cpp) is ImGui::ProgressBar filled in a status colour. No mid
// colour reaches 4.5:1 with both the text and the page, so its label ("Strong") is written beside
// the bar in that status colour, on the page, never on the fill.
TEST_CASE("WCAG 2.2 1.4.3 contrast (minimum): the passphrase strength label beside its meter") {
    for (const Variant& v : kVariants) {
        Context        context(v);
        const Surfaces s = surfaces();
        for (const Status st : {Status::ok, Status::warning, Status::danger}) {
            const double r = contrast(status_colour(st, v.theme), s.page);
            CHECK_MESSAGE(r >= 4.5, v.name << ": strength label " << static_cast<int>(st) << " " << fixed(r) << ":1");
        }
    }
}

TEST_CASE("contrast ratio: the WCAG 2.x formula gives its known values") {
    CHECK(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(21.0));
    CHECK(contrast(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(1.0));
    // #767676 on white is the well-known lightest grey that reaches 4.5:1
    const float g = 0x76 / 255.0f;
    CHECK(contrast(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) == doctest::Approx(4.54).epsilon(0.005));
}

TEST_CASE("WCAG 2.2 1.4.3 contrast (minimum): light theme text on every background") { text_case(Theme::Light, false); }
TEST_CASE("WCAG 2.2 1.4.3 contrast (minimum): dark theme text on every background") { text_case(Theme::Dark, false); }
TEST_CASE("WCAG 2.2 1.4.3 contrast (minimum): light theme, presenting, text on every background") {
    text_case(Theme::Light, true);
}
TEST_CASE("WCAG 2.2 1.4.3 contrast (minimum): dark theme, presenting, text on every background") {
    text_case(Theme::Dark, true);
}

TEST_CASE("WCAG 2.2 1.4.11 non-text contrast: light theme control outlines, fills and marks") {
    non_text_case(Theme::Light, false);
}
TEST_CASE("WCAG 2.2 1.4.11 non-text contrast: dark theme control outlines, fills and marks") {
    non_text_case(Theme::Dark, false);
}
TEST_CASE("WCAG 2.2 1.4.11 non-text contrast: light theme, presenting, control outlines, fills and marks") {
    non_text_case(Theme::Light, true);
}
TEST_CASE("WCAG 2.2 1.4.11 non-text contrast: dark theme, presenting, control outlines, fills and marks") {
    non_text_case(Theme::Dark, true);
}
