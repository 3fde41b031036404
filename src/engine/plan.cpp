#include "engine/plan.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "engine/workspace.h"

namespace cp {

// ---- names ------------------------------------------------------------------------------------

const char* stage_name(Stage s) {
    static const char* n[] = {"preparing", "agreeing",    "placement", "decision_due",
                              "ending",    "transferred", "returned",  "closed"};
    return n[static_cast<int>(s)];
}
const char* stage_label(Stage s) {
    static const char* n[] = {"Preparing the referral",
                              "Agreeing the placement",
                              "Placement under way",
                              "Decision due",
                              "Placement ended: outcome to record",
                              "Transferred (managed move complete)",
                              "Returned to the home school",
                              "Closed"};
    return n[static_cast<int>(s)];
}
const char* deadline_status_name(DeadlineStatus s) {
    static const char* n[] = {"upcoming", "due", "overdue", "met"};
    return n[static_cast<int>(s)];
}
const char* alert_level_name(AlertLevel a) {
    static const char* n[] = {"blocking", "warning", "info"};
    return n[static_cast<int>(a)];
}

bool CasePlan::allows(const std::string& action) const {
    return std::any_of(actions.begin(), actions.end(),
                       [&](const ActionState& a) { return a.action == action && a.allowed; });
}
std::vector<std::string> CasePlan::allowed_actions() const {
    std::vector<std::string> out;
    for (const auto& a : actions)
        if (a.allowed) out.push_back(a.action);
    return out;
}

// ---- attendance -------------------------------------------------------------------------------

// 2024 register codes (SI 2024/208). Present: / \ L, and attending elsewhere approved by the
// school (B K P V W). Not a possible session: D (dual registration, the other school counts
// it), X Y Z # Q and '-' (no session). Every other code is an absence.
bool is_present_code(char c) { return std::string_view("/\\LBKPVW").find(c) != std::string_view::npos; }
bool is_possible_code(char c) { return std::string_view("DXYZ#Q- ").find(c) == std::string_view::npos; }

const std::vector<RegisterCode>& register_codes() {
    using G = CodeGroup;
    static const std::vector<RegisterCode> codes = [] {
        const std::vector<std::pair<char, std::pair<const char*, G>>> rows = {
            {'/', {"Present (morning registration)", G::present}},
            {'\\', {"Present (afternoon registration)", G::present}},
            {'L', {"Late, arrived before the register closed", G::present}},
            {'K', {"Attending education provision arranged by the local authority", G::approved_activity}},
            {'V', {"Attending an educational visit or trip", G::approved_activity}},
            {'P', {"Participating in a supervised sporting activity", G::approved_activity}},
            {'W', {"Attending work experience", G::approved_activity}},
            {'B', {"Attending any other approved educational activity", G::approved_activity}},
            {'C',
             {"Leave of absence: exceptional circumstances (C1 performance or employment, C2 part-time timetable)",
              G::authorised_absence}},
            {'M', {"Leave of absence: medical or dental appointment", G::authorised_absence}},
            {'J', {"Leave of absence: interview (J1)", G::authorised_absence}},
            {'S', {"Leave of absence: study leave", G::authorised_absence}},
            {'T', {"Leave of absence: parent travelling for occupational purposes", G::authorised_absence}},
            {'R', {"Religious observance", G::authorised_absence}},
            {'I', {"Illness (not medical or dental appointments)", G::authorised_absence}},
            {'E', {"Suspended or permanently excluded, no alternative provision made", G::authorised_absence}},
            {'G', {"Holiday not granted by the school", G::unauthorised_absence}},
            {'N', {"Reason for absence not yet established", G::unauthorised_absence}},
            {'O', {"Absent in other or unknown circumstances", G::unauthorised_absence}},
            {'U', {"Arrived after the register closed", G::unauthorised_absence}},
            {'D', {"Dual registered: attending the other school (not counted here)", G::not_possible}},
            {'X', {"Not required to be in school (non-compulsory school age)", G::not_possible}},
            {'Q', {"Unable to attend: lack of access arrangements", G::not_possible}},
            {'Y',
             {"Unable to attend: exceptional circumstances (Y1-Y7: transport, disruption, closure, detention, public "
              "health …)",
              G::not_possible}},
            {'Z', {"Prospective pupil not on the admission register", G::not_possible}},
            {'#', {"Planned whole-school closure", G::not_possible}},
            {'-', {"No session (not a school day for this placement)", G::not_possible}},
        };
        std::vector<RegisterCode> out;
        for (const auto& [c, m] : rows) out.push_back({c, m.first, m.second, is_present_code(c), is_possible_code(c)});
        return out;
    }();
    return codes;
}

const RegisterCode* find_register_code(char c) {
    for (const RegisterCode& r : register_codes())
        if (r.code == c) return &r;
    return nullptr;
}

const char* code_group_label(CodeGroup g) {
    static const char* n[] = {"Present", "Approved educational activity (counts as present)", "Authorised absence",
                              "Unauthorised absence", "Not a possible session"};
    return n[static_cast<int>(g)];
}

SessionCount count_sessions(std::string_view sessions) {
    SessionCount n;
    for (char c : sessions) {
        if (!is_possible_code(c)) continue;
        ++n.possible;
        if (is_present_code(c)) ++n.present;
    }
    return n;
}

AttendanceSummary attendance_of(const CaseState& s) {
    AttendanceSummary a;
    for (const auto& w : s.attendance) {
        if (s.started && add_days(w.week_start, 6) < *s.started) continue;  // weeks before the placement
        ++a.weeks;
        const SessionCount n = count_sessions(w.sessions);
        a.possible += n.possible;
        a.present += n.present;
    }
    a.absent = a.possible - a.present;
    a.percent = a.possible ? 100.0 * a.present / a.possible : 100.0;
    return a;
}

namespace {

// ---- spans and school-day arithmetic ----------------------------------------------------------

Span span_of(const Json& j) { return {j.value("n", 0), parse_unit(j.value("unit", "days")).value_or(Unit::days)}; }

Date add_span(const SchoolCalendar& cal, Date from, Span s) {
    switch (s.unit) {
        case Unit::days: return add_days(from, s.n);
        case Unit::weeks: return add_days(from, 7 * s.n);
        case Unit::school_days: return cal.add_school_days(from, s.n);
        case Unit::school_weeks: return cal.add_school_weeks(from, s.n);
    }
    return from;
}

// The date `n` units before `to` ("not less than two school days before the first day").
Date subtract_span(const SchoolCalendar& cal, Date to, Span s) {
    switch (s.unit) {
        case Unit::days: return add_days(to, -s.n);
        case Unit::weeks: return add_days(to, -7 * s.n);
        case Unit::school_days: return cal.add_school_days(to, -s.n);
        case Unit::school_weeks: return cal.add_school_days(to, -5 * s.n);
    }
    return to;
}

std::string span_words(Span s) {
    static const char* unit[] = {"day", "school day", "week", "school week"};
    return std::to_string(s.n) + " " + unit[static_cast<int>(s.unit)] + (s.n == 1 ? "" : "s");
}

// ---- the context a plan is worked out in ------------------------------------------------------

struct Ctx {
    const CaseState&         s;
    const Pack&              pack;
    const SchoolCalendar&    cal;
    Date                     today;
    const Workspace*         ws;
    const UpnIndex*          upns;         // optional index of ws's cases per pupil
    std::optional<Date>      start;        // actual first day, else the agreed one
    std::optional<Date>      planned_end;  // last day of the placement as it stands
    std::optional<Date>      breach_end;   // a serious breach ended the placement at once
    const Rule*              duration = nullptr;
    Stage                    stage = Stage::preparing;
    std::optional<EventType> judging;  // the type of the event being judged (a draft or one in the log)
};

// A reintegration's trial is, since 26 July 2026, a direction too (a pack's conflict says why).
bool osd_kind(CaseKind k) { return k != CaseKind::managed_move; }

bool applies_to_kind(const std::vector<CaseKind>& kinds, CaseKind k) {
    return kinds.empty() || std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

const School* home_school(const Ctx& c) {
    if (!c.ws) return nullptr;
    if (const School* s = find_school(*c.ws, c.s.home_urn)) return s;
    return nullptr;
}

bool host_is_ap(const Ctx& c) {
    if (c.s.setting == "alternative_provision") return true;
    if (c.ws && !c.s.host_urn.empty())
        if (const School* h = find_school(*c.ws, c.s.host_urn)) return h->phase == "alternative_provision";
    return false;
}

// A rule's `when`: the one vocabulary of conditions on the case (known_conditions is these words).
struct ConditionWord {
    const char* word;
    bool (*holds)(const Ctx&);
};

const std::vector<ConditionWord>& condition_words() {
    using C = const Ctx&;
    static const std::vector<ConditionWord> v = {
        {"always", [](C) { return true; }},
        {"ehcp", [](C c) { return c.s.flags.ehcp; }},
        {"cla", [](C c) { return c.s.flags.cla; }},
        {"host_is_ap", [](C c) { return host_is_ap(c); }},
        {"host_is_school", [](C c) { return !host_is_ap(c); }},
        {"academy_home",
         [](C c) {
             const School* h = home_school(c);
             return h && h->governance == "academy";
         }},
        {"fsm", [](C c) { return c.s.flags.fsm; }},
        {"adult_pupil", [](C c) { return c.s.dob && whole_years(*c.s.dob, c.start.value_or(c.today)) >= 18; }},
    };
    return v;
}

bool condition(const std::string& when, const Ctx& c) {
    if (when.empty()) return true;  // a rule read without a `when` is the pack format's "always"
    // Asked for every rule at every event when a log is judged: a map, not a walk of the list.
    static const std::unordered_map<std::string_view, bool (*)(const Ctx&)> by_word = [] {
        std::unordered_map<std::string_view, bool (*)(const Ctx&)> m;
        for (const ConditionWord& w : condition_words()) m.emplace(w.word, w.holds);
        return m;
    }();
    const auto it = by_word.find(when);
    return it != by_word.end() && it->second(c);  // parse_pack refuses unknown words
}

// Rules in force from a date apply to placements starting on or after it (before a start is
// known, to the date the plan is made for).
bool in_force(const Rule& r, const Ctx& c) {
    if (!r.in_force_from) return true;
    return c.start.value_or(c.today) >= *r.in_force_from;
}

bool applies(const Rule& r, const Ctx& c) {
    return applies_to_kind(r.applies_to, c.s.kind) && condition(r.when, c) && in_force(r, c);
}

bool has_item(const CaseState& s, const char* item) {
    return std::find(s.information_items.begin(), s.information_items.end(), item) != s.information_items.end();
}

bool consent_given(const CaseState& s, const char* who) {
    const auto it = s.consents.find(who);
    return it != s.consents.end() && it->second.given;
}

bool has_party(const CaseState& s, const char* role) {
    return std::any_of(s.parties.begin(), s.parties.end(), [&](const Party& p) { return p.role == role; });
}

// Latest date notice may be given for the first day `start`.
Date latest_notice(const Ctx& c, Date start) { return subtract_span(c.cal, start, {2, Unit::school_days}); }

bool met_meeting(const CaseState& s) {
    return s.last_meeting("initial") || s.last_meeting("planning") || s.last_meeting("strategy");
}
bool engaged(const CaseState& s) {
    for (auto it = s.meetings.rbegin(); it != s.meetings.rend(); ++it)
        if (it->kind == "initial" || it->kind == "planning" || it->kind == "strategy")
            return it->pupil_engaged.value_or(true);
    return false;
}

// What a gate's `requires` word asks, and which recorded entries satisfy it: the one vocabulary.
// Packs are checked against these words (known_requirements), the plan judges by `met`, and
// docs/protocol-packs.md's table is these rows (tests/engine/requirement_table_tests.cpp).
struct RequirementWord {
    const char* word;
    const char* satisfied_by;  // in the words of the app's forms
    bool (*met)(const Ctx&);
};

const std::vector<RequirementWord>& requirement_words() {
    using C = const Ctx&;
    static const std::vector<RequirementWord> v = {
        {"parent_consent", "Consent recorded: Parent or carer, given",
         [](C c) { return consent_given(c.s, "parent"); }},
        {"parent_consent_written", "Consent recorded: Parent or carer, given, in writing",
         [](C c) { return consent_given(c.s, "parent") && c.s.consents.at("parent").in_writing; }},
        {"pupil_consent", "Consent recorded: Pupil, given", [](C c) { return consent_given(c.s, "pupil"); }},
        {"parent_views", "Views recorded: Parent or carer (or their consent recorded)",
         [](C c) { return c.s.views.count("parent") || c.s.consents.count("parent"); }},
        {"pupil_views", "Views recorded: Pupil", [](C c) { return c.s.views.count("pupil") > 0; }},
        // The admission authority's agreement: recorded as its consent or as an agreement obtained,
        // the words a person picks either way.
        {"admission_authority_consent",
         "Consent recorded: Admission authority, given; or Agreement obtained: Admission authority",
         [](C c) { return consent_given(c.s, "admission_authority") || c.s.gates.count("admission_authority") > 0; }},
        {"virtual_school", "Agreement obtained: Virtual School",
         [](C c) { return c.s.gates.count("virtual_school") > 0; }},
        {"social_worker", "Agreement obtained: Social worker",
         [](C c) { return c.s.gates.count("social_worker") > 0; }},
        {"sen_officer", "Agreement obtained: SEN officer", [](C c) { return c.s.gates.count("sen_officer") > 0; }},
        {"send_team", "Agreement obtained: LA SEND team", [](C c) { return c.s.gates.count("send_team") > 0; }},
        {"ad_education", "Agreement obtained: Assistant Director for Education",
         [](C c) { return c.s.gates.count("ad_education") > 0; }},
        {"board_decision", "Agreement obtained: Governing board decision",
         [](C c) { return c.s.gates.count("board_decision") > 0; }},
        {"panel_repeat_referral", "Agreement obtained: Panel agreement to a repeat referral",
         [](C c) { return c.s.gates.count("panel_repeat_referral") > 0; }},
        {"fair_access_team", "Agreement obtained: Fair Access team",
         [](C c) { return c.s.gates.count("fair_access_team") > 0; }},
        {"information_shared", "Information shared with host", [](C c) { return c.s.information_shared.has_value(); }},
        {"information_shared_full",
         "Information shared with host, ticking Academic, Behaviour, Attendance records and SEND and safeguarding",
         [](C c) {
             return has_item(c.s, "academic") && has_item(c.s, "behaviour") && has_item(c.s, "attendance") &&
                    has_item(c.s, "send_safeguarding");
         }},
        {"passport_shared",
         "Pupil passport section (any part of the protocol's passport); or Information shared with host: Pupil "
         "passport",
         [](C c) { return !c.s.passport.empty() || has_item(c.s, "passport"); }},
        {"panel_presented", "Presented at panel", [](C c) { return !c.s.panels.empty(); }},
        {"host_accepted", "Host school decision: accepted", [](C c) { return !c.s.host_urn.empty(); }},
        {"leads_identified", "Person involved: Home school lead and Host school lead",
         [](C c) { return has_party(c.s, "home_lead") && has_party(c.s, "host_lead"); }},
        {"initial_meeting", "Meeting held: Initial, Planning or Strategy meeting",
         [](C c) { return met_meeting(c.s); }},
        {"joint_schools_meeting", "Meeting held: Meeting of both schools",
         [](C c) { return c.s.last_meeting("joint_schools") != nullptr; }},
        {"pupil_engaged", "The latest initial, planning or strategy meeting: the pupil engaged (not ticked No)",
         [](C c) { return engaged(c.s); }},
        {"agreement_signed", "Placement agreement signed", [](C c) { return c.s.agreement.has_value(); }},
        {"agreement_complete", "Placement agreement signed with success criteria, both schools' support and a length",
         [](C c) {
             const auto& a = c.s.agreement;
             return a && !a->success_criteria.empty() && !a->host_support.empty() && !a->home_support.empty() &&
                    a->duration_weeks > 0;
         }},
        {"notice_in_time", "Written notice of the direction sent at least two school days before the first day",
         [](C c) { return c.s.notice && c.start && c.s.notice->date <= latest_notice(c, *c.start); }},
        {"notice_contents",
         "Written notice with the address, who to report to, the number of days, the reasons or objectives and the "
         "session times (reg 3)",
         [](C c) {
             const auto& n = c.s.notice;
             return n && !n->address.empty() && !n->report_to.empty() && n->days > 0 &&
                    (!n->reasons.empty() || !n->objectives.empty()) && !n->session_times.empty();
         }},
        {"alternative_strategy", "Placement agreement: the alternative strategy if it breaks down",
         [](C c) { return c.s.agreement && !c.s.agreement->alternative_strategy.empty(); }},
        {"funding_agreed", "Placement agreement: funding",
         [](C c) { return c.s.agreement && !c.s.agreement->funding.empty(); }},
        {"transport_agreed", "Placement agreement: transport",
         [](C c) { return c.s.agreement && !c.s.agreement->transport.empty(); }},
        {"review_frequency_agreed", "Placement agreement: reviews every so many weeks, or the first review's date",
         [](C c) { return c.s.agreement && (c.s.agreement->review_every_weeks > 0 || c.s.agreement->first_review); }},
        // Judged on the ending recorded (a review's decision to end is not one).
        {"early_end_in_writing",
         "Placement ended: the home headteacher consulted, written to the parents, with the return date",
         [](C c) {
             const auto& e = c.s.ended;
             return !e || (e->consulted_home_head && e->written_to_parent && e->return_date.has_value());
         }},
        // Judged on the review being recorded (reg 4): a decision to continue says for how long.
        {"review_decides_length", "Review meeting held: with the outcome Continue, the date it continues until",
         [](C c) {
             if (c.judging != EventType::review_held || c.s.reviews.empty()) return true;
             const Review& r = c.s.reviews.back();
             return r.outcome != "continue" || r.continue_until.has_value();
         }},
        {"restorative_practice", "History entry: Restorative practice",
         [](C c) {
             return std::any_of(c.s.history.begin(), c.s.history.end(),
                                [](const HistoryEntry& h) { return h.what == "restorative_practice"; });
         }},
        {"never", "Nothing: the step is never allowed under this rule", [](C) { return false; }},
    };
    return v;
}

bool requirement(const std::string& req, const Ctx& c) {
    for (const RequirementWord& r : requirement_words())
        if (req == r.word) return r.met(c);
    if (c.pack.find_step(req)) return c.s.steps.count(req) > 0;  // one of the protocol's own steps, recorded
    return false;                                                // parse_pack refuses unknown words
}

// Requirements that describe the event being recorded rather than the case so far: the plan's
// action list cannot judge them, check_draft does.
bool draft_dependent(const std::string& req) { return req == "early_end_in_writing" || req == "review_decides_length"; }

// ---- dates the rules count from ---------------------------------------------------------------

std::optional<Date> first_meeting(const CaseState& s, const std::string& kind,
                                  std::optional<Date> from = std::nullopt) {
    std::optional<Date> best;
    for (const auto& m : s.meetings)
        if ((kind == "any" || m.kind == kind) && (!from || m.date >= *from) && (!best || m.date < *best)) best = m.date;
    return best;
}

std::optional<Date> last_breach(const CaseState& s, bool suspended_only) {
    std::optional<Date> best;
    for (const auto& b : s.breaches)
        if ((!suspended_only || b.suspended) && (!best || b.date > *best)) best = b.date;
    return best;
}

// What a deadline's `from` word counts from, and what its `to` word waits for: the one
// vocabulary. Packs are checked against these words (known_anchors, known_milestones), the plan
// reads them from here, and nothing else in the engine spells them.
using When = std::optional<Date>;
struct AnchorWord {
    const char* word;
    When (*when)(const Ctx&);
};

When dated(const std::optional<Date>& d) { return d; }

const std::vector<AnchorWord>& anchor_words() {
    using C = const Ctx&;
    static const std::vector<AnchorWord> v = {
        {"opened", [](C c) { return When(c.s.opened_on); }},
        {"parent_consent",
         [](C c) { return consent_given(c.s, "parent") ? When(c.s.consents.at("parent").date) : std::nullopt; }},
        {"host_accepted", [](C c) { return dated(c.s.host_accepted_on); }},
        {"information_shared", [](C c) { return dated(c.s.information_shared); }},
        {"meeting:initial", [](C c) { return first_meeting(c.s, "initial"); }},
        {"meeting:planning", [](C c) { return first_meeting(c.s, "planning"); }},
        {"meeting:strategy", [](C c) { return first_meeting(c.s, "strategy"); }},
        {"meeting:joint_schools", [](C c) { return first_meeting(c.s, "joint_schools"); }},
        {"agreement", [](C c) { return c.s.agreement ? When(c.s.agreement->date) : std::nullopt; }},
        {"start", [](C c) { return dated(c.start); }},
        {"serious_breach", [](C c) { return last_breach(c.s, false); }},
        {"suspension", [](C c) { return last_breach(c.s, true); }},
        {"written_review_request",
         [](C c) {
             When best;
             for (const auto& r : c.s.review_requests)
                 if (r.in_writing && (!best || r.date > *best)) best = r.date;
             return best;
         }},
        {"planned_end", [](C c) { return c.s.started ? dated(c.planned_end) : std::nullopt; }},
        {"ended", [](C c) { return c.s.ended ? When(c.s.ended->date) : dated(c.breach_end); }},
        {"outcome", [](C c) { return c.s.outcome ? When(c.s.outcome->date) : std::nullopt; }},
    };
    return v;
}

std::optional<Date> anchor(const std::string& a, const Ctx& c) {
    for (const AnchorWord& w : anchor_words())
        if (a == w.word) return w.when(c);
    return std::nullopt;  // parse_pack refuses unknown words
}

When first_notification(const Ctx& c, const char* what) {
    When best;
    for (const auto& n : c.s.notifications)
        if (n.what == what && (!best || n.date < *best)) best = n.date;
    return best;
}

When first_review(const Ctx& c, Date from, bool emergency_only) {
    When best;
    for (const auto& r : c.s.reviews)
        if (r.date >= from && (!emergency_only || r.emergency) && (!best || r.date < *best)) best = r.date;
    return best;
}

// `when` is the first time it happened on or after `from`, where that matters.
struct MilestoneWord {
    const char* word;
    const char* label;  // what a deadline for it is called on screen
    When (*when)(const Ctx&, Date from);
};

const std::vector<MilestoneWord>& milestone_words() {
    using C = const Ctx&;
    static const std::vector<MilestoneWord> v = {
        {"meeting:initial", "Initial meeting", [](C c, Date f) { return first_meeting(c.s, "initial", f); }},
        {"meeting:planning", "Planning meeting", [](C c, Date f) { return first_meeting(c.s, "planning", f); }},
        {"meeting:strategy", "Strategy meeting", [](C c, Date f) { return first_meeting(c.s, "strategy", f); }},
        {"meeting:emergency", "Emergency meeting at the home school",
         [](C c, Date f) { return first_meeting(c.s, "emergency", f); }},
        {"meeting:joint_schools", "Joint meeting of both schools",
         [](C c, Date f) { return first_meeting(c.s, "joint_schools", f); }},
        {"meeting:any", "Meeting", [](C c, Date f) { return first_meeting(c.s, "any", f); }},
        {"placement_started", "First day of the placement", [](C c, Date) { return dated(c.s.started); }},
        {"notice", "Written notice of the direction to parents",
         [](C c, Date) { return c.s.notice ? When(c.s.notice->date) : std::nullopt; }},
        {"la:intention", "Tell the LA of the intention", [](C c, Date) { return first_notification(c, "intention"); }},
        {"la:start", "Notify the LA of the start", [](C c, Date) { return first_notification(c, "start"); }},
        {"la:outcome", "Notify the LA of the outcome", [](C c, Date) { return first_notification(c, "outcome"); }},
        {"la:arrangements", "Notify the LA of the arrangements",
         [](C c, Date) { return first_notification(c, "arrangements"); }},
        {"review", "Review meeting", [](C c, Date f) { return first_review(c, f, false); }},
        {"emergency_review", "Emergency review", [](C c, Date f) { return first_review(c, f, true); }},
        {"outcome", "Decision on the outcome",
         [](C c, Date) { return c.s.outcome ? When(c.s.outcome->date) : std::nullopt; }},
        {"panel_presented", "Notify the fair access panel",
         [](C c, Date) { return c.s.panels.empty() ? std::nullopt : When(c.s.panels.front().date); }},
        {"information_shared", "Share the pupil's information",
         [](C c, Date) { return dated(c.s.information_shared); }},
        {"agreement", "Sign the agreement",
         [](C c, Date) { return c.s.agreement ? When(c.s.agreement->date) : std::nullopt; }},
        // Judged week by week (weekly_attendance below), not as one date.
        {"weekly_attendance", "Weekly attendance record", [](C, Date) { return When(); }},
    };
    return v;
}

const MilestoneWord* find_milestone(const std::string& m) {
    for (const MilestoneWord& w : milestone_words())
        if (m == w.word) return &w;
    return nullptr;  // parse_pack refuses unknown words
}

std::optional<Date> milestone(const std::string& m, Date from, const Ctx& c) {
    const MilestoneWord* w = find_milestone(m);
    return w ? w->when(c, from) : std::nullopt;
}

const char* milestone_label(const std::string& m) {
    const MilestoneWord* w = find_milestone(m);
    return w ? w->label : "Milestone";
}

// ---- length of the placement ------------------------------------------------------------------

int agreed_weeks(const Ctx& c) {
    if (c.s.agreement && c.s.agreement->duration_weeks > 0) return c.s.agreement->duration_weeks;
    // A pack that names no usual length offers its longest (docs/protocol-packs.md, "duration").
    if (c.duration) return param_int(*c.duration, rule_param(*c.duration, "default").is_null() ? "max" : "default");
    return 0;
}

Unit duration_unit(const Ctx& c) {
    return c.duration && param_word(*c.duration, "unit") == "school_weeks" ? Unit::school_weeks : Unit::weeks;
}

// The last day of `weeks` of placement from `start`, in the duration rule's unit. Calendar weeks end
// the day before the same weekday comes round; school weeks end on the last school day of the span
// (holidays and closures do not count).
Date weeks_end(const Ctx& c, Date start, int weeks) {
    if (duration_unit(c) == Unit::weeks) return add_days(start, 7 * weeks - 1);
    return c.cal.school_weeks_end(start, weeks);
}

std::optional<Date> compute_planned_end(const Ctx& c) {
    if (!c.start) return std::nullopt;
    const int weeks = agreed_weeks(c) + c.s.extension_weeks();
    if (weeks <= 0) return std::nullopt;
    return weeks_end(c, *c.start, weeks);
}

bool ends_at_once(const Ctx& c) {
    for (const Rule& r : c.pack.rules)
        if (r.kind == RuleKind::serious_breach && applies(r, c) && param_flag(r, "ends_at_once")) return true;
    return false;
}

bool decision_made(const CaseState& s) {
    return std::any_of(s.reviews.begin(), s.reviews.end(),
                       [](const Review& r) { return r.outcome == "return" || r.outcome == "convert"; });
}

Stage stage_of(const Ctx& c) {
    const CaseState& s = c.s;
    if (s.outcome) {
        if (s.outcome->outcome == "transferred") return Stage::transferred;
        if (s.outcome->outcome == "returned") return Stage::returned;
        return Stage::closed;
    }
    if (s.ended || c.breach_end) return Stage::ending;
    if (std::any_of(s.reviews.begin(), s.reviews.end(), [](const Review& r) { return r.outcome == "end_early"; }))
        return Stage::ending;
    if (s.started) {
        if (decision_made(s) || (c.planned_end && c.today > *c.planned_end)) return Stage::decision_due;
        return Stage::placement;
    }
    if (!s.host_urn.empty()) return Stage::agreeing;
    return Stage::preparing;
}

// The walk over a whole log makes a context at every event; the planned end (counted in school days)
// changes only with the start, the length or the duration rule, so the walk keeps the last one here.
struct EndCache {
    std::optional<Date> start;
    int                 weeks = -1;
    const Rule*         duration = nullptr;
    std::optional<Date> end;
};

Ctx make_ctx(const CaseState& s, const Pack& pack, const SchoolCalendar& cal, Date today, const Workspace* ws,
             const UpnIndex* upns, EndCache* cache = nullptr) {
    Ctx c{s, pack, cal, today, ws, upns, std::nullopt, std::nullopt, std::nullopt, nullptr, Stage::preparing, {}};
    c.start = s.started ? s.started : (s.agreement ? std::optional<Date>(s.agreement->start) : std::nullopt);
    for (const Rule& r : pack.rules)
        if (r.kind == RuleKind::duration && applies(r, c)) {
            c.duration = &r;
            break;
        }
    if (cache) {
        const int weeks = c.start ? agreed_weeks(c) + s.extension_weeks() : -1;
        if (cache->start != c.start || cache->weeks != weeks || cache->duration != c.duration)
            *cache = {c.start, weeks, c.duration, compute_planned_end(c)};
        c.planned_end = cache->end;
    } else {
        c.planned_end = compute_planned_end(c);
    }
    if (s.started && ends_at_once(c))
        for (const auto& b : s.breaches)
            if (b.ends_placement && b.date >= *s.started && (!c.breach_end || b.date < *c.breach_end))
                c.breach_end = b.date;
    c.stage = stage_of(c);
    return c;
}

bool final_stage(Stage s) { return s == Stage::transferred || s == Stage::returned || s == Stage::closed; }
bool during_placement(Stage s) { return s == Stage::placement || s == Stage::decision_due; }

// ---- actions ----------------------------------------------------------------------------------

// The actions a gate may name: the label a person reads, the action's place on the path to a
// placement (a status gate on an earlier step still stops the later ones) and, for a step taken
// once, whether the case has taken it (nullptr: an action that can be repeated, never "taken").
struct ActionWord {
    const char* word;
    const char* label;
    int         step;  // -1: not on the path
    bool (*taken)(const CaseState&);
};

const std::vector<ActionWord>& action_words() {
    using S = const CaseState&;
    static const std::vector<ActionWord> v = {
        {"propose_host", "Approach a host school / record its decision", 0, [](S s) { return !s.proposals.empty(); }},
        {"share_information", "Share the pupil's information", 1, [](S s) { return s.information_shared.has_value(); }},
        {"sign_agreement", "Record the signed placement agreement", 2, [](S s) { return s.agreement.has_value(); }},
        {"send_notice", "Record the written notice to parents", 3, [](S s) { return s.notice.has_value(); }},
        {"start_placement", "Record the first day of the placement", 4, [](S s) { return s.started.has_value(); }},
        {"record_attendance", "Record a week of attendance", -1, nullptr},
        {"schedule_review", "Schedule a review / send the invitation", -1, nullptr},
        {"hold_review", "Record a review meeting", -1, nullptr},
        {"agree_extension", "Extend the placement", -1, nullptr},
        {"record_serious_breach", "Record a serious breach", -1, nullptr},
        {"end_placement", "End the placement early", -1, [](S s) { return s.ended.has_value(); }},
        {"convert_to_managed_move", "Transfer to the host's roll (managed move)", 5,
         [](S s) { return s.outcome && s.outcome->outcome == "transferred"; }},
        {"return_to_home_school", "Record the return to the home school", -1, nullptr},
        {"record_outcome", "Record another outcome", -1, nullptr},
        {"notify_la", "Record a notification to the LA", -1, nullptr},
        {"record_details", "Record details, views, consents and notes", -1, nullptr},
        {"withdraw", "Withdraw the case", -1, nullptr}};
    return v;
}

const ActionWord* find_action(std::string_view a) {
    // Asked for every gate of every event when a log is judged: a map, not a walk of the list.
    static const std::unordered_map<std::string_view, const ActionWord*> by_word = [] {
        std::unordered_map<std::string_view, const ActionWord*> m;
        for (const ActionWord& w : action_words()) m.emplace(w.word, &w);
        return m;
    }();
    const auto it = by_word.find(a);
    return it == by_word.end() ? nullptr : it->second;  // parse_pack refuses a gate naming an unknown action
}

const char* action_label(const std::string& a) {
    const ActionWord* w = find_action(a);
    return w ? w->label : "";
}

std::vector<const char*> stage_actions(const Ctx& c) {
    std::vector<const char*> a = {"record_details", "notify_la"};
    const auto add = [&](std::initializer_list<const char*> more) { a.insert(a.end(), more.begin(), more.end()); };
    switch (c.stage) {
        case Stage::preparing: add({"propose_host", "share_information", "withdraw"}); break;
        case Stage::agreeing:
            add({"propose_host", "share_information", "sign_agreement", "send_notice", "start_placement",
                 "schedule_review", "withdraw"});
            if (c.s.kind == CaseKind::managed_move) a.push_back("convert_to_managed_move");  // a direct move, no trial
            break;
        case Stage::placement:
        case Stage::decision_due:
            add({"share_information", "send_notice", "record_attendance", "schedule_review", "hold_review",
                 "agree_extension", "record_serious_breach", "end_placement", "return_to_home_school", "record_outcome",
                 "withdraw"});
            if (!host_is_ap(c)) a.push_back("convert_to_managed_move");
            break;
        case Stage::ending:
            add({"record_attendance", "schedule_review", "hold_review", "return_to_home_school", "record_outcome"});
            // A serious breach or a review's decision to end early leaves the ending itself to record
            // (its date, the return date written to the parents).
            if (!c.s.ended) a.push_back("end_placement");
            break;
        default: break;
    }
    return a;
}

Alert alert_of(const Rule& r, AlertLevel level, std::string message = "") {
    return {level, r.id, message.empty() ? r.message : std::move(message), "", r.citation, std::nullopt};
}

AlertLevel level_of(Severity s) {
    return s == Severity::blocks ? AlertLevel::blocking : s == Severity::warns ? AlertLevel::warning : AlertLevel::info;
}

// Other cases in the workspace opened for this pupil (by UPN) before this one or on the same day (which
// came first that day is not known): an earlier referral counts against a later one, never the reverse.
int other_cases_of_pupil(const Ctx& c) {
    if (!c.ws || c.s.upn.empty()) return 0;
    const auto earlier = [&](const Case& other) {
        if (other.id == c.s.case_id || other.events.empty()) return false;
        const Date opened = payload_date(other.events.front().payload, "date").value_or(Date{});
        return opened <= c.s.opened_on;
    };
    int n = 0;
    if (c.upns) {
        if (const auto it = c.upns->find(c.s.upn); it != c.upns->end())
            for (const std::string& id : it->second)
                if (id != c.s.case_id)
                    if (const Case* other = find_case(*c.ws, id)) n += earlier(*other);
        return n;
    }
    for (const Case& other : c.ws->cases) n += opened_for_upn(other, c.s.upn) && earlier(other);
    return n;
}

// The event being judged: a draft, or an event already in the log.
struct Recorded {
    EventType   type;
    const Json& payload;
    bool        superseding;  // it corrects an earlier event
    bool        restating;    // it corrects an earlier event of its own type: a changed record, not a new step
};

// Whether a correction (`type`, superseding `target_id`) restates an entry of its own type in `log`.
bool restates(const Case* log, EventType type, const std::string& target_id) {
    if (!log || target_id.empty()) return false;
    const auto it =
        std::find_if(log->events.begin(), log->events.end(), [&](const Event& x) { return x.id == target_id; });
    return it != log->events.end() && it->type == type && type != EventType::retraction;
}

// Rules other than gates that can stop an action. `when` is the date the action takes effect;
// `draft` is the event being recorded (nullptr when the plan asks whether the action is open).
void builtin_checks(const Ctx& c, const std::string& action, Date when, const Recorded* draft,
                    std::vector<Alert>& blocking, std::vector<Alert>& warnings) {
    const CaseState& s = c.s;
    const auto       push = [&](const Rule& r, std::string msg) {
        (r.severity == Severity::blocks ? blocking : warnings)
            .push_back(alert_of(r, r.severity == Severity::blocks ? AlertLevel::blocking : AlertLevel::warning,
                                      std::move(msg)));
    };
    for (const Rule& r : c.pack.rules) {
        if (r.kind != RuleKind::statute && r.kind != RuleKind::referral_limit && r.kind != RuleKind::termination_lock &&
            r.kind != RuleKind::attendance && r.kind != RuleKind::duration)
            continue;  // the other kinds stop no action (gates are judged by the callers)
        if (!applies(r, c)) continue;
        const Json& p = r.params;
        if (r.kind == RuleKind::statute && action == "start_placement" && s.kind == CaseKind::managed_move)
            push(r, r.message + " " + param_word(r, "lawful_path"));
        if (r.kind == RuleKind::referral_limit && (action == "propose_host" || action == "start_placement")) {
            int previous = 0;
            for (const auto& h : s.history) previous += h.what == "previous_managed_move";
            previous += other_cases_of_pupil(c);
            if (previous >= param_int(r, "max") && !s.gates.count("panel_repeat_referral"))
                push(r, r.message + " This would be referral " + std::to_string(previous + 1) + ".");
        }
        if (r.kind == RuleKind::termination_lock && action == "end_placement" && c.start) {
            const Date until = add_span(c.cal, *c.start, span_of(p.at("min")));
            const bool breach =
                std::any_of(s.breaches.begin(), s.breaches.end(), [&](const Breach& b) { return b.date <= when; });
            if (when < until && !breach)
                push(r, r.message + " Earliest ending without a serious breach: " + to_uk(until) + ".");
        }
        if (r.kind == RuleKind::attendance && action == "convert_to_managed_move" &&
            param_word(r, "consequence") == "fails_trial") {
            const AttendanceSummary a = attendance_of(s);
            const int               thr = param_int(r, "threshold");
            const bool              met = param_word(r, "compare") == "above" ? a.percent > thr : a.percent >= thr;
            const bool              saved = param_flag(r, "illness_extension_saves") &&
                               std::any_of(s.extensions.begin(), s.extensions.end(), [](const Extension& e) {
                                   return e.reason == "illness" && !e.evidence.empty();
                               });
            if (a.possible >= param_int(r, "min_sessions") && !met && !saved) {
                char buf[64];
                std::snprintf(buf, sizeof buf, " Attendance so far: %.1f%%.", a.percent);
                push(r, r.message + buf);
            }
        }
        // A minimum length holds for the decision too: no transfer before the last day of the minimum.
        if (r.kind == RuleKind::duration && action == "convert_to_managed_move" && s.started &&
            param_int(r, "min") > 0 && when < weeks_end(c, *s.started, param_int(r, "min")))
            push(r, r.message + " The transfer can be decided from " +
                        to_uk(weeks_end(c, *s.started, param_int(r, "min"))) + ", the end of the minimum.");
        if (r.kind == RuleKind::duration && (action == "agree_extension" || (action == "sign_agreement" && draft))) {
            const int max = param_int(r, "max"), cap = max + param_int(r, "extension_weeks");
            const int base = agreed_weeks(c), total = base + s.extension_weeks();
            if (action == "sign_agreement") {
                if (base > max)
                    push(r, r.message + " " + std::to_string(base) + " weeks agreed, at most " + std::to_string(max) +
                                (cap > max ? " before extensions (" + std::to_string(cap) + " with them)." : "."));
                if (base < param_int(r, "min"))
                    warnings.push_back(
                        alert_of(r, AlertLevel::warning,
                                 r.message + " The agreement says only " + std::to_string(base) + " weeks."));
                if (p.contains("justify_above") && base > param_int(r, "justify_above") && s.agreement &&
                    s.agreement->justification.empty())
                    push(r, r.message + " Record why more than " + std::to_string(param_int(r, "justify_above")) +
                                " weeks is justified.");
            } else {
                if (total > cap || (!draft && total >= cap))
                    push(r, r.message + " No more extension is possible: " + std::to_string(total) +
                                " weeks agreed, at most " + std::to_string(cap) + ".");
                int times = 0;
                for (const auto& e : s.extensions) times += e.weeks > 0;
                for (const auto& rv : s.reviews) times += rv.outcome == "extend";
                if (p.contains("extension_times") && times > param_int(r, "extension_times") - (draft ? 0 : 1))
                    push(r, r.message + " Only " + std::to_string(param_int(r, "extension_times")) +
                                " extension may be agreed.");
                if (draft && param_word(r, "extension_requires") == "illness_evidence" && !s.extensions.empty() &&
                    s.extensions.back().evidence.empty())
                    push(r, r.message + " Record the medical evidence.");
            }
        }
    }
    if ((action == "convert_to_managed_move") && c.breach_end)
        blocking.push_back({AlertLevel::blocking,
                            "engine/placement-ended-by-breach",
                            "The placement ended because of a serious breach on " + to_uk(*c.breach_end) +
                                "; it cannot convert to a managed move.",
                            "",
                            {},
                            std::nullopt});
    if (draft && draft->type == EventType::placement_ended && draft->payload.value("reason", "") == "serious_breach" &&
        std::none_of(s.breaches.begin(), s.breaches.end(), [&](const Breach& b) { return b.date <= when; }))
        blocking.push_back({AlertLevel::blocking,
                            "engine/ending-needs-the-breach",
                            "An ending for a serious breach needs the breach recorded first (Record a serious breach).",
                            "",
                            {},
                            std::nullopt});
    if (draft && draft->type == EventType::extension_agreed && draft->payload.value("reason", "") == "illness" &&
        draft->payload.value("evidence", "").empty())
        warnings.push_back({AlertLevel::warning,
                            "engine/illness-evidence",
                            "An extension for illness should record the medical evidence.",
                            "",
                            {},
                            std::nullopt});
}

// Whether an action has been taken (the case records it).
bool action_taken(std::string_view action, const CaseState& s) {
    const ActionWord* w = find_action(action);
    return w && w->taken && w->taken(s);
}

// A pack's gates with the action and requirement each names, read once per plan (or per draft)
// rather than from the rule's JSON at every event of a log.
struct Gate {
    const Rule*      rule;
    std::string_view action, needs;  // the gate's `action` and `requires`
    int              step;           // place of `action` on the path to a placement (-1: not on it)
};

std::vector<Gate> gates_of(const Pack& pack) {
    std::vector<Gate> out;
    for (const Rule& r : pack.rules) {
        if (r.kind != RuleKind::gate) continue;
        const auto a = r.params.find("action"), q = r.params.find("requires");
        if (a == r.params.end() || !a->is_string() || q == r.params.end() || !q->is_string()) continue;
        const ActionWord* w = find_action(a->get_ref<const std::string&>());
        out.push_back({&r, a->get_ref<const std::string&>(), q->get_ref<const std::string&>(), w ? w->step : -1});
    }
    return out;
}

// Does gate `g` stop `action`? Its own action, and — for a gate on the pupil's status (`when`: an
// EHCP, looked after …) whose own step is already taken — the start and the conversion still to come:
// a status learned after the host accepted still counts.
// The step of the path an action takes that a status gate on an earlier step still stops (the
// first day, the transfer), or -1.
int later_step(const std::string& action) {
    const ActionWord* w = find_action(action);
    return w && (w->step == 4 || w->step == 5) ? w->step : -1;
}

// `later` is later_step(action), asked once for all the gates.
bool gate_concerns(const Gate& g, const std::string& action, int later, const Ctx& c) {
    if (g.action == action) return true;
    if (later < 0 || g.step < 0 || g.step >= later || g.rule->when.empty() || g.rule->when == "always") return false;
    return action_taken(g.action, c.s);
}

ActionState evaluate_action(const Ctx& c, const std::string& action, const std::vector<Gate>& gates) {
    ActionState a{action, action_label(action), true, {}, {}};
    const int   later = later_step(action);
    for (const Gate& g : gates) {
        const Rule& r = *g.rule;
        if (!gate_concerns(g, action, later, c) || !applies(r, c)) continue;
        const std::string req(g.needs);
        if (draft_dependent(req) || requirement(req, c)) continue;
        if (r.severity == Severity::blocks)
            a.blocked_by.push_back(alert_of(r, AlertLevel::blocking));
        else
            a.warnings.push_back(alert_of(r, AlertLevel::warning));
    }
    builtin_checks(c, action, c.today, nullptr, a.blocked_by, a.warnings);
    a.allowed = a.blocked_by.empty();
    return a;
}

// ---- deadlines --------------------------------------------------------------------------------

DeadlineStatus status_of(Date date, std::optional<Date> done, Date today) {
    if (done) return DeadlineStatus::met;
    if (date < today) return DeadlineStatus::overdue;
    return days_between(today, date) <= 3 ? DeadlineStatus::due : DeadlineStatus::upcoming;
}

Deadline make_deadline(const Ctx& c, const Rule& r, std::string what, Date date, std::optional<Date> done) {
    Deadline d{r.id,
               std::move(what),
               date,
               status_of(date, done, c.today),
               done,
               done && *done > date,
               c.pack.role_name(r.who.empty() ? "home_school" : r.who),
               r.severity,
               r.citation};
    return d;
}

// Which school weeks of the placement have no attendance record yet: the first such week whose
// record is due gives the deadline (each week is due `span` after its Friday).
void weekly_attendance(const Ctx& c, const Rule& r, Span span, std::vector<Deadline>& out) {
    if (!c.s.started || !during_placement(c.stage)) return;
    Date       monday = add_days(*c.s.started, -weekday_of(*c.s.started));
    const Date last = c.planned_end ? std::min(*c.planned_end, c.today) : c.today;
    for (int guard = 0; monday <= last && guard < 200; ++guard, monday = add_days(monday, 7)) {
        bool school_week = false;
        for (int i = 0; i < 5; ++i) school_week = school_week || c.cal.is_school_day(add_days(monday, i));
        if (!school_week) continue;
        const bool recorded = std::any_of(c.s.attendance.begin(), c.s.attendance.end(),
                                          [&](const AttendanceWeek& w) { return w.week_start == monday; });
        if (recorded) continue;
        const Date due = add_span(c.cal, add_days(monday, 4), span);
        out.push_back(make_deadline(c, r, "Attendance for the week of " + to_uk(monday), due, std::nullopt));
        return;
    }
}

void deadline_rule(const Ctx& c, const Rule& r, std::vector<Deadline>& out) {
    const Json&       p = r.params;
    const std::string from = param_word(r, "from"), to = param_word(r, "to");
    const Span        span = span_of(p.at("within"));
    if (to == "weekly_attendance") return weekly_attendance(c, r, span, out);
    const auto a = anchor(from, c);
    if (!a) return;
    const bool before = param_flag(r, "before");
    Date       due = before ? subtract_span(c.cal, *a, span) : add_span(c.cal, *a, span);
    // A time counted in calendar weeks or days that ends on a weekend, a holiday or a closure runs to
    // the next school day, when the school can act (docs/calendar.md, "Deadlines").
    if (!before && span.n > 0 && !c.cal.is_school_day(due))
        if (const auto next = c.cal.next_school_day(due)) due = *next;
    const auto done = milestone(to, before ? Date{INT32_MIN / 2} : *a, c);
    const bool after_outcome = from == "outcome" || from == "ended";
    if (!done && final_stage(c.stage) && !after_outcome) return;  // overtaken by the outcome
    if (!done && c.stage == Stage::ending && !after_outcome && from != "serious_breach") return;
    out.push_back(make_deadline(c, r, milestone_label(to), due, done));
}

void cadence_rule(const Ctx& c, const Rule& r, std::vector<Deadline>& out) {
    if (!c.s.started || !during_placement(c.stage)) return;
    const Json& p = r.params;
    Span        every = span_of(p.at("every"));
    if (param_flag(r, "use_agreed") && c.s.agreement && c.s.agreement->review_every_weeks > 0)
        every = {c.s.agreement->review_every_weeks,
                 every.unit == Unit::school_weeks ? Unit::school_weeks : Unit::weeks};
    const std::string counts = param_word(r, "counts");
    const bool        checks = counts != "review";  // a step of the protocol: a lighter review of arrangements
    Date              last = *c.s.started;
    if (checks) {
        if (const auto it = c.s.steps.find(counts); it != c.s.steps.end())
            for (Date d : it->second)
                if (d >= last) last = d;
        for (const auto& rv : c.s.reviews)
            if (rv.date >= last) last = rv.date;  // a review also reviews the arrangements
    } else {
        for (const auto& rv : c.s.reviews)
            if (rv.date >= last) last = rv.date;
    }
    Date due = add_span(c.cal, last, (last == *c.s.started && p.contains("first")) ? span_of(p["first"]) : every);
    if (c.planned_end && due > *c.planned_end) due = *c.planned_end;
    if (!checks) {
        // An agreed next review earlier than the cadence allows becomes the deadline.
        for (Date d : c.s.scheduled_reviews)
            if (d > last && d < due) due = d;
    }
    if (due <= last) return;  // the placement ends on the day of the last review
    out.push_back(
        make_deadline(c, r, checks ? "Review of the arrangements" : "Next review meeting", due, std::nullopt));
}

void invitation_rule(const Ctx& c, const Rule& r, std::vector<Deadline>& out) {
    if (final_stage(c.stage)) return;
    const Span lead = span_of(r.params.at("lead"));
    for (Date review : c.s.scheduled_reviews) {
        if (c.s.started && review < *c.s.started) continue;
        std::optional<Date> sent;
        for (const auto& inv : c.s.invitations)
            if (inv.review_date == review && (!sent || inv.sent < *sent)) sent = inv.sent;
        out.push_back(make_deadline(c, r, "Written invitation to parents for the review on " + to_uk(review),
                                    subtract_span(c.cal, review, lead), sent));
    }
}

bool statutory_rule_of_kind(const Ctx& c, RuleKind kind) {
    return std::any_of(c.pack.rules.begin(), c.pack.rules.end(),
                       [&](const Rule& r) { return r.kind == kind && r.statutory && applies(r, c); });
}

void request_rule(const Ctx& c, const Rule& r, std::vector<Deadline>& out, std::vector<Alert>& alerts) {
    const auto req = anchor("written_review_request", c);
    if (!req || final_stage(c.stage)) return;
    const Date quiet_from = subtract_span(c.cal, *req, span_of(r.params.at("quiet")));
    for (const auto& rv : c.s.reviews)
        if (rv.date >= quiet_from && rv.date <= *req) {
            alerts.push_back(alert_of(r, AlertLevel::info,
                                      "A review was held on " + to_uk(rv.date) + ", within " +
                                          span_words(span_of(r.params.at("quiet"))) +
                                          " before the written request: another review is not required. " + r.message));
            return;
        }
    out.push_back(make_deadline(c, r, "Review requested in writing on " + to_uk(*req),
                                add_span(c.cal, *req, span_of(r.params.at("hold_within"))),
                                milestone("review", *req, c)));
}

void breach_rule(const Ctx& c, const Rule& r, std::vector<Deadline>& out, std::vector<Alert>& alerts,
                 std::vector<ChecklistItem>& todo) {
    if (!c.s.started) return;
    std::optional<Date> when;
    for (const auto& b : c.s.breaches)
        if (b.date >= *c.s.started && (!when || b.date > *when)) when = b.date;
    if (!when) return;
    const Json& p = r.params;
    if (param_flag(r, "ends_at_once") && !final_stage(c.stage) && c.breach_end)
        alerts.push_back(alert_of(r, level_of(r.severity),
                                  "Serious breach on " + to_uk(*when) + ": the placement has ended. " + r.message));
    if (p.contains("emergency_meeting_within"))
        out.push_back(make_deadline(c, r, milestone_label("meeting:emergency"),
                                    add_span(c.cal, *when, span_of(p["emergency_meeting_within"])),
                                    first_meeting(c.s, "emergency", *when)));
    const bool suspended = std::any_of(c.s.breaches.begin(), c.s.breaches.end(),
                                       [&](const Breach& b) { return b.date == *when && b.suspended; });
    if (param_flag(r, "emergency_review") && suspended && !milestone("emergency_review", *when, c) &&
        !final_stage(c.stage)) {
        alerts.push_back(
            alert_of(r, AlertLevel::warning, "The host suspended the pupil on " + to_uk(*when) + ". " + r.message));
        todo.push_back({"Hold an emergency review (the host must tell the home school at once).",
                        c.pack.role_name("host_school"), r.id, std::nullopt, "hold_review"});
    }
    if (param_flag(r, "ends_at_once") && !c.s.ended && !final_stage(c.stage) && c.breach_end)
        todo.push_back({"Record the end of the placement and the date the pupil returns to the home school.",
                        c.pack.role_name("home_school"), r.id, std::nullopt, "end_placement"});
    // A breach recorded as not ending the placement (repeated low-level breaches) leaves it to a decision.
    const bool decided =
        std::any_of(c.s.reviews.begin(), c.s.reviews.end(), [&](const Review& rv) { return rv.date >= *when; });
    if (param_flag(r, "ends_at_once") && !c.breach_end && during_placement(c.stage) && !decided)
        todo.push_back({"Decide at a review whether the placement continues or ends after the breach of " +
                            to_uk(*when) + ". " + r.message,
                        c.pack.role_name("both_schools"), r.id, std::nullopt, "hold_review"});
}

void attendance_rules(const Ctx& c, CasePlan& plan) {
    plan.attendance = attendance_of(c.s);
    for (const Rule& r : c.pack.rules) {
        if (r.kind != RuleKind::attendance || !applies(r, c)) continue;
        AttendanceCheck chk{r.id, param_int(r, "threshold"),    param_word(r, "compare"),
                            true, param_word(r, "consequence"), false};
        chk.met =
            chk.compare == "above" ? plan.attendance.percent > chk.threshold : plan.attendance.percent >= chk.threshold;
        chk.saved_by_illness_extension =
            param_flag(r, "illness_extension_saves") &&
            std::any_of(c.s.extensions.begin(), c.s.extensions.end(),
                        [](const Extension& e) { return e.reason == "illness" && !e.evidence.empty(); });
        if (plan.attendance.possible < param_int(r, "min_sessions")) chk.met = true;  // too early to judge
        plan.attendance.checks.push_back(chk);
        if (!chk.met && !chk.saved_by_illness_extension && (during_placement(c.stage) || c.stage == Stage::ending)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, " Attendance so far: %.1f%% (%d of %d sessions).", plan.attendance.percent,
                          plan.attendance.present, plan.attendance.possible);
            plan.alerts.push_back(alert_of(r, level_of(r.severity), r.message + buf));
        }
    }
}

void statute_and_conflicts(const Ctx& c, CasePlan& plan) {
    for (const Rule& r : c.pack.rules) {
        if (r.kind != RuleKind::statute || !applies_to_kind(r.applies_to, c.s.kind) || final_stage(c.stage)) continue;
        const bool active = in_force(r, c);
        if (active && c.s.started)
            plan.alerts.push_back(alert_of(
                r, AlertLevel::blocking,
                "This placement started on " + to_uk(*c.s.started) + " as a trial managed move. " + r.message));
        else if (active) {
            plan.alerts.push_back(alert_of(r, AlertLevel::blocking));
            plan.checklist.push_back(
                {param_word(r, "lawful_path"), c.pack.role_name("home_school"), r.id, std::nullopt, ""});
        } else {
            plan.alerts.push_back(alert_of(
                r, AlertLevel::info,
                "This placement started before " + to_uk(*r.in_force_from) + "; for any new placement: " + r.message));
        }
    }
    for (const Conflict& k : c.pack.conflicts) {
        if (!applies_to_kind(k.applies_to, c.s.kind)) continue;
        const Rule* statutory = c.pack.find_rule(k.statutory_rule);
        Alert       a{AlertLevel::info,
                k.id,
                statutory ? statutory->message : k.explanation,
                "The local protocol says: " + k.local + " " + k.explanation,
                k.citation,
                statutory ? std::optional<Citation>(statutory->citation) : std::nullopt};
        // A warning where the statute forbids what this case is; where the case already takes the lawful
        // path (a direction), the note explains how the local wording is read.
        if (statutory && statutory->kind == RuleKind::statute && in_force(*statutory, c) &&
            applies_to_kind(statutory->applies_to, c.s.kind))
            a.level = AlertLevel::warning;
        plan.alerts.push_back(std::move(a));
    }
}

void info_rules(const Ctx& c, CasePlan& plan) {
    for (const Rule& r : c.pack.rules) {
        if (r.kind != RuleKind::info || !applies(r, c)) continue;
        bool shown = !final_stage(c.stage);
        if (r.params.contains("stages")) {
            shown = false;
            for (const auto& st : r.params["stages"]) shown = shown || st == stage_name(c.stage);
        }
        if (shown) plan.alerts.push_back(alert_of(r, level_of(r.severity)));
    }
}

// Actions already taken although a gate was not satisfied (e.g. a log imported from elsewhere).
void taken_despite_gates(const Ctx& c, CasePlan& plan) {
    for (const Rule& r : c.pack.rules) {
        if (r.kind != RuleKind::gate || !applies(r, c) || r.severity == Severity::informs) continue;
        const std::string action = param_word(r, "action");
        if (!action_taken(action, c.s) || requirement(param_word(r, "requires"), c)) continue;
        plan.alerts.push_back(
            alert_of(r, r.severity == Severity::blocks ? AlertLevel::blocking : AlertLevel::warning,
                     std::string("Already done (") + action_label(action) + ") although: " + r.message));
    }
}

void next_steps(const Ctx& c, CasePlan& plan) {
    const std::string home = c.pack.role_name("home_school"), host = c.pack.role_name("host_school");
    const auto        add = [&](std::string text, const std::string& who, const char* action) {
        plan.checklist.push_back({std::move(text), who, "", std::nullopt, action});
    };
    switch (c.stage) {
        case Stage::preparing:
            if (c.s.proposals.empty())
                add("Approach a host school.", home, "propose_host");
            else
                add("Record the host school's decision.", host, "propose_host");
            break;
        case Stage::agreeing:
            if (!c.s.agreement)
                add("Record the signed placement agreement (start date, length, reviews, support).", home,
                    "sign_agreement");
            if (osd_kind(c.s.kind) && !c.s.notice)
                add("Send the written notice of the direction to the parents.", c.pack.role_name("governing_board"),
                    "send_notice");
            if (c.s.kind == CaseKind::managed_move &&
                std::any_of(c.pack.rules.begin(), c.pack.rules.end(),
                            [&](const Rule& r) { return r.kind == RuleKind::statute && applies(r, c); }))
                add("Record the transfer to the host's roll (the managed move is agreed; there is no trial).", home,
                    "convert_to_managed_move");
            else if (c.s.kind != CaseKind::managed_move || c.s.agreement)
                add("Record the first day of the placement.", host, "start_placement");
            break;
        case Stage::placement:
            add("Keep weekly attendance, reviews and notes up to date.", home, "record_attendance");
            break;
        case Stage::decision_due:
            add("Record the decision: transfer to the host's roll (managed move) or return to the home school.", home,
                "return_to_home_school");
            break;
        case Stage::ending:
            // A review decided to end early: the ending itself is still to record, with the steps the
            // protocol asks of an early end (its gates on ending the placement, e.g. H&F section 12).
            if (!c.s.ended && !c.breach_end) {
                add("Record the end of the placement: the last day and the date the pupil returns to the home school.",
                    home, "end_placement");
                for (const Rule& r : c.pack.rules)
                    if (r.kind == RuleKind::gate && applies(r, c) && param_word(r, "action") == "end_placement")
                        plan.checklist.push_back({r.message, c.pack.role_name(r.who.empty() ? "home_school" : r.who),
                                                  r.id, std::nullopt, ""});
            }
            add("Record the outcome and the date the pupil is back at the home school.", home, "return_to_home_school");
            break;
        default: break;
    }
}

void sort_plan(CasePlan& plan) {
    std::stable_sort(plan.alerts.begin(), plan.alerts.end(),
                     [](const Alert& a, const Alert& b) { return a.level < b.level; });
    std::stable_sort(plan.deadlines.begin(), plan.deadlines.end(),
                     [](const Deadline& a, const Deadline& b) { return a.date < b.date; });
}

// The action an event performs (action_of, for drafts and for events in the log alike).
std::string action_of_event(EventType type, const Json& p, const Pack& pack) {
    switch (type) {
        case EventType::host_proposed:
        case EventType::host_decision: return "propose_host";
        case EventType::information_shared: return "share_information";
        case EventType::agreement_signed: return "sign_agreement";
        case EventType::notice_sent: return "send_notice";
        case EventType::placement_started: return "start_placement";
        case EventType::attendance_week: return "record_attendance";
        case EventType::review_scheduled:
        case EventType::review_invitation_sent: return "schedule_review";
        case EventType::step_recorded: {
            const Step* step = pack.find_step(payload_text(p, "step"));
            return step ? step->action : "record_details";
        }
        case EventType::review_held: {
            const std::string o = p.value("outcome", "");
            if (o == "convert") return "convert_to_managed_move";
            if (o == "return") return "return_to_home_school";
            if (o == "end_early") return "end_placement";
            if (o == "extend") return "agree_extension";
            return "hold_review";
        }
        case EventType::extension_agreed: return "agree_extension";
        case EventType::serious_breach: return "record_serious_breach";
        case EventType::placement_ended: return "end_placement";
        case EventType::outcome_recorded: {
            const std::string o = p.value("outcome", "");
            if (o == "transferred") return "convert_to_managed_move";
            if (o == "returned") return "return_to_home_school";
            if (o == "withdrawn") return "withdraw";
            return "record_outcome";
        }
        case EventType::la_notified: return "notify_la";
        default: return "record_details";
    }
}

// ---- the one verdict on an event ---------------------------------------------------------------
// check_draft and the plan's whole-log check both judge an event with these two steps, so a rule is
// written once. First, on the case as it stood (`before`, whose today is the day of recording): is the
// action open at this stage, and is what the event says happened not after that day? False when the
// event is refused before the rules are looked at.
bool verdict_before(const Ctx& before, const Recorded& e, DraftVerdict& v) {
    const auto refuse = [&](const char* rule, std::string message) {
        v.allowed = false;
        v.blocking.push_back({AlertLevel::blocking, rule, std::move(message), "", {}, std::nullopt});
    };
    // A step names one its protocol lists (an entry made under an earlier edition that no longer lists
    // it is flagged on the plan, to be corrected or withdrawn).
    if (e.type == EventType::step_recorded && !before.pack.find_step(payload_text(e.payload, "step"))) {
        refuse("engine/unknown-step", "The protocol this case follows has no such step: choose one of its steps.");
        return false;
    }
    if (e.type == EventType::pupil_details && !before.pack.has_passport_part(payload_text(e.payload, "section"))) {
        refuse("engine/unknown-passport-part",
               "The pupil passport of the protocol this case follows has no such part: choose one of its parts.");
        return false;
    }
    if (e.type == EventType::case_opened && !e.superseding && before.s.opened) {
        refuse("engine/one-case-opened", "The case is already open; correct the opening entry instead.");
        return false;
    }
    // Correcting an entry (a start date typed wrongly) changes what was recorded; it is not the step
    // again, so the stage the case has moved on to does not stop it. The rules below still judge it.
    const auto stage_ok = stage_actions(before);
    if (!e.restating && std::none_of(stage_ok.begin(), stage_ok.end(), [&](const char* a) { return v.action == a; })) {
        refuse("engine/stage", std::string("Not possible at this stage (") + stage_label(before.stage) +
                                   "): " + action_label(v.action) + ".");
        return false;
    }
    if (e.type == EventType::host_decision && !e.superseding) {
        const std::string urn = payload_text(e.payload, "urn");
        if (std::none_of(before.s.proposals.begin(), before.s.proposals.end(),
                         [&](const HostProposal& h) { return h.urn == urn; }))
            refuse("engine/decision-needs-the-approach",
                   "A decision from school " + urn + ", which was never approached: record the approach first.");
    }
    // A week of the register as docs/workspace-format.md describes it. Judged here rather than when a
    // file is read, so a week recorded before this check existed is flagged on the plan, not locked out.
    if (e.type == EventType::attendance_week)
        if (const std::string problem =
                attendance_week_problem(payload_text(e.payload, "week_start"), payload_text(e.payload, "sessions"));
            !problem.empty())
            refuse("engine/attendance-week", "A week of attendance: " + problem + ".");
    if (const char* field = fact_date_field(e.type))
        if (const auto when = payload_date(e.payload, field); when && *when > before.today)
            refuse("engine/fact-in-future", entry_label(e.type, e.payload, &before.pack) + " is dated " + to_uk(*when) +
                                                ", after the day it is recorded (" + to_uk(before.today) +
                                                "): record it once it has happened.");
    return true;
}

// Then the rules, on the case as it would be with the event folded in (`after`).
void verdict_after(Ctx after, const Recorded& e, DraftVerdict& v, const std::vector<Gate>& gates) {
    after.judging = e.type;
    const int later = later_step(v.action);
    for (const Gate& g : gates) {
        const Rule& r = *g.rule;
        if (!gate_concerns(g, v.action, later, after) || !applies(r, after)) continue;
        if (requirement(std::string(g.needs), after)) continue;
        (r.severity == Severity::blocks ? v.blocking : v.warnings)
            .push_back(alert_of(r, r.severity == Severity::blocks ? AlertLevel::blocking : AlertLevel::warning));
    }
    const Date when = payload_date(e.payload, "date").value_or(after.today);
    builtin_checks(after, v.action, when, &e, v.blocking, v.warnings);
    v.allowed = v.blocking.empty();
}

// An alert about an event already in the log: "Recorded on 20/01/2027: Placement ended (20/01/2027). …".
Alert recorded_alert(const Event& e, const Pack& pack, Date recorded, Alert why) {
    std::string what = entry_label(e.type, e.payload, &pack);
    for (const char* key : {"outcome", "reason"})
        if (const std::string word = payload_text(e.payload, key); !word.empty()) {
            const char* label = option_label(e.type, key, word);  // "Return to the home school", never its id
            what += std::string(": ") + (label ? label : word.c_str());
            break;
        }
    const char* field = fact_date_field(e.type) ? fact_date_field(e.type) : "date";
    if (const auto d = payload_date(e.payload, field)) what += " (" + to_uk(*d) + ")";
    why.message = "Recorded on " + to_uk(recorded) + ": " + what + ". " + why.message;
    why.detail = "Event " + e.id + ", recorded at " + e.at + " by " + e.author.name +
                 (e.author.role.empty() ? "" : " (" + e.author.role + ")") +
                 ". The recording check refuses it today; correct or retract it, or record why.";
    return why;
}

// Every live event of the log judged by the verdict above, on the state before it and on the day it was
// recorded: a log imported, merged or recorded under another edition of the pack can hold events the
// check refuses. Each refusal is a blocking alert; a gate that only warned is shown as a warning.
void whole_log(const PlanInput& in, const std::vector<Gate>& gates, std::vector<Alert>& alerts) {
    CaseState s;
    s.case_id = in.log->id;
    EndCache   end;
    const bool details_gated =
        std::any_of(gates.begin(), gates.end(), [](const Gate& g) { return g.action == "record_details"; });
    for (std::size_t i : live_events(*in.log)) {
        const Event& e = in.log->events[i];
        // Plain details (views, parties, notes …) are open at every stage and no built-in check judges
        // them: unless the pack gates them, they date a fact, open the case or name a part of the
        // protocol's passport, nothing can refuse them.
        if (!details_gated && e.type != EventType::case_opened && e.type != EventType::pupil_details &&
            !fact_date_field(e.type) && action_of_event(e.type, e.payload, in.pack) == "record_details") {
            fold_in_place(s, e);
            continue;
        }
        const Date     today = parse_iso_date(std::string_view(e.at).substr(0, 10)).value_or(in.today);
        const Recorded r{e.type, e.payload, !e.supersedes.empty(), restates(in.log, e.type, e.supersedes)};
        DraftVerdict   v;
        v.action = action_of_event(e.type, e.payload, in.pack);
        const bool open =
            verdict_before(make_ctx(s, in.pack, in.calendar, today, in.workspace, in.upn_index, &end), r, v);
        fold_in_place(s, e);
        if (open)
            verdict_after(make_ctx(s, in.pack, in.calendar, today, in.workspace, in.upn_index, &end), r, v, gates);
        for (Alert& a : v.blocking) alerts.push_back(recorded_alert(e, in.pack, today, std::move(a)));
        for (Alert& a : v.warnings) {
            const Rule* rule = in.pack.find_rule(a.rule_id);
            if (rule && rule->kind == RuleKind::gate) alerts.push_back(recorded_alert(e, in.pack, today, std::move(a)));
        }
    }
}

}  // namespace

CasePlan plan_case(const PlanInput& in) {
    const Ctx c = make_ctx(in.state, in.pack, in.calendar, in.today, in.workspace, in.upn_index);
    CasePlan  plan;
    plan.case_id = in.state.case_id;
    plan.pupil_name = in.state.pupil_name;
    plan.pack_id = in.pack.id;
    plan.kind = in.state.kind;
    plan.stage = c.stage;
    plan.start = c.start;
    plan.planned_end = c.planned_end;
    plan.readings = in.pack.readings;

    const std::vector<Gate> gates = gates_of(in.pack);
    for (const char* a : stage_actions(c)) plan.actions.push_back(evaluate_action(c, a, gates));
    statute_and_conflicts(c, plan);
    for (const auto& a : plan.actions)
        for (const auto& why : a.blocked_by)
            if (std::none_of(plan.checklist.begin(), plan.checklist.end(),
                             [&](const ChecklistItem& i) { return i.rule_id == why.rule_id; }) &&
                why.rule_id.rfind("engine/", 0) != 0) {
                const Rule* r = in.pack.find_rule(why.rule_id);
                if (r && r->kind == RuleKind::statute) continue;  // listed once above with its lawful path
                plan.checklist.push_back({why.message, in.pack.role_name(r && !r->who.empty() ? r->who : "home_school"),
                                          why.rule_id, std::nullopt, ""});
            }
    std::vector<ChecklistItem> extra;
    bool                       has_decision_deadline = false;
    for (const Rule& r : in.pack.rules) {
        if (!applies(r, c)) continue;
        switch (r.kind) {
            case RuleKind::deadline:
                deadline_rule(c, r, plan.deadlines);
                has_decision_deadline = has_decision_deadline || param_word(r, "from") == "planned_end";
                break;
            case RuleKind::review_cadence: cadence_rule(c, r, plan.deadlines); break;
            case RuleKind::review_invitation: invitation_rule(c, r, plan.deadlines); break;
            case RuleKind::review_request:
                // One rule for a request at a time: where statute sets one (reg 4A), a local one differing
                // from it is not shown beside it; the pack's conflict explains the difference once.
                if (r.statutory || !statutory_rule_of_kind(c, RuleKind::review_request))
                    request_rule(c, r, plan.deadlines, plan.alerts);
                break;
            case RuleKind::serious_breach: breach_rule(c, r, plan.deadlines, plan.alerts, extra); break;
            default: break;
        }
    }
    if (c.duration && c.planned_end && c.s.started && !has_decision_deadline &&
        (during_placement(c.stage) || final_stage(c.stage))) {
        const auto done = c.s.outcome ? std::optional<Date>(c.s.outcome->date) : std::nullopt;
        if (done || !final_stage(c.stage))
            plan.deadlines.push_back(
                make_deadline(c, *c.duration, "Decision at the end of the placement", *c.planned_end, done));
    }
    attendance_rules(c, plan);
    info_rules(c, plan);
    if (in.log)
        whole_log(in, gates, plan.alerts);
    else
        taken_despite_gates(c, plan);
    const ActionState* start = nullptr;
    for (const ActionState& a : plan.actions)
        if (a.action == "start_placement" && !a.allowed) start = &a;
    for (Deadline& d : plan.deadlines) {
        // A start that a rule still blocks is waiting, not late: the plan names what it waits for.
        if (const Rule* r = in.pack.find_rule(d.rule_id);
            start && d.status == DeadlineStatus::overdue && r && param_word(*r, "to") == "placement_started") {
            d.status = DeadlineStatus::due;
            std::string why;
            for (const Alert& b : start->blocked_by) why += " " + b.message;
            plan.alerts.push_back(
                {AlertLevel::info, d.rule_id,
                 d.what + " was due by " + to_uk(d.date) + "; the first day cannot be recorded yet." + why, "",
                 d.citation, std::nullopt});
        }
        if (d.status == DeadlineStatus::met) {
            if (d.late)
                plan.alerts.push_back({AlertLevel::info, d.rule_id,
                                       d.what + " was done on " + to_uk(*d.done_on) + ", after the date it was due (" +
                                           to_uk(d.date) + ").",
                                       "", d.citation, std::nullopt});
            continue;
        }
        plan.checklist.push_back({d.what, d.who, d.rule_id, d.date, ""});
        if (d.status == DeadlineStatus::overdue) {
            const Rule* r = in.pack.find_rule(d.rule_id);
            plan.alerts.push_back({level_of(d.severity),  // an informs deadline is never a warning
                                   d.rule_id,
                                   "Overdue since " + to_uk(d.date) + ": " + d.what + ". " + (r ? r->message : ""), "",
                                   d.citation, std::nullopt});
        }
    }
    plan.checklist.insert(plan.checklist.end(), extra.begin(), extra.end());
    next_steps(c, plan);
    sort_plan(plan);
    return plan;
}

std::string plan_action_label(const std::string& action) { return action_label(action); }
std::string plan_milestone_label(const std::string& milestone) { return milestone_label(milestone); }

std::string action_of(const EventDraft& d, const Pack& pack) { return action_of_event(d.type, d.payload, pack); }

DraftVerdict check_draft(const PlanInput& in, const EventDraft& draft) {
    DraftVerdict   v;
    const Recorded r{draft.type, draft.payload, !draft.supersedes.empty(),
                     restates(in.log, draft.type, draft.supersedes)};
    v.action = action_of_event(draft.type, draft.payload, in.pack);
    if (!verdict_before(make_ctx(in.state, in.pack, in.calendar, in.today, in.workspace, in.upn_index), r, v)) return v;
    Event e;
    e.type = draft.type;
    e.payload = draft.payload;
    const CaseState after = fold(in.state, e);
    verdict_after(make_ctx(after, in.pack, in.calendar, in.today, in.workspace, in.upn_index), r, v, gates_of(in.pack));
    return v;
}

namespace {
Json citation_json(const Citation& c) { return {{"source", c.source}, {"paragraph", c.paragraph}, {"text", c.text}}; }
Json alert_json(const Alert& a) {
    Json j = {{"level", alert_level_name(a.level)},
              {"rule", a.rule_id},
              {"message", a.message},
              {"citation", citation_json(a.citation)}};
    if (!a.detail.empty()) j["detail"] = a.detail;
    if (a.statutory_citation) j["statutory_citation"] = citation_json(*a.statutory_citation);
    return j;
}
Json opt_date(const std::optional<Date>& d) { return d ? Json(to_iso(*d)) : Json(nullptr); }
}  // namespace

Json verdict_to_json(const DraftVerdict& v) {
    Json j = {{"allowed", v.allowed}, {"action", v.action}, {"blocking", Json::array()}, {"warnings", Json::array()}};
    for (const Alert& a : v.blocking) j["blocking"].push_back(alert_json(a));
    for (const Alert& a : v.warnings) j["warnings"].push_back(alert_json(a));
    return j;
}

Json plan_to_json(const CasePlan& p) {
    Json j;
    j["case"] = p.case_id;
    j["pupil"] = p.pupil_name;
    j["pack"] = p.pack_id;
    j["kind"] = case_kind_name(p.kind);
    j["stage"] = stage_name(p.stage);
    j["stage_label"] = stage_label(p.stage);
    j["start"] = opt_date(p.start);
    j["planned_end"] = opt_date(p.planned_end);
    j["checklist"] = Json::array();
    for (const auto& i : p.checklist)
        j["checklist"].push_back(
            {{"text", i.text}, {"who", i.who}, {"rule", i.rule_id}, {"due", opt_date(i.due)}, {"action", i.action}});
    j["deadlines"] = Json::array();
    for (const auto& d : p.deadlines)
        j["deadlines"].push_back({{"rule", d.rule_id},
                                  {"what", d.what},
                                  {"date", to_iso(d.date)},
                                  {"status", deadline_status_name(d.status)},
                                  {"done_on", opt_date(d.done_on)},
                                  {"late", d.late},
                                  {"who", d.who},
                                  {"severity", severity_name(d.severity)},
                                  {"citation", citation_json(d.citation)}});
    j["alerts"] = Json::array();
    for (const auto& a : p.alerts) j["alerts"].push_back(alert_json(a));
    j["actions"] = Json::array();
    for (const auto& a : p.actions) {
        Json x = {{"action", a.action}, {"label", a.label}, {"allowed", a.allowed}};
        for (const auto& b : a.blocked_by) x["blocked_by"].push_back(alert_json(b));
        for (const auto& w : a.warnings) x["warnings"].push_back(alert_json(w));
        j["actions"].push_back(std::move(x));
    }
    j["allowed_actions"] = p.allowed_actions();
    Json att = {{"weeks", p.attendance.weeks},
                {"possible", p.attendance.possible},
                {"present", p.attendance.present},
                {"absent", p.attendance.absent},
                {"percent", std::round(p.attendance.percent * 10) / 10}};
    att["checks"] = Json::array();
    for (const auto& c : p.attendance.checks)
        att["checks"].push_back({{"rule", c.rule_id},
                                 {"threshold", c.threshold},
                                 {"compare", c.compare},
                                 {"met", c.met},
                                 {"consequence", c.consequence},
                                 {"saved_by_illness_extension", c.saved_by_illness_extension}});
    j["attendance"] = std::move(att);
    j["readings"] = Json::array();
    for (const auto& r : p.readings)
        j["readings"].push_back(
            {{"topic", r.topic}, {"reading", r.reading}, {"why", r.why}, {"citation", citation_json(r.citation)}});
    return j;
}

std::vector<std::pair<std::string, std::string>> requirement_table() {
    std::vector<std::pair<std::string, std::string>> out;
    for (const RequirementWord& r : requirement_words()) out.emplace_back(r.word, r.satisfied_by);
    return out;
}

const std::vector<const char*>& known_conditions() {
    static const std::vector<const char*> v = words_of(condition_words());
    return v;
}

const std::vector<const char*>& known_anchors() {
    static const std::vector<const char*> v = words_of(anchor_words());
    return v;
}

const std::vector<const char*>& known_milestones() {
    static const std::vector<const char*> v = words_of(milestone_words());
    return v;
}

const std::vector<const char*>& known_requirements() {
    static const std::vector<const char*> v = words_of(requirement_words());
    return v;
}

const std::vector<const char*>& known_actions() {
    static const std::vector<const char*> v = words_of(action_words());
    return v;
}

}  // namespace cp
