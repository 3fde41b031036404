// Messages state the caps correctly (issue 12, section 4): "15 weeks agreed, at most 14".
#include <doctest/doctest.h>

#include "test_util.h"

using namespace cp;
using namespace cptest;
using E = EventType;

namespace {
std::string message_of(const DraftVerdict& v, const std::string& rule) {
    for (const Alert& a : v.blocking)
        if (a.rule_id == rule) return a.message;
    return "";
}
}  // namespace

TEST_CASE("caps/norfolk-extension-beyond-14-school-weeks-says-how-many-and-the-cap") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    sc.add(E::agreement_signed, {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 8}});
    sc.add(E::notice_sent, {{"date", "2026-09-09"},
                            {"address", "x"},
                            {"report_to", "y"},
                            {"days", 40},
                            {"reasons", "r"},
                            {"session_times", "t"}});
    sc.start("2026-09-14");
    const DraftVerdict v = sc.check(
        E::extension_agreed, {{"date", "2026-11-09"}, {"weeks", 7}, {"reason", "low_level_concerns"}}, "2026-11-09");
    CHECK_FALSE(v.allowed);
    CHECK(message_of(v, "norfolk/trial-8-school-weeks").find("15 weeks agreed, at most 14.") != std::string::npos);
}

TEST_CASE("caps/norfolk-agreement-longer-than-8-school-weeks-names-both-caps") {
    Scenario sc("norfolk", "osd_to_managed_move");
    sc.prepare(false);
    const DraftVerdict v = sc.check(
        E::agreement_signed, {{"date", "2026-09-09"}, {"start", "2026-09-14"}, {"duration_weeks", 15}}, "2026-09-09");
    CHECK_FALSE(v.allowed);
    CHECK(message_of(v, "norfolk/trial-8-school-weeks")
              .find("15 weeks agreed, at most 8 before extensions (14 with them).") != std::string::npos);
}
