// plan.h: the derived plan of a case — a pure function of (case state, pack, calendar, today).
//
//   PlanInput in{state, pack, calendar, today, &workspace};
//   CasePlan p = plan_case(in);                 // stage, checklist, deadlines, alerts, actions
//   auto verdict = check_draft(in, draft);      // may this event be recorded now? (UI and append)
//
// Words used in the output
//   stage       preparing → agreeing → placement → decision_due → ending → transferred / returned / closed
//   deadline    upcoming (more than 3 days away), due (today or within 3 days), overdue (date before
//               today, not done), met (done; `late` when done after the date)
//   alert       blocking / warning / info, each with the rule id and its citation
//   action      one of known_actions(); `allowed` is false when a blocking rule says not yet
//
// Index
//   Stage, DeadlineStatus, AlertLevel             enums (+ *_name for JSON)
//   Deadline, Alert, ChecklistItem, ActionState   the parts of a plan
//   AttendanceCheck, AttendanceSummary            host attendance against the pack's thresholds
//   CasePlan                                      everything for one case
//   PlanInput                                     what a plan is derived from
//   plan_case, plan_to_json                       derive and serialise
//   action_of, check_draft                        which action an event is, and whether it may be recorded
//   attendance_of                                 register-code arithmetic (2024 codes)
//   RegisterCode, register_codes, count_sessions  the 2024 codes with their meanings; one week's counts
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/calendar.h"
#include "engine/case_state.h"
#include "engine/pack.h"

namespace cp {

struct Workspace;
using UpnIndex = std::unordered_map<std::string, std::vector<std::string>>;  // workspace.h

enum class Stage { preparing, agreeing, placement, decision_due, ending, transferred, returned, closed };
enum class DeadlineStatus { upcoming, due, overdue, met };
enum class AlertLevel { blocking, warning, info };

const char* stage_name(Stage s);   // "decision_due"
const char* stage_label(Stage s);  // "Decision due"
const char* deadline_status_name(DeadlineStatus s);
const char* alert_level_name(AlertLevel a);

struct Deadline {
    std::string         rule_id;  // rule it comes from
    std::string         what;     // "Emergency meeting at the home school"
    Date                date{};   // the date it must happen by (or on)
    DeadlineStatus      status = DeadlineStatus::upcoming;
    std::optional<Date> done_on;       // when it happened, if it did
    bool                late = false;  // done after the date
    std::string         who;           // local name of who acts
    Severity            severity = Severity::warns;
    Citation            citation;
};

struct Alert {
    AlertLevel              level = AlertLevel::info;
    std::string             rule_id;  // rule (or conflict) id
    std::string             message;  // plain English
    std::string             detail;   // e.g. the statute-conflict explanation
    Citation                citation;
    std::optional<Citation> statutory_citation;  // for conflicts: the statute that prevails
};

struct ChecklistItem {
    std::string         text;     // what must happen
    std::string         who;      // local name of who does it
    std::string         rule_id;  // "" for plain next steps
    std::optional<Date> due;      // when there is a deadline
    std::string         action;   // the action that does it (known_actions); "" for a condition to meet
};

struct ActionState {
    std::string        action;          // "start_placement"
    std::string        label;           // "Record the first day of the placement"
    bool               allowed = true;  // false: a blocking rule says not yet
    std::vector<Alert> blocked_by;      // the blocking reasons
    std::vector<Alert> warnings;        // allowed, but these apply
};

struct AttendanceCheck {
    std::string rule_id;
    int         threshold = 0;  // percent
    std::string compare;        // above / at_least
    bool        met = true;     // false: attendance is on the wrong side
    std::string consequence;    // warn / fails_trial
    bool        saved_by_illness_extension = false;
};

struct AttendanceSummary {
    int                          weeks = 0;        // weeks recorded since the start
    int                          possible = 0;     // possible sessions
    int                          present = 0;      // attended (/ \ L and approved off-site codes)
    int                          absent = 0;       // possible - present
    double                       percent = 100.0;  // present / possible (100 when nothing possible yet)
    std::vector<AttendanceCheck> checks;
};

struct CasePlan {
    std::string                case_id, pupil_name, pack_id;
    CaseKind                   kind = CaseKind::off_site_direction;
    Stage                      stage = Stage::preparing;
    std::optional<Date>        start;        // first day (actual, or agreed)
    std::optional<Date>        planned_end;  // last day on the current length (+ extensions)
    std::vector<ChecklistItem> checklist;
    std::vector<Deadline>      deadlines;
    std::vector<Alert>         alerts;   // blocking first, then warnings, then info
    std::vector<ActionState>   actions;  // every action of the stage, allowed or not
    AttendanceSummary          attendance;
    std::vector<Reading>       readings;  // interpretations the pack applied

    bool                     allows(const std::string& action) const;
    std::vector<std::string> allowed_actions() const;
};

struct PlanInput {
    const CaseState&      state;
    const Pack&           pack;  // resolved (baseline + local)
    const SchoolCalendar& calendar;
    Date                  today;
    const Workspace*      workspace = nullptr;  // for school types and other referrals of the pupil
    const UpnIndex*       upn_index = nullptr;  // the workspace's cases per pupil, when built once for many plans
    // The case's log, whose state `state` is. With it, the plan judges every live event as the recording
    // check would have on the day it was recorded (state before it, today = the date of its `at`): each one
    // refused becomes a blocking alert naming it. Without it, only the state is judged.
    const Case* log = nullptr;
};

CasePlan plan_case(const PlanInput& in);
Json     plan_to_json(const CasePlan& p);

// Plain-English label of an action ("start_placement" -> "Record the first day of the placement").
std::string plan_action_label(const std::string& action);
// What a deadline for a milestone is called on screen ("la:start" -> "Notify the LA of the start").
std::string plan_milestone_label(const std::string& milestone);

// The action an event would perform under the case's (resolved) pack ("record_details" for plain facts;
// a step of the protocol does what the pack says).
std::string action_of(const EventDraft& draft, const Pack& pack);

// Would recording this event now break a rule? Blocking alerts mean "refuse"; warnings are
// shown to the user. The stage is judged on the case as it is, the rules on the state as it would
// be with the event folded in. plan_case, given the log, runs this same verdict on every event.
struct DraftVerdict {
    bool               allowed = true;
    std::string        action;
    std::vector<Alert> blocking;
    std::vector<Alert> warnings;
};
// With `in.log`, a draft that corrects an entry of its own type is not held by the case's stage
// (a start date typed wrongly can be put right after the placement started); the rules still apply.
DraftVerdict check_draft(const PlanInput& in, const EventDraft& draft);
Json         verdict_to_json(const DraftVerdict& v);

// The gate requirement words (a pack's `requires`) with what satisfies each, in the words of the
// app's forms: the one table behind the plan's judgement, the pack check and docs/protocol-packs.md.
std::vector<std::pair<std::string, std::string>>
requirement_table();  // {allowed, action, blocking: [alerts], warnings: [alerts]}

AttendanceSummary attendance_of(const CaseState& s);  // counts only (no thresholds)
bool              is_present_code(char c);
bool              is_possible_code(char c);

// The register codes of the School Attendance (Pupil Registration) (England) Regulations 2024, as
// one character each (the engine stores a week as ten characters; C1/C2, J1 and Y1-Y7 are kept as
// C, J and Y). `present` and `possible` agree with is_present_code / is_possible_code.
enum class CodeGroup { present, approved_activity, authorised_absence, unauthorised_absence, not_possible };
struct RegisterCode {
    char        code;
    const char* meaning;  // "Illness (not medical or dental appointments)"
    CodeGroup   group;
    bool        present;   // counts as attending
    bool        possible;  // counts as a possible session
};
const std::vector<RegisterCode>& register_codes();               // in the order schools list them
const RegisterCode*              find_register_code(char c);     // nullptr for an unknown code
const char*                      code_group_label(CodeGroup g);  // "Authorised absence"

struct SessionCount {
    int    possible = 0, present = 0;
    double percent() const { return possible ? 100.0 * present / possible : 100.0; }
};
SessionCount count_sessions(std::string_view sessions);  // one week's codes, by the rules above

}  // namespace cp
