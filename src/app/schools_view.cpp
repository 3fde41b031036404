#include "app/schools_view.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>

#include "app/fonts.h"
#include "app/session.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

struct PickerState {
    bool        adding = false;  // the "add a school" part is open
    std::string filter;          // what was typed to find the school
    School      draft;           // a school to add
    std::string problem;         // why the last "Add and choose" did not
};

bool all_digits(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool matches(const School& s, const std::string& filter) {
    if (filter.empty()) return true;
    return lower_case(s.name).find(lower_case(filter)) != std::string::npos || s.urn.find(filter) == 0;
}

// The directory's schools that match, as choices; true when one was chosen.
bool choices(const std::vector<School>& schools, const std::string& own, std::string& urn, const std::string& filter,
             float width) {
    std::vector<const School*> found;
    for (const School& s : schools)
        if (s.urn != own && matches(s, filter)) found.push_back(&s);
    if (found.empty()) {
        words_disabled("%s", schools.empty() ? "The school list is empty: add the school below."
                                             : "No school in the list matches.");
        return false;
    }
    // Eight rows show at once; a longer list scrolls inside the popup, so "Add" stays in reach.
    const float rows = static_cast<float>(std::min<std::size_t>(found.size(), 8));
    bool        chosen = false;
    begin_pane("##matches", {width, rows * ImGui::GetTextLineHeightWithSpacing() + 4});
    for (const School* s : found) {
        const std::string label = s->name + " (URN " + s->urn + ")";
        if (ImGui::Selectable(label.c_str(), s->urn == urn)) {
            urn = s->urn;
            chosen = true;
            ImGui::CloseCurrentPopup();
        }
        if (!s->notes.empty()) {
            ImGui::SameLine();
            words_disabled("%s", s->notes.c_str());
        }
    }
    ImGui::EndChild();
    return chosen;
}

}  // namespace

void school_fields(School& s, bool editing, float width) {
    ImGui::PushItemWidth(width);
    ImGui::PushTextWrapPos(0.0f);  // a long label wraps in a narrow window
    words("Name of the school *");
    text_input("##school_name", &s.name);
    words("URN (6 or 7 digits, from Get Information About Schools) *");
    text_input("##school_urn", &s.urn, ImGuiInputTextFlags_CharsDecimal | (editing ? ImGuiInputTextFlags_ReadOnly : 0));
    words("Address (as it should appear on letters)");
    text_input("##school_address", &s.address);
    words("Notes (distance, bus route, contact)");
    text_input("##school_notes", &s.notes);
    ImGui::PopTextWrapPos();
    ImGui::PopItemWidth();
}

bool school_picker(const char* id, std::string& urn, float width) {
    const Workspace&  ws = session().ws();
    PickerState&      st = screen_state<PickerState>();
    const std::string shown = urn.empty() ? "(choose a school)" : school_words(ws, urn);
    item_width(width);
    if (!begin_combo(id, shown.c_str())) return false;
    if (ImGui::IsWindowAppearing()) {
        st = {};
        ImGui::SetKeyboardFocusHere();
    }
    const float inner = std::max(width, ImGui::GetFontSize() * 24);
    item_width(inner);
    // What is typed to find a school also starts the school to add, when none matches.
    if (input_with_hint("##find", "Type part of the name, or the URN", &st.filter)) {
        if (all_digits(st.filter))
            st.draft.urn = st.filter;
        else
            st.draft.name = st.filter;
    }
    bool changed = choices(ws.schools, ws.own.urn, urn, st.filter, inner);
    ImGui::Separator();
    // Folded while the list has what was typed; open at once when it has nothing to offer.
    const bool none = std::none_of(ws.schools.begin(), ws.schools.end(),
                                   [&](const School& s) { return s.urn != ws.own.urn && matches(s, st.filter); });
    if (!st.adding && !none) {
        if (ImGui::Button("Not in the list? Add a school…")) st.adding = true;
        ImGui::EndCombo();
        return changed;
    }
    words("Add the school to the school list:");
    school_fields(st.draft, false, inner);
    if (ImGui::Button("Add and choose")) {
        st.problem = session().save_school(st.draft, false);
        if (st.problem.empty()) {
            urn = st.draft.urn;
            changed = true;
            ImGui::CloseCurrentPopup();
        }
    }
    if (!st.problem.empty()) {
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + inner);
        status_message(st.problem, 2);
        ImGui::PopTextWrapPos();
    }
    ImGui::EndCombo();
    return changed;
}

namespace {
struct ListState {
    enum class Mode { list, adding, editing } mode = Mode::list;
    School      draft;
    std::string problem, saved;  // why the last save did not; what it saved
    bool        reveal = false;  // the form has just opened below the list: bring it into view
};

void school_rows(ListState& st) {
    const Workspace& ws = session().ws();
    if (ws.schools.empty()) {
        words_disabled_wrapped("%s",
                               "No schools yet. Add the schools you work with, or add one when a form asks for it.");
        return;
    }
    const float height =
        std::min(8.0f, static_cast<float>(ws.schools.size()) + 1.5f) * ImGui::GetFrameHeightWithSpacing();
    if (!ImGui::BeginTable("##schools", 4,
                           ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH,
                           {0, height}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("School", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("URN", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("Address", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableHeadersRow();
    for (const School& s : ws.schools) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        words_wrapped("%s", s.name.c_str());
        if (!s.notes.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.notes.c_str());
        ImGui::TableNextColumn();
        words(s.urn.c_str());
        ImGui::TableNextColumn();
        words_wrapped("%s", s.address.empty() ? "(not given)" : s.address.c_str());
        ImGui::TableNextColumn();
        if (ImGui::SmallButton(("Edit##" + s.urn).c_str())) { st = {ListState::Mode::editing, s, "", "", true}; }
    }
    ImGui::EndTable();
}
}  // namespace

void school_list_settings() {
    ListState& st = screen_state<ListState>();
    ImGui::PushFont(fonts().bold);
    words("Schools you work with");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    words("Forms, letters and reports name a school from this list, with its address. It is kept with your cases.");
    ImGui::PopTextWrapPos();
    school_rows(st);
    if (st.mode == ListState::Mode::list) {
        if (ImGui::Button("Add a school")) st = {ListState::Mode::adding, {}, "", "", true};
        if (!st.saved.empty()) {
            ImGui::SameLine();
            status_message(st.saved, 0);
        }
        return;
    }
    const bool   editing = st.mode == ListState::Mode::editing;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    words(editing ? "Edit the school (its URN stays, as cases refer to it):" : "Add a school:");
    if (st.reveal) ImGui::SetKeyboardFocusHere();  // the name field
    school_fields(st.draft, editing, std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 28));
    const bool save = ImGui::Button(editing ? "Save the school" : "Add the school");
    // The settings body scrolls: a form opened below a long list would otherwise start off its edge.
    if (st.reveal) {
        ImGui::ScrollToRect(ImGui::GetCurrentWindow(), ImRect(top, ImGui::GetItemRectMax()));
        st.reveal = false;
    }
    if (save) {
        st.problem = session().save_school(st.draft, editing);
        if (st.problem.empty()) st = {ListState::Mode::list, {}, "", "Saved " + st.draft.name + "."};
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel##school")) st = {};
    if (!st.problem.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        status_message(st.problem, 2);
        ImGui::PopTextWrapPos();
    }
}

Json school_list_test_state() {
    const ListState& st = screen_state<ListState>();
    const char*      modes[] = {"list", "adding", "editing"};
    return {{"mode", modes[static_cast<int>(st.mode)]}, {"problem", st.problem}, {"saved", st.saved}};
}

}  // namespace cp::app
