#include "engine/calendar.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdlib>

#include "common/embedded.h"

namespace cp {

// The lookup table behind a calendar: one byte per day of the covered span, 1 for a school day.
// Built from the public data on first use. It keeps a copy of every date it was built from
// (`key`) and is rebuilt when they no longer match, so code that edits terms or closures
// directly never sees stale answers; the comparison is exact, so no edit can slip through.
struct CalendarIndex {
    std::vector<int32_t> key;        // covers flags and days, then each term's and closure's first, last
    int32_t              first = 0;  // day number of school[0]
    std::vector<uint8_t> school;     // 1 = school day

    bool        holds(Date d) const { return d.days >= first && d.days - first < static_cast<int32_t>(school.size()); }
    std::size_t slot(Date d) const { return static_cast<std::size_t>(d.days - first); }  // of a day it holds
};

namespace {

// Constants rather than date_from_ymd calls so no static initialisation order can matter.
constexpr Date kMinDate{-25567};  // 1900-01-01
constexpr Date kMaxDate{84370};   // 2200-12-31

Date clamp_date(Date d) { return std::clamp(d, kMinDate, kMaxDate); }
bool is_weekend(Date d) { return weekday_of(d) >= 5; }
int  length_of(const CalendarRange& r) { return days_between(r.first, r.last); }
bool contains(const CalendarRange& r, Date d) { return r.first <= d && d <= r.last; }
bool contains(const Term& t, Date d) { return t.first_day <= d && d <= t.last_day; }

// ---- bank holidays --------------------------------------------------------------------------

struct Holiday {
    Date        day;
    const char* name;
    bool        substitute;
};
using YearHolidays = std::array<Holiday, 8>;  // England has eight regular bank holidays

Date nth_weekday_on_or_after(Date d, int weekday) { return add_days(d, (weekday - weekday_of(d) + 7) % 7); }
Date last_monday_of(int year, int month) {
    const Date next_month = month == 12 ? date_from_ymd(year + 1, 1, 1) : date_from_ymd(year, month + 1, 1);
    const Date last = add_days(next_month, -1);
    return add_days(last, -weekday_of(last));
}

// Fixed-date holidays on a weekend move to the next weekday that is not already a holiday.
// Those already on weekdays keep their day, so when Christmas is a Sunday, Boxing Day stays on
// Monday 26th and Christmas moves to Tuesday 27th, as the official lists show.
void place_fixed(Holiday* fixed, int count) {
    std::vector<Date> taken;
    for (int i = 0; i < count; ++i)
        if (!is_weekend(fixed[i].day)) taken.push_back(fixed[i].day);
    for (int i = 0; i < count; ++i) {
        if (!is_weekend(fixed[i].day)) continue;
        Date d = add_days(fixed[i].day, 1);
        while (is_weekend(d) || std::find(taken.begin(), taken.end(), d) != taken.end()) d = add_days(d, 1);
        fixed[i].day = d;
        fixed[i].substitute = true;
        taken.push_back(d);
    }
}

YearHolidays holidays_of(int year) {
    const Date   easter = easter_sunday(year);
    YearHolidays h = {{
        {date_from_ymd(year, 1, 1), "New Year's Day", false},
        {add_days(easter, -2), "Good Friday", false},
        {add_days(easter, 1), "Easter Monday", false},
        {nth_weekday_on_or_after(date_from_ymd(year, 5, 1), 0), "Early May", false},
        {last_monday_of(year, 5), "Spring", false},
        {last_monday_of(year, 8), "Summer", false},
        {date_from_ymd(year, 12, 25), "Christmas Day", false},
        {date_from_ymd(year, 12, 26), "Boxing Day", false},
    }};
    place_fixed(&h[0], 1);
    place_fixed(&h[6], 2);
    std::sort(h.begin(), h.end(), [](const Holiday& a, const Holiday& b) { return a.day < b.day; });
    return h;
}

CalendarRange to_range(const Holiday& h) {
    std::string reason = std::string("Bank holiday: ") + h.name + (h.substitute ? " (substitute day)" : "");
    return {h.day, h.day, std::move(reason), RangeKind::bank_holiday, false};
}

// ---- the per-call day rule ----------------------------------------------------------------

// Answers "is this a school day?" for one call: from the index inside the covered span, else
// by the weekday rule. Works on plain day numbers because it runs once per day walked; it
// remembers one year's bank holidays so a long walk computes each year once.
class DayRule {
public:
    explicit DayRule(const CalendarIndex& index) : index_(index) {}

    bool school(int32_t day) {
        const int64_t at = static_cast<int64_t>(day) - index_.first;
        if (at >= 0 && at < static_cast<int64_t>(index_.school.size()))
            return index_.school[static_cast<std::size_t>(at)] != 0;
        const int weekday = ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
        return weekday < 5 && !bank_holiday(day);
    }
    bool school(Date d) { return school(d.days); }

private:
    bool bank_holiday(int32_t day) {
        if (day < year_first_ || day > year_last_) {
            const int y = ymd_of(Date{day}).year;
            year_first_ = date_from_ymd(y, 1, 1).days;
            year_last_ = date_from_ymd(y, 12, 31).days;
            holidays_ = holidays_of(y);
        }
        for (const Holiday& h : holidays_)
            if (h.day.days == day) return true;
        return false;
    }

    const CalendarIndex& index_;
    int32_t              year_first_ = 1;  // no year cached yet
    int32_t              year_last_ = 0;
    YearHolidays         holidays_;
};

// ---- freshness key --------------------------------------------------------------------------

constexpr std::size_t kKeyHeader = 4;  // covers_first set?, its day, covers_last set?, its day

std::size_t key_size(const SchoolCalendar& c) { return kKeyHeader + 2 * (c.terms.size() + c.closures.size()); }

std::vector<int32_t> key_of(const SchoolCalendar& c) {
    std::vector<int32_t> key = {c.covers_first.has_value(), c.covers_first ? c.covers_first->days : 0,
                                c.covers_last.has_value(), c.covers_last ? c.covers_last->days : 0};
    key.reserve(key_size(c));
    for (const Term& t : c.terms) {
        key.push_back(t.first_day.days);
        key.push_back(t.last_day.days);
    }
    for (const CalendarRange& r : c.closures) {
        key.push_back(r.first.days);
        key.push_back(r.last.days);
    }
    return key;
}

// Runs on every query, so it compares in place rather than building a new key.
bool key_matches(const std::vector<int32_t>& key, const SchoolCalendar& c) {
    if (key.size() != key_size(c)) return false;
    if (key[0] != c.covers_first.has_value() || (c.covers_first && key[1] != c.covers_first->days)) return false;
    if (key[2] != c.covers_last.has_value() || (c.covers_last && key[3] != c.covers_last->days)) return false;
    const int32_t* k = key.data() + kKeyHeader;
    for (const Term& t : c.terms) {
        if (k[0] != t.first_day.days || k[1] != t.last_day.days) return false;
        k += 2;
    }
    for (const CalendarRange& r : c.closures) {
        if (k[0] != r.first.days || k[1] != r.last.days) return false;
        k += 2;
    }
    return true;
}

// ---- holiday names --------------------------------------------------------------------------

const char* season_of(const std::string& term_name) {
    for (const char* s : {"Autumn", "Spring", "Summer"})
        if (term_name.find(s) != std::string::npos) return s;
    return "";
}

// Names the gap between two terms from the seasons around it (either may be missing at the
// edges of the covered span). Six-term calendars ("Autumn 1", "Autumn 2") get "Half-term holiday".
std::string gap_name(const Term* before, const Term* after) {
    const std::string b = before ? season_of(before->name) : "";
    const std::string a = after ? season_of(after->name) : "";
    if (!b.empty() && b == a) return "Half-term holiday";
    if (b == "Autumn" || a == "Spring") return "Christmas holiday";
    if (b == "Spring" || (b.empty() && a == "Summer")) return "Easter holiday";
    if (b == "Summer" || a == "Autumn") return "Summer holiday";
    return "Holiday";
}

// The holiday between terms that holds d (d is covered and in no term).
CalendarRange gap_around(const SchoolCalendar& c, Date d) {
    const Term* before = nullptr;
    const Term* after = nullptr;
    for (const Term& t : c.terms) {
        if (t.last_day < d && (!before || t.last_day > before->last_day)) before = &t;
        if (t.first_day > d && (!after || t.first_day < after->first_day)) after = &t;
    }
    const Date first = before ? add_days(before->last_day, 1) : c.first_covered();
    const Date last = after ? add_days(after->first_day, -1) : c.last_covered();
    return {std::max(first, c.first_covered()), std::min(last, c.last_covered()), gap_name(before, after),
            RangeKind::holiday, false};
}

// ---- JSON reading ---------------------------------------------------------------------------

const char*           kKinds[] = {"closure", "half_term", "inset", "bank_holiday", "holiday"};
constexpr const char* kFormat = "caseplan-calendar";
constexpr const char* kDateHelp = "a date written YYYY-MM-DD (for example 2026-09-01)";

std::string join_keys(const std::vector<std::string>& keys) {
    std::string out;
    for (const auto& k : keys) out += (out.empty() ? "" : ", ") + k;
    return out;
}

// Strict reader for one JSON object: remembers the keys it was asked about, so unknown keys
// (usually typos) are reported instead of silently ignored.
struct ObjectReader {
    const Json&              j;
    const std::string&       file;
    std::string              path;
    Problems&                out;
    std::vector<std::string> known = {};

    void problem(const std::string& at, std::string message) { out.push_back({file, at, std::move(message)}); }

    const Json* get(const char* key, bool required, const std::string& expected) {
        known.emplace_back(key);
        if (const auto it = j.find(key); it != j.end()) return &*it;
        if (required) problem(path + "/" + key, "missing: expected " + expected);
        return nullptr;
    }
    bool text(const char* key, std::string& into, bool required, const std::string& expected = "a text") {
        const Json* v = get(key, required, expected);
        if (!v) return false;
        if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
            problem(path + "/" + key, "expected " + expected + " (not empty); found " + v->dump());
            return false;
        }
        into = v->get<std::string>();
        return true;
    }
    bool date(const char* key, Date& into, bool required, const std::string& what) {
        const Json* v = get(key, required, what + ", " + kDateHelp);
        if (!v) return !required;  // an optional date left out keeps its default
        const auto d = v->is_string() ? parse_iso_date(v->get_ref<const std::string&>()) : std::nullopt;
        if (!d) {
            problem(path + "/" + key, std::string("expected ") + kDateHelp + "; found " + v->dump());
            return false;
        }
        into = *d;
        return true;
    }
    bool flag(const char* key, bool& into) {
        const Json* v = get(key, false, "true or false");
        if (!v) return true;
        if (!v->is_boolean()) {
            problem(path + "/" + key, "expected true or false; found " + v->dump());
            return false;
        }
        into = v->get<bool>();
        return true;
    }
    void finish() {
        for (auto it = j.begin(); it != j.end(); ++it)
            if (std::find(known.begin(), known.end(), it.key()) == known.end())
                problem(path + "/" + it.key(), "unknown key \"" + it.key() + "\": expected one of " + join_keys(known));
    }
};

bool valid_id(const std::string& id) {
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string span_text(Date first, Date last) { return to_iso(first) + " to " + to_iso(last); }

void read_header(ObjectReader& rd, SchoolCalendar& cal) {
    std::string word;
    if (rd.text("format", word, true, "\"caseplan-calendar\"") && word != kFormat)
        rd.problem("/format", "expected \"caseplan-calendar\"; found \"" + word + "\"");
    if (const Json* v = rd.get("version", true, "the calendar format version, the whole number 1")) {
        if (!v->is_number_integer() || v->get<int64_t>() != kCalendarFormatVersion)
            rd.problem("/version", "calendar format version " + v->dump() + " is not supported: expected 1");
    }
    if (rd.text("id", cal.id, true, "an id of lower-case letters, digits and hyphens") && !valid_id(cal.id))
        rd.problem("/id", "expected lower-case letters, digits and hyphens; found \"" + cal.id + "\"");
    rd.text("name", cal.name, true, "the calendar's name");
    rd.text("source", cal.source, true, "where the dates came from");
}

void read_covers(ObjectReader& rd, SchoolCalendar& cal) {
    const Json* v = rd.get("covers", false, "{first, last}");
    if (!v) return;
    if (!v->is_object()) {
        rd.problem("/covers", "expected {\"first\": date, \"last\": date}; found " + v->dump());
        return;
    }
    ObjectReader c{*v, rd.file, "/covers", rd.out};
    Date         first, last;
    bool         ok = c.date("first", first, true, "the first day the calendar speaks for");
    ok = c.date("last", last, true, "the last day the calendar speaks for") && ok;
    c.finish();
    if (!ok) return;
    if (last < first) {
        c.problem("/covers/last", "expected a date on or after first " + to_iso(first) + "; found " + to_iso(last));
        return;
    }
    cal.covers_first = first;
    cal.covers_last = last;
}

// Reads the terms; `good[i]` says whether term i's dates are usable for the cross checks.
void read_terms(ObjectReader& rd, SchoolCalendar& cal, std::vector<bool>& good) {
    const Json* list = rd.get("terms", true, "a list of terms {name, first_day, last_day}");
    if (!list) return;
    if (!list->is_array() || list->empty()) {
        rd.problem("/terms", "expected a list of at least one term; found " + list->dump());
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/terms/" + std::to_string(i);
        const Json&       item = (*list)[i];
        cal.terms.push_back({});
        good.push_back(false);
        if (!item.is_object()) {
            rd.problem(path, "expected a term {name, first_day, last_day}; found " + item.dump());
            continue;
        }
        ObjectReader t{item, rd.file, path, rd.out};
        Term&        term = cal.terms.back();
        bool         ok = t.text("name", term.name, true, "the term's name, e.g. \"Autumn 2026\"");
        ok = t.date("first_day", term.first_day, true, "the term's first day") && ok;
        ok = t.date("last_day", term.last_day, true, "the term's last day") && ok;
        t.text("note", term.note, false, "a note");
        t.finish();
        if (ok && term.last_day < term.first_day) {
            t.problem(path + "/last_day", "expected a date on or after first_day " + to_iso(term.first_day) +
                                              "; found " + to_iso(term.last_day));
            ok = false;
        }
        good.back() = ok;
    }
}

void check_terms(ObjectReader& rd, const SchoolCalendar& cal, const std::vector<bool>& good) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < cal.terms.size(); ++i)
        if (good[i]) order.push_back(i);
    std::sort(order.begin(), order.end(),
              [&](auto a, auto b) { return cal.terms[a].first_day < cal.terms[b].first_day; });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const Term& prev = cal.terms[order[k - 1]];
        const Term& cur = cal.terms[order[k]];
        if (cur.first_day <= prev.last_day)
            rd.problem("/terms/" + std::to_string(order[k]),
                       "\"" + cur.name + "\" (" + span_text(cur.first_day, cur.last_day) + ") overlaps /terms/" +
                           std::to_string(order[k - 1]) + " \"" + prev.name + "\" (" +
                           span_text(prev.first_day, prev.last_day) + "): expected terms that do not overlap");
    }
    for (std::size_t i = 0; i < cal.terms.size(); ++i)
        for (std::size_t k = 0; k < i; ++k)
            if (!cal.terms[i].name.empty() && cal.terms[i].name == cal.terms[k].name)
                rd.problem("/terms/" + std::to_string(i) + "/name", "expected a name no other term has; \"" +
                                                                        cal.terms[i].name + "\" is also /terms/" +
                                                                        std::to_string(k));
    if (!cal.covers_first) return;
    for (std::size_t i = 0; i < cal.terms.size(); ++i) {
        const Term& t = cal.terms[i];
        if (good[i] && (t.first_day < *cal.covers_first || t.last_day > *cal.covers_last))
            rd.problem("/terms/" + std::to_string(i),
                       "\"" + t.name + "\" (" + span_text(t.first_day, t.last_day) + ") is outside covers (" +
                           span_text(*cal.covers_first, *cal.covers_last) + "): expected every term inside it");
    }
}

void read_closures(ObjectReader& rd, SchoolCalendar& cal, const std::vector<bool>& good_terms) {
    const Json* list = rd.get("closures", false, "a list of closures");
    if (!list) return;
    if (!list->is_array()) {
        rd.problem("/closures", "expected a list of closures {first, last, kind, reason}; found " + list->dump());
        return;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "/closures/" + std::to_string(i);
        const Json&       item = (*list)[i];
        if (!item.is_object()) {
            rd.problem(path, "expected a closure {first, last, kind, reason}; found " + item.dump());
            continue;
        }
        ObjectReader  c{item, rd.file, path, rd.out};
        CalendarRange r;
        bool          ok = c.date("first", r.first, true, "the first day closed");
        r.last = r.first;  // a one-day closure may leave out "last"
        ok = c.date("last", r.last, false, "the last day closed") && ok;
        ok = c.text("reason", r.reason, true, "the reason, e.g. \"October half-term\"") && ok;
        std::string kind;
        if (c.text("kind", kind, false, "one of closure, half_term, inset, bank_holiday")) {
            if (const auto k = parse_range_kind(kind))
                r.kind = *k;
            else {
                c.problem(path + "/kind",
                          "expected one of closure, half_term, inset, bank_holiday; found \"" + kind + "\"");
                ok = false;
            }
        }
        ok = c.flag("example", r.example) && ok;
        c.finish();
        if (ok && r.last < r.first) {
            c.problem(path + "/last",
                      "expected a date on or after first " + to_iso(r.first) + "; found " + to_iso(r.last));
            ok = false;
        }
        if (!ok) continue;
        bool inside = false;
        for (std::size_t k = 0; k < cal.terms.size(); ++k)
            inside = inside || (good_terms[k] && cal.terms[k].first_day <= r.first && r.last <= cal.terms[k].last_day);
        if (!inside)
            c.problem(path,
                      "\"" + r.reason + "\" (" + span_text(r.first, r.last) +
                          ") is not inside one term: expected a closure within a single term's first_day to last_day "
                          "(days between terms are holidays already)");
        cal.closures.push_back(std::move(r));
    }
}

void sort_data(SchoolCalendar& cal) {
    std::stable_sort(cal.terms.begin(), cal.terms.end(),
                     [](const Term& a, const Term& b) { return a.first_day < b.first_day; });
    std::stable_sort(cal.closures.begin(), cal.closures.end(), [](const CalendarRange& a, const CalendarRange& b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
}

// ---- JSON writing ---------------------------------------------------------------------------

void put(std::string& out, const char* key, const std::string& value, bool comma = true) {
    out += comma ? ", " : "";
    append_json_string(out, key);
    out += ": ";
    append_json_string(out, value);
}

}  // namespace

// ---- bank holidays (public) -----------------------------------------------------------------

// Easter Sunday by the Gregorian computus: the first Sunday after the Paschal full moon, found
// from the golden number and the epact with the Gregorian solar and lunar corrections.
Date easter_sunday(int year) {
    const int golden = year % 19 + 1;  // place in the 19-year Metonic cycle
    const int century = year / 100 + 1;
    const int skipped_leaps = 3 * century / 4 - 12;            // century years that were not leap years
    const int moon_shift = (8 * century + 5) / 25 - 5;         // correction for the moon's orbit
    const int sunday_key = 5 * year / 4 - skipped_leaps - 10;  // March (−key mod 7) is a Sunday
    int       epact = ((11 * golden + 20 + moon_shift - skipped_leaps) % 30 + 30) % 30;  // moon's age on 1 January
    if ((epact == 25 && golden > 11) || epact == 24) ++epact;
    int full_moon = 44 - epact;  // day of March
    if (full_moon < 21) full_moon += 30;
    const int sunday = full_moon + 7 - (sunday_key + full_moon) % 7;
    return sunday > 31 ? date_from_ymd(year, 4, sunday - 31) : date_from_ymd(year, 3, sunday);
}

std::vector<CalendarRange> england_bank_holidays(int year) {
    std::vector<CalendarRange> out;
    for (const Holiday& h : holidays_of(year)) out.push_back(to_range(h));
    return out;
}

bool is_england_bank_holiday(Date d) {
    const auto h = holidays_of(ymd_of(d).year);
    return std::any_of(h.begin(), h.end(), [&](const Holiday& x) { return x.day == d; });
}

const char* range_kind_name(RangeKind k) { return kKinds[static_cast<int>(k)]; }

std::optional<RangeKind> parse_range_kind(std::string_view s) {
    for (int i = 0; i < 4; ++i)
        if (s == kKinds[i]) return static_cast<RangeKind>(i);  // "holiday" is not a closure kind
    return std::nullopt;
}

// ---- SchoolCalendar -------------------------------------------------------------------------

Date SchoolCalendar::first_covered() const {
    if (covers_first) return *covers_first;
    if (terms.empty()) return add_days(kMaxDate, 1);  // an empty calendar covers nothing
    Date d = terms.front().first_day;
    for (const Term& t : terms) d = std::min(d, t.first_day);
    return d;
}

Date SchoolCalendar::last_covered() const {
    if (covers_last) return *covers_last;
    if (terms.empty()) return add_days(kMinDate, -1);
    Date d = terms.front().last_day;
    for (const Term& t : terms) d = std::max(d, t.last_day);
    return d;
}

bool SchoolCalendar::covers(Date d) const { return first_covered() <= d && d <= last_covered(); }

const CalendarIndex& SchoolCalendar::index() const {
    if (index_ && key_matches(index_->key, *this)) return *index_;
    auto ix = std::make_shared<CalendarIndex>();
    ix->key = key_of(*this);
    const Date lo = clamp_date(first_covered());
    const Date hi = clamp_date(last_covered());
    ix->first = lo.days;
    if (lo <= hi && covers(lo)) ix->school.assign(static_cast<std::size_t>(days_between(lo, hi)) + 1, 0);
    const auto mark = [&](Date first, Date last, uint8_t value) {
        for (Date d = std::max(first, lo); d <= last && d <= hi; d = add_days(d, 1))
            if (ix->holds(d)) ix->school[ix->slot(d)] = value && !is_weekend(d);
    };
    for (const Term& t : terms) mark(t.first_day, t.last_day, 1);
    for (const CalendarRange& r : closures) mark(r.first, r.last, 0);
    index_ = std::move(ix);
    return *index_;
}

bool SchoolCalendar::is_school_day(Date d) const {
    DayRule rule(index());
    return rule.school(clamp_date(d));
}

Date SchoolCalendar::add_school_days(Date from, int n) const {
    from = clamp_date(from);
    if (n == 0) return from;
    DayRule   rule(index());
    const int step = n > 0 ? 1 : -1;
    long long left = std::llabs(static_cast<long long>(n));
    int32_t   day = from.days;
    while (left > 0) {
        day += step;
        if (day < kMinDate.days || day > kMaxDate.days) return day < kMinDate.days ? kMinDate : kMaxDate;
        if (rule.school(day)) --left;
    }
    return Date{day};
}

int SchoolCalendar::school_days_between(Date from, Date to) const {
    from = clamp_date(from);
    to = clamp_date(to);
    DayRule rule(index());
    int     count = 0;
    // Counts the days arrived at, never the day left from, so it inverts add_school_days.
    if (from < to)
        for (int32_t day = from.days + 1; day <= to.days; ++day) count += rule.school(day);
    else
        for (int32_t day = to.days; day < from.days; ++day) count -= rule.school(day);
    return count;
}

Date SchoolCalendar::add_school_weeks(Date from, int n) const {
    const int weeks = std::clamp(n, INT_MIN / 5, INT_MAX / 5);
    return add_school_days(from, 5 * weeks);
}

int SchoolCalendar::school_weeks_between(Date from, Date to) const { return school_days_between(from, to) / 5; }

Date SchoolCalendar::school_weeks_end(Date start, int n) const {
    if (n <= 0) return add_days(clamp_date(start), -1);  // an empty span ends before it begins
    return add_school_weeks(add_days(clamp_date(start), -1), n);
}

int SchoolCalendar::school_week_number(Date start, Date d) const {
    if (d < start) return 0;
    const int days = school_days_between(add_days(start, -1), d);  // school days in [start, d]
    return (days + 4) / 5;
}

std::optional<Date> SchoolCalendar::next_school_day(Date d) const {
    const Date next = add_school_days(d, 1);
    if (next > clamp_date(d) && covers(next)) return next;
    return std::nullopt;
}

const Term* SchoolCalendar::term_containing(Date d) const {
    for (const Term& t : terms)
        if (contains(t, d)) return &t;
    return nullptr;
}

std::optional<CalendarRange> SchoolCalendar::holiday_containing(Date d) const {
    if (!covers(d)) {
        for (const CalendarRange& h : england_bank_holidays(ymd_of(d).year))
            if (h.first == d) return h;
        return std::nullopt;
    }
    if (!term_containing(d)) return gap_around(*this, d);
    const CalendarRange* best = nullptr;
    for (const CalendarRange& r : closures)
        if (contains(r, d) && (!best || length_of(r) > length_of(*best))) best = &r;
    if (best) return *best;
    return std::nullopt;
}

std::vector<CalendarRange> SchoolCalendar::non_school_ranges(Date from, Date to) const {
    from = clamp_date(from);
    to = clamp_date(to);
    std::vector<CalendarRange> out;
    if (to < from) return out;
    const auto add_clipped = [&](CalendarRange r) {
        if (r.last < from || r.first > to) return;
        r.first = std::max(r.first, from);
        r.last = std::min(r.last, to);
        out.push_back(std::move(r));
    };
    // Holidays between terms: walk the covered span from gap to gap.
    const Date lo = first_covered(), hi = last_covered();
    for (Date d = std::max(from, lo); d <= std::min(to, hi);) {
        if (term_containing(d)) {
            d = add_days(term_containing(d)->last_day, 1);
            continue;
        }
        CalendarRange gap = gap_around(*this, d);
        d = add_days(gap.last, 1);
        add_clipped(std::move(gap));
    }
    // Closures, leaving out any that lie inside a longer (or earlier equal) one.
    for (std::size_t i = 0; i < closures.size(); ++i) {
        const CalendarRange& r = closures[i];
        bool                 hidden = false;
        for (std::size_t k = 0; k < closures.size() && !hidden; ++k) {
            const CalendarRange& o = closures[k];
            hidden = k != i && o.first <= r.first && r.last <= o.last && (length_of(o) > length_of(r) || k < i);
        }
        if (!hidden) add_clipped(r);
    }
    // Beyond the covered span only bank holidays are known.
    for (int y = ymd_of(from).year; y <= ymd_of(to).year; ++y)
        for (CalendarRange& h : england_bank_holidays(y))
            if (!covers(h.first)) add_clipped(std::move(h));
    std::sort(out.begin(), out.end(), [](const CalendarRange& a, const CalendarRange& b) {
        return a.first != b.first ? a.first < b.first : a.last > b.last;
    });
    return out;
}

// ---- parse and serialise --------------------------------------------------------------------

std::optional<SchoolCalendar> parse_calendar_value(const Json& root, std::string_view file_name, Problems& out) {
    const std::string file(file_name);
    if (!root.is_object()) {
        out.push_back({file, "", "expected a calendar object {format, version, id, name, source, terms, closures}"});
        return std::nullopt;
    }
    const std::size_t before = out.size();
    SchoolCalendar    cal;
    ObjectReader      rd{root, file, "", out};
    read_header(rd, cal);
    read_covers(rd, cal);
    std::vector<bool> good_terms;
    read_terms(rd, cal, good_terms);
    check_terms(rd, cal, good_terms);
    read_closures(rd, cal, good_terms);
    rd.finish();
    if (out.size() != before) return std::nullopt;
    sort_data(cal);
    return cal;
}

std::optional<SchoolCalendar> parse_calendar(std::string_view json, std::string_view file_name, Problems& out) {
    std::string error;
    const auto  root = parse_json_text(json, error);  // also refuses 1e400 and deep nesting (docs/fuzzing.md, findings)
    if (!root) {
        out.push_back({std::string(file_name), "", "not valid JSON: " + error});
        return std::nullopt;
    }
    return parse_calendar_value(*root, file_name, out);
}

std::string calendar_to_json(const SchoolCalendar& cal) {
    std::string out =
        "{\n  \"format\": \"caseplan-calendar\",\n  \"version\": " + std::to_string(kCalendarFormatVersion) + ",\n  ";
    put(out, "id", cal.id, false);
    out += ",\n  ";
    put(out, "name", cal.name, false);
    out += ",\n  ";
    put(out, "source", cal.source, false);
    if (cal.covers_first || cal.covers_last) {  // a half-set span is written out whole
        out += ",\n  \"covers\": {";
        put(out, "first", to_iso(cal.first_covered()), false);
        put(out, "last", to_iso(cal.last_covered()));
        out += "}";
    }
    out += ",\n  \"terms\": [";
    for (std::size_t i = 0; i < cal.terms.size(); ++i) {
        const Term& t = cal.terms[i];
        out += i ? ",\n    {" : "\n    {";
        put(out, "name", t.name, false);
        put(out, "first_day", to_iso(t.first_day));
        put(out, "last_day", to_iso(t.last_day));
        if (!t.note.empty()) put(out, "note", t.note);
        out += "}";
    }
    out += cal.terms.empty() ? "]" : "\n  ]";
    out += ",\n  \"closures\": [";
    for (std::size_t i = 0; i < cal.closures.size(); ++i) {
        const CalendarRange& r = cal.closures[i];
        out += i ? ",\n    {" : "\n    {";
        put(out, "first", to_iso(r.first), false);
        put(out, "last", to_iso(r.last));
        put(out, "kind", range_kind_name(r.kind));
        put(out, "reason", r.reason);
        if (r.example) out += ", \"example\": true";
        out += "}";
    }
    out += cal.closures.empty() ? "]" : "\n  ]";
    out += "\n}\n";
    return out;
}

Json calendar_to_json_value(const SchoolCalendar& cal) { return Json::parse(calendar_to_json(cal)); }

// ---- defaults -------------------------------------------------------------------------------

namespace {
constexpr std::string_view kShippedPrefix = "assets/calendars/";
constexpr std::string_view kJson = ".json";
}  // namespace

std::string shipped_calendar_path(std::string_view calendar_id) {
    return std::string(kShippedPrefix) + std::string(calendar_id) + std::string(kJson);
}

bool is_shipped_calendar(std::string_view calendar_id) {
    return !calendar_id.empty() && cp_engine_assets_find(shipped_calendar_path(calendar_id).c_str()) != nullptr;
}

std::vector<std::string> shipped_calendar_ids() {
    std::vector<std::string> ids;
    for (const EmbeddedFile* f = cp_engine_assets_all(); f && f->path; ++f) {
        const std::string_view path = f->path;
        if (path.size() > kShippedPrefix.size() + kJson.size() &&
            path.substr(0, kShippedPrefix.size()) == kShippedPrefix && path.substr(path.size() - kJson.size()) == kJson)
            ids.emplace_back(path.substr(kShippedPrefix.size(), path.size() - kShippedPrefix.size() - kJson.size()));
    }
    return ids;
}

std::optional<SchoolCalendar> load_shipped_calendar(std::string_view calendar_id, Problems& out) {
    const std::string   path = shipped_calendar_path(calendar_id);
    const std::string   file = path.substr(path.rfind('/') + 1);
    const EmbeddedFile* f = cp_engine_assets_find(path.c_str());
    if (!f) {
        out.push_back({file, "", "no built-in calendar \"" + std::string(calendar_id) + "\""});
        return std::nullopt;
    }
    return parse_calendar(f->text(), file, out);
}

std::vector<CalendarRange> missing_bank_holidays(const SchoolCalendar& cal) {
    std::vector<CalendarRange> out;
    const Date                 lo = cal.first_covered(), hi = cal.last_covered();
    if (hi < lo) return out;
    for (int y = ymd_of(lo).year; y <= ymd_of(hi).year; ++y)
        for (CalendarRange& h : england_bank_holidays(y)) {
            if (!cal.covers(h.first) || is_weekend(h.first) || !cal.term_containing(h.first)) continue;
            const bool closed = std::any_of(cal.closures.begin(), cal.closures.end(),
                                            [&](const CalendarRange& r) { return contains(r, h.first); });
            if (!closed) out.push_back(std::move(h));
        }
    return out;
}

}  // namespace cp
