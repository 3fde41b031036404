// events.h: the typed events a case log is made of, and the schema of each payload.
//
// A case is an append-only list of these. Nothing in a log is edited or deleted: a correction
// is a new event whose `supersedes` names the one it replaces, and an undo is a `retraction`
// event that supersedes its target (so the target stops counting).
//
// Index
//   EventType, CaseKind     the closed vocabularies (stored as snake_case strings)
//   FieldType, FieldSpec    one payload field: name, type, required, allowed values
//   EventSpec, event_specs  every event type's payload schema (also drives the UI's forms)
//   Author, Event           one entry of a log
//   validate_event          strict check of one event (used on load and on append)
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/canonical.h"
#include "engine/date.h"
#include "engine/errors.h"

namespace cp {

enum class CaseKind {
    off_site_direction,   // s29A direction to another school or to alternative provision
    managed_move,         // permanent transfer agreed by all parties (no trial since 26 July 2026)
    osd_to_managed_move,  // off-site direction that may convert to a managed move
    reintegration,        // from alternative provision back to a mainstream school
};

enum class EventType {
    case_opened,             // the case starts: kind, pack, pupil, reason
    pupil_details,           // a section of the pupil passport / student passport / info list
    flags_recorded,          // EHCP, CLA, CP/CIN, EHA, pupil premium, FSM, SEN support …
    party_recorded,          // a parent/carer, a school lead, an LA officer, social worker …
    history_recorded,        // intervention, exclusion, suspension, agency, school, previous move
    consent_recorded,        // consent given or refused (parent, pupil, admission authority …)
    views_recorded,          // parent's or pupil's views (pupil voice)
    gate_cleared,            // Virtual School, social worker, SEN officer, board decision …
    panel_presented,         // heard at the In Year Fair Access / Inclusion Panel
    host_proposed,           // a host school is approached
    host_decision,           // the host school accepts or declines
    information_shared,      // the home school shares the pupil's information with the host
    meeting_held,            // strategy / initial / planning / emergency meeting
    agreement_signed,        // contract / placement agreement: start, length, reviews, support
    notice_sent,             // written notice of an off-site direction (reg 3)
    placement_started,       // first day at the host
    attendance_week,         // one week of host-school register codes, by session
    review_scheduled,        // a review meeting date is set
    review_invitation_sent,  // written invitation to parents for a scheduled review
    review_requested,        // a parent (or LA) asks for a review, in writing or not
    review_held,             // a review meeting and its outcome
    step_recorded,           // a step the case's protocol declares (its `steps`): a visit, a signed form …
    targets_reviewed,        // progress on each target, rated 0-4 at a review (or any date)
    extension_agreed,        // the placement is extended by some weeks
    serious_breach,          // a serious breach of the host's behaviour policy
    placement_ended,         // the placement ends before its planned end
    outcome_recorded,        // final outcome: transferred, returned, other provision …
    la_notified,             // the LA team is told of an intention, a start or an outcome
    kind_changed,            // the case kind is corrected (e.g. trial managed move -> direction)
    note,                    // a free note for the record
    retraction,              // undoes the event it supersedes
};

// `school`: a school's URN (6 or 7 digits), picked by name from the workspace's school directory.
// `object_list`: a table; `columns` are the fields of each row.
enum class FieldType { text, date, boolean, integer, text_list, one_of, object, object_list, school };

struct FieldSpec {
    const char*              name;            // payload key
    FieldType                type;            // how it is checked
    bool                     required;        // must be present
    std::vector<const char*> values;          // allowed values when type is one_of
    const char*              label;           // plain English for forms and messages
    std::vector<FieldSpec>   columns = {};    // object_list: each row's fields (unknown ones are refused)
    int                      start_rows = 1;  // object_list: the blank rows a form starts with
    // An optional field that belongs to one choice of another ("continues until" with the outcome
    // "continue"): forms show it beside that choice, and only then.
    const char* with_field = nullptr;
    const char* with_value = nullptr;
};

struct EventSpec {
    EventType              type;    // the enum
    const char*            name;    // "review_held"
    const char*            label;   // "Review meeting held"
    std::vector<FieldSpec> fields;  // payload schema (unknown keys are refused)
};

const std::vector<EventSpec>& event_specs();
const EventSpec*              find_event_spec(std::string_view name);
const EventSpec&              spec_of(EventType t);
const char*                   event_type_name(EventType t);
std::optional<EventType>      parse_event_type(std::string_view s);
const char*                   case_kind_name(CaseKind k);
std::optional<CaseKind>       parse_case_kind(std::string_view s);
const char*                   case_kind_label(CaseKind k);  // "off-site direction"
// What a person reads for a listed value of an event's payload field: (panel_presented, "outcome",
// "host_identified") -> "Host school identified"; nullptr for a value the schema does not list there.
const char* option_label(EventType event, std::string_view field, std::string_view value);

struct Author {
    std::string name;  // "Ms A. Patel"
    std::string role;  // "Deputy Headteacher (home school lead)"
};

struct Event {
    std::string              id;      // unique across all schools' copies: "<urn>-<case>-<n>" or a UUID
    std::string              at;      // when it was recorded, UTC: "2026-09-01T09:30:00Z"
    Author                   author;  // who recorded it
    EventType                type = EventType::note;
    Json                     payload = Json::object();  // fields as in event_specs(); dates as "YYYY-MM-DD"
    std::string              supersedes;                // id of an earlier event this one replaces ("" if none)
    std::vector<std::string> prev;                      // hashes of the log's heads when it was recorded (sorted)
    std::string              hash;                      // SHA-256 of the canonical content (see case_log.h)
    // A protocol step recorded before steps were declared by protocols stored its step's id as its type
    // ("visit_held") and no "step" field. It is read as a step_recorded whose payload names the step, and
    // hashed and written as stored (stored_payload), so its hash and every copy of it stay the same.
    bool legacy_step = false;
};

// The type name and payload an event is hashed and written with: as recorded, for a legacy step too.
const char* stored_type_name(const Event& e);
Json        stored_payload(const Event& e);
// A legacy step's old type name ("visit_held", …) -> true: read as step_recorded with that step.
bool is_legacy_step_type(std::string_view name);
// Sets e.type from the type name it was stored with, once its payload is read: a legacy step becomes a
// step_recorded naming its step. False (e unchanged) for a name no edition wrote, or a legacy step whose
// payload already names a step.
bool adopt_stored_type(Event& e, std::string_view name);

// What a caller supplies to append: the log fills in id, at, prev and hash.
struct EventDraft {
    Author      author;  // who is recording it
    EventType   type = EventType::note;
    Json        payload = Json::object();
    std::string supersedes;  // optional
};

bool is_timestamp(std::string_view s);  // "YYYY-MM-DDTHH:MM:SSZ"

// Allowed words for an error message: "a, b, c" (events' payload checks and the pack validator).
std::string comma_list(const std::vector<const char*>& words);

// The payload field dating what an event says happened (a first day, a week of attendance, a meeting,
// review or visit held, a breach), which cannot be after the day it is recorded; nullptr for events
// whose dates may be planned ahead (an agreement's start, a scheduled review).
const char* fact_date_field(EventType t);

// An entry a case has once (the placement agreement, the first day): recording it again corrects the
// one recorded, so a form for it starts from what was recorded.
bool recorded_once(EventType t);

// targets_reviewed ratings: 0 no progress, 1 some progress, 2 progressing, 3 nearly met, 4 met.
inline constexpr int kMaxTargetRating = 4;
const char*          target_rating_label(int rating);  // "Nearly met"; "" outside 0-4

// One week of a register, as every path checks it (the recording check, which the attendance grid,
// the Record form and the plan's whole-log check all use): a Monday, ten sessions, each a 2024
// register code or "-" for no session.
// Empty when the week is fine; otherwise what is wrong, in words ("the week of 14/09/2026 has 3
// sessions left blank: …").
std::string attendance_week_problem(const std::string& week_start, const std::string& sessions);

// A school's unique reference number: 6 or 7 digits.
bool is_urn(std::string_view s);

// Checks the payload against the event's spec (a table's rows against its columns). `where` is
// prefixed to each problem's path.
void validate_payload(EventType type, const Json& payload, const std::string& file, const std::string& where,
                      Problems& out);

// Payload helpers used by the fold and the plan (payloads are validated before use).
std::optional<Date>      payload_date(const Json& p, const char* key);
std::string              payload_text(const Json& p, const char* key);
bool                     payload_bool(const Json& p, const char* key, bool fallback = false);
int                      payload_int(const Json& p, const char* key, int fallback = 0);
std::vector<std::string> payload_list(const Json& p, const char* key);

}  // namespace cp
