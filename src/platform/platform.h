// platform.h: what the app needs from the machine it runs on, and nothing more.
//
// One implementation per platform, chosen by the build (src/platform/web/ for the browser).
// The engine never includes this; the app calls it; the platform calls the app (app/app.h).
//
// Index
//   - Frames        request_redraw, redraw_after_ms, run_soon
//   - Clipboard     set_clipboard_text, clipboard_text
//   - Pointer       set_cursor
//   - Backdrop      set_backdrop
//   - Time          now_ms, today_iso, now_utc_iso
//   - Page          set_page_title, url_param, print_document, preferred_text_scale, prefers_reduced_motion
//   - Files         download_file, pick_file
//   - Readers       publish_access
//   - Tests         test_mode, publish_items
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace cp::platform {

// Frames --------------------------------------------------------------------------------------
void request_redraw();            // draw a few more frames (after input or data change)
void redraw_after_ms(double ms);  // one frame later on (idle lock, retries)
// Runs task in a task of its own, after the input and frames already waiting; draws nothing.
void run_soon(std::function<void()> task);

// Clipboard ----------------------------------------------------------------------------------
void        set_clipboard_text(std::string_view text);  // reaches the system clipboard
const char* clipboard_text();                           // last text pasted into or copied from the app

// Pointer ------------------------------------------------------------------------------------
void set_cursor(const char* css_cursor);  // "default", "text", "pointer", "ew-resize", …

// Backdrop -----------------------------------------------------------------------------------
// The app's main window has no background of its own; the platform paints it with the app's
// shader, striped in a training (DEMO) workspace.
void set_backdrop(float r, float g, float b, bool demo);

// Time ---------------------------------------------------------------------------------------
double      now_ms();       // monotonic milliseconds, for frame timing only
std::string today_iso();    // the device's local date, "YYYY-MM-DD"
std::string now_utc_iso();  // "YYYY-MM-DDTHH:MM:SSZ", for event timestamps

// Page ---------------------------------------------------------------------------------------
void        set_page_title(std::string_view title);
void        set_leave_warning(bool on);        // the browser asks before the tab is closed or left
std::string url_param(std::string_view name);  // ?name=value of the page's address ("" if absent)
void        print_document(std::string_view html_title,
                           std::string_view json);  // document_to_json + flags: the browser prints it
// The reader's own preferences, as the browser reports them.
float preferred_text_scale();    // the browser's text size against its usual 16 px: 1.25 for "Large" (20 px)
bool  prefers_reduced_motion();  // the system is set to show less movement (no blinking caret)

// Files --------------------------------------------------------------------------------------
// Saves bytes as a download named `name` (the browser's own download, nothing is uploaded).
void download_file(std::string_view name, std::string_view bytes, std::string_view mime);
// Opens the browser's file chooser (must follow a click); `done` gets the chosen file's name and
// bytes, or an error text ("" name and bytes when the user cancelled).
void pick_file(std::string_view                                                            accept,
               std::function<void(std::string name, std::string bytes, std::string error)> done);

// Readers ------------------------------------------------------------------------------------
// The accessibility mirror's description of the screen (access.h), when it changed: the platform
// keeps page elements a screen reader can use to match, and calls app::access_activate back.
// at_once is false only for a frame that scrolled a list by the wheel and changed nothing else
// (the same windows, focus and messages): quick successive ones may be coalesced into the last.
void publish_access(std::string_view json, bool at_once);

// Tests --------------------------------------------------------------------------------------
bool test_mode();                           // page opened with ?test (widget locator on)
void publish_items(std::string_view json);  // the locator's items for this frame
void publish_state(std::string_view json);  // the app's state for tests (window.cpTest.state)

}  // namespace cp::platform
