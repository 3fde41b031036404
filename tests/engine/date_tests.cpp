#include <doctest/doctest.h>

#include "engine/date.h"

using namespace cp;

TEST_CASE("date/round-trip-every-day-1990-2100") {
    Date       d = date_from_ymd(1990, 1, 1);
    const Date end = date_from_ymd(2100, 12, 31);
    int        prev_weekday = weekday_of(add_days(d, -1));
    for (; d <= end; d = add_days(d, 1)) {
        const Ymd v = ymd_of(d);
        REQUIRE(is_valid_ymd(v.year, v.month, v.day));
        REQUIRE(date_from_ymd(v.year, v.month, v.day) == d);
        REQUIRE(weekday_of(d) == (prev_weekday + 1) % 7);
        prev_weekday = weekday_of(d);
    }
}

TEST_CASE("date/known-weekdays") {
    CHECK(weekday_of(date_from_ymd(1970, 1, 1)) == 3);    // Thursday
    CHECK(weekday_of(date_from_ymd(2026, 7, 26)) == 6);   // Sunday: new statutory guidance in force
    CHECK(weekday_of(date_from_ymd(2026, 11, 22)) == 6);  // Sunday
    CHECK(weekday_of(date_from_ymd(2024, 2, 29)) == 3);   // Thursday
}

TEST_CASE("date/parse-and-format") {
    CHECK(to_iso(*parse_iso_date("2026-09-01")) == "2026-09-01");
    CHECK(to_uk(*parse_iso_date("2026-09-01")) == "01/09/2026");
    CHECK(to_uk_long(*parse_iso_date("2026-09-01")) == "Tuesday 1 September 2026");
    CHECK(*parse_uk_date("1/9/2026") == *parse_iso_date("2026-09-01"));
    CHECK_FALSE(parse_iso_date("2026-02-29"));
    CHECK(parse_iso_date("2028-02-29"));
    CHECK_FALSE(parse_iso_date("2100-02-29"));
    CHECK(parse_iso_date("2000-02-29"));
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-1-01"));
    CHECK_FALSE(parse_iso_date("2026-01-0a"));
    CHECK_FALSE(parse_uk_date("31/04/2026"));
    CHECK_FALSE(parse_uk_date("01/09/26"));
    CHECK_FALSE(parse_uk_date("01-09-2026"));
    CHECK_FALSE(parse_uk_date(""));
}

// Issue 13 item 10: times are read in UK time (the Summer Time Act 1972 as amended by the Summer
// Time Order 2002: BST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
// of October), whatever the device's own zone.
TEST_CASE("date/recorded-times-are-shown-in-uk-time") {
    CHECK(uk_local_time("2026-01-15T13:05:00Z") == "15/01/2026 13:05");  // GMT
    CHECK(uk_local_time("2026-07-01T13:05:00Z") == "01/07/2026 14:05");  // BST
    CHECK(uk_local_time("2026-07-01T23:30:00Z") == "02/07/2026 00:30");  // the next day in London
    // 2026: summer time begins on Sunday 29 March and ends on Sunday 25 October, at 01:00 UTC.
    CHECK(uk_local_time("2026-03-29T00:59:00Z") == "29/03/2026 00:59");
    CHECK(uk_local_time("2026-03-29T01:00:00Z") == "29/03/2026 02:00");
    CHECK(uk_local_time("2026-10-25T00:59:00Z") == "25/10/2026 01:59");
    CHECK(uk_local_time("2026-10-25T01:00:00Z") == "25/10/2026 01:00");
    CHECK(uk_local_clock("2026-12-04T16:20:00Z") == "16:20");
    CHECK(uk_local_clock("2027-03-28T10:00:00Z") == "11:00");  // 2027: last Sunday of March is the 28th
    CHECK(uk_local_time("not a time") == "not a time");
}
