// The marks of the Timeline tab, from the plan (start, planned end, deadlines) and the case
// state (reviews, meetings, breach, ending, outcome). No drawing here.
#include <algorithm>

#include "app/views.h"

namespace cp::app {
namespace {

// A listed value as a person reads it ("joint_schools" -> "Joint schools meeting").
std::string option_words(EventType t, const char* field, const std::string& value) {
    const char* l = option_label(t, field, value);
    return l ? l : value;
}

void placement(const CasePlan& p, const CaseState& s, std::vector<TimelineMark>& out) {
    if (!p.start) return;
    Date end = p.planned_end.value_or(*p.start);
    if (s.ended)
        end = s.ended->date;
    else if (s.outcome && s.outcome->date < end)
        end = s.outcome->date;
    out.push_back({"placement", *p.start, end, "Placement", "",
                   "Planned end " + (p.planned_end ? to_uk(*p.planned_end) : std::string("not set"))});
    int n = 1;
    for (Date d = *p.start; d <= end; d = add_days(d, 7), ++n)
        out.push_back(
            {"week", d, std::nullopt, "W" + std::to_string(n), "", "Week " + std::to_string(n) + " of the placement"});
}

void reviews(const CaseState& s, std::vector<TimelineMark>& out) {
    for (const Review& r : s.reviews)
        out.push_back({"review", r.date, std::nullopt,
                       std::string(r.emergency ? "Emergency review" : "Review") + " (" +
                           option_words(EventType::review_held, "outcome", r.outcome) + ")",
                       "", r.progress.empty() ? "" : "Progress: " + r.progress});
    for (const Date d : s.scheduled_reviews)
        if (std::none_of(s.reviews.begin(), s.reviews.end(), [&](const Review& r) { return r.date == d; }))
            out.push_back({"scheduled_review", d, std::nullopt, "Review scheduled", "", ""});
    for (const Meeting& m : s.meetings)
        out.push_back({"meeting", m.date, std::nullopt,
                       "Meeting: " + option_words(EventType::meeting_held, "kind", m.kind), "", m.notes});
}

void events(const CaseState& s, std::vector<TimelineMark>& out) {
    out.push_back({"opened", s.opened_on, std::nullopt, "Case opened", "", s.reason});
    if (s.started) out.push_back({"started", *s.started, std::nullopt, "First day of the placement", "", ""});
    for (const Breach& b : s.breaches)
        out.push_back({"breach", b.date, std::nullopt,
                       "Serious breach: " + option_words(EventType::serious_breach, "category", b.category), "",
                       b.description});
    if (s.ended)
        out.push_back({"ended", s.ended->date, std::nullopt,
                       "Placement ended: " + option_words(EventType::placement_ended, "reason", s.ended->reason), "",
                       ""});
    if (s.outcome)
        out.push_back({"outcome", s.outcome->date, std::nullopt,
                       "Outcome: " + option_words(EventType::outcome_recorded, "outcome", s.outcome->outcome), "",
                       s.outcome->decided_by});
}

}  // namespace

std::vector<TimelineMark> timeline_marks(const CasePlan& p, const CaseState& s, Date) {
    std::vector<TimelineMark> out;
    placement(p, s, out);
    reviews(s, out);
    for (const Deadline& d : p.deadlines)
        out.push_back({"deadline", d.date, std::nullopt, d.what, deadline_status_name(d.status),
                       d.who + (d.citation.text.empty() ? "" : "  ·  " + d.citation.text)});
    events(s, out);
    return out;
}

TimelineRange timeline_range(const std::vector<TimelineMark>& marks, Date today) {
    Date first = today, last = today;
    for (const TimelineMark& m : marks) {
        first = std::min(first, m.date);
        last = std::max(last, m.until.value_or(m.date));
    }
    return {add_days(first, -7), add_days(last, 14)};
}

}  // namespace cp::app
