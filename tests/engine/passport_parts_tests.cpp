// The parts of a pupil passport are the protocol's own (docs/protocol-packs.md, "Forms"): its passport
// form's sections name them, the record dialog offers them by what a person calls them, and an entry
// naming a part the case's protocol does not have is refused when recorded and flagged in a log.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "engine/pack.h"
#include "test_util.h"

using namespace cp;
using namespace cptest;

namespace {

std::vector<std::string> codes(const std::vector<PassportPart>& parts) {
    std::vector<std::string> out;
    for (const PassportPart& p : parts) out.push_back(p.code);
    return out;
}

Json form_with_part(const char* part) {
    return {{"id", "part_county_passport"},
            {"name", "Passport"},
            {"title", "Pupil Passport"},
            {"sections",
             {{{"heading", "Learning"},
               {"passport", part},
               {"fields", {{{"label", "Reading age"}, {"answer", "reading_age"}}}}}}}};
}

Problems problems_of(const Json& form) {
    const Json p = {
        {"format", "caseplan-pack"},
        {"version", 1},
        {"id", "part-county"},
        {"name", "Part County Protocol"},
        {"local_authority", "Part County Council"},
        {"extends", "england-baseline"},
        {"sources", {{{"id", "p"}, {"title", "Protocol"}, {"publisher", "Part County Council"}, {"date", "2026"}}}},
        {"forms", {form}},
        {"passport", "part_county_passport"},
        {"rules", Json::array()}};
    Problems out;
    parse_pack(p.dump(), "part-county.json", out);
    return out;
}

}  // namespace

// Thurrock Managed Move Protocol, Appendix: the Student Passport; Worcestershire Off-site Direction
// Protocol, Form 2: the Pupil Passport's sections 1a to 2.
TEST_CASE("passport/each-protocol-offers-the-parts-of-its-own-passport") {
    const Pack thurrock = pack("thurrock");
    REQUIRE(passport_parts(thurrock).size() == 1);
    CHECK(passport_parts(thurrock)[0].code == "student_passport");
    CHECK(passport_parts(thurrock)[0].label == "The student");  // the heading of its first section
    const Pack worcs = pack("worcestershire");
    CHECK(codes(passport_parts(worcs)) == std::vector<std::string>{"1a", "1b", "1c", "1d", "1e", "2"});
    CHECK(passport_part_label(&worcs, "1c") == "Section 1c");  // a numbered part is read by its number
    CHECK(passport_part_label(&worcs, "student_passport") == "A part of the passport the protocol no longer lists");
    CHECK(worcs.has_passport_part("1e"));
    CHECK_FALSE(worcs.has_passport_part("student_passport"));
}

TEST_CASE("passport/a-pack-names-its-own-parts-with-plain-words") {
    CHECK(problems_of(form_with_part("learning")).empty());
    const Problems p = problems_of(form_with_part("Learning needs"));
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/forms/0/sections/0/passport");
    CHECK(p[0].message.find("lower-case letters, digits and underscores") != std::string::npos);
}

TEST_CASE("passport/a-part-the-protocol-lacks-is-refused-when-recorded-and-flagged-in-a-log") {
    Scenario           sc("thurrock", "managed_move");
    const Json         other = {{"section", "1c"}, {"fields", {{"reading_age", "9"}}}};
    const DraftVerdict v = sc.check(EventType::pupil_details, other, "2026-09-08");
    CHECK_FALSE(v.allowed);
    CHECK(blocked_by(v, "engine/unknown-passport-part"));
    CHECK(sc.check(EventType::pupil_details, {{"section", "student_passport"}, {"fields", {{"iep", "attached"}}}},
                   "2026-09-08")
              .allowed);
    // The same entry arriving in a log (an import, an older edition of the protocol) is named on the plan.
    sc.add(EventType::pupil_details, other);
    sc.ws.cases = {sc.log.c};
    const CaseState s = sc.state();
    const CasePlan  p = plan_case({s, sc.pk, sc.cal, d("2026-09-09"), &sc.ws, nullptr, &sc.log.c});
    const bool      named = std::any_of(p.alerts.begin(), p.alerts.end(), [](const Alert& a) {
        return a.level == AlertLevel::blocking && a.rule_id == "engine/unknown-passport-part";
    });
    CHECK(named);
}
