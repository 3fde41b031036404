// Untrusted JSON nested more than kMaxJsonDepth levels deep is refused as invalid JSON. The
// engine's walks over a document (serialising it into a problem message, copying it, hashing an
// event's payload, looking for decimals) recurse, and so do nlohmann::json's own, so a file of
// "[[[[…" tens of thousands deep overflowed the stack (ASan: stack-overflow in the fuzz targets
// fuzz_workspace and fuzz_pack; docs/fuzzing.md). These tests use a few hundred levels: enough
// to be refused, shallow enough to be harmless where the limit were missing.
#include <doctest/doctest.h>

#include "engine/calendar.h"
#include "engine/demo.h"
#include "engine/engine.h"
#include "engine/workspace.h"

using namespace cp;

namespace {

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// The demo workspace with `value` in place of the first "REPLACE" text.
std::string demo_with(const std::string& value, void (*place)(Json&)) {
    Json j = workspace_to_json_value(make_demo_workspace());
    place(j);
    std::string text = j.dump();
    const auto  at = text.find("\"REPLACE\"");
    REQUIRE(at != std::string::npos);
    return text.replace(at, 9, value);
}

bool says_too_deep(const Problems& problems) {
    for (const auto& p : problems)
        if (p.message.find("not valid JSON: nested more than") != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("json-nesting-limit/parse-json-text-accepts-the-limit-and-refuses-beyond") {
    std::string error;
    CHECK(parse_json_text(nested(kMaxJsonDepth), error));
    CHECK_FALSE(parse_json_text(nested(kMaxJsonDepth + 2), error));
    CHECK(error.find("nested more than") != std::string::npos);
    CHECK_FALSE(parse_json_text("[1e400]", error));
    CHECK(error.find("number overflow") != std::string::npos);
}

TEST_CASE("json-nesting-limit/workspace-deep-in-an-event-payload-the-calendar-or-a-name") {
    void (*places[])(Json&) = {
        [](Json& j) { j["cases"][0]["events"][1]["payload"]["extra"] = "REPLACE"; },
        [](Json& j) {
            j["calendar"] = {{"terms", "REPLACE"}};
        },
        [](Json& j) { j["own_school"]["name"] = "REPLACE"; },
    };
    for (auto place : places) {
        Problems                 problems, integrity;
        std::optional<Workspace> ws;
        CHECK_NOTHROW(ws = load_workspace(demo_with(nested(600), place), "ws.json", problems, integrity));
        CHECK_FALSE(ws);
        CHECK(says_too_deep(problems));
    }
}

TEST_CASE("json-nesting-limit/a-workspace-within-the-limit-is-judged-on-its-content") {
    Problems   problems, integrity;
    const auto ws = load_workspace(demo_with(nested(200), [](Json& j) { j["own_school"]["name"] = "REPLACE"; }),
                                   "ws.json", problems, integrity);
    CHECK_FALSE(ws);
    CHECK_FALSE(says_too_deep(problems));
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front().path == "/own_school/name");
}

TEST_CASE("json-nesting-limit/pack-and-calendar") {
    Problems problems;
    CHECK_FALSE(parse_pack(R"({"format":"caseplan-pack","name":)" + nested(600) + "}", "kent.json", problems));
    CHECK(says_too_deep(problems));
    Problems cal;
    CHECK_FALSE(parse_calendar(R"({"format":"caseplan-calendar","terms":)" + nested(600) + "}", "cal.json", cal));
    CHECK(says_too_deep(cal));
}
