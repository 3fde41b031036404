// Every kind of invalid pack gets its own test and its own message.
#include <doctest/doctest.h>

#include "engine/pack.h"

using namespace cp;

namespace {

Json valid_local() {
    return Json::parse(R"({
      "format": "caseplan-pack", "version": 1, "id": "testshire", "name": "Testshire protocol",
      "local_authority": "Testshire Council", "extends": "england-baseline",
      "sources": [{"id": "testshire-protocol", "title": "Managed Move Protocol", "publisher": "Testshire Council",
                   "date": "May 2026", "url": "https://example.org/testshire-protocol"}],
      "case_kinds": ["managed_move"],
      "rules": [
        {"id": "testshire/length", "kind": "duration", "severity": "blocks", "message": "At most 8 weeks.",
         "citation": {"source": "testshire-protocol", "paragraph": "3"}, "params": {"unit": "weeks", "max": 8}},
        {"id": "testshire/gate", "kind": "gate", "severity": "blocks", "message": "Consent first.",
         "citation": {"source": "testshire-protocol", "paragraph": "2"},
         "params": {"action": "propose_host", "requires": "parent_consent"}}
      ]})");
}

Problems parse_problems(const Json& j) {
    Problems p;
    CHECK_FALSE(parse_pack(j.dump(), "testshire.json", p));
    return p;
}

void expect(const Problems& problems, const std::string& path, const std::string& text) {
    bool found = false;
    for (const auto& p : problems)
        found = found || (p.file == "testshire.json" && p.path == path && p.message.find(text) != std::string::npos);
    if (!found)
        for (const auto& p : problems) MESSAGE(p.to_string());
    CHECK_MESSAGE(found, path << " / " << text);
}

Pack baseline() {
    Problems p;
    return *embedded_pack("england-baseline", p);
}

}  // namespace

TEST_CASE("pack-invalid/valid-sample-loads-and-resolves-without-recompiling") {
    Problems   p;
    const auto local = parse_pack(valid_local().dump(), "testshire.json", p);
    REQUIRE(local);
    const auto merged = resolve_pack(*local, baseline(), p);
    REQUIRE(merged);
    CHECK(merged->find_rule("testshire/length"));
    CHECK(merged->find_rule("england/no-trial-managed-move"));
}

TEST_CASE("pack-invalid/not-json") {
    Problems p;
    CHECK_FALSE(parse_pack("{\"rules\": [", "testshire.json", p));
    expect(p, "", "not valid JSON");
}

TEST_CASE("pack-invalid/wrong-format") {
    Json j = valid_local();
    j["format"] = "caseplan-workspace";
    expect(parse_problems(j), "/format", "expected \"caseplan-pack\"");
}

TEST_CASE("pack-invalid/unsupported-version") {
    Json j = valid_local();
    j["version"] = 3;
    expect(parse_problems(j), "/version", "pack format version 3 is not supported");
}

TEST_CASE("pack-invalid/bad-id") {
    Json j = valid_local();
    j["id"] = "Test Shire";
    expect(parse_problems(j), "/id", "expected lower-case letters, digits and hyphens");
}

TEST_CASE("pack-invalid/missing-name") {
    Json j = valid_local();
    j.erase("name");
    expect(parse_problems(j), "/name", "missing: expected a text");
}

TEST_CASE("pack-invalid/missing-rules") {
    Json j = valid_local();
    j.erase("rules");
    expect(parse_problems(j), "/rules", "missing: expected a list");
}

TEST_CASE("pack-invalid/unknown-top-level-field") {
    Json j = valid_local();
    j["rulez"] = Json::array();
    expect(parse_problems(j), "/rulez", "unknown field \"rulez\"");
}

TEST_CASE("pack-invalid/unknown-case-kind") {
    Json j = valid_local();
    j["case_kinds"] = {"trial_move"};
    expect(parse_problems(j), "/case_kinds/0", "expected a case kind");
}

TEST_CASE("pack-invalid/unknown-rule-kind") {
    Json j = valid_local();
    j["rules"][0]["kind"] = "timer";
    expect(parse_problems(j), "/rules/0/kind", "expected one of gate, deadline, duration");
}

TEST_CASE("pack-invalid/bad-severity") {
    Json j = valid_local();
    j["rules"][1]["severity"] = "stop";
    expect(parse_problems(j), "/rules/1/severity", "expected one of blocks, warns, informs; found \"stop\"");
}

TEST_CASE("pack-invalid/empty-message") {
    Json j = valid_local();
    j["rules"][1]["message"] = "";
    expect(parse_problems(j), "/rules/1/message", "expected a non-empty text");
}

TEST_CASE("pack-invalid/missing-citation") {
    Json j = valid_local();
    j["rules"][1].erase("citation");
    expect(parse_problems(j), "/rules/1/citation", "missing: expected a citation {source, paragraph}");
}

TEST_CASE("pack-invalid/citation-with-a-file-name") {
    Json j = valid_local();
    j["rules"][1]["citation"] = {{"file", "testshire.txt"}, {"paragraph", "2"}};
    const Problems p = parse_problems(j);
    expect(p, "/rules/1/citation/source", "missing");
    expect(p, "/rules/1/citation/file", "unknown field \"file\"");
}

TEST_CASE("pack-invalid/no-sources") {
    Json j = valid_local();
    j.erase("sources");
    expect(parse_problems(j), "/sources", "missing");
    j["sources"] = Json::array();
    expect(parse_problems(j), "/sources", "expected at least one source");
}

TEST_CASE("pack-invalid/source-without-title") {
    Json j = valid_local();
    j["sources"][0].erase("title");
    expect(parse_problems(j), "/sources/0/title", "missing");
}

TEST_CASE("pack-invalid/source-address-not-a-web-address") {
    Json j = valid_local();
    j["sources"][0]["url"] = "testshire.pdf";
    expect(parse_problems(j), "/sources/0/url", "expected a public web address");
}

TEST_CASE("pack-invalid/duplicate-source-id") {
    Json j = valid_local();
    j["sources"].push_back(j["sources"][0]);
    expect(parse_problems(j), "/sources/1/id", "appears twice");
}

TEST_CASE("pack-invalid/resolve-citation-of-an-unknown-source") {
    Json j = valid_local();
    j["rules"][1]["citation"]["source"] = "testshire-policy";
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/rules/1/citation/source",
           "no source \"testshire-policy\" in this pack's sources (testshire-protocol) or the baseline's (");
}

TEST_CASE("pack-invalid/resolve-source-id-of-the-baseline") {
    Json j = valid_local();
    j["sources"][0]["id"] = "si-2010-1156";
    j["rules"][0]["citation"]["source"] = "si-2010-1156";
    j["rules"][1]["citation"]["source"] = "si-2010-1156";
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/sources/0/id", "is a baseline source id");
}

TEST_CASE("pack-invalid/citation-without-paragraph") {
    Json j = valid_local();
    j["rules"][1]["citation"].erase("paragraph");
    expect(parse_problems(j), "/rules/1/citation/paragraph", "missing");
}

TEST_CASE("pack-invalid/duplicate-rule-id") {
    Json j = valid_local();
    j["rules"][1]["id"] = "testshire/length";
    expect(parse_problems(j), "/rules/1/id", "appears twice");
}

TEST_CASE("pack-invalid/unknown-condition") {
    Json j = valid_local();
    j["rules"][1]["when"] = "lac";
    expect(parse_problems(j), "/rules/1/when", "expected one of always, ehcp, cla");
}

TEST_CASE("pack-invalid/unknown-role") {
    Json j = valid_local();
    j["rules"][1]["who"] = "headteacher";
    expect(parse_problems(j), "/rules/1/who", "expected one of home_school, host_school");
}

TEST_CASE("pack-invalid/bad-in-force-date") {
    Json j = valid_local();
    j["rules"][1]["in_force_from"] = "26/07/2026";
    expect(parse_problems(j), "/rules/1/in_force_from", "expected a date YYYY-MM-DD");
}

TEST_CASE("pack-invalid/gate-missing-requires") {
    Json j = valid_local();
    j["rules"][1]["params"].erase("requires");
    expect(parse_problems(j), "/rules/1/params/requires", "a gate rule needs \"requires\"");
}

TEST_CASE("pack-invalid/gate-unknown-requirement") {
    Json j = valid_local();
    j["rules"][1]["params"]["requires"] = "parent_signature";
    expect(parse_problems(j), "/rules/1/params/requires", "expected one of parent_consent");
}

TEST_CASE("pack-invalid/gate-unknown-action") {
    Json j = valid_local();
    j["rules"][1]["params"]["action"] = "expel";
    expect(parse_problems(j), "/rules/1/params/action", "expected one of propose_host");
}

TEST_CASE("pack-invalid/unknown-parameter") {
    Json j = valid_local();
    j["rules"][0]["params"]["maximum"] = 8;
    expect(parse_problems(j), "/rules/0/params/maximum", "unknown parameter \"maximum\" for a duration rule");
}

TEST_CASE("pack-invalid/negative-number") {
    Json j = valid_local();
    j["rules"][0]["params"]["max"] = -2;
    expect(parse_problems(j), "/rules/0/params/max", "expected a whole number >= 0");
}

TEST_CASE("pack-invalid/min-longer-than-max") {
    Json j = valid_local();
    j["rules"][0]["params"]["min"] = 10;
    expect(parse_problems(j), "/rules/0/params/min", "the minimum length is longer than the maximum (8)");
}

TEST_CASE("pack-invalid/bad-span") {
    Json j = valid_local();
    j["rules"].push_back(
        {{"id", "testshire/meet"},
         {"kind", "deadline"},
         {"severity", "warns"},
         {"message", "Meet."},
         {"citation", {{"source", "testshire-protocol"}, {"paragraph", "4"}}},
         {"params",
          {{"from", "host_accepted"}, {"to", "meeting:initial"}, {"within", {{"n", 2}, {"unit", "fortnights"}}}}}});
    expect(parse_problems(j), "/rules/2/params/within", "expected a span");
}

TEST_CASE("pack-invalid/zero-review-cadence") {
    Json j = valid_local();
    j["rules"].push_back({{"id", "testshire/reviews"},
                          {"kind", "review_cadence"},
                          {"severity", "warns"},
                          {"message", "Review."},
                          {"citation", {{"source", "testshire-protocol"}, {"paragraph", "5"}}},
                          {"params", {{"every", {{"n", 0}, {"unit", "weeks"}}}}}});
    expect(parse_problems(j), "/rules/2/params/every", "a review cadence of 0");
}

TEST_CASE("pack-invalid/attendance-threshold-over-100") {
    Json j = valid_local();
    j["rules"].push_back({{"id", "testshire/att"},
                          {"kind", "attendance"},
                          {"severity", "warns"},
                          {"message", "Attend."},
                          {"citation", {{"source", "testshire-protocol"}, {"paragraph", "6"}}},
                          {"params", {{"threshold", 195}, {"compare", "above"}, {"consequence", "warn"}}}});
    expect(parse_problems(j), "/rules/2/params/threshold", "expected a percentage from 0 to 100");
}

TEST_CASE("pack-invalid/info-unknown-stage") {
    Json j = valid_local();
    j["rules"].push_back({{"id", "testshire/info"},
                          {"kind", "info"},
                          {"severity", "informs"},
                          {"message", "Note."},
                          {"citation", {{"source", "testshire-protocol"}, {"paragraph", "7"}}},
                          {"params", {{"stages", {"trial"}}}}});
    expect(parse_problems(j), "/rules/2/params/stages/0", "expected one of preparing");
}

TEST_CASE("pack-invalid/bad-role-name-key") {
    Json j = valid_local();
    j["roles"] = {{"saio", "Senior officer"}};
    expect(parse_problems(j), "/roles/saio", "expected a role key");
}

TEST_CASE("pack-invalid/reading-without-why") {
    Json j = valid_local();
    j["readings"] = Json::array(
        {{{"topic", "t"}, {"reading", "r"}, {"citation", {{"source", "testshire-protocol"}, {"paragraph", "1"}}}}});
    expect(parse_problems(j), "/readings/0/why", "missing");
}

TEST_CASE("pack-invalid/resolve-replacing-a-statutory-rule") {
    Json j = valid_local();
    j["replaces"] = {"england/no-trial-managed-move"};
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/replaces/0", "is statutory and cannot be replaced; record a conflict instead");
}

TEST_CASE("pack-invalid/resolve-problems-name-the-file-the-pack-came-from") {
    Json j = valid_local();
    j["replaces"] = {"england/no-trial-managed-move"};
    Problems   p;
    const auto local = parse_pack(j.dump(), "copy-of-testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    REQUIRE(p.size() == 1);
    CHECK(p[0].file == "copy-of-testshire.json");
}

TEST_CASE("pack-invalid/resolve-replacing-an-unknown-rule") {
    Json j = valid_local();
    j["replaces"] = {"england/no-such-rule"};
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/replaces/0", "no baseline rule \"england/no-such-rule\"");
}

TEST_CASE("pack-invalid/resolve-wrong-extends") {
    Json j = valid_local();
    j["extends"] = "scotland-baseline";
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/extends", "every pack builds on the statutory baseline");
}

TEST_CASE("pack-invalid/resolve-conflict-names-unknown-statutory-rule") {
    Json j = valid_local();
    j["conflicts"] = Json::array({{{"id", "testshire/c"},
                                   {"local", "l"},
                                   {"statutory_rule", "england/nothing"},
                                   {"explanation", "e"},
                                   {"citation", {{"source", "testshire-protocol"}, {"paragraph", "1"}}}}});
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/conflicts/0/statutory_rule", "expected the id of a baseline rule");
}

TEST_CASE("pack-invalid/resolve-local-rule-reuses-baseline-id") {
    Json j = valid_local();
    j["rules"][1]["id"] = "england/cla-virtual-school";
    Problems   p;
    const auto local = parse_pack(j.dump(), "testshire.json", p);
    REQUIRE(local);
    CHECK_FALSE(resolve_pack(*local, baseline(), p));
    expect(p, "/rules/1/id", "is a baseline rule id");
}
