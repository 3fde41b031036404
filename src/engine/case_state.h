// case_state.h: what a case knows, as a pure fold of its live events.
//
//   CaseState s = replay(c);              // fold every live event, in log order
//   s = fold(std::move(s), event);        // one step (pure: no pack, no calendar, no clock)
//   fold_in_place(s, event);              // the same step without moving the state in and out
//
// The fold records facts only. Judgements (deadlines, alerts, what is allowed) come from the
// plan, which reads this state through a protocol pack, a calendar and a given "today".
//
// Index
//   Flags, Party, HistoryEntry, Consent, Meeting, Agreement, Notice, AttendanceWeek,
//   Review, Breach, Ending, Outcome, Notification    the parts of a case
//   CaseState                                         all of them together
//   fold, replay                                      how a log becomes a state
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/case_log.h"
#include "engine/date.h"

namespace cp {

struct Flags {
    bool ehcp = false, ehcna = false, cla = false, cp_plan = false, cin_plan = false, eha = false;
    bool pupil_premium = false, fsm = false, sen_support = false, eal = false, refugee = false;
    bool safeguarding_concerns = false, disability = false;
};

struct Party {
    std::string role, name, contact, relationship, school_urn;
    bool        parental_responsibility = false;
};
struct HistoryEntry {
    std::string         what, detail, notes;
    std::optional<Date> start, end;
    int                 days = 0;
    std::optional<bool> successful;
};
struct Consent {
    bool        given = false;
    bool        in_writing = false;
    Date        date{};
    std::string comments;
};
struct Views {
    Date                date{};
    std::string         text;
    bool                in_writing = false;
    std::optional<bool> understands_reasons;
};
struct HostProposal {
    std::string         urn;
    Date                proposed{};
    std::optional<bool> accepted;
    std::optional<Date> decided;
    std::string         reasons;
};
struct Meeting {
    std::string              kind;
    Date                     date{};
    std::vector<std::string> attendees;
    std::optional<bool>      pupil_engaged;
    std::string              notes;
};
struct Panel {
    Date        date{};
    std::string panel, outcome, notes;
};

struct Agreement {
    Date                     date{};                  // signed on
    Date                     start{};                 // agreed first day
    int                      duration_weeks = 0;      // agreed length
    int                      review_every_weeks = 0;  // 0 when not agreed
    std::optional<Date>      first_review;            // agreed first review date
    std::vector<std::string> success_criteria, targets, signed_by;
    std::string              reasonable_adjustments, host_support, home_support, funding, transport, uniform;
    std::string              free_school_meals, attendance_arrangements, behaviour_response, justification;
    std::string              alternative_strategy, session_times;
    bool                     dual_registration_form = false;
};

struct Notice {
    Date                     date{};  // sent on
    std::string              address, report_to, reasons, objectives, session_times;
    int                      days = 0;  // number of days of the direction
    std::vector<std::string> to, copy_to;
};

struct AttendanceWeek {
    Date                week_start{};
    std::string         sessions;
    std::optional<Date> reported;
};

struct Review {
    Date                     date{};
    std::string              outcome;  // continue / extend / end_early / return / convert
    std::vector<std::string> attendees, targets;
    std::string              progress, concerns, support, pupil_views, parent_views;
    std::optional<Date>      next_review, continue_until;
    int                      extend_weeks = 0;
    bool                     emergency = false;
};

struct TargetRating {
    std::string target;
    int         rating = 0;
    std::string note;
};  // rating 0-4 (events.h)
struct TargetReview {
    Date                      date{};
    std::vector<TargetRating> ratings;
};
struct Invitation {
    Date review_date{};
    Date sent{};
    bool in_writing = true;
};
struct ReviewRequest {
    Date        date{};
    std::string by;
    bool        in_writing = false;
};
struct Extension {
    Date        date{};
    int         weeks = 0;
    std::string reason, evidence;
};
struct Breach {
    Date        date{};
    std::string category, description;
    bool        suspended = false;
    bool        ends_placement = true;
};
struct Ending {
    Date                date{};
    std::string         reason;
    std::optional<Date> return_date;
    bool                consulted_home_head = false, written_to_parent = false;
};
struct Outcome {
    Date                date{};
    std::string         outcome;
    std::optional<bool> successful;
    std::optional<Date> on_roll_date;
    std::string         decided_by, pupil_views;
};
struct Notification {
    std::string what;
    Date        date{};
    std::string to;
};

struct CaseState {
    std::string                              case_id;         // from the Case
    bool                                     opened = false;  // a case_opened event was seen
    CaseKind                                 kind = CaseKind::off_site_direction;
    std::string                              pack;         // protocol pack id
    Date                                     opened_on{};  // date the case started
    std::string                              pupil_name, upn, gender, address, home_urn, reason, setting = "school";
    std::optional<Date>                      dob;
    int                                      year_group = 0;
    bool                                     at_risk_of_exclusion = false;
    Flags                                    flags;
    std::map<std::string, Json>              passport;  // section -> fields (merged over time)
    std::vector<Party>                       parties;
    std::vector<HistoryEntry>                history;
    std::map<std::string, Consent>           consents;  // by who: parent, pupil, admission_authority …
    std::map<std::string, Views>             views;     // by who: parent, pupil (latest)
    std::map<std::string, Date>              gates;     // gate -> date cleared
    std::vector<Panel>                       panels;
    std::vector<HostProposal>                proposals;
    std::string                              host_urn;  // the accepted host ("" until one accepts)
    std::optional<Date>                      host_accepted_on;
    std::optional<Date>                      information_shared;
    std::vector<std::string>                 information_items;
    std::vector<Meeting>                     meetings;
    std::optional<Agreement>                 agreement;
    std::optional<Notice>                    notice;
    std::optional<Date>                      started;
    std::vector<AttendanceWeek>              attendance;         // sorted by week_start, one per week
    std::vector<Date>                        scheduled_reviews;  // sorted, unique
    std::vector<Invitation>                  invitations;
    std::vector<ReviewRequest>               review_requests;
    std::vector<Review>                      reviews;  // in log order
    std::map<std::string, std::vector<Date>> steps;    // the protocol's steps recorded: id -> dates (sorted, unique)
    std::vector<TargetReview> target_reviews;          // sorted by date, one per date (a later record of a date wins)
    std::vector<Extension>    extensions;
    std::vector<Breach>       breaches;
    std::optional<Ending>     ended;
    std::optional<Outcome>    outcome;
    std::vector<Notification> notifications;
    std::vector<std::string>  notes;
    int                       live_event_count = 0;

    int                      extension_weeks() const;  // sum of agreed extensions (incl. review extensions)
    bool                     has_notification(const std::string& what) const;
    const Meeting*           last_meeting(const std::string& meeting_kind) const;
    std::vector<std::string> targets()
        const;  // the agreement's targets, then those added at reviews or rated (unique, in order)
};

CaseState fold(CaseState state, const Event& e);
void      fold_in_place(CaseState& state, const Event& e);  // the same step, for a walk over a whole log
CaseState replay(const Case& c);

}  // namespace cp
