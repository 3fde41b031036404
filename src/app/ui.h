// ui.h: the screens, and the little state they share (which case is open, which dialog).
// Each screen reads the session (session.h) and calls its commands; none holds a rule.
#pragma once
#include <string>

#include "app/session.h"

namespace cp::app {

enum class View { dashboard, case_view };

struct UiState {
    View        view = View::dashboard;
    std::string case_id;  // open case
    bool        show_about = false, show_export = false, show_import = false, show_settings = false;
    bool        show_new_case = false;
    bool        focus_search = false;
    std::string search;
};

UiState& ui();

// Screens (one file each)
void start_screen();     // first run: create a workspace, or the training demo (start_screen.cpp)
void unlock_screen();    // the passphrase (start_screen.cpp)
void working_screen();   // progress of a slow step (start_screen.cpp)
void failed_screen();    // storage cannot be used (start_screen.cpp)
void dashboard();        // every case (dashboard.cpp)
void new_case_dialog();  // the new-case wizard (wizard.cpp)
bool is_draft_name(const std::string& pupil_name);  // a case saved as a draft before the name was known (wizard.cpp)
Json wizard_test_state();                           // test mode: the wizard's step and screening gates (wizard.cpp)
void case_view();                                   // one case: plan, history, people (case_view.cpp)
void export_dialog();                               // (exchange_dialogs.cpp)
void import_dialog();                               // (exchange_dialogs.cpp)
void settings_dialog();                             // (exchange_dialogs.cpp)

// Small shared pieces (widgets.cpp)
void heading(const char* text);
bool begin_combo(const char* id, const char* preview);  // ImGui::BeginCombo that the tests' locator can find
void status_text(const char* word, int severity);       // 0 ok, 1 warning, 2 danger, 3 info: colour + word
void strength_meter(const std::string& passphrase);
bool passphrase_fields(std::string& pass, std::string& confirm,
                       bool& show);  // true when both match and are strong enough
void begin_centered_panel(const char* id, float width);
void end_centered_panel();
// Explains the jargon (CLA, EHCP, PSP, AP, SEND, D code …) found in `text` when the last item is hovered.
void jargon_tooltip(const std::string& text);
void jargon_text(const std::string& text);  // wrapped text with that tooltip
void citation_tooltip(const std::string& text, const std::string& document, const std::string& paragraph);

}  // namespace cp::app
