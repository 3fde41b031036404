// date.h: calendar dates as a day count, with ISO (storage) and UK (display) text forms.
//
// The engine never reads a clock: "today" is always passed in as a Date.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cp {

struct Date {
    int32_t days = 0;  // days since 1970-01-01 (a Thursday)

    friend constexpr auto operator<=>(Date, Date) = default;
    friend constexpr bool operator==(Date, Date) = default;
};

struct Ymd {
    int year;
    int month;
    int day;
};

Date                date_from_ymd(int year, int month, int day);  // no range check: use parse_* for input
Ymd                 ymd_of(Date d);
int                 weekday_of(Date d);  // 0 = Monday … 6 = Sunday
Date                add_days(Date d, int n);
int                 days_between(Date from, Date to);    // to - from
int                 whole_years(Date from, Date to);     // completed years (an age on a day)
std::optional<Date> parse_iso_date(std::string_view s);  // "YYYY-MM-DD", rejects 2026-02-30
std::optional<Date> parse_uk_date(std::string_view s);   // "DD/MM/YYYY" (also D/M/YYYY)
std::string         to_iso(Date d);                      // "2026-09-01"
std::string         to_uk(Date d);                       // "01/09/2026"
std::string         to_uk_long(Date d);                  // "Tuesday 1 September 2026"
bool                is_valid_ymd(int year, int month, int day);

// A recorded moment ("2026-07-01T13:05:00Z", as events store it) in UK time, as a school reads it:
// "01/07/2026 14:05". British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00
// UTC on the last Sunday of October (the Summer Time Act 1972 and its Order of 2002). Text that is
// not such a timestamp comes back unchanged.
std::string uk_local_time(std::string_view utc);
std::string uk_local_clock(std::string_view utc);  // the time of day only: "14:05"

}  // namespace cp
