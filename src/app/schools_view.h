// schools_view.h: the school directory on screen. A school is chosen by its name wherever a form
// asks for one, and the list is kept in Settings. The choices are the
// workspace's school directory (Settings > Schools); typing narrows them by name or URN; a school
// not yet in the list is added there and then (its name and URN, its address if known) and chosen.
//
//   if (school_picker("##urn", urn, 420)) { ... }   // urn holds the chosen school's URN
#pragma once
#include <string>

#include "engine/workspace.h"

namespace cp::app {

// A combo that reads "Brookfield Academy (URN 900011)"; true on the frame the choice changes.
bool school_picker(const char* id, std::string& urn, float width);

// The editor of one school's details (Settings and the picker's "add" part). Field ids are
// "#school_name", "#school_urn", "#school_address", "#school_notes"; `editing` keeps the URN fixed.
void school_fields(School& s, bool editing, float width);

// Settings' "Schools you work with": the list, and adding or editing a school.
void school_list_settings();
Json school_list_test_state();  // test mode: the list's open editor and its last message

}  // namespace cp::app
