// app.cpp: the shell around the screens: menu bar, banners (DEMO, read-only, save status,
// backup reminder), keyboard shortcuts, and which screen the session's phase calls for.
#include "app/app.h"
#include "app/access.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <sodium.h>

#include <cmath>

#include "app/fonts.h"
#include "app/guide_view.h"
#include "app/report_view.h"
#include "app/schools_view.h"
#include "app/theme.h"
#include "app/touch_scroll.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/warmup.h"
#include "app/words.h"
#include "crypto/keys.h"
#include "platform/platform.h"

#ifndef CP_VERSION
#define CP_VERSION "dev"
#endif
#ifndef CP_BUILD_DATE
#define CP_BUILD_DATE "unknown"
#endif

namespace cp::app {
namespace {

void file_menu(Session& s) {
    if (!ImGui::BeginMenu("File")) return;
    const bool open = s.phase() == Phase::open;
    if (ImGui::MenuItem("Export…", nullptr, false, open)) ui().show_export = true;
    if (ImGui::MenuItem("Import…", nullptr, false, open && !s.read_only())) {
        s.cancel_import();
        ui().show_import = true;
    }
    if (ImGui::MenuItem("Settings…", nullptr, false, open && !s.demo())) ui().show_settings = true;
    ImGui::Separator();
    if (s.demo()) {
        if (ImGui::MenuItem("Leave the training demo")) s.leave_demo();
    } else if (ImGui::MenuItem("Lock now", nullptr, false, open))
        s.lock();
    ImGui::EndMenu();
}

void view_menu() {
    if (!ImGui::BeginMenu("View")) return;
    const float scale = text_scale();
    if (ImGui::MenuItem("Larger text", nullptr, false, scale < 1.6f)) set_appearance(current_theme(), scale + 0.1f);
    if (ImGui::MenuItem("Smaller text", nullptr, false, scale > 0.8f)) set_appearance(current_theme(), scale - 0.1f);
    ImGui::Separator();
    if (ImGui::MenuItem("Light theme", nullptr, current_theme() == Theme::Light)) set_appearance(Theme::Light, scale);
    if (ImGui::MenuItem("Dark theme", nullptr, current_theme() == Theme::Dark)) set_appearance(Theme::Dark, scale);
    ImGui::Separator();
    if (ImGui::MenuItem("Presenting (larger text, stronger contrast)", nullptr, presenting()))
        set_presenting(!presenting());
    ImGui::EndMenu();
}

// Measured in the bold face status_text draws it in, so the end is never cut off.
float save_indicator_width(const std::string& text) {
    ImGui::PushFont(fonts().bold);
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::PopFont();
    return width;
}

// What the menu bar's right end says: the demo, a read-only tab, saved or not. Empty when nothing.
std::string save_state_words(const Session& s, int& sev) {
    if (s.phase() != Phase::open) return {};
    const SaveStatus& st = s.save();
    std::string       text;
    sev = 0;
    if (s.demo()) {
        text = "DEMO: changes are not saved";
        sev = 1;
    } else if (s.read_only()) {
        text = "Read-only";
        sev = 1;
    } else if (!st.error.empty()) {
        text = "Not saved";
        sev = 2;
    } else if (st.in_flight || !st.dirty.empty()) {
        text = "Saving…";
        sev = 3;
    } else if (!st.saved_at.empty()) {
        text = "Saved " + st.saved_at;
        sev = 0;
    }
    return text;
}

// The save state at the menu bar's right end; its first words only when the whole does not fit.
void save_indicator(const Session& s) {
    int         sev = 0;
    std::string text = save_state_words(s, sev);
    if (text.empty()) return;
    const float right = ImGui::GetWindowWidth() - 2 * ImGui::GetStyle().WindowPadding.x - 8;
    // Where the whole text does not fit beside the menus (a narrow window), its first words do.
    if (ImGui::GetCursorPosX() + save_indicator_width(text) > right)
        text = text.substr(0, text.find_first_of(":0123456789"));
    while (!text.empty() && text.back() == ' ') text.pop_back();
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - save_indicator_width(text)));
    status_text(text.c_str(), sev);
    // Said once when it changes: "Saved" (not the time, which changes each save), or the failure at once.
    if (sev == 0 || sev == 2) announce(sev == 0 ? std::string("Saved") : text, sev == 2);
}

void menu_bar(Session& s) {
    if (!ImGui::BeginMenuBar()) return;
    file_menu(s);
    view_menu();
    reports_menu();
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Guide to the case planner")) open_guide();
        if (ImGui::MenuItem("About this case planner")) ui().show_about = true;
        ImGui::EndMenu();
    }
    if (s.phase() == Phase::open) {
        // The school and the person, where the window has room for them beside the save state.
        int         sev = 0;
        const float right = ImGui::GetWindowWidth() - 2 * ImGui::GetStyle().WindowPadding.x - 8 -
                            save_indicator_width(save_state_words(s, sev));
        const std::string school = "|  " + s.ws().own.name;
        const std::string person = s.ws().staff.empty() ? "" : "  ·  " + s.author().name;
        const float       gap = ImGui::GetStyle().ItemSpacing.x;
        float             x = ImGui::GetCursorPosX() + ImGui::CalcTextSize(school.c_str()).x + gap;
        if (x <= right) {
            words_disabled("%s", school.c_str());
            if (!person.empty() && x + ImGui::CalcTextSize(person.c_str()).x + gap <= right)
                words_disabled("%s", person.c_str());
        }
    }
    save_indicator(s);
    ImGui::EndMenuBar();
}

void banner(const char* text, int sev, const char* button = nullptr, void (*on_click)() = nullptr) {
    status_text(sev == 2 ? "!" : "i", sev);
    ImGui::SameLine();
    const float text_x = ImGui::GetCursorPosX();
    // The button follows the words when both fit on one line, and goes under them when not.
    const bool one_line =
        button && ImGui::CalcTextSize(text).x + ImGui::GetStyle().ItemSpacing.x + button_width(button) <=
                      ImGui::GetContentRegionAvail().x;
    words_wrapped("%s", text);
    if (sev == 2) announce(text, true);
    if (button) {
        if (one_line)
            ImGui::SameLine();
        else
            ImGui::SetCursorPosX(text_x);
        if (ImGui::SmallButton(button) && on_click) on_click();
    }
}

void banners(Session& s) {
    if (s.demo())
        banner(
            "DEMO: a training workspace with fictional pupils. Nothing here is real and nothing is saved. "
            "Dates are shown as on 20/11/2026.",
            1, "Leave the demo", [] { session().leave_demo(); });
    if (s.phase() != Phase::open) return;
    if (s.read_only())
        banner("The case planner is open in another tab, so this tab is read-only.", 1, "Use this tab instead",
               [] { session().take_over(); });
    if (s.read_only() && s.changed_elsewhere())
        banner("The other tab has saved changes. Lock and unlock to see them.", 3);
    if (!s.save().error.empty()) banner(s.save().error.c_str(), 2);
    if (!s.message().empty() && s.read_only()) banner(s.message().c_str(), 1);
    for (const storage::Damage& d : s.damaged()) {
        const std::string who = d.pupil_name.empty() ? d.case_id : d.pupil_name + " (case " + d.case_id + ")";
        banner(("Damaged record: " + (who.empty() ? d.key : who) + ". " + d.reason +
                ". The rest of the workspace opened; restore this case from a backup.")
                   .c_str(),
               2);
    }
    if (!s.demo()) {
        const int days = s.days_since_export();
        if (days < 0 && !s.ws().cases.empty())
            banner("No backup has been exported yet. A forgotten passphrase cannot be recovered.", 1, "Export now",
                   [] { ui().show_export = true; });
        else if (days >= s.settings().backup_reminder_days)
            banner(("The last backup was exported " + std::to_string(days) + " days ago.").c_str(), 1, "Export now",
                   [] { ui().show_export = true; });
    }
}

bool case_list_reachable(const Session& s) {
    return s.phase() == Phase::open && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopup);
}

void go_to_case_list() {
    ui().view = View::dashboard;
    ui().focus_search = true;
}

void shortcuts(Session& s) {
    const ImGuiIO& io = ImGui::GetIO();
    if (!case_list_reachable(s)) return;
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_F, false)) go_to_case_list();
    if (io.KeyCtrl && ImGui::IsKeyPressed(ImGuiKey_Z, false) && !io.WantTextInput) s.undo_last();
}

void about_window() {
    if (!ui().show_about) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
    ImGui::SetNextWindowSizeConstraints(ImVec2(280, 120), ImVec2(vp->WorkSize.x - 20, vp->WorkSize.y - 20));
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("About this case planner", &ui().show_about, ImGuiWindowFlags_NoCollapse)) {
        ImGui::PushFont(fonts().bold);
        words("Managed Moves and Off-site Directions case planner");
        ImGui::PopFont();
        words_f("Version %s, built %s", CP_VERSION, CP_BUILD_DATE);
        ImGui::Separator();
        words_wrapped(
            "Your data never leaves this device. The case planner runs entirely in this browser: "
            "pupil records are stored here, encrypted, and are never sent to a server. "
            "They leave the device only when you export them, as a file encrypted with a "
            "passphrase that you choose.");
        ImGui::Spacing();
        words_wrapped("The rules come from the statutory guidance for England and these local-authority protocols:");
        for (const auto& [id, pack] : session().packs().packs)
            if (id != kBaselinePackId) words_bullet("%s (%s)", pack.name.c_str(), pack.local_authority.c_str());
        words_wrapped("Every rule the planner applies names the document and paragraph it comes from.");
        if (ImGui::Button("Close") || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ui().show_about = false;
    }
    ImGui::End();
}

// In test mode (?test) the browser tests read what the screen says from window.cpTest.state,
// because ImGui text is pixels, not DOM.
void publish_state(Session& s) {
    if (!platform::test_mode()) return;
    Json cases = Json::array();
    if (s.phase() == Phase::open)
        for (const CasePlan& p : s.plans()) {
            const Case* c = find_case(s.ws(), p.case_id);
            cases.push_back({{"id", p.case_id},
                             {"pupil", p.pupil_name},
                             {"stage", stage_name(p.stage)},
                             {"events", c ? c->events.size() : 0},
                             {"allowed", p.allowed_actions()}});
        }
    Json damaged = Json::array();
    for (const storage::Damage& d : s.damaged())
        damaged.push_back({{"case", d.case_id}, {"pupil", d.pupil_name}, {"reason", d.reason}});
    Json schools = Json::array();
    for (const School& x : s.ws().schools)
        schools.push_back({{"name", x.name}, {"urn", x.urn}, {"address", x.address}});
    const Json         storage = {{"persistent", s.store_info().persistent}, {"askedToKeep", s.asked_to_keep()}};
    const SaveStatus&  st = s.save();
    const ImportState& im = s.import_state();
    const char*        steps[] = {"none", "need_passphrase", "deriving", "preview", "done", "failed"};
    Json               j = {{"phase", phase_name(s.phase())},
                            {"message", s.message()},
                            {"progress", s.progress()},
                            {"demo", s.demo()},
                            {"readOnly", s.read_only()},
                            {"changedElsewhere", s.changed_elsewhere()},
                            {"view", ui().view == View::case_view ? "case" : "dashboard"},
                            {"caseId", ui().case_id},
                            {"cases", cases},
                            {"damaged", damaged},
                            {"schools", schools},
                            {"schoolList", school_list_test_state()},
                            {"dashboard", dashboard_test_state()},
                            {"storage", storage},
                            {"save",
                             {{"dirty", st.dirty.size()},
                              {"inFlight", st.in_flight},
                              {"error", st.error},
                              {"savedAt", st.saved_at},
                              {"quota", st.quota}}},
                            {"import",
                             {{"step", steps[static_cast<int>(im.step)]},
                              {"error", im.error},
                              {"result", im.result},
                              {"newCases", im.preview.new_cases},
                              {"newEvents", im.preview.new_events},
                              {"refused", im.preview.refused_cases}}},
                            {"export", s.export_status()},
                            {"settings",
                             {{"open", ui().show_settings},
                              {"idleLockMinutes", s.settings().idle_lock_minutes},
                              {"backupReminderDays", s.settings().backup_reminder_days}}},
                            {"daysSinceExport", s.days_since_export()},
                            {"today", to_iso(s.today())},
                            {"undo", s.undo_label()},
                            {"views", views_test_state()},
                            {"guide", guide_test_state()},
                            {"firstRun", first_run_test_state()},
                            {"warmUp", {{"done", warm_up_steps_done()}, {"planned", warm_up_steps_planned()}}},
                            {"wizard", wizard_test_state()},
                            {"caseView", case_view_test_state()},
                            {"appearance",
                             {{"dark", current_theme() == Theme::Dark},
                              {"textPercent", s.settings().text_scale_percent},
                              {"touch", touch_sizes()},
                              {"presenting", presenting()},
                              {"shownPercent", static_cast<int>(std::lround(text_scale() * 100))},
                              {"browserPercent", static_cast<int>(std::lround(reader_text_scale() * 100))},
                              {"caretBlinks", ImGui::GetIO().ConfigInputTextCursorBlink}}}};
    platform::publish_state(j.dump());
}

void body(Session& s) {
    switch (s.phase()) {
        case Phase::starting:
        case Phase::working:
            working_screen();
            platform::redraw_after_ms(120);
            break;
        case Phase::first_run:
            start_screen();
            import_dialog();  // Restore from a backup file
            break;
        case Phase::locked:
            unlock_screen();
            warm_up_while_locked();
            break;
        case Phase::failed: failed_screen(); break;
        case Phase::open:
            if (ui().view == View::case_view)
                case_view();
            else
                dashboard();
            new_case_dialog();
            export_dialog();
            import_dialog();
            settings_dialog();
            panel_report_window();
            break;
    }
}

// ImGui keeps copies of the text last edited (the edit buffer, its undo record, the text at
// activation) after a field loses focus: a typed passphrase would outlive a lock there.
template <class T>
void wipe_vector(ImVector<T>& v) {
    if (v.Data) sodium_memzero(v.Data, static_cast<size_t>(v.Capacity) * sizeof(T));
    v.clear();
}

void forget_passphrases() {
    UiState& u = ui();
    u.create.pass.clear();
    u.create.confirm.clear();
    u.unlock.pass.clear();
    u.export_form.pass.clear();
    u.export_form.confirm.clear();
    u.import_form.pass.clear();
}

// The focused item went (a wizard's Next became Create case) or there was none: ImGui's Tab would
// move on from it and stop nowhere. With its highlight hidden, Tab starts at the window's first item.
void tab_from_the_top_when_focus_is_gone() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavWindow && (g.NavId == 0 || !g.NavIdIsAlive)) g.NavDisableHighlight = true;
}

}  // namespace

void wipe_edit_buffers() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ClearActiveID();
    ImGuiInputTextState& st = g.InputTextState;
    wipe_vector(st.TextW);
    wipe_vector(st.TextA);
    wipe_vector(st.InitialTextA);
    sodium_memzero(&st.Stb, sizeof st.Stb);
    st.ID = 0;
    st.CurLenA = st.CurLenW = 0;
    wipe_vector(g.InputTextDeactivatedState.TextA);
    g.InputTextDeactivatedState.ID = 0;
    // ImGui formats into TempBuffer at its fixed size: zero it, never free it.
    if (g.TempBuffer.Data) sodium_memzero(g.TempBuffer.Data, static_cast<size_t>(g.TempBuffer.Size));
}

void wipe_secrets() {
    forget_passphrases();
    wipe_edit_buffers();
}

void init() {
    apply_theme(Theme::Light);
    set_reader_text_scale(platform::preferred_text_scale());
    ImGui::GetIO().ConfigInputTextCursorBlink = !platform::prefers_reduced_motion();
    platform::set_page_title("Case planner – Managed Moves and Off-site Directions");
    session().start();
}

bool skip_to_case_list() {
    if (!case_list_reachable(session())) return false;
    go_to_case_list();
    return true;
}

void frame() {
    Session& s = session();
    // Every change of phase (a lock, an unlock, the demo, a failure) forgets the passphrases the
    // forms hold; leaving an open workspace also forgets ImGui's copies of what was typed, and
    // what the export form held (its note may be about a pupil).
    if (s.turn() != ui().seen_turn) {
        if (ui().seen_turn.phase == Phase::open && s.phase() != Phase::open) {
            wipe_secrets();
            wipe(ui().export_form.note);
            ui().export_form.chosen.clear();
            ui().screens.clear();
        } else {
            forget_passphrases();
        }
        ui().seen_turn = s.turn();
    }
    const ImGuiIO& io = ImGui::GetIO();
    const bool     input = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || ImGui::IsAnyMouseDown() ||
                       io.InputQueueCharacters.Size > 0 || ImGui::IsKeyPressed(ImGuiKey_Tab) || io.MouseWheel != 0;
    s.tick(platform::now_ms(), input);
    sync_appearance();
    follow_input_source();
    touch_scroll();
    shortcuts(s);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    // No title or frame, but a scroll bar when the page is taller than the window (a short window,
    // a large zoom).
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground;
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    platform::set_backdrop(bg.x, bg.y, bg.z, s.demo());
    if (ImGui::Begin("Case planner", nullptr, flags)) {
        // When the window that had the keyboard has gone (the unlock panel, a closed window), the
        // main window takes it: Tab then moves through the cases instead of doing nothing.
        const ImGuiWindow* nav = ImGui::GetCurrentContext()->NavWindow;
        if (s.phase() == Phase::open && (!nav || (!nav->Active && !nav->WasActive))) ImGui::SetWindowFocus();
        menu_bar(s);
        banners(s);
        if (s.phase() == Phase::open) body(s);
    }
    ImGui::End();
    if (s.phase() != Phase::open) body(s);
    about_window();
    guide_window();
    tab_from_the_top_when_focus_is_gone();
    access_offer_skip(case_list_reachable(s));
    // Unsaved-changes protection: a change not yet stored, or a form open (a dialog, the new-case
    // wizard), makes the browser ask before the tab closes. The demo is never stored.
    const SaveStatus& st = s.save();
    const bool        pending = !st.dirty.empty() || st.in_flight;
    platform::set_leave_warning(!s.demo() && s.phase() == Phase::open &&
                                (pending || ImGui::GetTopMostPopupModal() != nullptr));
    publish_state(s);
}

void shutdown() {}

}  // namespace cp::app
