#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/fonts.h"
#include "app/locator.h"
#include "app/theme.h"
#include "app/ui.h"
#include "crypto/strength.h"

namespace cp::app {

UiState& ui() {
    static UiState s;
    return s;
}

void heading(const char* text) {
    ImGui::PushFont(fonts().large);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

bool begin_combo(const char* id, const char* preview) {
    const bool open = ImGui::BeginCombo(id, preview);
    if (!open) locator_name_last_item(id);   // BeginCombo reports no label of its own
    return open;
}

void status_text(const char* word, int severity) {
    const ImVec4 c = severity == 0 ? colour_ok() : severity == 1 ? colour_warning() : severity == 2 ? colour_danger() : colour_info();
    ImGui::PushFont(fonts().bold);
    ImGui::TextColored(c, "%s", word);
    ImGui::PopFont();
}

void strength_meter(const std::string& passphrase) {
    const Strength s = estimate_strength(passphrase);
    const float fraction = passphrase.empty() ? 0.0f : (s.score + 1) / 5.0f;
    const ImVec4 c = s.score >= strength_recommended ? colour_ok() : s.score >= 2 ? colour_warning() : colour_danger();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, c);
    ImGui::ProgressBar(fraction, ImVec2(260, 0), passphrase.empty() ? "" : s.label.c_str());
    ImGui::PopStyleColor();
    // Always one line, so the controls below never jump while the user types.
    ImGui::TextUnformatted(passphrase.empty() ? "Use three or four unrelated words." : s.hint.c_str());
}

bool passphrase_fields(std::string& pass, std::string& confirm, bool& show) {
    const ImGuiInputTextFlags f = show ? 0 : ImGuiInputTextFlags_Password;
    ImGui::TextUnformatted("Passphrase");
    ImGui::SameLine(140);
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("##passphrase", &pass, f);
    ImGui::TextUnformatted("Type it again");
    ImGui::SameLine(140);
    ImGui::SetNextItemWidth(320);
    ImGui::InputText("##confirm", &confirm, f);
    ImGui::SameLine();
    ImGui::Checkbox("Show", &show);
    strength_meter(pass);
    const bool strong = estimate_strength(pass).score >= strength_recommended;
    if (!confirm.empty() && confirm != pass) status_text("The two passphrases differ.", 2);
    else ImGui::TextUnformatted(!confirm.empty() ? "The two passphrases match." : " ");
    return strong && pass == confirm;
}

void begin_centered_panel(const char* id, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float w = std::min(width, vp->WorkSize.x - 24);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + 40), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y - 60));
    ImGui::Begin(id, nullptr, ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                  ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
}

void end_centered_panel() { ImGui::End(); }

void citation_tooltip(const std::string& text, const std::string& document, const std::string& paragraph) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    ImGui::TextUnformatted(text.c_str());
    if (!document.empty()) ImGui::TextDisabled("Source: %s, %s", document.c_str(), paragraph.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

} // namespace cp::app
