// The screens before a workspace is open: first run, unlock, progress and failure.
#include <imgui.h>
#include <imgui_stdlib.h>

#include "app/fonts.h"
#include "app/ui.h"
#include "app/words.h"
#include "crypto/keys.h"

namespace cp::app {
namespace {

const char* kRoles[] = {"home_school", "host_school", "la_officer"};
const char* kRoleLabels[] = {"Home school (our pupils go elsewhere)", "Host school (we receive pupils)",
                             "Local authority officer"};

std::vector<std::string> local_packs() {
    std::vector<std::string> ids;
    for (const auto& [id, pack] : session().packs().packs)
        if (!pack.extends.empty()) ids.push_back(id);
    return ids;
}

bool is_la(const CreateForm& f) { return std::string(kRoles[f.school_role]) == "la_officer"; }

// A school gives its URN (6 or 7 digits); a local authority its LA code (3 digits), as the workspace
// format asks (docs/workspace-format.md).
bool code_ok(const CreateForm& f) {
    const std::size_t n = f.urn.size();
    return (is_la(f) ? n == 3 : n >= 6 && n <= 7) && f.urn.find_first_not_of("0123456789") == std::string::npos;
}

void demo_button() {
    // Each button's explanation beside it, or under it where the panel is too narrow for both.
    const float beside = 14 * ImGui::GetFontSize();
    if (ImGui::Button("Open the training demo")) session().open_demo();
    same_line_if_fits(beside);
    words_wrapped(
        "Fictional pupils at every stage of each protocol, for training. It lives only in this tab "
        "and never touches real data.");
    // A new computer, or a browser whose data was cleared: the backup file brings everything back.
    if (ImGui::Button("Restore from a backup file…")) {
        session().cancel_import();
        ui().show_import = true;
    }
    same_line_if_fits(beside);
    words_wrapped("Moving to this computer? Open a backup exported from the planner (File > Export…).");
    ImGui::Separator();
}

}  // namespace

void start_screen() {
    CreateForm& f = ui().create;
    begin_centered_panel("##start", 640);
    heading("Set up the case planner");
    demo_button();
    words_wrapped(
        "Everything you record stays in this browser on this device, encrypted with a passphrase you "
        "choose now. Nothing is sent to a server.");
    ImGui::Spacing();
    // Two columns keep the whole form on a laptop screen without scrolling.
    const bool la = is_la(f);
    // One column on a narrow screen (a phone, a large zoom), where two would cut the labels short.
    const int columns = ImGui::GetContentRegionAvail().x < 30 * ImGui::GetFontSize() ? 1 : 2;
    if (ImGui::BeginTable("##setup", columns, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::PushTextWrapPos(0.0f);  // a label wraps in its column, and is never cut short
        ImGui::TableNextColumn();
        words("Your role");
        item_width(-8);
        if (begin_combo("##role", kRoleLabels[f.school_role])) {
            for (int i = 0; i < 3; ++i)
                if (ImGui::Selectable(kRoleLabels[i], i == f.school_role)) {
                    f.school_role = i;
                    // The suggested job title follows the role until the user types their own.
                    if (f.role == kSchoolJobTitle || f.role == kLaJobTitle)
                        f.role = is_la(f) ? kLaJobTitle : kSchoolJobTitle;
                }
            ImGui::EndCombo();
        }
        ImGui::TableNextColumn();
        words(la ? "Your local authority or team" : "Your school or service");
        item_width(-8);
        text_input("##school", &f.school);
        ImGui::TableNextColumn();
        words(la ? "Local authority code (3 digits, e.g. 926)" : "URN (6 or 7 digits)");
        item_width(160);
        text_input("##urn", &f.urn, ImGuiInputTextFlags_CharsDecimal);
        ImGui::TableNextColumn();
        words("Local authority protocol");
        item_width(-8);
        const auto packs_here = local_packs();
        if (!packs_here.empty()) {
            f.la = std::min(f.la, static_cast<int>(packs_here.size()) - 1);
            const Pack* shown = f.la < 0 ? nullptr : session().packs().find(packs_here[static_cast<size_t>(f.la)]);
            if (begin_combo("##la", shown ? shown->local_authority.c_str() : "Choose your local authority")) {
                for (int i = 0; i < static_cast<int>(packs_here.size()); ++i)
                    if (ImGui::Selectable(session().packs().find(packs_here[i])->local_authority.c_str(), i == f.la))
                        f.la = i;
                ImGui::EndCombo();
            }
        }
        ImGui::TableNextColumn();
        words("Your name (written into every record you make)");
        item_width(-8);
        text_input("##staff", &f.staff);
        ImGui::TableNextColumn();
        words("Your job title");
        item_width(-8);
        text_input("##jobtitle", &f.role);
        ImGui::PopTextWrapPos();
        ImGui::EndTable();
    }
    const auto packs = local_packs();
    ImGui::Spacing();
    heading("Choose a passphrase");
    words_wrapped(
        "Use several unrelated words. Nobody, including us, can recover a forgotten passphrase: export "
        "a backup regularly (File > Export).");
    const bool pass_ok = passphrase_fields(f.pass, f.confirm, f.show);
    checkbox("I understand a forgotten passphrase cannot be recovered", &f.understood);
    std::string missing;
    if (f.school.empty())
        missing = la ? "Enter your local authority's or team's name." : "Enter your school's name.";
    else if (!code_ok(f))
        missing = la ? "Enter your local authority's code (3 digits)." : "Enter your school's URN (6 or 7 digits).";
    else if (f.la < 0)
        missing = "Choose your local authority: its protocol decides the steps of every case.";
    else if (f.staff.empty())
        missing = "Enter your name.";
    else if (!pass_ok)
        missing = "Choose a passphrase rated Good or Strong, typed the same twice.";
    else if (!f.understood)
        missing = "Tick the box to confirm you understand.";
    f.missing = missing;
    if (!session().message().empty()) status_message(session().message(), 2);
    if (session().read_only()) status_message("The case planner is open in another tab: set it up there.", 1);
    ImGui::BeginDisabled(!missing.empty() || session().read_only());
    if (ImGui::Button("Create workspace")) {
        NewWorkspace w{
            {f.school, f.urn, packs.empty() || f.la < 0 ? "" : packs[static_cast<size_t>(f.la)], kRoles[f.school_role]},
            f.staff,
            f.role};
        session().create(w, f.pass.str());  // the session wipes its copy
        f.pass.clear();
        f.confirm.clear();
    }
    ImGui::EndDisabled();
    if (!missing.empty()) {
        ImGui::SameLine();
        words_disabled("%s", missing.c_str());
    }
    end_centered_panel();
}

Json first_run_test_state() {
    const CreateForm& f = ui().create;
    const auto        packs = local_packs();
    const Pack*       p = f.la < 0 || f.la >= static_cast<int>(packs.size())
                              ? nullptr
                              : session().packs().find(packs[static_cast<size_t>(f.la)]);
    return {{"la", p ? p->local_authority : ""}, {"missing", f.missing}, {"role", kRoles[f.school_role]}};
}

void unlock_screen() {
    UnlockForm& u = ui().unlock;
    begin_centered_panel("##unlock", 560);
    heading("Unlock the workspace");
    demo_button();
    words_wrapped("The cases stored in this browser are encrypted. Enter the workspace passphrase to open them.");
    words("Passphrase");
    item_width(360);
    if (ImGui::IsWindowAppearing()) {  // the passphrase can be typed at once (panels do not take focus by themselves)
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    const bool enter =
        ImGui::InputText("##unlockpass", u.pass.data(), Passphrase::capacity,
                         (u.show ? 0 : ImGuiInputTextFlags_Password) | ImGuiInputTextFlags_EnterReturnsTrue);
    checkbox("Show passphrase", &u.show);
    if (!session().message().empty()) status_message(session().message(), 2);
    ImGui::BeginDisabled(u.pass.empty());
    if (ImGui::Button("Unlock") || (enter && !u.pass.empty())) {
        session().unlock(u.pass.str());  // the session wipes its copy
        u.pass.clear();
    }
    ImGui::EndDisabled();
    end_centered_panel();
}

void working_screen() {
    begin_centered_panel("##working", 480);
    heading("Please wait");
    words(session().progress().c_str());
    ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()), ImVec2(-1, 0), "");
    end_centered_panel();
}

void failed_screen() {
    begin_centered_panel("##failed", 560);
    heading("The case planner cannot open its storage");
    words_wrapped("%s", session().message().c_str());
    ImGui::Spacing();
    words_wrapped("Nothing stored has been changed. You can still open the training demo.");
    demo_button();
    end_centered_panel();
}

}  // namespace cp::app
