// ui.h: the screens, and the little state they share (which case is open, which dialog).
// Each screen reads the session (session.h) and calls its commands; none holds a rule.
#pragma once
#include <imgui.h>

#include <memory>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>
#include <vector>

#include "app/secret_text.h"
#include "app/session.h"

namespace cp::app {

enum class View { dashboard, case_view };

// The forms that take a passphrase own it in a Passphrase (secret_text.h), cleared on submit,
// cancel, Escape and whenever the session changes phase (a lock above all): wipe_secrets().
// The job title first run suggests, per role, until the user types their own.
inline constexpr const char* kSchoolJobTitle = "Deputy Headteacher";
inline constexpr const char* kLaJobTitle = "Local authority officer";
struct CreateForm {  // first run (start_screen.cpp)
    std::string school, urn, staff, role = kSchoolJobTitle;
    int         la = -1, school_role = 0;  // la: none chosen yet (the user is asked, never assumed)
    Passphrase  pass, confirm;
    bool        show = false, understood = false;
    std::string missing;  // what Create workspace still waits for, as shown beside it
};
struct UnlockForm {  // start_screen.cpp
    Passphrase pass;
    bool       show = false;
};
struct ExportForm {              // exchange_dialogs.cpp
    int               kind = 0;  // 0 backup, 1 case package
    std::vector<char> chosen;    // per case of the workspace, for a package
    std::string       note;
    Passphrase        pass, confirm;
    bool              show = false;
};
struct ImportForm {                    // exchange_dialogs.cpp
    Passphrase pass;                   // the file's passphrase
    Passphrase new_pass, new_confirm;  // restoring a backup in a fresh browser: the workspace's own
    bool       show = false;
    void       wipe() {
              pass.clear();
              new_pass.clear();
              new_confirm.clear();
    }
};

struct UiState {
    View        view = View::dashboard;
    std::string case_id;  // open case
    bool        show_about = false, show_export = false, show_import = false, show_settings = false;
    bool        show_new_case = false;
    bool        focus_search = false;
    std::string search;
    CreateForm  create;
    UnlockForm  unlock;
    ExportForm  export_form;
    ImportForm  import_form;
    Turn        seen_turn;                     // the session's turn last frame: a change wipes the secrets (app.cpp)
    int         text_percent = -1, dark = -1;  // appearance last applied from the settings (theme.cpp)
    bool        finger_down = false;           // a touch is down, before the first tap ends (theme.cpp)
    // Each screen's own state (its filters, an editor, a half-typed form, a cache of names),
    // made on first use by screen_state<T>() and forgotten all at once when the workspace closes.
    std::unordered_map<std::type_index, std::shared_ptr<void>> screens;
};

UiState& ui();

// The calling screen's state of type T (a type of its own, in its own file), made on first use.
// References stay valid until the workspace closes (app.cpp clears them between frames).
template <class T>
T& screen_state() {
    std::shared_ptr<void>& p = ui().screens[std::type_index(typeid(T))];
    if (!p) p = std::make_shared<T>();
    return *static_cast<T*>(p.get());
}
// Zeroes every passphrase a form holds and ImGui's copies of the text last edited (app.cpp).
void wipe_secrets();
void wipe_edit_buffers();

// Screens (one file each)
void start_screen();          // first run: create a workspace, or the training demo (start_screen.cpp)
void unlock_screen();         // the passphrase (start_screen.cpp)
void working_screen();        // progress of a slow step (start_screen.cpp)
void failed_screen();         // storage cannot be used (start_screen.cpp)
void dashboard();             // every case (dashboard.cpp)
Json dashboard_test_state();  // test mode: the hint shown over an empty list, and its bottom edge
void new_case_dialog();       // the new-case wizard (wizard.cpp)
bool is_draft_name(const std::string& pupil_name);  // a case saved as a draft before the name was known (wizard.cpp)
Json first_run_test_state();                        // test mode: the first-run form's choices (start_screen.cpp)
Json wizard_test_state();                           // test mode: the wizard's step and screening gates (wizard.cpp)
void case_view();                                   // one case: plan, history, people (case_view.cpp)
void export_dialog();                               // (exchange_dialogs.cpp)
void import_dialog();                               // (exchange_dialogs.cpp)
void settings_dialog();                             // (exchange_dialogs.cpp)

// Small shared pieces (widgets.cpp)
void heading(const char* text);
bool begin_combo(const char* id, const char* preview);  // ImGui::BeginCombo that the locator can find and name
// A row of controls that wraps on a narrow screen or at a large zoom (WCAG 1.4.10 reflow): the next
// item, `width` wide, goes after the last one when it fits in the window, and on a new line when not.
void same_line_if_fits(float width);
// ImGui::SetNextItemWidth, never wider than the room left on the line (a field stays on screen in
// a narrow window); zero or a negative width (aligned to the right edge) as ImGui has it.
void  item_width(float width);
float button_width(const char* label);    // a Button's or SmallButton's width for its label
float checkbox_width(const char* label);  // a Checkbox's width, box and label
// ImGui::Checkbox whose label wraps under itself when the line is too short for it (a phone, a
// large zoom); the label still names the box, and a press on the words ticks it.
bool checkbox(const char* label, bool* value);
// ImGui::BeginChild for a scrolling part of a window that Tab and the arrows enter and leave like
// the rest of it (ImGui otherwise keeps the keyboard on one side of a child window's border).
bool begin_pane(const char* id, ImVec2 size = ImVec2(0, 0), int child_flags = 0, int window_flags = 0);
// ImGui::InputTextWithHint, named for a screen reader by its hint when no label was drawn before it.
bool input_with_hint(const char* id, const char* hint, std::string* text, int flags = 0);
// ImGui's text fields, whose value is also told to the accessibility mirror, so a reader hears
// what a field holds without entering it. (Passphrase fields use ImGui's own, and say nothing.)
bool text_input(const char* id, std::string* text, int flags = 0);
bool text_area(const char* id, std::string* text, const ImVec2& size, int flags = 0);
// ImGui::RadioButton, told to a screen reader as one of a set of choices, and whether it is chosen.
bool radio(const char* label, int* chosen, int value);
void status_text(const char* word, int severity);            // 0 ok, 1 warning, 2 danger, 3 info: colour + word
void status_message(const std::string& text, int severity);  // the same, and a screen reader says it (2: at once)
void strength_meter(std::string_view passphrase);
bool passphrase_fields(Passphrase& pass, Passphrase& confirm,
                       bool& show);  // true when both match and are strong enough
void begin_centered_panel(const char* id, float width);
void end_centered_panel();
// Explains the jargon (CLA, EHCP, PSP, AP, SEND, D code …) found in `text` when the last item is hovered.
void jargon_tooltip(const std::string& text);
void jargon_text(const std::string& text);                                    // wrapped text with that tooltip
void citation_tooltip(const std::string& text, const std::string& citation);  // citation: Citation::text

}  // namespace cp::app
