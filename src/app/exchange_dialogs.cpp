// Export (backup or case package), import (file, passphrase, preview, merge) and settings.
#include <imgui.h>
#include <imgui_stdlib.h>

#include <cstdio>

#include "app/dialog.h"
#include "app/fonts.h"
#include "app/form.h"
#include "app/protocols_view.h"
#include "app/schools_view.h"
#include "app/theme.h"
#include "app/ui.h"
#include "app/words.h"
#include "crypto/keys.h"
#include "platform/platform.h"

namespace cp::app {
using storage::import_action_label;
using storage::ImportAction;
using storage::ImportCase;
using storage::ImportPreview;

namespace {

// The shared dialog (dialog.h): the body scrolls, Close stays on screen below it.
bool begin_modal(const char* title, bool& flag) { return flag && begin_dialog(title, 560); }

void close_modal(bool& flag) {
    flag = false;
    ImGui::CloseCurrentPopup();
}

std::string megabytes(double bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

}  // namespace

// Closing the export dialog however it closes (Close, Escape, the title bar's cross) forgets the
// passphrase typed into it, and ImGui's copy of it.
void forget_export_passphrase() {
    ui().export_form.pass.clear();
    ui().export_form.confirm.clear();
    wipe_edit_buffers();
}

void export_dialog() {
    ExportForm& f = ui().export_form;
    auto&       kind = f.kind;
    auto&       chosen = f.chosen;
    auto&       note = f.note;
    if (!begin_modal("Export", ui().show_export)) {
        if (!f.pass.empty() || !f.confirm.empty()) forget_export_passphrase();  // closed by its cross
        return;
    }
    const Workspace& ws = session().ws();
    chosen.resize(ws.cases.size(), 0);
    words_wrapped(
        "The export is one file encrypted with a passphrase you choose here. Send the passphrase by "
        "another route than the file (for example by phone). A backup keeps the whole workspace for this "
        "school; a case package takes chosen cases to another school or the LA.");
    radio("Backup of the whole workspace", &kind, 0);
    radio("Case package: chosen cases", &kind, 1);
    std::vector<std::string> ids;
    const float              wide = std::min(460.0f, ImGui::GetContentRegionAvail().x);
    if (kind == 1) {
        begin_pane("##exportcases",
                   ImVec2(wide, std::min<float>(200, 30 + ws.cases.size() * ImGui::GetFrameHeightWithSpacing())), true);
        const auto& plans = session().plans();
        for (std::size_t i = 0; i < ws.cases.size(); ++i) {
            bool              on = chosen[i];
            const std::string label =
                (i < plans.size() ? plans[i].pupil_name : ws.cases[i].id) + "##c" + std::to_string(i);
            if (checkbox(label.c_str(), &on)) chosen[i] = on;
            if (chosen[i]) ids.push_back(ws.cases[i].id);
        }
        ImGui::EndChild();
        ImGui::PushTextWrapPos(0.0f);
        words("Note to the recipient (inside the encrypted file)");
        ImGui::PopTextWrapPos();
        text_area("##note", &note, ImVec2(wide, ImGui::GetTextLineHeight() * 3));
    }
    const bool pass_ok = passphrase_fields(f.pass, f.confirm, f.show);
    const bool ready = pass_ok && (kind == 0 || !ids.empty());
    dialog_footer();
    ImGui::BeginDisabled(!ready);
    if (ImGui::Button("Export file")) {
        session().export_file({kind == 0 ? std::vector<std::string>{} : ids, kind == 0 ? "" : note},
                              f.pass.str());  // the session wipes its copy
        forget_export_passphrase();
    }
    ImGui::EndDisabled();
    same_line_if_fits(button_width("Close"));
    if (ImGui::Button("Close") || dialog_escape()) {
        forget_export_passphrase();
        close_modal(ui().show_export);
    }
    // Why the export waits, under the buttons: beside them it ran past a narrow window's edge.
    if (!ready)
        words_disabled_wrapped(
            "%s", kind == 1 && ids.empty() ? "Choose at least one case." : "Choose a passphrase rated Good or Strong.");
    if (!session().export_status().empty()) words_wrapped("%s", session().export_status().c_str());
    end_dialog();
}

// A fresh browser: the backup becomes the workspace here, under a passphrase chosen now.
void restore_section(const ImportState& st) {
    ImportForm& f = ui().import_form;
    ImGui::Separator();
    if (st.contents.kind != ExportKind::backup) {
        words_wrapped(
            "This is a case package, not a backup of a whole workspace. Set up the planner first, then "
            "import it with File > Import….");
        return;
    }
    words_wrapped(
        "This browser has no workspace yet: this backup will become it, with every case and its history. "
        "Choose the passphrase that will protect it on this device (it can be the same as the file's).");
    const bool ok = passphrase_fields(f.new_pass, f.new_confirm, f.show);
    ImGui::BeginDisabled(!ok || session().read_only());
    if (ImGui::Button("Restore workspace")) {
        session().restore(f.new_pass.str());  // the session wipes its copy
        f.wipe();
        wipe_edit_buffers();
        close_modal(ui().show_import);
    }
    ImGui::EndDisabled();
    if (!ok) words_disabled_wrapped("Choose a passphrase rated Good or Strong, typed the same twice.");
}

void import_dialog() {
    Passphrase& pass = ui().import_form.pass;
    if (!begin_modal("Import", ui().show_import)) {
        if (!pass.empty() || !ui().import_form.new_pass.empty()) {  // closed by its cross
            ui().import_form.wipe();
            wipe_edit_buffers();
        }
        return;
    }
    ImportState& st = session().import_state();
    using Step = ImportState::Step;
    if (st.step == Step::none || st.step == Step::failed) {
        words_wrapped(
            "Choose an export file (.json) made by the case planner: a backup, or a case package from "
            "another school or the LA. Nothing is changed until you confirm.");
        if (st.step == Step::failed) {
            status_text("This file cannot be imported:", 2);
            words_wrapped("%s", st.error.c_str());
        }
        if (ImGui::Button("Choose file…")) {
            platform::pick_file(".json,application/json", [](std::string name, std::string bytes, std::string error) {
                if (name.empty() && error.empty()) return;  // cancelled
                if (error == "too_large") {
                    session().import_state() = {};
                    session().import_state().step = ImportState::Step::failed;
                    session().import_state().error = make_problem(ExportError::too_large).message;
                    return;
                }
                session().begin_import(std::move(name), std::move(bytes));
            });
        }
    } else if (st.step == Step::need_passphrase) {
        words_wrapped("File: %s", st.file_name.c_str());
        words("The passphrase this file was exported with");
        item_width(360);
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        const bool enter = ImGui::InputText("##importpass", pass.data(), Passphrase::capacity,
                                            ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
        if (!st.error.empty()) status_message(st.error, 2);
        if ((ImGui::Button("Open file") || enter) && !pass.empty()) {
            session().import_passphrase(pass.str());  // the session wipes its copy
            pass.clear();
            wipe_edit_buffers();
        }
    } else if (st.step == Step::deriving) {
        words("Checking the passphrase and decrypting…");
        ImGui::ProgressBar(-1.0f * static_cast<float>(ImGui::GetTime()),
                           ImVec2(std::min(360.0f, ImGui::GetContentRegionAvail().x), 0), "");
        platform::redraw_after_ms(100);
    } else if (st.step == Step::preview) {
        const ImportPreview& p = st.preview;
        words_wrapped("%s: %s from %s", st.contents.kind == ExportKind::backup ? "Backup" : "Case package",
                      st.file_name.c_str(), st.read.workspace->own.name.c_str());
        if (!st.contents.note.empty()) {
            words("Note from the sender:");
            words_wrapped("%s", st.contents.note.c_str());
        }
        words_wrapped(
            "%d new cases, %d cases with new events (%d events), %d already up to date, %d refused, %d schools added "
            "to the directory",
            p.new_cases, p.merged_cases, p.new_events, p.unchanged_cases, p.refused_cases, p.new_schools);
        if (ImGui::BeginTable(
                "preview", 3,
                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Pupil");
            ImGui::TableSetupColumn("What happens");
            ImGui::TableSetupColumn("Events");
            ImGui::TableHeadersRow();
            for (const ImportCase& c : p.cases) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                words((c.pupil_name.empty() ? c.case_id : c.pupil_name).c_str());
                ImGui::TableNextColumn();
                const bool refused = c.action == ImportAction::conflict || c.action == ImportAction::damaged;
                status_text(import_action_label(c.action), refused ? 2 : c.action == ImportAction::same ? 3 : 0);
                if (!c.problem.empty()) words_wrapped("%s", c.problem.c_str());
                ImGui::TableNextColumn();
                words_f("%d new of %d", c.new_events, c.events_in_file);
            }
            ImGui::EndTable();
        }
        if (session().phase() == Phase::first_run) {
            restore_section(st);
        } else {
            ImGui::BeginDisabled(p.nothing_to_do() || session().read_only());
            if (ImGui::Button("Merge into this workspace")) session().confirm_import();
            ImGui::EndDisabled();
            if (p.nothing_to_do()) words_disabled_wrapped("Nothing new in this file.");
        }
    } else if (st.step == Step::done) {
        status_message(st.result, 0);
    }
    dialog_footer();
    if (ImGui::Button("Close") || dialog_escape()) {
        session().cancel_import();
        ui().import_form.wipe();
        wipe_edit_buffers();
        close_modal(ui().show_import);
    }
    end_dialog();
}

void settings_dialog() {
    if (!begin_modal("Settings", ui().show_settings)) return;
    storage::AppSettings& s = session().settings();
    bool                  changed = false;
    ImGui::PushFont(fonts().bold);
    words("Security");
    ImGui::PopFont();
    // Each label above its field, wrapped at the dialog's edge (beside the field, a long label ran
    // past a narrow window's edge); words() names the field after it.
    ImGui::PushTextWrapPos(0.0f);
    words("Lock after this many minutes without use (0 = never)");
    item_width(160);
    changed |= ImGui::InputInt("##idle_lock", &s.idle_lock_minutes);
    s.idle_lock_minutes = std::clamp(s.idle_lock_minutes, 0, 480);
    words("Remind me to export a backup after this many days");
    item_width(160);
    changed |= ImGui::InputInt("##backup_reminder", &s.backup_reminder_days);
    ImGui::PopTextWrapPos();
    s.backup_reminder_days = std::clamp(s.backup_reminder_days, 1, 365);
    ImGui::PushFont(fonts().bold);
    words("Storage on this device");
    ImGui::PopFont();
    const platform::StoreInfo& info = session().store_info();
    // In plain words what "persistent storage" means for the school, and what to do about it.
    ImGui::PushTextWrapPos(0.0f);  // the dialog's own width
    if (info.persistent)
        words("Kept safe: this browser has agreed not to delete the workspace to free disk space.");
    else
        words(
            "Not yet kept safe: this browser may delete the workspace if the computer runs short of disk space "
            "(browsers agree to keep a site's data once it is used often, bookmarked or installed). Until then, "
            "export a backup regularly with File > Export… and keep the file on a school drive.");
    if (!info.persistent) {
        if (ImGui::Button("Ask the browser to keep it")) session().ask_to_keep();
        if (session().asked_to_keep())
            words(
                "Asked. If the browser still says no, bookmark this page or install it (the browser's menu), use it "
                "regularly, and keep exporting backups.");
    }
    ImGui::PopTextWrapPos();
    if (info.usage_bytes >= 0)
        words_wrapped("Used: %s of %s available to this site", megabytes(info.usage_bytes).c_str(),
                      megabytes(info.quota_bytes).c_str());
    const int days = session().days_since_export();
    words_wrapped("Last backup export: %s",
                  days < 0 ? "never" : (uk_date(s.last_export) + " (" + std::to_string(days) + " days ago)").c_str());
    appearance_settings();
    school_list_settings();
    protocol_settings();
    if (changed) session().save_settings();
    dialog_footer();
    if (ImGui::Button("Close") || dialog_escape()) close_modal(ui().show_settings);
    end_dialog();
}

}  // namespace cp::app
