// Every rule of every shipped pack is named by at least one engine test: a rule that no test
// mentions is a rule whose effect nobody has checked. The test reads the source text of
// tests/engine/*.cpp (through CP_SOURCE_DIR, so natively only: the wasm build has no file system)
// and looks for each rule id as a quoted string. A new rule comes with a test named after the
// protocol paragraph it implements, asserting its effect (a deadline, an alert, a blocked action).
#include <doctest/doctest.h>

#ifndef __EMSCRIPTEN__
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "test_util.h"

namespace {

std::string engine_test_sources() {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(CP_SOURCE_DIR) / "tests" / "engine";
    std::string    all;
    int            files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const fs::path& p = entry.path();
        if (p.extension() != ".cpp" || p.filename() == "rule_coverage_tests.cpp") continue;
        std::ifstream      in(p, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        all += text.str();
        ++files;
    }
    REQUIRE_MESSAGE(files > 5, "expected the engine tests in " << dir.string());
    return all;
}

}  // namespace

TEST_CASE("packs/every-rule-of-every-pack-is-named-by-a-test") {
    const std::string sources = engine_test_sources();
    std::string       uncovered;
    int               rules = 0, named = 0;
    for (const std::string& id : cp::embedded_pack_ids()) {
        cp::Problems p;
        const auto   pk = cp::embedded_pack(id, p);
        REQUIRE_MESSAGE(pk, id);
        for (const cp::Rule& r : pk->rules) {
            ++rules;
            if (sources.find('"' + r.id + '"') != std::string::npos)
                ++named;
            else
                uncovered += "\n  " + r.id + " (" + r.citation.paragraph + ")";
        }
    }
    INFO(named << " of " << rules << " rules are named by a test");
    CHECK_MESSAGE(uncovered.empty(), "rules that no engine test names:" << uncovered);
}
#endif
