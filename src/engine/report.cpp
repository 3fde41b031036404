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

// The outcome words that have their own column (each a value of outcome_recorded's outcome).
const std::vector<std::pair<std::string, int ReportRow::*>>& outcome_columns() {
    static const std::vector<std::pair<std::string, int ReportRow::*>> words = {
        {"transferred", &ReportRow::transferred},
        {"returned", &ReportRow::returned},
        {"alternative_provision", &ReportRow::alternative_provision},
        {"permanent_exclusion", &ReportRow::permanent_exclusion},
        {"withdrawn", &ReportRow::withdrawn}};
    return words;
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
    const auto  in_range = [&](Date d) { return d >= from && d <= to; };
    PanelReport out{from, to, {}, {}};
    out.total.term = "Total";
    for (const CaseState& s : states) {
        if (!s.opened) continue;
        const std::string        home = s.home_urn.empty() ? ws.own.urn : s.home_urn;
        std::vector<std::string> both = {home};
        if (!s.host_urn.empty() && s.host_urn != home) both.push_back(s.host_urn);
        // Each count once for the pupil (the total), and once for each school it concerns (the rows).
        const auto add = [&](Date d, const std::vector<std::string>& urns, int ReportRow::*count) {
            out.total.*count += 1;
            for (const auto& urn : urns) row(d, urn).*count += 1;
        };
        if (in_range(s.opened_on)) add(s.opened_on, {home}, &ReportRow::proposed);
        if (s.started && in_range(*s.started)) {
            add(*s.started, {home}, &ReportRow::started);
            if (!s.host_urn.empty()) add(*s.started, {s.host_urn}, &ReportRow::received);
        }
        if (const auto e = early_end_date(s); e && ended_early(s) && in_range(*e))
            add(*e, both, &ReportRow::ended_early);
        if (s.outcome && in_range(s.outcome->date)) {
            const Outcome& o = *s.outcome;
            const bool     success = o.successful.value_or(o.outcome == "transferred");
            add(o.date, both, success ? &ReportRow::successful : &ReportRow::unsuccessful);
            for (const auto& [word, count] : outcome_columns())
                if (o.outcome == word) add(o.date, both, count);
        }
    }
    out.rows.reserve(rows.size());
    for (auto& [key, r] : rows) out.rows.push_back(std::move(r));
    return out;
}

const std::vector<ReportColumn>& report_columns() {
    static const std::vector<ReportColumn> columns = {
        {"Proposed", &ReportRow::proposed},
        {"Started", &ReportRow::started},
        {"Received", &ReportRow::received},
        {"Successful", &ReportRow::successful},
        {"Unsuccessful", &ReportRow::unsuccessful},
        {"Ended early", &ReportRow::ended_early},
        {"Transferred", &ReportRow::transferred},
        {"Returned", &ReportRow::returned},
        {"Alternative provision", &ReportRow::alternative_provision},
        {"Permanent exclusion", &ReportRow::permanent_exclusion},
        {"Withdrawn", &ReportRow::withdrawn},
    };
    return columns;
}

// The columns a spreadsheet user reads, as on screen; the Total row last (absent when no row is).
std::string report_to_csv(const PanelReport& r) {
    std::string out = "Term,School,URN";
    for (const ReportColumn& c : report_columns()) out += std::string(",") + c.heading;
    out += "\n";
    const auto line = [&](const ReportRow& x) {
        out += csv_field(x.term) + "," + csv_field(x.school) + "," + csv_field(x.urn);
        for (const ReportColumn& c : report_columns()) out += "," + std::to_string(x.*c.count);
        out += "\n";
    };
    for (const ReportRow& x : r.rows) line(x);
    if (!r.rows.empty()) line(r.total);
    return out;
}

}  // namespace cp
