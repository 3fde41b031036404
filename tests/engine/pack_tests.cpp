#include <doctest/doctest.h>

#include "engine/pack.h"

using namespace cp;

TEST_CASE("packs/all-six-embedded-packs-parse-and-resolve") {
    const auto ids = embedded_pack_ids();
    for (const char* id : {"england-baseline", "oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"}) {
        CHECK(std::find(ids.begin(), ids.end(), id) != ids.end());
        Problems p;
        const auto pack = load_resolved_pack(id, p);
        for (const auto& x : p) MESSAGE(x.to_string());
        REQUIRE(pack);
        CHECK(p.empty());
        for (const Rule& r : pack->rules) {
            CHECK_FALSE(r.message.empty());
            CHECK_FALSE(r.citation.file.empty());
            CHECK_FALSE(r.citation.paragraph.empty());
        }
    }
}

TEST_CASE("packs/local-packs-cite-their-own-seed-document") {
    const std::pair<const char*, const char*> files[] = {{"oxfordshire", "000_e5e0b1769d64b933.txt"},
                                                         {"hammersmith-fulham", "001_ddfdf87d99ff56c7.txt"},
                                                         {"thurrock", "002_51d3a4d919b20124.txt"},
                                                         {"norfolk", "003_a300e7c698b79f09.txt"},
                                                         {"worcestershire", "004_db4daf6c9cf2ba51.txt"}};
    for (const auto& [id, file] : files) {
        Problems p;
        const auto pack = embedded_pack(id, p);
        REQUIRE(pack);
        for (const Rule& r : pack->rules) CHECK_MESSAGE(r.citation.file == file, r.id);
        CHECK(pack->source.file == file);
    }
}

TEST_CASE("packs/every-pack-has-ehcp-and-cla-gates") {
    for (const char* id : {"oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"}) {
        Problems p;
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
    Problems p;
    const auto base = embedded_pack("england-baseline", p);
    REQUIRE(base);
    for (const char* id : {"oxfordshire", "hammersmith-fulham", "thurrock", "norfolk", "worcestershire"}) {
        const auto pack = load_resolved_pack(id, p);
        REQUIRE(pack);
        for (const Rule& r : base->rules)
            if (r.statutory) CHECK_MESSAGE(pack->find_rule(r.id), id << " lost " << r.id);
    }
}
