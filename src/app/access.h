// access.h: the accessibility mirror. The interface is drawn on one canvas, which a screen reader
// cannot read; each frame this describes what is on screen (the locator's items: windows and
// dialogs, their buttons, fields, tick boxes, tabs, menus, headings and messages, with their names,
// states and places) and the platform keeps a tree of hidden page elements to match, over the
// canvas. What a reader or a keyboard does to those elements comes back as ImGui actions.
#pragma once
#include <string>

#include <imgui.h>

namespace cp::app {

// A message on screen this frame ("Saved", a problem with what was typed, a failed save): a screen
// reader says it once, when it first appears, politely or at once (`urgent`: blocking errors and
// failed saves). Call it every frame the message is shown.
void announce(const std::string& text, bool urgent);

// Whether the page offers "Skip to the case list" this frame (app.h skip_to_case_list).
void access_offer_skip(bool offered);

// Starts the frame (ImGui::NewFrame), first moving the keyboard's focus out of a table when Tab
// was pressed in it, and after, into a table it arrived at.
void access_new_frame();
// After the frame is drawn: describe it, and hand the description to the platform when it changed.
// picture_changed: false when the frame drew the same picture as the frame before, so unless the
// keyboard's focus, the item being edited or the words to say moved, the description is the last one.
void access_end_frame(bool picture_changed);
// The description last built (for tests and the benchmark).
const std::string& access_description();
// A reader or keyboard pressed the mirrored element `id`: the item acts as if clicked (a text
// field starts editing).
void access_activate(ImGuiID id);
// A reader or keyboard moved the page's focus to the mirrored element `id`: ImGui's keyboard focus
// moves there too (scrolled into view), so Tab, Enter and the arrows go on from it.
void access_focus(ImGuiID id);

}  // namespace cp::app
