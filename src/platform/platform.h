// platform.h: what the app needs from the machine it runs on, and nothing more.
//
// One implementation per platform, chosen by the build (src/platform/web/ for the browser).
// The engine never includes this; the app calls it; the platform calls the app (app/app.h).
//
// Index
//   - Frames        request_redraw
//   - Clipboard     set_clipboard_text, clipboard_text
//   - Pointer       set_cursor
//   - Backdrop      set_backdrop
//   - Time          now_ms, today_iso
//   - Page          set_page_title, open_print_view, download_file
//   - Tests         test_mode, publish_items
#pragma once
#include <string>
#include <string_view>

namespace cp::platform {

// Frames --------------------------------------------------------------------------------------
void        request_redraw();                           // draw a few more frames (after input or data change)

// Clipboard ----------------------------------------------------------------------------------
void        set_clipboard_text(std::string_view text);  // reaches the system clipboard
const char* clipboard_text();                           // last text pasted into or copied from the app

// Pointer ------------------------------------------------------------------------------------
void        set_cursor(const char* css_cursor);         // "default", "text", "pointer", "ew-resize", …

// Backdrop -----------------------------------------------------------------------------------
// The app's main window has no background of its own; the platform paints it with the app's
// shader, striped in a training (DEMO) workspace.
void        set_backdrop(float r, float g, float b, bool demo);

// Time ---------------------------------------------------------------------------------------
double      now_ms();                                   // monotonic milliseconds, for frame timing only
std::string today_iso();                                // the device's local date, "YYYY-MM-DD"

// Page ---------------------------------------------------------------------------------------
void        set_page_title(std::string_view title);

// Tests --------------------------------------------------------------------------------------
bool        test_mode();                                // page opened with ?test (widget locator on)
void        publish_items(std::string_view json);       // the locator's items for this frame

} // namespace cp::platform
