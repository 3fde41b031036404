// A number too large for a double ("1e400") in a workspace, a protocol pack or a calendar is
// reported as invalid JSON, never thrown out of the engine. Found by fuzzing (fuzz_vault,
// fuzz_pack; docs/fuzzing.md): nlohmann::json throws out_of_range (406), not parse_error, for it,
// and the readers caught parse_error only, so such a file ended the program.
#include <doctest/doctest.h>

#include "engine/calendar.h"
#include "engine/engine.h"
#include "engine/workspace.h"

using namespace cp;

namespace {

bool says_number_overflow(const Problems& problems) {
    for (const auto& p : problems)
        if (p.message.find("not valid JSON") != std::string::npos &&
            p.message.find("number overflow") != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("json-number-overflow/workspace-is-refused-with-a-problem") {
    // The fast scanner gives up on decimals, so the reference reader sees the number.
    for (const char* text : {R"({"format":"caseplan-workspace","version":1,"cases":[],"x":1e400})",
                             R"({"format":"caseplan-workspace","version":1,)"
                             R"("cases":[{"id":"C","heads":[],"events":[{"payload":{"n":-1e999}}]}]})",
                             "1e400"}) {
        Problems                 problems, integrity;
        std::optional<Workspace> ws;
        CHECK_NOTHROW(ws = load_workspace(text, "ws.json", problems, integrity));
        CHECK_FALSE(ws);
        CHECK(says_number_overflow(problems));
    }
}

TEST_CASE("json-number-overflow/pack-is-refused-with-a-problem") {
    Problems            problems;
    std::optional<Pack> pack;
    CHECK_NOTHROW(pack = parse_pack(R"({"format":"caseplan-pack","version":184e674})", "kent.json", problems));
    CHECK_FALSE(pack);
    CHECK(says_number_overflow(problems));

    PackLibrary packs;
    Problems    load;
    packs.load_embedded(load);
    Problems added;
    bool     ok = true;
    CHECK_NOTHROW(ok = packs.add_pack_text(R"({"id":"kent","rules":[{"params":{"max":1e400}}]})", "kent.json", added));
    CHECK_FALSE(ok);
    CHECK(says_number_overflow(added));
}

TEST_CASE("json-number-overflow/calendar-is-refused-with-a-problem") {
    Problems                      problems;
    std::optional<SchoolCalendar> cal;
    CHECK_NOTHROW(cal = parse_calendar(R"({"format":"caseplan-calendar","version":1e400})", "cal.json", problems));
    CHECK_FALSE(cal);
    CHECK(says_number_overflow(problems));
}
