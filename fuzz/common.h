// common.h: what the libFuzzer targets in fuzz/ share (docs/fuzzing.md).
//
//   fuzz::check(cond, "what must hold")   an invariant: on failure prints and aborts, so
//                                         libFuzzer records the input as a crash
//   fuzz::text(data, size)                the input as a string_view
//   fuzz::fixed_key(), fixed_kdf()        one key for every run, so fuzzed plaintexts can be
//                                         sealed in-process and reach the parsers behind the cipher
//   fuzz::FixedRandom                     constant salts and nonces: a run depends on its input only
#pragma once
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "crypto/keys.h"

namespace fuzz {

inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "\n*** fuzz invariant failed: %s\n", what);
    std::abort();
}

inline std::string_view text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

class FixedRandom final : public cp::RandomSource {
public:
    void fill(std::span<unsigned char> out) override {
        for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<unsigned char>(0xA5 ^ i);
    }
};

inline FixedRandom& fixed_random() {
    static FixedRandom r;
    return r;
}

inline const cp::SecretKey& fixed_key() {
    static const cp::SecretKey key = [] {
        std::array<unsigned char, cp::SecretKey::size> raw;
        for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<unsigned char>(0x40 + i);
        return cp::SecretKey(raw);
    }();
    return key;
}

// The cheapest settings an import accepts; no Argon2id runs while fuzzing (the key is given).
inline cp::KdfSettings fixed_kdf() {
    cp::KdfSettings kdf;
    kdf.params = cp::kdf_minimum;
    for (std::size_t i = 0; i < kdf.salt.size(); ++i) kdf.salt[i] = static_cast<unsigned char>(0x10 + i);
    return kdf;
}

}  // namespace fuzz
