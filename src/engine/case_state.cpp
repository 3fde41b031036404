#include "engine/case_state.h"

#include <algorithm>

namespace cp {

int CaseState::extension_weeks() const {
    int w = 0;
    for (const auto& x : extensions) w += x.weeks;
    for (const auto& r : reviews)
        if (r.outcome == "extend") w += r.extend_weeks;
    return w;
}

std::vector<std::string> CaseState::targets() const {
    std::vector<std::string> out;
    auto                     add = [&](const std::string& t) {
        if (!t.empty() && std::find(out.begin(), out.end(), t) == out.end()) out.push_back(t);
    };
    if (agreement)
        for (const auto& t : agreement->targets) add(t);
    for (const auto& r : reviews)
        for (const auto& t : r.targets) add(t);
    for (const auto& r : target_reviews)
        for (const auto& t : r.ratings) add(t.target);
    return out;
}

bool CaseState::has_notification(const std::string& what) const {
    return std::any_of(notifications.begin(), notifications.end(),
                       [&](const Notification& n) { return n.what == what; });
}

const Meeting* CaseState::last_meeting(const std::string& meeting_kind) const {
    for (auto it = meetings.rbegin(); it != meetings.rend(); ++it)
        if (it->kind == meeting_kind) return &*it;
    return nullptr;
}

namespace {

Date date_or(const Json& p, const char* key, Date fallback = {}) { return payload_date(p, key).value_or(fallback); }

void set_flag(const Json& p, const char* key, bool& into) {
    const auto it = p.find(std::string_view(key));
    if (it != p.end() && it->is_boolean()) into = it->get<bool>();
}

void fold_opened(CaseState& s, const Json& p) {
    s.opened = true;
    s.kind = parse_case_kind(payload_text(p, "kind")).value_or(CaseKind::off_site_direction);
    s.pack = payload_text(p, "pack");
    s.opened_on = date_or(p, "date");
    s.pupil_name = payload_text(p, "pupil_name");
    s.dob = payload_date(p, "dob");
    s.upn = payload_text(p, "upn");
    s.year_group = payload_int(p, "year_group");
    s.gender = payload_text(p, "gender");
    s.address = payload_text(p, "address");
    s.home_urn = payload_text(p, "home_urn");
    s.reason = payload_text(p, "reason");
    if (p.contains("setting")) s.setting = payload_text(p, "setting");
    s.at_risk_of_exclusion = payload_bool(p, "at_risk_of_exclusion");
}

void fold_flags(Flags& f, const Json& p) {
    set_flag(p, "ehcp", f.ehcp);
    set_flag(p, "ehcna", f.ehcna);
    set_flag(p, "cla", f.cla);
    set_flag(p, "cp_plan", f.cp_plan);
    set_flag(p, "cin_plan", f.cin_plan);
    set_flag(p, "eha", f.eha);
    set_flag(p, "pupil_premium", f.pupil_premium);
    set_flag(p, "fsm", f.fsm);
    set_flag(p, "sen_support", f.sen_support);
    set_flag(p, "eal", f.eal);
    set_flag(p, "refugee", f.refugee);
    set_flag(p, "safeguarding_concerns", f.safeguarding_concerns);
    set_flag(p, "disability", f.disability);
}

void fold_host(CaseState& s, const Json& p, bool decision) {
    const std::string urn = payload_text(p, "urn");
    auto it = std::find_if(s.proposals.begin(), s.proposals.end(), [&](const HostProposal& h) { return h.urn == urn; });
    if (it == s.proposals.end()) {
        s.proposals.push_back({urn, date_or(p, "date"), std::nullopt, std::nullopt, ""});
        it = s.proposals.end() - 1;
    }
    if (!decision) {
        it->proposed = date_or(p, "date");
        it->reasons = payload_text(p, "reasons");
        return;
    }
    const bool accepted = payload_bool(p, "accepted");
    it->accepted = accepted;
    it->decided = date_or(p, "date");
    if (accepted) {
        s.host_urn = urn;
        s.host_accepted_on = it->decided;
    } else if (s.host_urn == urn) {
        s.host_urn.clear();
        s.host_accepted_on.reset();
    }
}

Agreement read_agreement(const Json& p) {
    Agreement a;
    a.date = date_or(p, "date");
    a.start = date_or(p, "start");
    a.duration_weeks = payload_int(p, "duration_weeks");
    a.review_every_weeks = payload_int(p, "review_every_weeks");
    a.first_review = payload_date(p, "first_review");
    a.success_criteria = payload_list(p, "success_criteria");
    a.targets = payload_list(p, "targets");
    a.signed_by = payload_list(p, "signed_by");
    a.reasonable_adjustments = payload_text(p, "reasonable_adjustments");
    a.host_support = payload_text(p, "host_support");
    a.home_support = payload_text(p, "home_support");
    a.funding = payload_text(p, "funding");
    a.transport = payload_text(p, "transport");
    a.uniform = payload_text(p, "uniform");
    a.free_school_meals = payload_text(p, "free_school_meals");
    a.attendance_arrangements = payload_text(p, "attendance_arrangements");
    a.behaviour_response = payload_text(p, "behaviour_response");
    a.justification = payload_text(p, "justification");
    a.alternative_strategy = payload_text(p, "alternative_strategy");
    a.session_times = payload_text(p, "session_times");
    a.dual_registration_form = payload_bool(p, "dual_registration_form");
    return a;
}

Notice read_notice(const Json& p) {
    Notice n;
    n.date = date_or(p, "date");
    n.address = payload_text(p, "address");
    n.report_to = payload_text(p, "report_to");
    n.days = payload_int(p, "days");
    n.reasons = payload_text(p, "reasons");
    n.objectives = payload_text(p, "objectives");
    n.session_times = payload_text(p, "session_times");
    n.to = payload_list(p, "to");
    n.copy_to = payload_list(p, "copy_to");
    return n;
}

Review read_review(const Json& p) {
    Review r;
    r.date = date_or(p, "date");
    r.outcome = payload_text(p, "outcome");
    r.attendees = payload_list(p, "attendees");
    r.targets = payload_list(p, "targets");
    r.progress = payload_text(p, "progress");
    r.concerns = payload_text(p, "concerns");
    r.support = payload_text(p, "support");
    r.pupil_views = payload_text(p, "pupil_views");
    r.parent_views = payload_text(p, "parent_views");
    r.next_review = payload_date(p, "next_review");
    r.continue_until = payload_date(p, "continue_until");
    r.extend_weeks = payload_int(p, "extend_weeks");
    r.emergency = payload_bool(p, "emergency");
    return r;
}

void fold_target_review(CaseState& s, const Json& p) {
    TargetReview t{date_or(p, "date"), {}};
    const auto   it = p.find("ratings");
    if (it != p.end() && it->is_array())
        for (const Json& r : *it)
            if (r.is_object())
                t.ratings.push_back({payload_text(r, "target"), payload_int(r, "rating"), payload_text(r, "note")});
    auto at = std::lower_bound(s.target_reviews.begin(), s.target_reviews.end(), t.date,
                               [](const TargetReview& a, Date d) { return a.date < d; });
    if (at != s.target_reviews.end() && at->date == t.date)
        *at = std::move(t);
    else
        s.target_reviews.insert(at, std::move(t));
}

void fold_attendance(CaseState& s, const Json& p) {
    AttendanceWeek w{date_or(p, "week_start"), payload_text(p, "sessions"), payload_date(p, "reported")};
    auto           it = std::lower_bound(s.attendance.begin(), s.attendance.end(), w.week_start,
                                         [](const AttendanceWeek& a, Date d) { return a.week_start < d; });
    if (it != s.attendance.end() && it->week_start == w.week_start)
        *it = w;  // a later report of the same week wins
    else
        s.attendance.insert(it, w);
}

void insert_sorted_unique(std::vector<Date>& v, Date d) {
    const auto it = std::lower_bound(v.begin(), v.end(), d);
    if (it == v.end() || *it != d) v.insert(it, d);
}

// Folds in place: replay steps through tens of events per case, and moving the whole state in
// and out of fold() for each one cost more than the fold itself.
void fold_into(CaseState& s, const Event& e) {
    const Json& p = e.payload;
    ++s.live_event_count;
    switch (e.type) {
        case EventType::case_opened: fold_opened(s, p); break;
        case EventType::pupil_details: {
            Json& section = s.passport[payload_text(p, "section")];
            if (!section.is_object()) section = Json::object();
            section.update(p.at("fields"));
            break;
        }
        case EventType::flags_recorded: fold_flags(s.flags, p); break;
        case EventType::party_recorded:
            s.parties.push_back({payload_text(p, "role"), payload_text(p, "name"), payload_text(p, "contact"),
                                 payload_text(p, "relationship"), payload_text(p, "school_urn"),
                                 payload_bool(p, "parental_responsibility")});
            break;
        case EventType::history_recorded:
            s.history.push_back(
                {payload_text(p, "what"), payload_text(p, "detail"), payload_text(p, "notes"), payload_date(p, "start"),
                 payload_date(p, "end"), payload_int(p, "days"),
                 p.contains("successful") ? std::optional<bool>(payload_bool(p, "successful")) : std::nullopt});
            break;
        case EventType::consent_recorded: {
            // A written consent stays on file when the same consent is later confirmed by word of
            // mouth; a refusal replaces it.
            Consent    next{payload_bool(p, "given"), payload_bool(p, "in_writing"), date_or(p, "date"),
                         payload_text(p, "comments")};
            const auto it = s.consents.find(payload_text(p, "who"));
            if (next.given && it != s.consents.end() && it->second.given && it->second.in_writing)
                next.in_writing = true;
            s.consents[payload_text(p, "who")] = next;
            break;
        }
        case EventType::views_recorded:
            s.views[payload_text(p, "who")] = {
                date_or(p, "date"), payload_text(p, "text"), payload_bool(p, "in_writing"),
                p.contains("understands_reasons") ? std::optional<bool>(payload_bool(p, "understands_reasons"))
                                                  : std::nullopt};
            break;
        case EventType::gate_cleared: s.gates[payload_text(p, "gate")] = date_or(p, "date"); break;
        case EventType::panel_presented:
            s.panels.push_back(
                {date_or(p, "date"), payload_text(p, "panel"), payload_text(p, "outcome"), payload_text(p, "notes")});
            break;
        case EventType::host_proposed: fold_host(s, p, false); break;
        case EventType::host_decision: fold_host(s, p, true); break;
        case EventType::information_shared:
            s.information_shared = date_or(p, "date");
            for (auto& item : payload_list(p, "items"))
                if (std::find(s.information_items.begin(), s.information_items.end(), item) ==
                    s.information_items.end())
                    s.information_items.push_back(item);
            break;
        case EventType::meeting_held:
            s.meetings.push_back(
                {payload_text(p, "kind"), date_or(p, "date"), payload_list(p, "attendees"),
                 p.contains("pupil_engaged") ? std::optional<bool>(payload_bool(p, "pupil_engaged")) : std::nullopt,
                 payload_text(p, "notes")});
            break;
        case EventType::agreement_signed: s.agreement = read_agreement(p); break;
        case EventType::notice_sent: s.notice = read_notice(p); break;
        case EventType::placement_started: s.started = date_or(p, "date"); break;
        case EventType::attendance_week: fold_attendance(s, p); break;
        case EventType::review_scheduled: insert_sorted_unique(s.scheduled_reviews, date_or(p, "date")); break;
        case EventType::review_invitation_sent:
            s.invitations.push_back(
                {date_or(p, "review_date"), date_or(p, "date"), payload_bool(p, "in_writing", true)});
            break;
        case EventType::review_requested:
            s.review_requests.push_back({date_or(p, "date"), payload_text(p, "by"), payload_bool(p, "in_writing")});
            break;
        case EventType::review_held: {
            Review r = read_review(p);
            if (r.next_review) insert_sorted_unique(s.scheduled_reviews, *r.next_review);
            s.reviews.push_back(std::move(r));
            break;
        }
        case EventType::step_recorded:
            insert_sorted_unique(s.steps[payload_text(p, "step")], date_or(p, "date"));
            break;
        case EventType::targets_reviewed: fold_target_review(s, p); break;
        case EventType::extension_agreed:
            s.extensions.push_back(
                {date_or(p, "date"), payload_int(p, "weeks"), payload_text(p, "reason"), payload_text(p, "evidence")});
            break;
        case EventType::serious_breach:
            // Repeated low-level breaches end a placement only by a decision (as a protocol may say; its rule cites
            // where).
            s.breaches.push_back(
                {date_or(p, "date"), payload_text(p, "category"), payload_text(p, "description"),
                 payload_bool(p, "suspended"),
                 payload_bool(p, "ends_placement", payload_text(p, "category") != "repeated_low_level")});
            break;
        case EventType::placement_ended:
            s.ended = Ending{date_or(p, "date"), payload_text(p, "reason"), payload_date(p, "return_date"),
                             payload_bool(p, "consulted_home_head"), payload_bool(p, "written_to_parent")};
            break;
        case EventType::outcome_recorded:
            s.outcome =
                Outcome{date_or(p, "date"),
                        payload_text(p, "outcome"),
                        p.contains("successful") ? std::optional<bool>(payload_bool(p, "successful")) : std::nullopt,
                        payload_date(p, "on_roll_date"),
                        payload_text(p, "decided_by"),
                        payload_text(p, "pupil_views")};
            break;
        case EventType::la_notified:
            s.notifications.push_back({payload_text(p, "what"), date_or(p, "date"), payload_text(p, "to")});
            break;
        case EventType::kind_changed: s.kind = parse_case_kind(payload_text(p, "kind")).value_or(s.kind); break;
        case EventType::note: s.notes.push_back(payload_text(p, "text")); break;
        case EventType::retraction: break;  // never live: live_events() drops it with its target
    }
}

}  // namespace

CaseState fold(CaseState s, const Event& e) {
    fold_into(s, e);
    return s;
}

void fold_in_place(CaseState& s, const Event& e) { fold_into(s, e); }

CaseState replay(const Case& c) {
    CaseState s;
    s.case_id = c.id;
    for (std::size_t i : live_events(c)) fold_into(s, c.events[i]);
    return s;
}

}  // namespace cp
