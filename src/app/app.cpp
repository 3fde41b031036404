#include "app/app.h"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <string>

#include "app/fonts.h"
#include "app/theme.h"
#include "platform/platform.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif
#ifndef CP_BUILD_DATE
#define CP_BUILD_DATE "unknown"
#endif

namespace cp::app {
namespace {

struct UiState {
    bool show_about = false;
    std::string search;
};

UiState g_ui;

void menu_bar() {
    if (!ImGui::BeginMenuBar()) return;
    if (ImGui::BeginMenu("View")) {
        float scale = text_scale();
        if (ImGui::MenuItem("Larger text", nullptr, false, scale < 1.6f)) set_text_scale(scale + 0.1f);
        if (ImGui::MenuItem("Smaller text", nullptr, false, scale > 0.8f)) set_text_scale(scale - 0.1f);
        ImGui::Separator();
        if (ImGui::MenuItem("Light theme", nullptr, current_theme() == Theme::Light)) apply_theme(Theme::Light);
        if (ImGui::MenuItem("Dark theme", nullptr, current_theme() == Theme::Dark)) apply_theme(Theme::Dark);
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About this case planner")) g_ui.show_about = true;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

void case_list() {
    ImGui::PushFont(fonts().large);
    ImGui::TextUnformatted("Cases");
    ImGui::PopFont();
    ImGui::SetNextItemWidth(320.0f);
    ImGui::InputTextWithHint("Search##cases", "pupil name or UPN", &g_ui.search);
    ImGui::SameLine();
    if (ImGui::Button("About")) g_ui.show_about = true;
    ImGui::Spacing();
    if (ImGui::BeginTable("cases", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY,
                          ImVec2(0, 220))) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("Pupil");
        ImGui::TableSetupColumn("Kind");
        ImGui::TableSetupColumn("Protocol");
        ImGui::TableSetupColumn("Stage");
        ImGui::TableSetupColumn("Next deadline");
        ImGui::TableHeadersRow();
        ImGui::EndTable();
    }
    ImGui::TextDisabled("No cases yet. Cases you create are stored only in this browser, on this device.");
}

void about_window() {
    if (!g_ui.show_about) return;
    // Centred and never larger than the window, so it scrolls on a small screen instead of hiding.
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(280, 120), ImVec2(vp->WorkSize.x - 20, vp->WorkSize.y - 20));
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About this case planner", &g_ui.show_about, ImGuiWindowFlags_NoCollapse)) {
        ImGui::PushFont(fonts().bold);
        ImGui::TextUnformatted("Managed Moves and Off-site Directions case planner");
        ImGui::PopFont();
        ImGui::Text("Version %s, built %s", CP_VERSION, CP_BUILD_DATE);
        ImGui::Separator();
        ImGui::TextWrapped("Your data never leaves this device. The case planner runs entirely in this browser: "
                           "pupil records are stored here, on this computer, and are never sent to a server. "
                           "They leave the device only when you export them, as a file encrypted with a "
                           "passphrase that you choose.");
        ImGui::Spacing();
        ImGui::TextWrapped("The rules come from five local-authority protocols (Oxfordshire, Hammersmith & Fulham, "
                           "Thurrock, Norfolk and Worcestershire) and the statutory guidance for England. Every rule "
                           "the planner applies names the document and paragraph it comes from.");
        ImGui::Spacing();
        if (ImGui::Button("Close")) g_ui.show_about = false;
    }
    ImGui::End();
}

} // namespace

void init() {
    apply_theme(Theme::Light);
    platform::set_page_title("Case planner – Managed Moves and Off-site Directions");
}

void frame() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    platform::set_backdrop(bg.x, bg.y, bg.z, false);
    if (ImGui::Begin("Case planner", nullptr, flags)) {
        menu_bar();
        case_list();
    }
    ImGui::End();
    about_window();
}

void shutdown() {}

} // namespace cp::app
