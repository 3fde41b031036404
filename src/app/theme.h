// theme.h: colours and spacing. Light by default (schools project onto screens); dark on request.
#pragma once
#include <imgui.h>

#include "app/palette.h"  // Theme, Status and the colours themselves

namespace cp::app {

void  apply_theme(Theme theme);
Theme current_theme();

// Status colours always come with a word beside them; colour is never the only signal.
// Appearance kept in the workspace's settings (text size, light or dark): applied when a
// workspace opens, and saved when changed from the View menu or Settings.
void sync_appearance();                         // every frame: apply stored values that changed
void follow_input_source();                     // every frame: larger tap targets once a finger is used
bool touch_sizes();                             // tap-sized controls are in use
void set_appearance(Theme theme, float scale);  // apply now and store
void appearance_settings();                     // the Settings dialog's "Appearance" controls
// View > Presenting: larger text (at least 140%) and projector contrast for a room, until turned off;
// not stored with the workspace.
bool presenting();
void set_presenting(bool on);

ImVec4 colour_ok();       // met, saved
ImVec4 colour_warning();  // due soon, warns
ImVec4 colour_danger();   // overdue, blocks
ImVec4 colour_info();     // informs

}  // namespace cp::app
