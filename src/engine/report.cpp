#include "engine/report.h"

#include <algorithm>
#include <map>

#include "engine/workspace.h"

namespace cp {

std::string term_label(const SchoolCalendar& cal, Date d) {
    if (const Term* t = cal.term_containing(d)) return t->name;
    const Ymd v = ymd_of(d);
    if (v.month >= 9) return "Autumn " + std::to_string(v.year);
    if (v.month <= 3) return "Spring " + std::to_string(v.year);
    return "Summer " + std::to_string(v.year);
}

namespace {

// Sort key so that terms come out in time order whatever their names.
struct Key {
    Date        term_start;
    std::string term, school, urn;
    bool        operator<(const Key& o) const {
               return std::tie(term_start, term, school, urn) < std::tie(o.term_start, o.term, o.school, o.urn);
    }
};

Date term_start(const SchoolCalendar& cal, Date d) {
    if (const Term* t = cal.term_containing(d)) return t->first_day;
    const Ymd v = ymd_of(d);
    if (v.month >= 9) return date_from_ymd(v.year, 9, 1);
    if (v.month <= 3) return date_from_ymd(v.year, 1, 1);
    return date_from_ymd(v.year, 4, 1);
}

bool ended_early(const CaseState& s) {
    return s.ended.has_value() ||
           std::any_of(s.reviews.begin(), s.reviews.end(), [](const Review& r) { return r.outcome == "end_early"; }) ||
           std::any_of(s.breaches.begin(), s.breaches.end(),
                       [&](const Breach& b) { return b.ends_placement && s.started && b.date >= *s.started; });
}

std::optional<Date> early_end_date(const CaseState& s) {
    if (s.ended) return s.ended->date;
    for (const auto& r : s.reviews)
        if (r.outcome == "end_early") return r.date;
    for (const auto& b : s.breaches)
        if (b.ends_placement && s.started && b.date >= *s.started) return b.date;
    return std::nullopt;
}

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

PanelReport panel_report(const Workspace& ws, const std::vector<CaseState>& states, const SchoolCalendar& cal,
                         Date from, Date to) {
    std::map<Key, ReportRow>           rows;
    std::map<std::string, std::string> names;
    for (const School& s : ws.schools) names[s.urn] = s.name;
    if (!ws.own.urn.empty()) names.emplace(ws.own.urn, ws.own.name);
    const auto row = [&](Date d, const std::string& urn) -> ReportRow& {
        const std::string term = term_label(cal, d);
        const auto        it = names.find(urn);
        const std::string name = it == names.end() ? "" : it->second;
        ReportRow&        r = rows[Key{term_start(cal, d), term, name, urn}];
        r.term = term;
        r.urn = urn;
        r.school = name;
        return r;
    };
    const auto in_range = [&](Date d) { return d >= from && d <= to; };
    for (const CaseState& s : states) {
        if (!s.opened) continue;
        const std::string        home = s.home_urn.empty() ? ws.own.urn : s.home_urn;
        std::vector<std::string> both = {home};
        if (!s.host_urn.empty() && s.host_urn != home) both.push_back(s.host_urn);
        if (in_range(s.opened_on)) row(s.opened_on, home).proposed++;
        if (s.started && in_range(*s.started)) {
            row(*s.started, home).started++;
            if (!s.host_urn.empty()) row(*s.started, s.host_urn).received++;
        }
        if (const auto e = early_end_date(s); e && ended_early(s) && in_range(*e))
            for (const auto& urn : both) row(*e, urn).ended_early++;
        if (s.outcome && in_range(s.outcome->date)) {
            const Outcome& o = *s.outcome;
            const bool     success = o.successful.value_or(o.outcome == "transferred");
            for (const auto& urn : both) {
                ReportRow& r = row(o.date, urn);
                (success ? r.successful : r.unsuccessful)++;
                if (o.outcome == "transferred")
                    r.transferred++;
                else if (o.outcome == "returned")
                    r.returned++;
                else if (o.outcome == "alternative_provision")
                    r.alternative_provision++;
                else if (o.outcome == "permanent_exclusion")
                    r.permanent_exclusion++;
                else if (o.outcome == "withdrawn")
                    r.withdrawn++;
            }
        }
    }
    PanelReport out{from, to, {}};
    out.rows.reserve(rows.size());
    for (auto& [key, r] : rows) out.rows.push_back(std::move(r));
    return out;
}

std::string report_to_csv(const PanelReport& r) {
    std::string out =
        "term,school_urn,school,proposed,started,received,successful,unsuccessful,ended_early,transferred,returned,"
        "alternative_provision,permanent_exclusion,withdrawn\n";
    for (const ReportRow& x : r.rows) {
        out += csv_field(x.term) + "," + csv_field(x.urn) + "," + csv_field(x.school);
        for (int v : {x.proposed, x.started, x.received, x.successful, x.unsuccessful, x.ended_early, x.transferred,
                      x.returned, x.alternative_provision, x.permanent_exclusion, x.withdrawn})
            out += "," + std::to_string(v);
        out += "\n";
    }
    return out;
}

}  // namespace cp
