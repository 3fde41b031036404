// fixed_keys.h: keys and nonces the crypto and storage tests choose, so two seals can be compared
// byte for byte and a record sealed under one key is known to fail under another.
#pragma once
#include <array>
#include <span>

#include "crypto/keys.h"

namespace cptest {

// A key of 32 equal bytes.
inline cp::SecretKey key_of(unsigned char fill) {
    std::array<unsigned char, cp::SecretKey::size> raw;
    raw.fill(fill);
    return cp::SecretKey(raw);
}

// Deterministic "random" bytes: 0, 1, 2 … from where the last call stopped.
struct CountingRandom : cp::RandomSource {
    unsigned char next = 0;
    void          fill(std::span<unsigned char> out) override {
        for (auto& b : out) b = next++;
    }
};

}  // namespace cptest
