// locator.h: every item ImGui drew this frame, with its label, place and kind.
//
// Built on ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE): each frame ImGui reports every
// item's id, rectangle and label. Two readers use the list:
//   - the accessibility mirror (access.h), which turns it into elements a screen reader can use;
//   - browser tests (?test in the URL): published as window.cpTest.items = [{id, label, x, y, w,
//     h, window, flags, fullY, fullH}] in CSS pixels (x..h clipped to what is visible; fullY/fullH
//     where it is laid out), so a Playwright test clicks "New case" with a real mouse event.
#pragma once
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

namespace cp::app {

struct LocatedItem {
    ImGuiID       id = 0;
    ImRect        rect;             // clipped to what is visible in its window
    ImRect        full;             // where it is laid out, visible or not
    std::string   label;            // its visible label ("Save" of "Save##case-42"), or "#name" for "##name"
    std::string   caption;          // the text drawn beside an unlabelled field (field_label), its name to a reader
    std::string   window;           // visible name of the window it is in
    std::string   root;             // that window's root (the dialog a child region belongs to)
    std::string   role;             // set by the code that drew it when the flags cannot tell (locator_role_last_item)
    std::string   value;            // a combo, showing `value` as chosen
    const char*   kind = "region";  // its root window: "dialog", "menu", "list", "group" or "region"
    ImGuiWindow*  host = nullptr;   // the window it is drawn in (valid until the next frame)
    ImGuiNavLayer layer = ImGuiNavLayer_Main;
    ImGuiID       focus_scope = 0;
    int           flags = 0;
    int           order = 0;  // drawing order within the frame
    ImGuiID       table = 0;  // the table whose cell it is in (0: none), so a reader hears its row and column
    int           row = -1, column = -1, columns = 0;
    bool          header_row = false;  // in the table's row of column headings
    bool          disabled = false;
    bool          modal = false;     // its root window is a modal dialog
    bool          menu = false;      // in a menu bar, or a menu's popup
    bool          in_popup = false;  // in a popup (menu, combo list, context menu)
    bool          list = false;      // in a combo's list
    bool          tab = false;       // a tab of a tab bar
    bool          selected = false;  // the tab shown
    bool          self = false;      // the window's own item (its title and frame)
    bool          text = false;      // words drawn (locator_text), not an item ImGui reported
    bool          hidden = false;    // laid out on a window's hidden first frame
};

void locator_begin_frame();                      // forget last frame's items
void locator_end_frame();                        // publish this frame's items (test mode only)
void locator_name_last_item(const char* label);  // for widgets that report no label (combos): "##kind" -> "#kind"
void locator_name_item(ImGuiID id, const char* label, int flags);     // the same for an item drawn earlier
void locator_combo(ImGuiID id, const char* value);                    // a combo, showing `value` as chosen
void locator_value_last_item(const std::string& value);               // a text field, holding `value`
void locator_text(const char* text, const char* role);                // after drawing text: "heading", "text", "alert"
void locator_caption_next(const char* text);                          // the next unlabelled item is named by this text
bool locator_caption_pending();                                       // a caption waits for its field
void locator_role_last_item(const char* role, bool checked = false);  // "radio", "link": what flags cannot tell

const std::vector<LocatedItem>& located_items();

}  // namespace cp::app
