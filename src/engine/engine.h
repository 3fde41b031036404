// engine.h: the few calls the app and the CLI need, over the rest of src/engine.
//
//   PackLibrary packs;  packs.load_embedded(problems);          // six built-in packs, resolved
//   packs.add_pack_text(text, "kent.json", problems);            // another LA, no rebuild needed
//   auto ws  = load_workspace(text, "school.json", problems, integrity);
//   auto cal = workspace_calendar(*ws, packs, problems);         // the workspace's own, or its LA pack's
//   auto plans = plan_workspace(*ws, packs, cal, today);         // one CasePlan per case
//   auto verdict = record_event(*ws, "C-1", draft, id, at, packs, cal, today);   // checked append
//
// Index
//   PackLibrary          resolved packs by id (built-in + loaded from files)
//   pack_calendar, workspace_calendar   which calendar a pack and a workspace use
//   plan_workspace       plans for every case
//   record_event         check a draft against the case's pack, then append it
//   open_case            start a new case with its case_opened event
//   next_event_id        a fresh id for an event recorded by this workspace
#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/calendar.h"
#include "engine/pack.h"
#include "engine/plan.h"
#include "engine/workspace.h"

namespace cp {

struct PackLibrary {
    std::map<std::string, Pack> packs;  // id -> resolved pack

    void        load_embedded(Problems& problems);  // every assets/protocols pack
    bool        add_pack_text(std::string_view json, const std::string& file,
                              Problems& problems);  // extends the baseline or a pack loaded before it
    const Pack* find(std::string_view id) const;
    static bool built_in(std::string_view id);  // shipped with the program (assets/protocols)
};

// What loading `after` over `before` changes, in words: "2 rules added, 1 removed, 3 changed"
// ("no rule changes" when none). A person confirms a replacement of a built-in protocol by it.
std::string rule_changes(const Pack& before, const Pack& after);

// The calendar a protocol pack names (built in) or carries (its own term dates); typical English
// term dates when it says nothing.
std::optional<SchoolCalendar> pack_calendar(const Pack& pack, Problems& problems);

// The workspace's own calendar when it has one, else its local authority's pack's calendar,
// else an empty calendar (weekdays minus English bank holidays), with a problem saying so.
SchoolCalendar workspace_calendar(const Workspace& ws, const PackLibrary& packs, Problems& problems);

// Plans every case; a case whose pack is unknown gets a plan with one blocking alert.
std::vector<CasePlan> plan_workspace(const Workspace& ws, const PackLibrary& packs, const SchoolCalendar& cal,
                                     Date today);
CasePlan              plan_for(const Workspace& ws, const Case& c, const CaseState& s, const PackLibrary& packs,
                               const SchoolCalendar& cal, Date today, const UpnIndex* upns = nullptr);

// Checks the draft (check_draft) and appends it when allowed. The verdict says why not.
DraftVerdict record_event(Workspace& ws, const std::string& case_id, const EventDraft& draft, const std::string& id,
                          const std::string& at, const PackLibrary& packs, const SchoolCalendar& cal, Date today);

// Creates a case whose first event is `opened` (a case_opened draft). False with problems when
// the id is taken, the payload is invalid or the pack is unknown.
bool open_case(Workspace& ws, const std::string& case_id, const EventDraft& opened, const std::string& event_id,
               const std::string& at, const PackLibrary& packs, Problems& problems);

// "<own URN>-<n>" with n one more than any such id already in the workspace.
std::string next_event_id(const Workspace& ws);

}  // namespace cp
