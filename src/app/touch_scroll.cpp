#include "app/touch_scroll.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "platform/platform.h"

namespace cp::app {
namespace {

// How quickly a coasting page slows: its speed falls to a third in this many seconds, about as a
// tablet's own pages do.
constexpr float kSlowing = 0.33f;
// Slower than this (pixels a second), a coasting page stops.
constexpr float kStopBelow = 30.0f;

// Where the finger has been lately, by the touch events' clock (seconds), for the speed it lifted at.
struct Sample {
    double t = 0;
    ImVec2 at{};
};
constexpr int    kSamples = 8;
constexpr double kRecent = 0.1;  // the speed of the last tenth of a second; a finger that rested longer throws nothing

struct Finger {
    Sample recent[kSamples];
    int    samples = 0;
    double lifted = 0;  // when it last left the glass
};
Finger g_finger;

struct Swipe {
    ImGuiID window = 0;  // what the finger is scrolling, or coasting
    ImVec2  velocity{};  // pixels a second, in the scroll's direction, once the finger lifts
    bool    dragging = false;
};
Swipe g_swipe;

bool scrolls(const ImGuiWindow* w) {
    return (w->ScrollMax.x > 0 || w->ScrollMax.y > 0) && !(w->Flags & ImGuiWindowFlags_NoScrollWithMouse);
}

// The innermost window under the finger that can scroll.
ImGuiWindow* scrollable_under_finger(const ImGuiContext& g) {
    for (ImGuiWindow* w = g.HoveredWindow; w; w = w->ParentWindow) {
        if (scrolls(w)) return w;
        if (!(w->Flags & ImGuiWindowFlags_ChildWindow)) break;  // not past a dialog into the page under it
    }
    return nullptr;
}

void scroll_by(ImGuiWindow* w, ImVec2 d) {
    if (w->ScrollMax.x > 0) ImGui::SetScrollX(w, w->Scroll.x + d.x);
    if (w->ScrollMax.y > 0) ImGui::SetScrollY(w, w->Scroll.y + d.y);
}

// A scroll bar dragged with a finger is the bar's to move.
bool dragging_a_scrollbar(const ImGuiContext& g, ImGuiWindow* w) {
    return g.ActiveId != 0 && (g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_Y) ||
                               g.ActiveId == ImGui::GetWindowScrollbarID(w, ImGuiAxis_X));
}

void follow_finger(ImGuiContext& g) {
    if (!g_swipe.dragging) {
        ImGuiWindow* w = scrollable_under_finger(g);
        g_swipe = {};
        g_swipe.window = w ? w->ID : 0;
        g_swipe.dragging = true;
    }
    ImGuiWindow* w = ImGui::FindWindowByID(g_swipe.window);
    if (!w || dragging_a_scrollbar(g, w)) return;
    if (g.ActiveId != 0) ImGui::ClearActiveID();
    scroll_by(w, ImVec2(-g.IO.MouseDelta.x, -g.IO.MouseDelta.y));
}

// The page's speed as the finger lifted: the finger's over the last tenth of a second before it
// lifted (from at least its move before the last), against the direction it moved. A finger that
// slows before lifting throws the page less; one that rested throws nothing.
ImVec2 lift_speed() {
    const int n = std::min(g_finger.samples, kSamples);
    if (n < 2) return {};
    const Sample& last = g_finger.recent[(g_finger.samples - 1) % kSamples];
    if (g_finger.lifted - last.t > kRecent) return {};
    const Sample* first = &g_finger.recent[(g_finger.samples - 2) % kSamples];
    for (int i = 3; i <= n; ++i) {
        const Sample& s = g_finger.recent[(g_finger.samples - i) % kSamples];
        if (g_finger.lifted - s.t > kRecent) break;
        first = &s;
    }
    const double dt = std::max(g_finger.lifted, last.t) - first->t;
    if (dt <= 0) return {};
    return ImVec2(static_cast<float>((first->at.x - last.at.x) / dt),
                  static_cast<float>((first->at.y - last.at.y) / dt));
}

void coast(const ImGuiContext& g) {
    ImGuiWindow* w = ImGui::FindWindowByID(g_swipe.window);
    const float  speed = std::sqrt(g_swipe.velocity.x * g_swipe.velocity.x + g_swipe.velocity.y * g_swipe.velocity.y);
    if (!w || speed < kStopBelow || platform::prefers_reduced_motion()) {
        g_swipe = {};
        return;
    }
    const float dt = std::min(g.IO.DeltaTime, 0.1f);  // a late frame does not throw the page
    scroll_by(w, ImVec2(g_swipe.velocity.x * dt, g_swipe.velocity.y * dt));
    const float keep = std::exp(-dt / kSlowing);
    g_swipe.velocity = ImVec2(g_swipe.velocity.x * keep, g_swipe.velocity.y * keep);
    const bool at_end =
        (w->ScrollMax.y <= 0 || (g_swipe.velocity.y < 0 ? w->Scroll.y <= 0 : w->Scroll.y >= w->ScrollMax.y)) &&
        (w->ScrollMax.x <= 0 || (g_swipe.velocity.x < 0 ? w->Scroll.x <= 0 : w->Scroll.x >= w->ScrollMax.x));
    if (at_end)
        g_swipe = {};
    else
        platform::request_redraw();  // frames are drawn on input; a coasting page asks for its own
}

}  // namespace

void touch_scroll() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool    finger = g.IO.MouseSource == ImGuiMouseSource_TouchScreen;
    if (finger && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        follow_finger(g);
        return;
    }
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) || g.IO.MouseWheel != 0 || !finger) {
        g_swipe = {};  // a touch, a click or the wheel stops a coasting page where it is
        return;
    }
    if (g_swipe.dragging) {  // the finger has just lifted
        g_swipe.dragging = false;
        // Its last move may arrive in the frame it lifts in.
        ImGuiWindow* w = ImGui::FindWindowByID(g_swipe.window);
        if (w && !dragging_a_scrollbar(g, w)) scroll_by(w, ImVec2(-g.IO.MouseDelta.x, -g.IO.MouseDelta.y));
        g_swipe.velocity = lift_speed();
    }
    if (g_swipe.window != 0) coast(g);
}

void finger_at(Touch what, double seconds, float x, float y) {
    if (what == Touch::lifts) {
        g_finger.lifted = seconds;
        return;
    }
    if (what == Touch::starts) g_finger.samples = 0;
    g_finger.recent[g_finger.samples++ % kSamples] = {seconds, ImVec2(x, y)};
}

}  // namespace cp::app
