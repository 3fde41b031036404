#include "app/dialog.h"
#include "app/ui.h"
#include "app/words.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace cp::app {
namespace {

// What a dialog keeps from one frame to the next lives in its own window's storage (ImGui
// forgets it with the window), under these keys.
const ImGuiID kTopmost = ImHashStr("cp-dialog/topmost");           // innermost popup at the end of the last frame
const ImGuiID kFooterHeight = ImHashStr("cp-dialog/footer");       // the footer's height last frame
const ImGuiID kFooterStart = ImHashStr("cp-dialog/footer-start");  // where the footer begins this frame

constexpr float kMargin = 16;  // between a dialog and the screen's edges

ImGuiWindow* popup_window() { return ImGui::GetCurrentWindow()->RootWindow; }

// Escape acts on the popup that was innermost when it was pressed: ImGui closes a combo's list or
// a calendar on Escape before the frame is drawn, so by then the dialog under it looks innermost.
// Whether it was is remembered at the end of each frame.
void remember_topmost() {
    ImGuiContext& g = *GImGui;
    ImGuiWindow*  w = popup_window();
    const bool    top = !g.OpenPopupStack.empty() && g.OpenPopupStack.back().Window == w;
    w->StateStorage.SetBool(kTopmost, top);
}

// Page Up/Down, Home and End scroll the body when the keyboard is not in one of its fields (ImGui
// moves through the fields itself, with Tab and the arrows, scrolling each into view).
void keys_to_scroll() {
    ImGuiContext& g = *GImGui;
    if (g.IO.WantTextInput || g.NavWindow == ImGui::GetCurrentWindow()) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const float page = ImGui::GetWindowHeight() - ImGui::GetTextLineHeightWithSpacing();
    if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) ImGui::SetScrollY(ImGui::GetScrollY() + page);
    if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) ImGui::SetScrollY(ImGui::GetScrollY() - page);
    if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) ImGui::SetScrollY(0);
    if (ImGui::IsKeyPressed(ImGuiKey_End, false)) ImGui::SetScrollY(ImGui::GetScrollMaxY());
}

}  // namespace

bool begin_dialog(const char* title, float width) {
    if (!ImGui::IsPopupOpen(title)) ImGui::OpenPopup(title);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float          w = std::min(width, vp->WorkSize.x - 2 * kMargin);
    const float          max_h = vp->WorkSize.y - 2 * kMargin;
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, max_h));
    if (!ImGui::BeginPopupModal(
            title, nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings))
        return false;
    // Escape in a field being typed in leaves the field and keeps what was typed (ImGui would put
    // back the text the field had before): losing typed work always asks first.
    ImGuiContext& g = *GImGui;
    if (g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::ClearActiveID();
    // It grows as its body opens more: moved up only when its bottom would leave the screen, so it
    // does not jump about while it fits.
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    const float  bottom = vp->WorkPos.y + vp->WorkSize.y - kMargin;
    if (pos.y + size.y > bottom) ImGui::SetWindowPos(ImVec2(pos.x, std::max(vp->WorkPos.y + kMargin, bottom - size.y)));
    // The body gets what the screen has left above the footer (as tall as it was last frame).
    const ImGuiStyle& st = ImGui::GetStyle();
    const float       footer =
        popup_window()->StateStorage.GetFloat(kFooterHeight, ImGui::GetFrameHeightWithSpacing() * 2 + st.ItemSpacing.y);
    const float room = max_h - ImGui::GetCursorPosY() - footer - st.WindowPadding.y;
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, std::max(ImGui::GetFrameHeight() * 3, room)));
    begin_pane("##body", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY);
    return true;
}

void dialog_footer() {
    keys_to_scroll();
    ImGui::EndChild();
    popup_window()->StateStorage.SetFloat(kFooterStart, ImGui::GetCursorPosY());
    ImGui::Separator();
}

void end_dialog() {
    ImGuiStorage& s = popup_window()->StateStorage;
    s.SetFloat(kFooterHeight, ImGui::GetCursorPosY() - s.GetFloat(kFooterStart, ImGui::GetCursorPosY()));
    remember_topmost();
    ImGui::EndPopup();
}

bool dialog_escape() {
    return ImGui::IsKeyPressed(ImGuiKey_Escape, false) && popup_window()->StateStorage.GetBool(kTopmost, false);
}

bool dialog_cancel(bool asked, bool dirty, const char* question) {
    constexpr const char* kAsk = "Discard?##cp-discard";
    if (asked && !dirty) return true;
    if (asked) ImGui::OpenPopup(kAsk);
    bool                 discard = false;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::BeginPopupModal(
            kAsk, nullptr,
            ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
        words(question);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        // Keep comes first and takes Escape: the safe answer is the easy one.
        if (ImGui::Button("Keep") || dialog_escape()) ImGui::CloseCurrentPopup();
        ImGui::SameLine();
        if (ImGui::Button("Discard")) {
            discard = true;
            ImGui::CloseCurrentPopup();
        }
        remember_topmost();
        ImGui::EndPopup();
    }
    return discard;
}

}  // namespace cp::app
