// The 2024 register-code table and one week's session counts (plan.h): the table agrees with the
// arithmetic the plan uses, every code has a meaning, and a week counts as the regulations say.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "engine/events.h"
#include "engine/plan.h"
#include "test_util.h"

using namespace cp;

TEST_CASE("attendance/register-codes-agree-with-the-arithmetic") {
    std::set<char> seen;
    for (const RegisterCode& r : register_codes()) {
        CHECK_MESSAGE(seen.insert(r.code).second, "code listed twice: " << r.code);
        CHECK(std::string(r.meaning).size() > 5);
        CHECK(r.present == is_present_code(r.code));
        CHECK(r.possible == is_possible_code(r.code));
        CHECK(find_register_code(r.code) == &r);
        // Present codes are the two present groups; absences are possible and not present.
        const bool present_group = r.group == CodeGroup::present || r.group == CodeGroup::approved_activity;
        CHECK(r.present == present_group);
        CHECK(r.possible == (r.group != CodeGroup::not_possible));
    }
    for (char c : std::string("/\\LBKPVWDIMNOEUGCJSTRXYZQ#-")) CHECK_MESSAGE(seen.count(c), c);
    CHECK(find_register_code('A') == nullptr);
    CHECK(std::string(find_register_code('D')->meaning).find("Dual registered") == 0);
    CHECK(std::string(code_group_label(CodeGroup::unauthorised_absence)) == "Unauthorised absence");
}

TEST_CASE("attendance/count-sessions-of-one-week") {
    CHECK(count_sessions("//////////").possible == 10);
    CHECK(count_sessions("//////////").percent() == 100.0);
    const SessionCount a = count_sessions("////////NN");
    CHECK(a.possible == 10);
    CHECK(a.present == 8);
    CHECK(a.percent() == doctest::Approx(80.0));
    const SessionCount b = count_sessions("--//I/DD#L");  // 2 no session, 2 dual, 1 closure: 5 possible
    CHECK(b.possible == 5);
    CHECK(b.present == 4);
    CHECK(count_sessions("----------").possible == 0);
    CHECK(count_sessions("----------").percent() == 100.0);
    CHECK(count_sessions("BKPVW\\/LLU").present == 9);
}

TEST_CASE("attendance/summary-is-the-sum-of-its-weeks") {
    cptest::LogBuilder b;
    b.add(EventType::case_opened,
          {{"date", "2026-09-01"}, {"kind", "off_site_direction"}, {"pack", "worcestershire"}, {"pupil_name", "A"}});
    b.add(EventType::placement_started, {{"date", "2026-09-14"}});
    b.add(EventType::attendance_week,
          {{"week_start", "2026-09-07"}, {"sessions", "OOOOOOOOOO"}});  // before the start: ignored
    b.add(EventType::attendance_week, {{"week_start", "2026-09-14"}, {"sessions", "////////NN"}});
    b.add(EventType::attendance_week, {{"week_start", "2026-09-21"}, {"sessions", "--//////I/"}});
    const AttendanceSummary s = attendance_of(replay(b.c));
    CHECK(s.weeks == 2);
    CHECK(s.possible == 18);
    CHECK(s.present == 15);
    CHECK(s.percent == doctest::Approx(100.0 * 15 / 18));
}

// Issue 13 item 7 / docs/workspace-format.md: one check for a week of the register, wherever it is
// entered (the grid, the "Record a week of attendance" form, a workspace or an import read back).
TEST_CASE("attendance/a-week-is-a-monday-and-ten-register-codes") {
    CHECK(attendance_week_problem("2026-09-14", "//////////").empty());
    CHECK(attendance_week_problem("2026-09-14", "--//I/DD#L").empty());
    // What was typed in the form that once counted as "100% (8 of 8)": blanks, and too many codes.
    const std::string blanks = attendance_week_problem("2026-09-14", "-- -- /\\ /\\ /L");
    CHECK(blanks.find("the week of 14/09/2026 has 4 sessions left blank") == 0);
    CHECK(attendance_week_problem("2026-09-14", "////////").find("has 8 codes; a week has 10") != std::string::npos);
    CHECK(attendance_week_problem("2026-09-14", "///////////").find("has 11 codes") != std::string::npos);
    const std::string unknown = attendance_week_problem("2026-09-14", "//A///////");
    CHECK(unknown.find("\"A\" for Tuesday morning is not a register code") != std::string::npos);
    CHECK(attendance_week_problem("2026-09-15", "//////////").find("does not start on a Monday") != std::string::npos);
    CHECK(attendance_week_problem("15/09/2026", "//////////") == "the week needs the date of its Monday");
}

TEST_CASE("attendance/a-week-recorded-before-the-check-still-reads") {
    // Weeks stored by an older version with blanks are kept when a workspace is read: the plan
    // flags them (whole_log_tests), nothing is locked out.
    Problems p;
    validate_payload(EventType::attendance_week, Json{{"week_start", "2026-09-14"}, {"sessions", "// // // //"}}, "",
                     "/payload", p);
    CHECK(p.empty());
}
