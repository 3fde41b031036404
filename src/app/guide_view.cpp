// Help > Guide: a short built-in guide for a school with no IT support. What a managed move and an
// off-site direction are; the steps of the user's own protocol, read from its pack (each step and
// what must be recorded before it, with the document to look it up in); the keyboard; where the
// data lives; how to move to a new computer; and accessibility (what works with a keyboard and a
// screen reader today, and where the accessibility statement is).
#include "app/guide_view.h"

#include <imgui.h>

#include <map>

#include "app/fonts.h"
#include "app/ui.h"
#include "app/words.h"

namespace cp::app {
namespace {

struct GuideUi {
    bool open = false;
};
GuideUi& gui() { return screen_state<GuideUi>(); }

// The pack's gates, grouped under the step they hold back, in the words the plan uses.
std::vector<std::pair<std::string, std::vector<std::string>>> protocol_steps(const Pack& pack) {
    std::map<std::string, std::vector<std::string>> by_action;
    std::vector<std::string>                        order;
    for (const Rule& r : pack.rules) {
        if (r.kind != RuleKind::gate || !r.params.contains("action")) continue;
        const std::string action = r.params.value("action", "");
        if (!by_action.count(action)) order.push_back(action);
        by_action[action].push_back(r.message + (r.citation.text.empty() ? "" : " (" + r.citation.text + ")"));
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> out;
    for (const std::string& a : order) out.emplace_back(plan_action_label(a), by_action[a]);
    return out;
}

void paragraph(const char* text) {
    ImGui::PushTextWrapPos(0.0f);
    words(text);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
}

void what_they_are() {
    paragraph(
        "An off-site direction sends a pupil to another school or to alternative provision for a while, to "
        "improve their behaviour. The pupil stays on your roll (dual registered), you give the parents written "
        "notice at least two school days before the first day, and the placement is reviewed. Parents' views "
        "are asked for and recorded; their consent is not required.");
    paragraph(
        "A managed move is a permanent move to another school's roll, agreed by everyone: the parents, the "
        "pupil, both schools and the new school's admission authority. Since 26 July 2026 a managed move "
        "cannot be a trial: a trial placement is an off-site direction, which can then become a managed move.");
}

void your_protocol() {
    const Pack* pack = session().packs().find(session().ws().own.la);
    if (!pack) {
        paragraph("Open or set up a workspace to see the steps of your local authority's protocol.");
        return;
    }
    paragraph(("Your workspace follows " + pack->name + " (" + pack->local_authority +
               "). Each case moves through these steps; before each one the planner checks what the protocol "
               "and the law ask to be recorded first, and the case's Plan tab shows what is still missing.")
                  .c_str());
    for (const auto& [step, needs] : protocol_steps(*pack)) {
        ImGui::PushFont(fonts().bold);
        words_bullet("%s", step.c_str());
        ImGui::PopFont();
        ImGui::Indent();
        ImGui::PushTextWrapPos(0.0f);
        for (const std::string& n : needs) words(("- " + n).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent();
    }
}

void keyboard() {
    words_bullet("Tab and Shift+Tab move between fields and buttons; Enter or Space presses a button.");
    words_bullet(
        "A list of cases or schools is one stop: the arrow keys move between its rows, Enter opens the "
        "row, and Tab moves on past the list.");
    words_bullet(
        "Escape closes the list or calendar that is open, then the dialog (it asks before "
        "anything typed is thrown away).");
    words_bullet("Coming to the page with Tab, the first stop is \"Skip to the case list\"; Enter goes there.");
    words_bullet("Alt moves to the menu bar (File, View, Reports, Help); the arrow keys and Enter choose.");
    words_bullet("In a case, Tab reaches \"< All cases\" to go back to the list; Escape never leaves a case.");
    words_bullet("Ctrl+F finds a case; Ctrl+Z undoes the last entry you recorded.");
    words_bullet("Page Up and Page Down scroll a long form.");
    words_bullet(
        "On the Attendance tab, the register is one stop: arriving there, the first week still to record is "
        "ready; type the codes (Tab moves between cells), Enter saves the weeks typed, Escape leaves it.");
    words_bullet("View > Larger text makes everything bigger; Ctrl + mouse wheel zooms the timeline.");
}

void where_data_lives() {
    paragraph(
        "Everything you record stays in this browser on this computer, encrypted with your passphrase. "
        "Nothing is sent to a server, and nobody (including us) can read it or recover a forgotten passphrase.");
    paragraph(
        "Clearing this browser's data for the site, or a browser short of disk space, can delete it: export a "
        "backup regularly (File > Export…) and keep the file somewhere your school backs up. Settings shows "
        "whether the browser has agreed to keep the data.");
}

void new_computer() {
    paragraph(
        "1. On the old computer: File > Export…, choose a backup of the whole workspace, and give it a "
        "passphrase (it can differ from your usual one).");
    paragraph("2. Copy the file across (a school drive or an encrypted memory stick).");
    paragraph(
        "3. On the new computer: open the planner, set it up, then File > Import… and choose the file. Every "
        "case comes back with its full history; importing it twice adds nothing.");
}

// What works today for someone using a keyboard, a screen reader, magnification or a projector, what
// does not yet, and where the accessibility statement is (docs/accessibility.md, published beside the
// page as accessibility.txt by the site build).
void accessibility() {
    paragraph(
        "Keyboard: Tab and Shift+Tab move between buttons, fields, tick boxes, tabs and menus. Enter "
        "or Space presses a button, the arrow keys move through a list or menu, and Escape closes the "
        "innermost list, menu or dialog. \"Using the keyboard\" above lists more.");
    paragraph(
        "Screen readers: buttons, fields, tick boxes, tabs, menus and dialogs are read out with their names, "
        "the text on screen can be read, and messages such as \"Saved\" or a problem with what was typed are "
        "said when they appear. Tables are read cell by cell, not yet as tables; we are working on it.");
    paragraph(
        "Seeing the screen: View > Larger text makes everything bigger, View > Presenting also makes the "
        "colours stronger, and View > Dark theme is easier on some eyes. In both themes, text and the "
        "outlines of controls are checked to stand out from their background as much as the accessibility "
        "standard asks (the statement lists the one exception). A status is always written in words, never shown by "
        "colour alone.");
    paragraph(
        "On a phone or at a large zoom, the case list, a case and recording what happened fit the screen; "
        "other screens may not yet. The timeline and charts have no spoken description (the Plan and "
        "History tabs say the same in words).");
    paragraph(
        "The accessibility statement says what works, what does not yet and how to report a problem. It is "
        "published with the planner: put accessibility.txt at the end of this page's address, after the last /.");
}

}  // namespace

void open_guide() { gui().open = true; }

void guide_window() {
    GuideUi& g = gui();
    if (!g.open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x - 40), vp->WorkSize.y * 0.85f),
                             ImGuiCond_Appearing);
    if (ImGui::Begin("Guide to the case planner", &g.open, ImGuiWindowFlags_NoCollapse)) {
        // The sections scroll; Close stays at the bottom of the window whatever is opened.
        begin_pane("##guidebody", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() - 4));
        if (ImGui::CollapsingHeader("Managed moves and off-site directions", ImGuiTreeNodeFlags_DefaultOpen))
            what_they_are();
        if (ImGui::CollapsingHeader("The steps of your protocol")) your_protocol();
        if (ImGui::CollapsingHeader("Using the keyboard")) keyboard();
        if (ImGui::CollapsingHeader("Where your data is")) where_data_lives();
        if (ImGui::CollapsingHeader("Moving to a new computer")) new_computer();
        if (ImGui::CollapsingHeader("Accessibility")) accessibility();
        ImGui::EndChild();
        if (ImGui::Button("Close") || (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
                                       ImGui::IsKeyPressed(ImGuiKey_Escape, false)))
            g.open = false;
    }
    ImGui::End();
}

Json guide_test_state() {
    Json steps = Json::array();
    if (const Pack* pack = gui().open ? session().packs().find(session().ws().own.la) : nullptr)
        for (const auto& [step, needs] : protocol_steps(*pack)) steps.push_back({{"step", step}, {"needs", needs}});
    return {{"open", gui().open}, {"steps", steps}};
}

}  // namespace cp::app
