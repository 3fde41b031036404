// workspace.h: everything one school (or LA officer) keeps: who they are, the schools around
// them, their staff and their cases. Stored as one JSON document (docs/workspace-format.md).
//
//   Problems problems;
//   auto ws = load_workspace(text, "workspace.json", problems);   // parse + verify every log
//   std::string text2 = workspace_to_json(*ws);                    // byte-stable, pretty printed
//
// Index
//   OwnSchool, School, StaffMember, Workspace   the parts
//   kWorkspaceVersion                           the version this build writes (it reads from kOldestWorkspaceVersion)
//   parse_workspace                             strict structure check (no integrity check)
//   verify_workspace                            every case's hash chain
//   load_workspace                              parse, then verify (integrity problems are kept
//                                               apart so a damaged log can still be shown)
//   workspace_to_json                           serialise
//   find_case, find_school, find_staff          lookups
//   school_problem, school_words                the school directory's one rule and one wording
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/case_log.h"

namespace cp {

// Version 2 added protocol steps (step_recorded). A version 1 file is read as it is (its steps stored
// under their old type names read as steps, events.h) and written back as version 2.
inline constexpr int kWorkspaceVersion = 2;
inline constexpr int kOldestWorkspaceVersion = 1;

struct OwnSchool {
    std::string name;  // "Riverside Academy"
    std::string urn;   // six-digit URN
    std::string la;    // pack id of the local authority: "example-county"
    std::string role;  // home_school / host_school / la_officer
};

struct School {
    std::string urn;  // unique in the directory
    std::string name;
    std::string phase;            // primary / secondary / all_through / alternative_provision / special
    std::string governance;       // maintained / academy / pru / independent ("" if unknown)
    std::string la;               // pack id ("" when the same as the workspace's)
    std::string address;          // postal address, one line per part ("" if not given)
    std::string notes;            // free text, e.g. "2.1 miles; bus route 14"
    int         distance_m = -1;  // metres from the home school, -1 when unknown
};

struct StaffMember {
    std::string id;    // stable id used by the UI
    std::string name;  // as written into event authors
    std::string role;  // "Deputy Headteacher", "SAIO" …
};

struct Workspace {
    int                      version = kWorkspaceVersion;
    OwnSchool                own;
    std::vector<School>      schools;
    std::vector<StaffMember> staff;
    Json                     calendar;  // null, or a workspace-specific calendar (calendar JSON format)
    std::vector<Json>        packs;     // protocol packs the school loaded from files, each as written
    std::vector<Case>        cases;
};

std::optional<Workspace> parse_workspace(std::string_view json, const std::string& file, Problems& problems);
Problems                 verify_workspace(const Workspace& ws, const std::string& file);
std::optional<Workspace> load_workspace(std::string_view json, const std::string& file, Problems& problems,
                                        Problems& integrity);
Json                     workspace_to_json_value(const Workspace& ws);
std::string              workspace_to_json(const Workspace& ws, bool pretty = true);

const Case*   find_case(const Workspace& ws, std::string_view id);
Case*         find_case(Workspace& ws, std::string_view id);
const School* find_school(const Workspace& ws, std::string_view urn);

// What is wrong with adding `s` to the directory, or with saving it over the school it edits (which
// keeps its URN), in words; "" when nothing is. The reader checks a stored directory by the same rules.
std::string school_problem(const std::vector<School>& directory, const School& s, bool editing = false);
// A school as a person reads it: "Brookfield Academy (URN 900011)"; the workspace's own school by
// its name; a URN not in the directory as "URN 900011".
std::string        school_words(const Workspace& ws, std::string_view urn);
const StaffMember* find_staff(const Workspace& ws, std::string_view id);

// The ids of each pupil's cases, keyed by the UPN each case was opened with. Built once for a
// whole workspace's plans: asking every case's plan to scan every other case is quadratic.
using UpnIndex = std::unordered_map<std::string, std::vector<std::string>>;
UpnIndex index_cases_by_upn(const Workspace& ws);
bool     opened_for_upn(const Case& c, const std::string& upn);  // c's first event names this UPN

}  // namespace cp
