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
