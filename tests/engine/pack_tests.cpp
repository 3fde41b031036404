#include <doctest/doctest.h>

#include "common/embedded.h"
#include "engine/engine.h"
#include "engine/pack.h"
#include "test_util.h"

using namespace cp;

TEST_CASE("packs/every-embedded-pack-parses-and-resolves") {
    const auto ids = embedded_pack_ids();
    CHECK(std::find(ids.begin(), ids.end(), kBaselinePackId) != ids.end());
    REQUIRE(ids.size() >= 2);  // the baseline and at least one local authority
    for (const std::string& id : ids) {
        INFO(id);
        Problems   p;
        const auto pack = load_resolved_pack(id, p);
        for (const auto& x : p) MESSAGE(x.to_string());
        REQUIRE(pack);
        CHECK(p.empty());
        for (const Rule& r : pack->rules) {
            CHECK_FALSE(r.message.empty());
            CHECK_FALSE(r.citation.source.empty());
            CHECK_FALSE(r.citation.text.empty());
            CHECK_FALSE(r.citation.paragraph.empty());
        }
    }
}

TEST_CASE("packs/local-packs-cite-their-own-document") {
    for (const std::string& id : cptest::local_pack_ids()) {
        Problems   p;
        const auto pack = embedded_pack(id, p);
        REQUIRE(pack);
        REQUIRE_FALSE(pack->sources.empty());
        const std::string own = pack->sources.front().id;  // the local authority's own document
        CHECK_MESSAGE(pack->source.source == own, id);
        for (const Rule& r : pack->rules) CHECK_MESSAGE(r.citation.source == own, r.id);
    }
}

TEST_CASE("packs/every-pack-has-ehcp-and-cla-gates") {
    for (const std::string& id : cptest::local_pack_ids()) {
        Problems   p;
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        bool ehcp = false, cla = false;
        for (const Rule& r : pack->rules) {
            ehcp = ehcp || (r.kind == RuleKind::gate && r.when == "ehcp" && r.severity == Severity::blocks);
            cla = cla || (r.kind == RuleKind::gate && r.when == "cla" && r.severity == Severity::blocks);
        }
        CHECK_MESSAGE(ehcp, id);
        CHECK_MESSAGE(cla, id);
    }
}

TEST_CASE("packs/statutory-baseline-rules-survive-every-local-pack") {
    Problems   p;
    const auto base = embedded_pack("england-baseline", p);
    REQUIRE(base);
    for (const std::string& id : cptest::local_pack_ids()) {
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        for (const Rule& r : base->rules)
            if (r.statutory) CHECK_MESSAGE(pack->find_rule(r.id), id << " lost " << r.id);
    }
}

namespace {

// The shipped Norfolk pack under another id, as an LA that adapted it would publish it.
Json norfolk_copy(const std::string& id) {
    Json j = Json::parse(cp_engine_assets_find("assets/protocols/norfolk.json")->text());
    j["id"] = id;
    for (auto& r : j["rules"]) r["id"] = id + "/" + r["id"].get<std::string>().substr(std::string("norfolk/").size());
    for (auto& c : j["conflicts"])
        c["id"] = id + "/" + c["id"].get<std::string>().substr(std::string("norfolk/").size());
    return j;
}

Problems add_to_library(const Json& pack, PackLibrary& library) {
    Problems p;
    library.load_embedded(p);
    REQUIRE(p.empty());
    library.add_pack_text(pack.dump(), "kent.json", p);
    return p;
}

}  // namespace

TEST_CASE("packs/library-loads-another-la-from-text-with-the-baseline-under-it") {
    PackLibrary library;
    CHECK(add_to_library(norfolk_copy("kent"), library).empty());
    const Pack* kent = library.find("kent");
    REQUIRE(kent);
    CHECK(kent->find_rule("england/no-trial-managed-move"));
    CHECK(kent->find_rule("kent/four-nearest-schools"));
}

TEST_CASE("packs/library-refuses-a-pack-that-does-not-extend-the-baseline") {
    Json missing = norfolk_copy("kent");
    missing.erase("extends");
    Json chained = norfolk_copy("kent");
    chained["extends"] = "norfolk";
    for (const Json& j : {missing, chained}) {
        PackLibrary    library;
        const Problems p = add_to_library(j, library);
        REQUIRE(p.size() == 1);
        CHECK(p[0].file == "kent.json");
        CHECK(p[0].path == "/extends");
        CHECK(p[0].message.find("\"england-baseline\" (every local pack builds on the statutory baseline") !=
              std::string::npos);
        CHECK_FALSE(library.find("kent"));
    }
}

TEST_CASE("packs/library-refuses-to-replace-the-statutory-baseline-from-a-file") {
    PackLibrary    library;
    Json           j = Json::parse(cp_engine_assets_find("assets/protocols/england-baseline.json")->text());
    const Problems p = add_to_library(j, library);
    REQUIRE(p.size() == 1);
    CHECK(p[0].path == "/id");
}
