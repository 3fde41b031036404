#include "engine/date.h"

#include <array>
#include <charconv>

namespace cp {
namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days before 1 January of year y, counted from 1 January 1970 (negative before it).
int32_t days_before_year(int y) {
    const auto leaps_before = [](int year) {
        const int p = year - 1;
        return p / 4 - p / 100 + p / 400;
    };
    return 365 * (y - 1970) + leaps_before(y) - leaps_before(1970);
}

std::size_t month_slot(int m) { return static_cast<std::size_t>(m - 1); }  // m is 1 … 12

int32_t days_before_month(int y, int m) {
    static constexpr std::array<int, 12> before{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[month_slot(m)] + (m > 2 && is_leap(y) ? 1 : 0);
}

int32_t days_from_civil(int y, int m, int d) { return days_before_year(y) + days_before_month(y, m) + d - 1; }

Ymd civil_from_days(int32_t z) {
    // Estimate the year, then correct: the estimate is off by at most one.
    int y = 1970 + static_cast<int>(z / 365.2425);
    while (days_before_year(y) > z) --y;
    while (days_before_year(y + 1) <= z) ++y;
    const int32_t doy = z - days_before_year(y);
    int           m = 12;
    while (days_before_month(y, m) > doy) --m;
    return {y, m, static_cast<int>(doy - days_before_month(y, m)) + 1};
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc{};
}

std::string two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

}  // namespace

bool is_valid_ymd(int y, int m, int d) {
    if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    static constexpr std::array<int, 12> len{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d <= len[month_slot(m)] + (m == 2 && is_leap(y) ? 1 : 0);
}

Date date_from_ymd(int y, int m, int d) { return Date{days_from_civil(y, m, d)}; }

Ymd ymd_of(Date d) { return civil_from_days(d.days); }

int weekday_of(Date d) {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const int w = (d.days + 3) % 7;
    return w < 0 ? w + 7 : w;
}

Date add_days(Date d, int n) { return Date{d.days + n}; }
int  days_between(Date from, Date to) { return to.days - from.days; }

std::optional<Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    int y = 0, m = 0, d = 0;
    if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) || !parse_int(s.substr(8, 2), d))
        return std::nullopt;
    if (!is_valid_ymd(y, m, d)) return std::nullopt;
    return date_from_ymd(y, m, d);
}

std::optional<Date> parse_uk_date(std::string_view s) {
    const auto a = s.find('/');
    const auto b = a == std::string_view::npos ? a : s.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    int        d = 0, m = 0, y = 0;
    const auto ds = s.substr(0, a), ms = s.substr(a + 1, b - a - 1), ys = s.substr(b + 1);
    if (ds.size() > 2 || ms.size() > 2 || ys.size() != 4) return std::nullopt;
    if (!parse_int(ds, d) || !parse_int(ms, m) || !parse_int(ys, y)) return std::nullopt;
    if (!is_valid_ymd(y, m, d)) return std::nullopt;
    return date_from_ymd(y, m, d);
}

std::string to_iso(Date d) {
    const Ymd v = ymd_of(d);
    return std::to_string(v.year) + "-" + two(v.month) + "-" + two(v.day);
}

std::string to_uk(Date d) {
    const Ymd v = ymd_of(d);
    return two(v.day) + "/" + two(v.month) + "/" + std::to_string(v.year);
}

namespace {

Date last_sunday(int year, int month) {
    const Date end = add_days(date_from_ymd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1), -1);
    return add_days(end, -((weekday_of(end) + 1) % 7));
}

struct Moment {
    Date day;
    int  minutes = 0;  // since midnight
};

std::optional<Moment> uk_moment(std::string_view utc) {
    if (utc.size() < 17 || utc[10] != 'T' || utc[13] != ':') return std::nullopt;
    const auto day = parse_iso_date(utc.substr(0, 10));
    const auto digit = [&](std::size_t i) { return utc[i] >= '0' && utc[i] <= '9' ? utc[i] - '0' : -100; };
    const int  hh = digit(11) * 10 + digit(12), mm = digit(14) * 10 + digit(15);
    if (!day || hh < 0 || hh > 23 || mm < 0 || mm > 59) return std::nullopt;
    const int  year = ymd_of(*day).year;
    const Date start = last_sunday(year, 3), end = last_sunday(year, 10);
    const bool summer = (*day > start || (*day == start && hh >= 1)) && (*day < end || (*day == end && hh < 1));
    Moment     m{*day, hh * 60 + mm + (summer ? 60 : 0)};
    if (m.minutes >= 24 * 60) {
        m.minutes -= 24 * 60;
        m.day = add_days(m.day, 1);
    }
    return m;
}

std::string clock_text(int minutes) { return two(minutes / 60) + ":" + two(minutes % 60); }

}  // namespace

std::string uk_local_time(std::string_view utc) {
    const auto m = uk_moment(utc);
    return m ? to_uk(m->day) + " " + clock_text(m->minutes) : std::string(utc);
}

std::string uk_local_clock(std::string_view utc) {
    const auto m = uk_moment(utc);
    return m ? clock_text(m->minutes) : std::string(utc);
}

std::string to_uk_long(Date d) {
    static constexpr std::array<const char*, 7>  days{"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                     "Friday", "Saturday", "Sunday"};
    static constexpr std::array<const char*, 12> months{"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};
    const Ymd                                    v = ymd_of(d);
    return std::string(days[static_cast<std::size_t>(weekday_of(d))]) + " " + std::to_string(v.day) + " " +
           months[month_slot(v.month)] + " " + std::to_string(v.year);
}

int whole_years(Date from, Date to) {
    const Ymd a = ymd_of(from), b = ymd_of(to);
    return b.year - a.year - ((b.month < a.month || (b.month == a.month && b.day < a.day)) ? 1 : 0);
}

}  // namespace cp
