// dialog.h: the one way every modal dialog (and the new-case wizard) is drawn, so whatever opens
// inside one (screening answers, "More details", a long agreement) its buttons stay on screen,
// on a 1366x768 laptop as on a 1024x768 tablet: the body is a child region that scrolls with the
// wheel, a finger's swipe and the keyboard (Tab, Page Up/Down, Home/End), and the buttons sit in
// a fixed footer under it. Escape belongs to the innermost popup only (a combo, a calendar, a field
// being typed in), and closing a dialog that holds typed work asks first.
//
//   if (begin_dialog("Record what happened", 560)) {
//       … the fields …                      // scrolls
//       dialog_footer();
//       if (ImGui::Button("Record")) …        // always visible
//       ImGui::SameLine();
//       if (dialog_cancel(ImGui::Button("Cancel"), form_changed, "Discard this note?")) close…;
//       end_dialog();
//   }
#pragma once

namespace cp::app {

// Opens the modal `title` when it is not open yet and begins it: `width` wide (less on a narrow
// screen), in the middle of the screen and never taller than it. What follows is the scrolling
// body. False when the dialog is not drawn this frame (then call nothing else).
bool begin_dialog(const char* title, float width);

// Ends the scrolling body; what follows (messages, the buttons) is the fixed footer.
void dialog_footer();

// Ends the dialog (after the footer).
void end_dialog();

// True on the frame Escape was pressed for this dialog: it was the innermost popup (a combo's list
// or a calendar open in it takes the key instead). A field being typed in keeps its text.
bool dialog_escape();

// The dialog's Cancel: `asked` is true when Cancel (or Escape, or Close) was pressed. Without
// typed work (`dirty` false) the dialog closes at once; with it, `question` is asked ("Discard
// this new case? What you typed will be lost.") with Keep / Discard. Call it every frame, inside
// the dialog: it draws the question while it is up. True when the dialog should close now.
bool dialog_cancel(bool asked, bool dirty, const char* question);

}  // namespace cp::app
