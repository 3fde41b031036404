// docs/protocol-packs.md, "What satisfies a requirement": the table is the engine's own (issue 12
// §7), so the words a pack may use, what the plan accepts and what the documentation says agree.
// Natively only: the wasm build has no file system.
#ifndef __EMSCRIPTEN__
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "engine/pack.h"
#include "engine/plan.h"

using namespace cp;

TEST_CASE("packs/every-requirement-word-is-documented-with-what-satisfies-it") {
    std::string table = "| requirement | satisfied by |\n|---|---|\n";
    for (const auto& [word, by] : requirement_table()) table += "| `" + word + "` | " + by + " |\n";
    std::ifstream      in(std::string(CP_SOURCE_DIR) + "/docs/protocol-packs.md");
    std::ostringstream text;
    text << in.rdbuf();
    INFO("docs/protocol-packs.md should hold this table:\n" << table);
    CHECK(text.str().find(table) != std::string::npos);
    CHECK(requirement_table().size() == known_requirements().size());
}

#endif
