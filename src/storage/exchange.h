// exchange.h: what an export holds and how an import merges, between two schools' workspaces.
//
// An export's payload (inside the encrypted file, crypto/export_file.h) is a workspace document
// (docs/workspace-format.md): the whole workspace for a backup, or the chosen cases with the
// sender's school and directory for a case package. Importing merges case by case: the union of
// events by id (engine/case_log.h merge_cases), so the home and host schools can swap packages
// every week and both end with the same log. Nothing is written until the user confirms.
//
// Index
//   export_payload                 the workspace document to encrypt
//   ImportCase, ImportPreview      what an import would do, case by case
//   read_import                    payload -> workspace, with every problem
//   preview_import, apply_import   the preview the user confirms, then the merge
#pragma once
#include <string>
#include <vector>

#include "engine/workspace.h"

namespace cp::storage {

// Every case when `case_ids` is empty (a backup), else just those cases.
Json export_payload(const Workspace& ws, const std::vector<std::string>& case_ids);

enum class ImportAction { add, merge, same, conflict, damaged };

struct ImportCase {
    std::string  case_id;
    std::string  pupil_name;  // latest recorded
    ImportAction action = ImportAction::same;
    int          events_in_file = 0;
    int          new_events = 0;  // events this workspace does not have yet
    std::string  problem;         // conflict / damaged: which event, and what is wrong
};

struct ImportPreview {
    std::vector<ImportCase> cases;
    int                     new_cases = 0, merged_cases = 0, unchanged_cases = 0, refused_cases = 0, new_events = 0;
    int                     new_schools = 0;  // directory entries the file adds
    bool                    nothing_to_do() const { return new_cases == 0 && merged_cases == 0 && new_schools == 0; }
};

// Parses the decrypted payload strictly. Cases whose hash chain fails are kept in `damaged`
// (id -> problem) and left out of the workspace.
struct ImportRead {
    std::optional<Workspace>           workspace;
    Problems                           problems;  // the document itself is wrong
    std::map<std::string, std::string> damaged;   // case id -> first integrity problem
};
ImportRead read_import(const Json& payload);

ImportPreview preview_import(const Workspace& mine, const ImportRead& theirs);

// Applies the preview's add and merge cases (never a conflict or damaged one) and the new
// directory entries. Returns the ids of the cases that changed (to be saved).
std::vector<std::string> apply_import(Workspace& mine, const ImportRead& theirs);

const char* import_action_label(ImportAction a);  // "new case", "new events", …

}  // namespace cp::storage
