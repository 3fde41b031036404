// School calendar: bank holidays, term data, school-day and school-week arithmetic, the shipped
// defaults, the JSON format and its validation. Calendars come from the embedded assets (no
// filesystem), so the same tests run under Node.
#include <doctest/doctest.h>

#include <cstdint>

#include "common/embedded.h"
#include "engine/calendar.h"
#include "test_util.h"

using namespace cp;
using cptest::d;

namespace {

SchoolCalendar shipped(const std::string& la_id) {
    Problems problems;
    auto     cal = load_shipped_calendar(la_id, problems);
    for (const auto& p : problems) MESSAGE(p.to_string());
    REQUIRE(cal);
    return *cal;
}

// A small calendar written for one test: one term with whatever closures the test adds.
SchoolCalendar one_term(const char* first, const char* last, std::vector<CalendarRange> closures = {}) {
    SchoolCalendar cal;
    cal.id = "test";
    cal.name = "Test";
    cal.source = "written for a test";
    cal.terms.push_back({"Summer 2026", d(first), d(last), ""});
    cal.closures = std::move(closures);
    return cal;
}

std::vector<std::string> iso_days(const std::vector<CalendarRange>& ranges) {
    std::vector<std::string> out;
    for (const auto& r : ranges) out.push_back(to_iso(r.first));
    return out;
}

// A second, independent computus (the "anonymous Gregorian" method) to cross-check ours.
Date easter_by_other_method(int y) {
    const int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    return date_from_ymd(y, (h + l - 7 * m + 114) / 31, (h + l - 7 * m + 114) % 31 + 1);
}

}  // namespace

// ---- bank holidays -------------------------------------------------------------------------

TEST_CASE("calendar/easter-known-dates") {
    CHECK(to_iso(easter_sunday(2026)) == "2026-04-05");
    CHECK(to_iso(easter_sunday(2027)) == "2027-03-28");
    CHECK(to_iso(easter_sunday(2025)) == "2025-04-20");
    CHECK(to_iso(easter_sunday(2024)) == "2024-03-31");
    CHECK(to_iso(easter_sunday(2019)) == "2019-04-21");
    CHECK(to_iso(easter_sunday(2011)) == "2011-04-24");
    CHECK(to_iso(easter_sunday(2008)) == "2008-03-23");
    CHECK(to_iso(easter_sunday(2000)) == "2000-04-23");
    CHECK(to_iso(easter_sunday(2038)) == "2038-04-25");
    CHECK(to_iso(easter_sunday(1954)) == "1954-04-18");  // the epact 24/25 corrections
    CHECK(to_iso(easter_sunday(1981)) == "1981-04-19");
    CHECK(to_iso(easter_sunday(2049)) == "2049-04-18");
    CHECK(to_iso(easter_sunday(2076)) == "2076-04-19");
}

TEST_CASE("calendar/easter-agrees-with-second-method-1900-2200") {
    for (int y = 1900; y <= 2200; ++y) {
        const Date e = easter_sunday(y);
        REQUIRE_MESSAGE(e == easter_by_other_method(y), y);
        REQUIRE(weekday_of(e) == 6);
        REQUIRE(date_from_ymd(y, 3, 22) <= e);
        REQUIRE(e <= date_from_ymd(y, 4, 25));
    }
}

TEST_CASE("calendar/bank-holidays-2025-2027") {
    CHECK(iso_days(england_bank_holidays(2025)) == std::vector<std::string>{"2025-01-01", "2025-04-18", "2025-04-21",
                                                                            "2025-05-05", "2025-05-26", "2025-08-25",
                                                                            "2025-12-25", "2025-12-26"});
    CHECK(iso_days(england_bank_holidays(2026)) == std::vector<std::string>{"2026-01-01", "2026-04-03", "2026-04-06",
                                                                            "2026-05-04", "2026-05-25", "2026-08-31",
                                                                            "2026-12-25", "2026-12-28"});
    CHECK(iso_days(england_bank_holidays(2027)) == std::vector<std::string>{"2027-01-01", "2027-03-26", "2027-03-29",
                                                                            "2027-05-03", "2027-05-31", "2027-08-30",
                                                                            "2027-12-27", "2027-12-28"});
    const auto h = england_bank_holidays(2026);
    CHECK(h[2].reason == "Bank holiday: Easter Monday");
    CHECK(h[3].reason == "Bank holiday: Early May");
    CHECK(h[4].reason == "Bank holiday: Spring");  // last Monday in May
    CHECK(h[0].kind == RangeKind::bank_holiday);
    CHECK(is_england_bank_holiday(d("2026-04-06")));
    CHECK_FALSE(is_england_bank_holiday(d("2026-04-07")));
}

TEST_CASE("calendar/bank-holiday-substitute") {
    // 2026: Boxing Day is a Saturday, so Monday 28th.
    auto h = england_bank_holidays(2026);
    CHECK(to_iso(h[7].first) == "2026-12-28");
    CHECK(h[7].reason == "Bank holiday: Boxing Day (substitute day)");
    CHECK(h[6].reason == "Bank holiday: Christmas Day");
    // 2027 (and 2021): Christmas Saturday, Boxing Day Sunday -> Monday 27th and Tuesday 28th.
    h = england_bank_holidays(2027);
    CHECK(to_iso(h[6].first) == "2027-12-27");
    CHECK(h[6].reason == "Bank holiday: Christmas Day (substitute day)");
    CHECK(to_iso(h[7].first) == "2027-12-28");
    CHECK(h[7].reason == "Bank holiday: Boxing Day (substitute day)");
    // 2022: Christmas Sunday: Boxing Day keeps Monday 26th, Christmas moves to Tuesday 27th.
    h = england_bank_holidays(2022);
    CHECK(to_iso(h[6].first) == "2022-12-26");
    CHECK(h[6].reason == "Bank holiday: Boxing Day");
    CHECK(to_iso(h[7].first) == "2022-12-27");
    CHECK(h[7].reason == "Bank holiday: Christmas Day (substitute day)");
    // New Year's Day on a Saturday (2022, 2028) or a Sunday (2023) -> the Monday after.
    CHECK(to_iso(england_bank_holidays(2022)[0].first) == "2022-01-03");
    CHECK(to_iso(england_bank_holidays(2028)[0].first) == "2028-01-03");
    CHECK(to_iso(england_bank_holidays(2023)[0].first) == "2023-01-02");
    CHECK(england_bank_holidays(2023)[0].reason == "Bank holiday: New Year's Day (substitute day)");
    // Every year 1900-2200: eight weekdays, in order, none twice.
    for (int y = 1900; y <= 2200; ++y) {
        const auto all = england_bank_holidays(y);
        REQUIRE(all.size() == 8);
        for (std::size_t i = 0; i < all.size(); ++i) {
            REQUIRE(weekday_of(all[i].first) < 5);
            REQUIRE(ymd_of(all[i].first).year == y);
            if (i) REQUIRE(all[i - 1].first < all[i].first);
        }
    }
}

// ---- school days ---------------------------------------------------------------------------

TEST_CASE("calendar/half-term-not-counted") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK(ox.is_school_day(d("2025-10-24")));  // Friday before October half-term
    for (const char* day : {"2025-10-27", "2025-10-28", "2025-10-29", "2025-10-30", "2025-10-31"})
        CHECK_FALSE(ox.is_school_day(d(day)));
    CHECK(to_iso(ox.add_school_days(d("2025-10-24"), 1)) == "2025-11-03");
    CHECK(ox.school_days_between(d("2025-10-24"), d("2025-11-03")) == 1);
    CHECK(ox.school_days_between(d("2025-10-20"), d("2025-11-07")) == 9);  // Tue-Fri, then Mon-Fri
    CHECK(to_iso(ox.add_school_days(d("2025-11-03"), -1)) == "2025-10-24");
}

TEST_CASE("calendar/inset-day-skipped") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK(ox.term_containing(d("2025-09-01")));      // inside the Autumn term …
    CHECK_FALSE(ox.is_school_day(d("2025-09-01")));  // … but the countywide INSET day
    CHECK(ox.is_school_day(d("2025-09-02")));
    CHECK(to_iso(ox.add_school_days(d("2025-08-31"), 1)) == "2025-09-02");
    CHECK(ox.holiday_containing(d("2025-09-01"))->kind == RangeKind::inset);
    // An INSET day the school adds itself mid-term moves every later date by one day.
    SchoolCalendar school = ox;
    CHECK(to_iso(school.add_school_days(d("2026-03-02"), 5)) == "2026-03-09");
    school.closures.push_back({d("2026-03-06"), d("2026-03-06"), "INSET day", RangeKind::inset, false});
    CHECK_FALSE(school.is_school_day(d("2026-03-06")));
    CHECK(to_iso(school.add_school_days(d("2026-03-02"), 5)) == "2026-03-10");
}

TEST_CASE("calendar/bank-holiday-closure-skipped") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK_FALSE(ox.is_school_day(d("2026-05-04")));  // Early May bank holiday, a Monday in term
    CHECK(to_iso(ox.add_school_days(d("2026-05-01"), 1)) == "2026-05-05");
    CHECK(ox.school_days_between(d("2026-04-30"), d("2026-05-08")) == 5);
    CHECK(ox.holiday_containing(d("2026-05-04"))->reason == "Bank holiday: Early May");
}

TEST_CASE("calendar/weekends-never-count") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK_FALSE(ox.is_school_day(d("2025-11-08")));
    CHECK_FALSE(ox.is_school_day(d("2025-11-09")));
    CHECK_FALSE(ox.holiday_containing(d("2025-11-08")));  // a weekend in term is not a holiday
    CHECK(to_iso(ox.add_school_days(d("2025-11-07"), 1)) == "2025-11-10");
    CHECK(to_iso(ox.add_school_days(d("2025-11-08"), 0)) == "2025-11-08");
}

TEST_CASE("calendar/year-end-rollover") {
    const SchoolCalendar en = shipped("england-default");
    // Christmas: the last day of the autumn term, then the first pupil day after the example INSET day.
    CHECK(to_iso(en.add_school_days(d("2025-12-19"), 1)) == "2026-01-06");
    CHECK(en.school_days_between(d("2025-12-19"), d("2026-01-06")) == 1);
    CHECK(en.school_days_between(d("2025-12-22"), d("2026-01-02")) == 0);
    // The end of the academic year: summer holiday, then the next September.
    CHECK(to_iso(en.add_school_days(d("2026-07-17"), 1)) == "2026-09-03");
    CHECK(to_iso(en.add_school_days(d("2026-09-03"), -1)) == "2026-07-17");
    // Oxfordshire: the last covered year ends; September 2027 falls back to the weekday rule.
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK(to_iso(ox.add_school_days(d("2027-07-21"), 1)) == "2027-09-01");
    CHECK_FALSE(ox.covers(d("2027-09-01")));
    CHECK(ox.covers(d("2027-08-31")));
    CHECK_FALSE(ox.next_school_day(d("2027-07-21")));  // no term data after the summer
}

TEST_CASE("calendar/school-weeks-across-christmas") {
    const SchoolCalendar ox = shipped("oxfordshire");
    // Two school weeks from Monday 8 December: ten school days, the holiday not counted.
    CHECK(to_iso(ox.add_school_weeks(d("2025-12-08"), 2)) == "2026-01-05");
    CHECK(to_iso(ox.school_weeks_end(d("2025-12-08"), 2)) == "2025-12-19");
    CHECK(ox.school_weeks_between(d("2025-12-08"), d("2026-01-05")) == 2);
    CHECK(ox.school_weeks_between(d("2025-12-08"), d("2026-01-02")) == 1);  // nine school days
    CHECK(ox.school_weeks_between(d("2026-01-05"), d("2025-12-08")) == -2);
}

TEST_CASE("calendar/school-week-definition") {
    // Norfolk: a behaviour trial of at least 8 school weeks, extension up to 6 more.
    const SchoolCalendar nf = shipped("norfolk");
    const Date           start = d("2025-11-03");                   // Monday, first day of the trial
    CHECK(to_iso(nf.school_weeks_end(start, 8)) == "2026-01-12");   // 7 weeks before Christmas + 5 days from Tue 6 Jan
    CHECK(to_iso(nf.school_weeks_end(start, 14)) == "2026-03-02");  // February half-term not counted
    CHECK(to_iso(nf.add_school_weeks(start, 8)) == "2026-01-13");   // the first day after 8 full school weeks
    CHECK(nf.school_week_number(start, d("2025-11-03")) == 1);
    CHECK(nf.school_week_number(start, d("2025-12-19")) == 7);
    CHECK(nf.school_week_number(start, d("2025-12-25")) == 7);  // holidays stay in the week before
    CHECK(nf.school_week_number(start, d("2026-01-06")) == 8);
    CHECK(nf.school_week_number(start, d("2026-01-12")) == 8);
    CHECK(nf.school_week_number(start, d("2026-01-13")) == 9);
    CHECK(nf.school_week_number(start, d("2025-11-01")) == 0);
    // A week with a bank holiday contributes four days, so the span runs on by one.
    const SchoolCalendar en = shipped("england-default");
    CHECK(to_iso(en.add_school_weeks(d("2026-04-15"), 4)) == "2026-05-14");
    CHECK(to_iso(en.school_weeks_end(d("2026-03-02"), 6)) == "2026-04-24");  // Easter holiday skipped
    CHECK(to_iso(en.school_weeks_end(d("2026-03-02"), 0)) == "2026-03-01");  // an empty span
    CHECK(en.add_school_weeks(d("2026-03-02"), 3) == en.add_school_days(d("2026-03-02"), 15));
}

TEST_CASE("calendar/next-school-day") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK(to_iso(*ox.next_school_day(d("2025-10-24"))) == "2025-11-03");
    CHECK(to_iso(*ox.next_school_day(d("2025-08-29"))) == "2025-09-02");  // from before the span into it
    CHECK_FALSE(ox.next_school_day(d("2025-08-20")));                     // the answer would be before the span
    CHECK_FALSE(ox.next_school_day(d("2030-01-01")));
    CHECK(to_iso(*ox.next_school_day(d("2026-05-01"))) == "2026-05-05");
}

TEST_CASE("calendar/beyond-calendar-fallback") {
    const SchoolCalendar ox = shipped("oxfordshire");
    CHECK_FALSE(ox.covers(d("2025-08-22")));
    // Before the data: weekdays minus bank holidays (25 August 2025 is the Summer bank holiday).
    CHECK(to_iso(ox.add_school_days(d("2025-08-22"), 1)) == "2025-08-26");
    CHECK(ox.is_school_day(d("2025-08-20")));  // no term data: a plain weekday counts
    CHECK_FALSE(ox.is_school_day(d("2025-08-25")));
    // After it: Christmas 2027 only loses its bank holidays (27 and 28 December).
    CHECK(ox.school_days_between(d("2027-12-24"), d("2027-12-29")) == 1);
    CHECK(ox.holiday_containing(d("2027-12-27"))->reason == "Bank holiday: Christmas Day (substitute day)");
    CHECK_FALSE(ox.holiday_containing(d("2027-12-29")));
    // An empty calendar is all fallback.
    SchoolCalendar empty;
    CHECK_FALSE(empty.covers(d("2026-01-05")));
    CHECK(to_iso(empty.add_school_days(d("2026-04-02"), 1)) == "2026-04-07");  // Good Friday, weekend, Easter Monday
    CHECK_FALSE(empty.next_school_day(d("2026-04-02")));
}

TEST_CASE("calendar/extreme-inputs-terminate") {
    const SchoolCalendar en = shipped("england-default");
    const Date           lo = date_from_ymd(1900, 1, 1), hi = date_from_ymd(2200, 12, 31);
    CHECK(en.add_school_days(Date{INT32_MAX}, INT32_MAX) == hi);
    CHECK(en.add_school_days(Date{INT32_MIN}, INT32_MIN) == lo);
    CHECK(en.add_school_weeks(d("2026-01-05"), INT32_MAX) == hi);
    CHECK(en.add_school_weeks(d("2026-01-05"), INT32_MIN) == lo);
    const int all = en.school_days_between(Date{INT32_MIN}, Date{INT32_MAX});
    CHECK(all > 70000);
    CHECK(all < days_between(lo, hi));
    // Backwards counts the day arrived at (1 January 1900, a bank holiday) and not the day left.
    CHECK(en.school_days_between(Date{INT32_MAX}, Date{INT32_MIN}) ==
          -(all - en.is_school_day(hi) + en.is_school_day(lo)));
    CHECK(en.is_school_day(Date{INT32_MAX}) == en.is_school_day(hi));  // clamped to the last date
}

// ---- holidays and shading ------------------------------------------------------------------

TEST_CASE("calendar/holiday-containing") {
    const SchoolCalendar ox = shipped("oxfordshire");
    auto                 h = ox.holiday_containing(d("2025-12-25"));
    REQUIRE(h);
    CHECK(h->reason == "Christmas holiday");
    CHECK(h->kind == RangeKind::holiday);
    CHECK(to_iso(h->first) == "2025-12-20");
    CHECK(to_iso(h->last) == "2026-01-04");
    h = ox.holiday_containing(d("2026-04-01"));
    CHECK(h->reason == "Easter holiday");
    CHECK(to_iso(h->first) == "2026-03-28");
    CHECK(to_iso(h->last) == "2026-04-12");
    h = ox.holiday_containing(d("2026-08-10"));
    CHECK(h->reason == "Summer holiday");
    CHECK(to_iso(h->last) == "2026-09-01");
    h = ox.holiday_containing(d("2027-08-10"));  // after the last term, up to the end of the span
    CHECK(h->reason == "Summer holiday");
    CHECK(to_iso(h->first) == "2027-07-22");
    CHECK(to_iso(h->last) == "2027-08-31");
    h = ox.holiday_containing(d("2025-10-29"));
    CHECK(h->reason == "October half-term");
    CHECK(h->kind == RangeKind::half_term);
    CHECK_FALSE(ox.holiday_containing(d("2025-10-22")));
    // Overlapping closures: the widest is the one shown.
    const SchoolCalendar t =
        one_term("2026-04-13", "2026-07-20",
                 {{d("2026-05-25"), d("2026-05-25"), "Bank holiday: Spring", RangeKind::bank_holiday, false},
                  {d("2026-05-25"), d("2026-05-29"), "May half-term", RangeKind::half_term, false}});
    CHECK(t.holiday_containing(d("2026-05-25"))->reason == "May half-term");
    // Six-term names: the gap between Autumn 1 and Autumn 2 is a half-term holiday.
    SchoolCalendar six = one_term("2025-09-03", "2025-10-24");
    six.terms[0].name = "Autumn 1";
    six.terms.push_back({"Autumn 2", d("2025-11-03"), d("2025-12-19"), ""});
    CHECK(six.holiday_containing(d("2025-10-29"))->reason == "Half-term holiday");
    CHECK(to_iso(six.term_containing(d("2025-11-05"))->first_day) == "2025-11-03");
}

TEST_CASE("calendar/non-school-ranges") {
    const SchoolCalendar ox = shipped("oxfordshire");
    auto                 r = ox.non_school_ranges(d("2025-12-01"), d("2026-01-31"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].reason == "Christmas holiday");
    r = ox.non_school_ranges(d("2025-12-24"), d("2025-12-26"));  // clipped to the window
    REQUIRE(r.size() == 1);
    CHECK(to_iso(r[0].first) == "2025-12-24");
    CHECK(to_iso(r[0].last) == "2025-12-26");
    r = ox.non_school_ranges(d("2027-07-01"), d("2028-01-10"));
    REQUIRE(r.size() == 4);
    CHECK(r[0].reason == "Summer holiday");
    CHECK(to_iso(r[0].first) == "2027-07-22");
    CHECK(to_iso(r[0].last) == "2027-08-31");
    CHECK(to_iso(r[1].first) == "2027-12-27");  // beyond the span: bank holidays only
    CHECK(to_iso(r[2].first) == "2027-12-28");
    CHECK(to_iso(r[3].first) == "2028-01-03");
    r = ox.non_school_ranges(d("2025-09-01"), d("2026-08-31"));
    std::vector<std::string> reasons;
    for (const auto& x : r) reasons.push_back(x.reason);
    CHECK(reasons ==
          std::vector<std::string>{"INSET day (countywide, set by the County Council)", "October half-term",
                                   "Christmas holiday", "Spring half-term", "Easter holiday", "Bank holiday: Early May",
                                   "Late spring half-term (with the Spring bank holiday)", "Summer holiday"});
    CHECK(ox.non_school_ranges(d("2026-01-10"), d("2026-01-01")).empty());
    // A closure inside a wider one is not shaded twice.
    const SchoolCalendar t =
        one_term("2026-04-13", "2026-07-20",
                 {{d("2026-05-25"), d("2026-05-25"), "Bank holiday: Spring", RangeKind::bank_holiday, false},
                  {d("2026-05-25"), d("2026-05-29"), "May half-term", RangeKind::half_term, false}});
    r = t.non_school_ranges(d("2026-05-01"), d("2026-05-31"));
    REQUIRE(r.size() == 1);
    CHECK(r[0].reason == "May half-term");
}

TEST_CASE("calendar/missing-bank-holidays") {
    const SchoolCalendar t = one_term("2026-04-13", "2026-07-20");
    CHECK(iso_days(missing_bank_holidays(t)) == std::vector<std::string>{"2026-05-04", "2026-05-25"});
    for (const std::string& la : shipped_calendar_ids()) CHECK_MESSAGE(missing_bank_holidays(shipped(la)).empty(), la);
}

TEST_CASE("calendar/edits-are-seen-at-once") {
    SchoolCalendar cal = shipped("oxfordshire");
    CHECK(cal.is_school_day(d("2025-11-04")));
    cal.closures.push_back({d("2025-11-04"), d("2025-11-04"), "Polling day", RangeKind::closure, false});
    CHECK_FALSE(cal.is_school_day(d("2025-11-04")));
    cal.closures.back().first = d("2025-11-05");  // an edit in place, same sizes
    cal.closures.back().last = d("2025-11-05");
    CHECK(cal.is_school_day(d("2025-11-04")));
    CHECK_FALSE(cal.is_school_day(d("2025-11-05")));
    const SchoolCalendar copy = cal;
    cal.closures.pop_back();
    CHECK(cal.is_school_day(d("2025-11-05")));
    CHECK_FALSE(copy.is_school_day(d("2025-11-05")));  // copies are independent
    cal.terms[0].last_day = d("2025-11-30");           // shorten a term
    CHECK_FALSE(cal.is_school_day(d("2025-12-01")));
}

// ---- properties ----------------------------------------------------------------------------

TEST_CASE("calendar/random-properties") {
    const SchoolCalendar cals[] = {shipped("england-default"), shipped("oxfordshire"), shipped("norfolk")};
    uint64_t             seed = 20260726;
    const auto           next = [&](int lo, int hi) {  // a small LCG: the same sequence on every platform
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return lo + static_cast<int>((seed >> 33) % static_cast<uint64_t>(hi - lo + 1));
    };
    const Date base = d("2025-06-01");
    for (int i = 0; i < 3000; ++i) {
        const SchoolCalendar& cal = cals[i % 3];
        const Date from = add_days(base, next(0, 950));  // June 2025 to January 2028: before, inside and after the data
        const int  n = next(-150, 150);
        const Date to = cal.add_school_days(from, n);
        INFO(cal.id << " from " << to_iso(from) << " n " << n << " -> " << to_iso(to));
        REQUIRE(cal.school_days_between(from, to) == n);  // inverts
        if (n != 0) REQUIRE(cal.is_school_day(to));       // lands on a school day
        if (n > 0) REQUIRE(from < to);
        if (n < 0) REQUIRE(to < from);
        REQUIRE(std::abs(days_between(from, to)) <= 2 * std::abs(n) + 60);  // never runs away
        if (cal.is_school_day(from)) REQUIRE(cal.add_school_days(to, -n) == from);
        if (n > 0) REQUIRE(cal.add_school_days(from, n - 1) < to);  // monotonic
        const int weeks = n / 5;
        REQUIRE(cal.school_weeks_between(from, cal.add_school_weeks(from, weeks)) == weeks);
        if (const auto nx = cal.next_school_day(from)) REQUIRE(*nx == cal.add_school_days(from, 1));
        const Date other = add_days(base, next(0, 950));
        REQUIRE(cal.school_weeks_between(from, other) == cal.school_days_between(from, other) / 5);
    }
}

// ---- the shipped calendars ---------------------------------------------------------------

TEST_CASE("calendar/defaults-load-for-every-la") {
    CHECK(shipped_calendar_path("norfolk") == "assets/calendars/norfolk.json");
    CHECK(is_shipped_calendar(kEnglandCalendarId));
    CHECK_FALSE(is_shipped_calendar("somewhere-else"));
    CHECK_FALSE(is_shipped_calendar(""));
    Problems missing;
    CHECK_FALSE(load_shipped_calendar("somewhere-else", missing));
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].message == "no built-in calendar \"somewhere-else\"");
    CHECK(shipped_calendar_ids().size() >= 2);                // the England default and at least one local authority's
    for (const std::string& la : cptest::local_pack_ids()) {  // every shipped pack's authority has its own
        const SchoolCalendar cal = shipped(la);
        CHECK(cal.id == la);
        CHECK(to_iso(cal.first_covered()) == "2025-09-01");
        CHECK(to_iso(cal.last_covered()) == "2027-08-31");
        CHECK(cal.terms.size() == 6);
        CHECK_FALSE(cal.source.empty());
        // Pupil days per academic year: 190, or 194 where only the LA's countywide INSET day is known.
        for (const char* year_end : {"2026-08-31", "2027-08-31"}) {
            const Date end = d(year_end);
            const int  days = cal.school_days_between(add_days(end, -365), end);
            CHECK_MESSAGE((days == 190 || (cal.id == "oxfordshire" && days == 194)),
                          la << " " << year_end << ": " << days);
        }
        for (const auto& r : cal.closures) CHECK((!r.example || r.kind == RangeKind::inset));
    }
}

TEST_CASE("calendar/round-trip-json") {
    // The shipped files are in the serialiser's own layout, byte for byte.
    for (const std::string& la : shipped_calendar_ids()) {
        const std::string   path = shipped_calendar_path(la);
        const EmbeddedFile* f = cp_engine_assets_find(path.c_str());
        REQUIRE(f);
        const SchoolCalendar cal = shipped(la);
        CHECK_MESSAGE(calendar_to_json(cal) == std::string(f->text()), la);
    }
    // An edited calendar: no covers, unusual text, an example flag, closures out of order.
    SchoolCalendar cal =
        one_term("2026-04-13", "2026-07-20",
                 {{d("2026-06-01"), d("2026-06-01"), "Polling \"day\" \\ caf\xc3\xa9", RangeKind::closure, false},
                  {d("2026-05-04"), d("2026-05-04"), "Bank holiday: Early May", RangeKind::bank_holiday, false},
                  {d("2026-04-13"), d("2026-04-13"), "INSET day", RangeKind::inset, true}});
    cal.terms[0].note = "typed in by the office";
    Problems   problems;
    const auto back = parse_calendar(calendar_to_json(cal), "edited.json", problems);
    for (const auto& p : problems) MESSAGE(p.to_string());
    REQUIRE(back);
    CHECK_FALSE(back->covers_first);
    CHECK(back->terms[0].note == "typed in by the office");
    REQUIRE(back->closures.size() == 3);
    CHECK(back->closures[0].example);  // sorted into date order
    CHECK(back->closures[0].kind == RangeKind::inset);
    CHECK(back->closures[2].reason == cal.closures[0].reason);
    CHECK(calendar_to_json(*back) ==
          calendar_to_json(*parse_calendar(calendar_to_json(*back), "again.json", problems)));
    const auto via_value = parse_calendar_value(calendar_to_json_value(*back), "value.json", problems);
    REQUIRE(via_value);
    CHECK(calendar_to_json(*via_value) == calendar_to_json(*back));
    // A span set on one side only (by code, not by a file) is written out whole.
    SchoolCalendar half = *back;
    half.covers_first = d("2026-04-01");
    const auto whole = parse_calendar(calendar_to_json(half), "half.json", problems);
    REQUIRE(whole);
    CHECK(to_iso(*whole->covers_first) == "2026-04-01");
    CHECK(to_iso(*whole->covers_last) == "2026-07-20");
    CHECK(problems.empty());
}

// ---- invalid calendars: each kind of error, its own test and message -----------------------

namespace {

Json valid_calendar() {
    return Json::parse(R"({
      "format": "caseplan-calendar", "version": 1, "id": "test", "name": "Test", "source": "a test",
      "covers": {"first": "2025-09-01", "last": "2026-08-31"},
      "terms": [
        {"name": "Autumn 2025", "first_day": "2025-09-03", "last_day": "2025-12-19"},
        {"name": "Spring 2026", "first_day": "2026-01-05", "last_day": "2026-03-27"}
      ],
      "closures": [
        {"first": "2025-10-27", "last": "2025-10-31", "kind": "half_term", "reason": "October half-term"},
        {"first": "2026-01-05", "kind": "inset", "reason": "INSET day", "example": true}
      ]
    })");
}

// Parses a broken variant; expects a problem at `path` whose message contains `text`.
void expect_calendar_problem(const Json& j, const std::string& path, const std::string& text) {
    Problems problems;
    CHECK_FALSE(parse_calendar(j.dump(), "cal.json", problems));
    bool found = false;
    for (const auto& p : problems) {
        found = found || (p.file == "cal.json" && p.path == path && p.message.find(text) != std::string::npos);
        if (!found) MESSAGE(p.to_string());
    }
    CHECK_MESSAGE(found, path << " / " << text);
}

}  // namespace

TEST_CASE("calendar/valid-sample-loads") {
    Problems   p;
    const auto cal = parse_calendar(valid_calendar().dump(), "cal.json", p);
    REQUIRE(cal);
    CHECK(p.empty());
    CHECK(cal->closures[1].last == d("2026-01-05"));  // "last" left out: a one-day closure
}

TEST_CASE("calendar/invalid-not-json") {
    Problems p;
    CHECK_FALSE(parse_calendar("{\"format\": ", "cal.json", p));
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "cal.json");
    CHECK(p[0].message.find("not valid JSON") == 0);
}

TEST_CASE("calendar/invalid-not-an-object") {
    expect_calendar_problem(Json::array(), "", "expected a calendar object");
}

TEST_CASE("calendar/invalid-format-marker") {
    Json j = valid_calendar();
    j["format"] = "caseplan-pack";
    expect_calendar_problem(j, "/format", "expected \"caseplan-calendar\"; found \"caseplan-pack\"");
}

TEST_CASE("calendar/invalid-version") {
    Json j = valid_calendar();
    j["version"] = 2;
    expect_calendar_problem(j, "/version", "calendar format version 2 is not supported: expected 1");
}

TEST_CASE("calendar/invalid-id") {
    Json j = valid_calendar();
    j["id"] = "My Calendar";
    expect_calendar_problem(j, "/id", "expected lower-case letters, digits and hyphens; found \"My Calendar\"");
}

TEST_CASE("calendar/invalid-missing-field") {
    Json j = valid_calendar();
    j["terms"][1].erase("last_day");
    expect_calendar_problem(j, "/terms/1/last_day", "missing: expected the term's last day, a date written YYYY-MM-DD");
    j = valid_calendar();
    j.erase("source");
    expect_calendar_problem(j, "/source", "missing: expected where the dates came from");
    j = valid_calendar();
    j["closures"][0].erase("reason");
    expect_calendar_problem(j, "/closures/0/reason", "missing: expected the reason");
}

TEST_CASE("calendar/invalid-no-terms") {
    Json j = valid_calendar();
    j["terms"] = Json::array();
    expect_calendar_problem(j, "/terms", "expected a list of at least one term");
}

TEST_CASE("calendar/invalid-bad-date") {
    Json j = valid_calendar();
    j["terms"][0]["first_day"] = "2025-02-30";
    expect_calendar_problem(j, "/terms/0/first_day",
                            "expected a date written YYYY-MM-DD (for example 2026-09-01); found \"2025-02-30\"");
    j = valid_calendar();
    j["closures"][0]["first"] = "27/10/2025";
    expect_calendar_problem(j, "/closures/0/first", "found \"27/10/2025\"");
    j = valid_calendar();
    j["covers"]["last"] = 20260831;
    expect_calendar_problem(j, "/covers/last", "found 20260831");
}

TEST_CASE("calendar/invalid-last-before-first") {
    Json j = valid_calendar();
    j["terms"][1]["last_day"] = "2025-12-31";
    expect_calendar_problem(j, "/terms/1/last_day",
                            "expected a date on or after first_day 2026-01-05; found 2025-12-31");
    j = valid_calendar();
    j["closures"][0]["last"] = "2025-10-20";
    expect_calendar_problem(j, "/closures/0/last", "expected a date on or after first 2025-10-27; found 2025-10-20");
    j = valid_calendar();
    j["covers"]["last"] = "2025-01-01";
    expect_calendar_problem(j, "/covers/last", "expected a date on or after first 2025-09-01");
}

TEST_CASE("calendar/invalid-overlapping-terms") {
    Json j = valid_calendar();
    j["terms"][1]["first_day"] = "2025-12-15";
    expect_calendar_problem(
        j, "/terms/1",
        "overlaps /terms/0 \"Autumn 2025\" (2025-09-03 to 2025-12-19): expected terms that do not overlap");
}

TEST_CASE("calendar/invalid-duplicate-term-name") {
    Json j = valid_calendar();
    j["terms"][1]["name"] = "Autumn 2025";
    expect_calendar_problem(j, "/terms/1/name", "expected a name no other term has; \"Autumn 2025\" is also /terms/0");
}

TEST_CASE("calendar/invalid-closure-outside-term") {
    Json j = valid_calendar();
    j["closures"][0]["first"] = "2025-12-22";  // in the Christmas holiday
    j["closures"][0]["last"] = "2025-12-23";
    expect_calendar_problem(j, "/closures/0",
                            "is not inside one term: expected a closure within a single term's first_day to last_day");
    j = valid_calendar();
    j["closures"][0]["last"] = "2026-01-06";  // runs from one term into the next
    expect_calendar_problem(j, "/closures/0", "is not inside one term");
}

TEST_CASE("calendar/invalid-term-outside-covers") {
    Json j = valid_calendar();
    j["covers"]["last"] = "2026-03-01";
    expect_calendar_problem(j, "/terms/1",
                            "is outside covers (2025-09-01 to 2026-03-01): expected every term inside it");
}

TEST_CASE("calendar/invalid-unknown-key") {
    Json j = valid_calendar();
    j["colour"] = "blue";
    expect_calendar_problem(
        j, "/colour",
        "unknown key \"colour\": expected one of format, version, id, name, source, covers, terms, closures");
    j = valid_calendar();
    j["terms"][0]["start"] = "2025-09-03";
    expect_calendar_problem(j, "/terms/0/start",
                            "unknown key \"start\": expected one of name, first_day, last_day, note");
    j = valid_calendar();
    j["closures"][1]["examples"] = true;
    expect_calendar_problem(j, "/closures/1/examples", "unknown key \"examples\"");
}

TEST_CASE("calendar/invalid-closure-kind") {
    Json j = valid_calendar();
    j["closures"][0]["kind"] = "holiday";  // gaps between terms are not stored as closures
    expect_calendar_problem(j, "/closures/0/kind",
                            "expected one of closure, half_term, inset, bank_holiday; found \"holiday\"");
}

TEST_CASE("calendar/invalid-example-flag") {
    Json j = valid_calendar();
    j["closures"][1]["example"] = "yes";
    expect_calendar_problem(j, "/closures/1/example", "expected true or false; found \"yes\"");
}

TEST_CASE("calendar/invalid-reports-every-problem") {
    Json j = valid_calendar();
    j["id"] = "";
    j["terms"][0]["first_day"] = "soon";
    j["closures"][0]["kind"] = "strike";
    Problems p;
    CHECK_FALSE(parse_calendar(j.dump(), "cal.json", p));
    CHECK(p.size() == 3);
}
