// calendar.h: a school's calendar (terms, half-terms, INSET days, bank holidays) and arithmetic
// in school days and school weeks. The JSON format is documented in docs/calendar.md.
//
//   Problems problems;
//   auto cal = load_shipped_calendar("england-default", problems);     // or parse_calendar(text, file, problems)
//   Date last = cal->school_weeks_end(start, 8);               // last day of an 8-school-week trial
//   int  done = cal->school_days_between(start, today);        // "today" is always passed in
//
// Index
//   RangeKind, CalendarRange, Term                   the parts of a calendar
//   SchoolCalendar                                   the data plus its arithmetic (members below)
//   kCalendarFormatVersion                           the only format version this build reads and writes
//   parse_calendar, parse_calendar_value             strict validation: every problem names file, path, expectation
//   calendar_to_json, calendar_to_json_value         serialise (the text form is byte-stable)
//   shipped_calendar_path, load_shipped_calendar     the calendars shipped in assets/calendars
//   england_bank_holidays, easter_sunday,
//   is_england_bank_holiday                          computed English bank holidays, with substitute days
//   missing_bank_holidays                            bank holidays a calendar forgot to close
//   range_kind_name, parse_range_kind                the JSON words for RangeKind
//
// Definitions (the protocols' wording depends on them; docs/calendar.md gives the reasons)
//   school day    a Monday–Friday inside a term and not inside any closure.
//   school week   five school days. Weekends, holidays and closure days do not count, so a week
//                 with an INSET day or a bank holiday gives four days and the span runs on by a
//                 day; a half-term week gives none. "n school weeks from a start day" therefore
//                 ends on school_weeks_end(start, n), the 5n-th school day counting the start.
//   covered span  covers_first … covers_last (default: the first term's first day … the last
//                 term's last day). Inside it the data decides; a day inside it but in no term is
//                 a holiday.
//   beyond it     arithmetic goes on: a school day is then a Monday–Friday that is not a computed
//                 English bank holiday (no term holidays are assumed). covers() tells the caller
//                 that a date was estimated this way.
//   date limits   every date is clamped to 1900-01-01 … 2200-12-31 (the dates parse_iso_date
//                 accepts), so no call can loop for ever.
//
// Thread safety: a SchoolCalendar fills a lookup table on first use (and refills it whenever its
// terms, closures or covered span change), so one calendar must not be used from two threads at
// once. Copies are independent.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/canonical.h"
#include "engine/date.h"
#include "engine/errors.h"

namespace cp {

inline constexpr int kCalendarFormatVersion = 1;

enum class RangeKind {
    closure,       // any other day the school is closed inside a term (JSON "closure")
    half_term,     // a half-term break inside a term (JSON "half_term")
    inset,         // an INSET / staff training day (JSON "inset")
    bank_holiday,  // an English bank holiday (JSON "bank_holiday")
    holiday,       // the gap between two terms; produced by lookups, never stored in closures
};

struct CalendarRange {
    Date        first;                      // inclusive
    Date        last;                       // inclusive, on or after first
    std::string reason;                     // "Christmas holiday", "INSET day", "Bank holiday: Early May"
    RangeKind   kind = RangeKind::closure;  // what sort of day(s) these are
    bool        example = false;            // a typical date shown for the school to replace (INSET)
};

struct Term {
    std::string name;       // "Autumn 2026"; unique within a calendar
    Date        first_day;  // inclusive (may be an INSET day, listed as a closure)
    Date        last_day;   // inclusive
    std::string note;       // where the dates came from when unconfirmed ("" if none)
};

struct CalendarIndex;  // the lookup table, private to calendar.cpp

struct SchoolCalendar {
    std::string                id;            // "england-default", a pack's calendar, or a workspace's own id
    std::string                name;          // "Example County (model term dates)"
    std::string                source;        // where the dates came from, and which are unconfirmed
    std::optional<Date>        covers_first;  // first day the data speaks for (unset: first term's first day)
    std::optional<Date>        covers_last;   // last day the data speaks for (unset: last term's last day)
    std::vector<Term>          terms;         // in date order after parse_calendar
    std::vector<CalendarRange> closures;      // half-terms, INSET days, bank holidays, other closures inside terms

    // Days
    bool                covers(Date d) const;         // d inside the covered span, so answers come from the data
    Date                first_covered() const;        // covers_first, else the first term's first day
    Date                last_covered() const;         // covers_last, else the last term's last day
    bool                is_school_day(Date d) const;  // see "school day" and "beyond it" above
    std::optional<Date> next_school_day(
        Date d) const;  // first school day after d; nullopt when that is outside the covered span
    const Term* term_containing(Date d) const;  // the term whose first…last day holds d; nullptr in holidays

    // Arithmetic: never fails; beyond the covered span it uses the weekday rule
    Date add_school_days(Date from, int n) const;  // n>0: n-th school day after from; n<0: n-th before; 0: from
    int  school_days_between(Date from, Date to)
        const;  // school days in (from, to]; to<from: −(school days in [to, from)), so it inverts add_school_days
    Date add_school_weeks(Date from, int n)
        const;  // add_school_days(from, 5n): the first day after n whole school weeks when from is a school day
    int  school_weeks_between(Date from,
                              Date to) const;        // whole school weeks: school_days_between / 5, rounded toward zero
    Date school_weeks_end(Date start, int n) const;  // last school day of n school weeks beginning on start (start is
                                                     // day 1 if a school day); n<=0: the day before start
    int school_week_number(Date start, Date d)
        const;  // the school week (1, 2 …) of a span begun on start that holds d; 0 before its first school day

    // Shading
    std::optional<CalendarRange> holiday_containing(Date d)
        const;  // the holiday or closure holding d (the widest), else nullopt; a weekend in term is not a holiday
    std::vector<CalendarRange> non_school_ranges(
        Date from, Date to) const;  // holidays, closures and (beyond the span) bank holidays meeting [from, to],
                                    // clipped, in date order; none twice

private:
    mutable std::shared_ptr<const CalendarIndex> index_;         // built on first use, rebuilt when the dates change
    const CalendarIndex&                         index() const;  // the current table
};

// Strict. Returns nothing when any problem was found (every one is reported, not just the first).
// Sorts terms and closures into date order.
std::optional<SchoolCalendar> parse_calendar(std::string_view json, std::string_view file_name, Problems& problems);
std::optional<SchoolCalendar> parse_calendar_value(const Json& value, std::string_view file_name, Problems& problems);

std::string calendar_to_json(const SchoolCalendar& cal);        // one term or closure per line; ends with "\n"
Json        calendar_to_json_value(const SchoolCalendar& cal);  // the same document as a value (e.g. for a workspace)

// The calendars built in from assets/calendars, by id (the file name without ".json"). Which one a
// local authority uses is its protocol pack's business (the pack's "calendar"), not the engine's.
inline constexpr const char*  kEnglandCalendarId = "england-default";               // typical English term dates
std::string                   shipped_calendar_path(std::string_view calendar_id);  // "assets/calendars/<id>.json"
bool                          is_shipped_calendar(std::string_view calendar_id);
std::vector<std::string>      shipped_calendar_ids();
std::optional<SchoolCalendar> load_shipped_calendar(std::string_view calendar_id,
                                                    Problems&        problems);  // parsed from the embedded assets

// England and Wales bank holidays of one year, in date order, each one day long with kind
// bank_holiday and reasons like "Bank holiday: Easter Monday". Fixed-date holidays that fall on
// a weekend move to the next weekday not already a holiday ("… (substitute day)"). One-off
// changes proclaimed for a single year (2020, 2022, 2023 …) are not included.
std::vector<CalendarRange> england_bank_holidays(int year);
Date                       easter_sunday(int year);  // Gregorian computus
bool                       is_england_bank_holiday(Date d);

// Computed bank holidays inside the covered span that fall on a term weekday not already
// closed: a calendar should list them (kind bank_holiday). The UI shows them as a warning.
std::vector<CalendarRange> missing_bank_holidays(const SchoolCalendar& cal);

const char*              range_kind_name(RangeKind k);          // "half_term" …
std::optional<RangeKind> parse_range_kind(std::string_view s);  // closure kinds only (not "holiday")

}  // namespace cp
