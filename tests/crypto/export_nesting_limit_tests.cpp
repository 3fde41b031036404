// An export whose decrypted contents are nested too deeply is refused as bad_contents instead of
// being handed on. The payload goes on to code that recurses over it (serialising, copying, the
// engine's checks), and a payload of "[[[[…" tens of thousands deep overflowed the stack of the
// importing program (ASan: stack-overflow under fuzz_import; docs/fuzzing.md). The limit is the
// engine's (kMaxJsonDepth, 256); the test uses a few hundred levels only.
#include <doctest/doctest.h>

#include "crypto/export_file.h"

using namespace cp;

namespace {

struct FixedRandom : RandomSource {
    void fill(std::span<unsigned char> out) override {
        for (auto& b : out) b = 0x5a;
    }
};

SecretKey test_key() {
    std::array<unsigned char, SecretKey::size> raw;
    raw.fill(9);
    return SecretKey(raw);
}

OpenResult seal_and_open(std::size_t depth) {
    ExportContents c;
    c.kind = ExportKind::backup;
    c.created = "2026-11-20T10:15:00Z";
    c.payload = nlohmann::json::parse(std::string(depth, '[') + std::string(depth, ']'));
    FixedRandom         rng;
    KdfSettings         kdf{kdf_minimum, {}};
    const SecretKey     key = test_key();
    const InspectResult inspected = inspect_export(seal_export_with_key(c, key, kdf, rng));
    REQUIRE(inspected.ok());
    return open_with_key(*inspected.sealed, key);
}

}  // namespace

TEST_CASE("export-nesting-limit/contents-nested-too-deep-are-bad-contents") {
    const OpenResult deep = seal_and_open(600);
    CHECK_FALSE(deep.ok());
    CHECK(deep.problem.code == ExportError::bad_contents);
}

TEST_CASE("export-nesting-limit/contents-within-the-limit-open") {
    const OpenResult fine = seal_and_open(200);
    REQUIRE_MESSAGE(fine.ok(), fine.problem.message);
    CHECK(fine.contents->payload.is_array());
}
