#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "app/access.h"
#include "app/fonts.h"
#include "app/locator.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/words.h"
#include "crypto/strength.h"

#include <cctype>
#include <string_view>

namespace cp::app {

UiState& ui() {
    static UiState s;
    return s;
}

void heading(const char* text) {
    ImGui::PushFont(fonts().large);
    ImGui::PushTextWrapPos(0.0f);  // a long heading wraps in a narrow window
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    locator_text(text, "heading");
}

void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

void item_width(float width) {
    ImGui::SetNextItemWidth(width > 0 ? std::min(width, ImGui::GetContentRegionAvail().x) : width);
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

float checkbox_width(const char* label) {
    return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
}

bool checkbox(const char* label, bool* value) {
    if (checkbox_width(label) <= ImGui::GetContentRegionAvail().x) return ImGui::Checkbox(label, value);
    ImGui::PushID(label);
    bool          changed = ImGui::Checkbox("##box", value);
    const ImGuiID box = ImGui::GetItemID();
    ImGui::PopID();
    const std::string shown(label, ImGui::FindRenderedTextEnd(label));
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(shown.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::IsItemClicked()) {
        *value = !*value;
        changed = true;
    }
    locator_name_item(box, shown.c_str(), ImGuiItemStatusFlags_Checkable | (*value ? ImGuiItemStatusFlags_Checked : 0));
    return changed;
}

bool begin_pane(const char* id, ImVec2 size, int child_flags, int window_flags) {
    return ImGui::BeginChild(id, size, child_flags, window_flags | ImGuiWindowFlags_NavFlattened);
}

bool begin_combo(const char* id, const char* preview) {
    // Every choice that fits on screen is shown at once: forms offer a dozen event kinds, and a
    // list of eight that must be scrolled hides the one wanted.
    const ImGuiID combo = ImGui::GetID(id);  // its item, before an open list becomes the last item
    const bool    open = ImGui::BeginCombo(id, preview, ImGuiComboFlags_HeightLargest);
    // BeginCombo reports no label of its own.
    locator_name_item(combo, id, ImGuiItemStatusFlags_Openable | (open ? ImGuiItemStatusFlags_Opened : 0));
    locator_combo(combo, preview);
    return open;
}

bool input_with_hint(const char* id, const char* hint, std::string* text, int flags) {
    if (!locator_caption_pending()) locator_caption_next(hint);
    const bool changed = ImGui::InputTextWithHint(id, hint, text, flags);
    locator_value_last_item(*text);
    return changed;
}

bool text_input(const char* id, std::string* text, int flags) {
    const bool changed = ImGui::InputText(id, text, flags);
    locator_value_last_item(*text);
    return changed;
}

bool text_area(const char* id, std::string* text, const ImVec2& size, int flags) {
    const bool changed = ImGui::InputTextMultiline(id, text, size, flags);
    locator_value_last_item(*text);
    return changed;
}

bool radio(const char* label, int* chosen, int value) {
    const bool pressed = ImGui::RadioButton(label, chosen, value);
    locator_role_last_item("radio", *chosen == value);
    return pressed;
}

void status_text(const char* word, int severity) {
    const ImVec4 c = severity == 0   ? colour_ok()
                     : severity == 1 ? colour_warning()
                     : severity == 2 ? colour_danger()
                                     : colour_info();
    ImGui::PushFont(fonts().bold);
    words_coloured(c, "%s", word);
    ImGui::PopFont();
}

void status_message(const std::string& text, int severity) {
    status_text(text.c_str(), severity);
    announce(text, severity == 2);
}

void strength_meter(std::string_view passphrase) {
    const Strength s = estimate_strength(passphrase);
    const float    fraction = passphrase.empty() ? 0.0f : (s.score + 1) / 5.0f;
    const int      severity = s.score >= strength_recommended ? 0 : s.score >= 2 ? 1 : 2;
    const ImVec4   c = severity == 0 ? colour_ok() : severity == 1 ? colour_warning() : colour_danger();
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, c);
    ImGui::ProgressBar(fraction, ImVec2(260, 0), "");
    ImGui::PopStyleColor();
    // The word beside the bar, not on it: no colour of fill keeps text readable on it and on the page.
    if (!passphrase.empty()) {
        ImGui::SameLine();
        status_text(s.label.c_str(), severity);
    }
    // Always one line, so the controls below never jump while the user types.
    words(passphrase.empty() ? "Use three or four unrelated words." : s.hint.c_str());
}

// A passphrase field with its label beside it in a wide window, above it in a narrow one (a phone,
// a large zoom), where a label column would push the field past the window's edge.
void passphrase_field(const char* label, const char* id, Passphrase& p, ImGuiInputTextFlags flags) {
    constexpr float label_column = 140, field = 320;
    const bool      beside = ImGui::GetContentRegionAvail().x >= label_column + field;
    words(label);
    if (beside) ImGui::SameLine(label_column);
    item_width(field);
    ImGui::InputText(id, p.data(), Passphrase::capacity, flags);
}

bool passphrase_fields(Passphrase& pass, Passphrase& confirm, bool& show) {
    const ImGuiInputTextFlags f = show ? 0 : ImGuiInputTextFlags_Password;
    passphrase_field("Passphrase", "##passphrase", pass, f);
    passphrase_field("Type it again", "##confirm", confirm, f);
    same_line_if_fits(checkbox_width("Show"));
    ImGui::Checkbox("Show", &show);
    strength_meter(pass.view());
    const bool strong = estimate_strength(pass.view()).score >= strength_recommended;
    const bool same = confirm.view() == pass.view();
    if (!confirm.empty() && !same)
        status_message("The two passphrases differ.", 1);
    else
        words(!confirm.empty() ? "The two passphrases match." : " ");
    return strong && same;
}

void begin_centered_panel(const char* id, float width) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float          w = std::min(width, vp->WorkSize.x - 24);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) * 0.5f, vp->WorkPos.y + 40), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(w, 0), ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, vp->WorkSize.y - 60));
    // The loading panel gives way to the start or unlock panel while the person may already have
    // a menu open: a panel appearing must not take the focus, which would close that menu.
    ImGui::Begin(id, nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    // Unless a menu is open, the panel takes the keyboard when it appears: Tab then moves through
    // its fields instead of through the empty window behind it.
    if (ImGui::IsWindowAppearing() &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel))
        ImGui::SetWindowFocus();
}

void end_centered_panel() { ImGui::End(); }

void jargon_lines(const std::string& text);  // below

void citation_tooltip(const std::string& text, const std::string& citation) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32);
    words(text.c_str());
    if (!citation.empty()) words_disabled("Source: %s", citation.c_str());
    jargon_lines(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

namespace {

struct Term {
    const char* word;
    const char* meaning;
};

// Words a deputy head may meet in the plan, with what they stand for (DOMAIN.md, Words).
const Term kTerms[] = {
    {"CLA",
     "Child looked after: a child in the care of a local authority. The Virtual School (and social worker) must agree "
     "before any move."},
    {"LAC", "Looked-after child: the older name for a child looked after (CLA)."},
    {"EHCP",
     "Education, Health and Care Plan. A change of placement goes through the LA's SEND team, not a managed move."},
    {"EHCNA", "Education, Health and Care needs assessment: the assessment that may lead to an EHCP."},
    {"SEND", "Special educational needs and disabilities."},
    {"SEN", "Special educational needs."},
    {"PSP", "Pastoral support plan: the school's plan of support for a pupil at risk of exclusion."},
    {"IEP", "Individual education plan."},
    {"IHCP", "Individual health care plan."},
    {"PEP", "Personal education plan, kept for every child looked after."},
    {"AP", "Alternative provision: education arranged outside a mainstream school."},
    {"PEX", "Permanent exclusion."},
    {"UPN", "Unique pupil number, from the school's census records."},
    {"URN", "Unique reference number of a school (Get Information About Schools)."},
    {"EHA", "Early Help Assessment."},
    {"CIN", "Child in need plan."},
    {"LA", "Local authority."},
    {"D code",
     "Register code D: the pupil is dual registered and attends the other school this session; not a possible session "
     "at the home school."},
    {"dual registered",
     "On both schools' admission registers: the home school is the main registration, the host the subsidiary."},
    {"off-site direction",
     "A temporary direction (Education Act 2002 s29A) to attend another setting to improve behaviour; the pupil stays "
     "on the home school's roll."},
    {"managed move",
     "A voluntary, permanent transfer to another school's roll agreed by everyone, including the parents. Since 26 "
     "July 2026 it cannot be a trial."},
    {"Virtual School", "The local authority's team that champions the education of children looked after."},
    {"Fair Access", "The In Year Fair Access panel or team, which brokers placements for pupils who need one."},
};

bool whole_word_at(std::string_view text, std::size_t at, std::size_t len) {
    const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    return (at == 0 || !word_char(text[at - 1])) && (at + len >= text.size() || !word_char(text[at + len]));
}

bool mentions(std::string_view text, std::string_view word) {
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1))
        if (whole_word_at(text, at, word.size())) return true;
    return false;
}

}  // namespace

bool has_jargon(const std::string& text) {
    for (const Term& t : kTerms)
        if (mentions(text, t.word)) return true;
    return false;
}

void jargon_lines(const std::string& text) {
    for (const Term& t : kTerms) {
        if (!mentions(text, t.word)) continue;
        ImGui::PushFont(fonts().bold);
        words(t.word);
        ImGui::PopFont();
        ImGui::SameLine();
        words_wrapped("%s", t.meaning);
    }
}

void jargon_tooltip(const std::string& text) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort) || !has_jargon(text)) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    jargon_lines(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void jargon_text(const std::string& text) {
    words_wrapped("%s", text.c_str());
    jargon_tooltip(text);
}

}  // namespace cp::app
