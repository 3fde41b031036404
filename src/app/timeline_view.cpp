// The Timeline tab: a horizontal chart of the case drawn with ImGui's draw list. Placement weeks,
// reviews (held and scheduled), deadlines by status, term holidays shaded from the calendar, a
// line for today; hover a mark for its details; zoom with Ctrl+wheel or the buttons.
#include <imgui.h>

#include <algorithm>

#include "app/theme.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"

namespace cp::app {
namespace {

struct Zoom {
    float px_per_day = 10.0f;
};

Zoom& zoom() { return screen_state<Zoom>(); }

ImU32 mark_colour(const TimelineMark& m) {
    if (m.kind == "deadline") {
        if (m.status == "overdue") return ImGui::GetColorU32(colour_danger());
        if (m.status == "due") return ImGui::GetColorU32(colour_warning());
        if (m.status == "met") return ImGui::GetColorU32(colour_ok());
        return ImGui::GetColorU32(colour_info());
    }
    if (m.kind == "breach" || m.kind == "ended") return ImGui::GetColorU32(colour_danger());
    return ImGui::GetColorU32(colour_info());
}

int row_of(const TimelineMark& m) {
    if (m.kind == "placement" || m.kind == "week") return 0;
    if (m.kind == "review" || m.kind == "scheduled_review" || m.kind == "meeting") return 1;
    if (m.kind == "deadline") return 2;
    return 3;  // opened, started, breach, ended, outcome
}

const char* kRows[] = {"Placement", "Reviews and meetings", "Deadlines", "Events"};

void zoom_controls(Zoom& z, const TimelineRange& r) {
    if (ImGui::Button("Zoom in")) z.px_per_day = std::min(z.px_per_day * 1.5f, 80.0f);
    ImGui::SameLine();
    if (ImGui::Button("Zoom out")) z.px_per_day = std::max(z.px_per_day / 1.5f, 1.0f);
    ImGui::SameLine();
    if (ImGui::Button("Fit"))
        z.px_per_day =
            std::max(1.0f, (ImGui::GetContentRegionAvail().x - 140) / std::max(1, days_between(r.first, r.last)));
    ImGui::SameLine();
    words_disabled("Ctrl + mouse wheel zooms. Shaded: holidays and closures.");
}

struct Canvas {
    ImDrawList* dl;
    ImVec2      origin;  // top-left of day `first`, after the row labels
    float       px;      // pixels per day
    Date        first;
    float       row_h;
    float       x(Date d) const { return origin.x + days_between(first, d) * px; }
    float       y(int row) const { return origin.y + 22 + row * row_h; }
};

void draw_months(const Canvas& c, const TimelineRange& r) {
    const ImU32 line = ImGui::GetColorU32(ImGuiCol_Border);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    for (Date d = r.first; d <= r.last; d = add_days(d, 1)) {
        const Ymd v = ymd_of(d);
        if (v.day != 1 && (d != r.first || v.day > 20)) continue;  // no label crowding the next month's
        c.dl->AddLine({c.x(d), c.origin.y}, {c.x(d), c.y(4)}, line);
        static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        c.dl->AddText({c.x(d) + 3, c.origin.y}, text,
                      (std::string(names[v.month - 1]) + " " + std::to_string(v.year)).c_str());
    }
}

void draw_shading(const Canvas& c, const TimelineRange& r) {
    const ImU32 shade = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.18f);
    for (const CalendarRange& h : session().calendar().non_school_ranges(r.first, r.last))
        c.dl->AddRectFilled({c.x(h.first), c.y(0) - 4}, {c.x(add_days(h.last, 1)), c.y(4)}, shade);
}

void draw_mark(const Canvas& c, const TimelineMark& m) {
    const float y = c.y(row_of(m)) + c.row_h * 0.35f;
    const ImU32 col = mark_colour(m);
    if (m.kind == "placement") {
        c.dl->AddRectFilled({c.x(m.date), y - 7}, {c.x(add_days(*m.until, 1)), y + 7},
                            ImGui::GetColorU32(ImVec4(colour_info().x, colour_info().y, colour_info().z, 0.35f)), 3);
    } else if (m.kind == "week") {
        c.dl->AddLine({c.x(m.date), y - 9}, {c.x(m.date), y + 9}, ImGui::GetColorU32(ImGuiCol_Text, 0.5f));
        if (c.px * 7 > 22) c.dl->AddText({c.x(m.date) + 2, y - 7}, ImGui::GetColorU32(ImGuiCol_Text), m.label.c_str());
    } else if (m.kind == "deadline") {
        const float x = c.x(m.date);
        c.dl->AddQuadFilled({x, y - 7}, {x + 7, y}, {x, y + 7}, {x - 7, y}, col);
    } else if (m.kind == "scheduled_review") {
        c.dl->AddCircle({c.x(m.date), y}, 6, col, 0, 2);
    } else {
        c.dl->AddCircleFilled({c.x(m.date), y}, 6, col);
    }
}

// The mark under the mouse, if any: its details in a tooltip.
void hover(const Canvas& c, const std::vector<TimelineMark>& marks) {
    if (!ImGui::IsWindowHovered()) return;
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    for (const TimelineMark& m : marks) {
        if (m.kind == "week") continue;
        const float y = c.y(row_of(m)) + c.row_h * 0.35f;
        const float x0 = c.x(m.date) - 8, x1 = m.until ? c.x(add_days(*m.until, 1)) : c.x(m.date) + 8;
        if (mouse.x < x0 || mouse.x > x1 || mouse.y < y - 10 || mouse.y > y + 10) continue;
        ImGui::BeginTooltip();
        words(m.label.c_str());
        words_disabled("%s%s%s", to_uk_long(m.date).c_str(), m.until ? (" to " + to_uk_long(*m.until)).c_str() : "",
                       m.status.empty() ? "" : ("  ·  " + m.status).c_str());
        if (!m.detail.empty()) words(m.detail.c_str());
        ImGui::EndTooltip();
        return;
    }
}

void row_labels(const Canvas& c) {
    for (int i = 0; i < 4; ++i)
        c.dl->AddText({c.origin.x - 136, c.y(i) + 2}, ImGui::GetColorU32(ImGuiCol_Text), kRows[i]);
}

void ctrl_wheel(Zoom& z) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.KeyCtrl || io.MouseWheel == 0 || !ImGui::IsWindowHovered()) return;
    z.px_per_day = std::clamp(z.px_per_day * (io.MouseWheel > 0 ? 1.25f : 0.8f), 1.0f, 80.0f);
}

}  // namespace

void timeline_tab(const CasePlan& p, const CaseState& s) {
    Zoom&               z = zoom();
    const auto          marks = timeline_marks(p, s, session().today());
    const TimelineRange r = timeline_range(marks, session().today());
    zoom_controls(z, r);
    const float row_h = ImGui::GetTextLineHeightWithSpacing() * 2.0f;
    const float width = 150 + days_between(r.first, r.last) * z.px_per_day + 40;
    const float height = 22 + 4 * row_h + 24;
    begin_pane("##timeline", ImVec2(0, height + ImGui::GetStyle().ScrollbarSize + 8), true,
               ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ctrl_wheel(z);
    const ImVec2 top = ImGui::GetCursorScreenPos();
    Canvas       c{ImGui::GetWindowDrawList(), ImVec2(top.x + 140, top.y), z.px_per_day, r.first, row_h};
    ImGui::Dummy(ImVec2(width, height));
    draw_shading(c, r);
    draw_months(c, r);
    for (const TimelineMark& m : marks) draw_mark(c, m);
    const float tx = c.x(session().today());
    c.dl->AddLine({tx, c.origin.y}, {tx, c.y(4)}, ImGui::GetColorU32(colour_danger()), 2);
    c.dl->AddText({tx + 3, c.y(4) + 2}, ImGui::GetColorU32(colour_danger()), "Today");
    row_labels(c);
    hover(c, marks);
    ImGui::EndChild();
    words_disabled(
        "Filled circle: held. Ring: scheduled. Diamond: deadline (colour and word show its status on hover).");
}

}  // namespace cp::app
