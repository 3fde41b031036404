#include "engine/sha256.h"

#include <sodium/crypto_hash_sha256.h>

#include <new>

namespace cp {
namespace {

crypto_hash_sha256_state* state_of(unsigned char* storage) {
    static_assert(sizeof(crypto_hash_sha256_state) <= 128 && alignof(crypto_hash_sha256_state) <= 16);
    return std::launder(reinterpret_cast<crypto_hash_sha256_state*>(storage));
}

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

Sha256::Sha256() { crypto_hash_sha256_init(new (state_) crypto_hash_sha256_state); }

void Sha256::update(std::string_view bytes) {
    crypto_hash_sha256_update(state_of(state_), bytes_of(bytes), bytes.size());
}

Digest Sha256::finish() {
    Digest out;
    crypto_hash_sha256_final(state_of(state_), out.data());
    return out;
}

Digest sha256(std::string_view bytes) {
    Digest out;
    crypto_hash_sha256(out.data(), bytes_of(bytes), bytes.size());
    return out;
}

std::string to_hex(const Digest& d) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string           out(64, '0');
    for (std::size_t i = 0; i < d.size(); ++i) {
        out[2 * i] = digits[d[i] >> 4];
        out[2 * i + 1] = digits[d[i] & 15];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) { return to_hex(sha256(bytes)); }

}  // namespace cp
