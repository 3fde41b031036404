// Secret keys, base64, randomness and Argon2id derivation.
#include <doctest/doctest.h>

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <new>

#include "crypto/keys.h"
#include "fixed_keys.h"

using namespace cp;
using namespace cptest;

namespace {

bool all_zero(std::span<const unsigned char> bytes) {
    return std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; });
}

bool same_bytes(const SecretKey& a, const SecretKey& b) {
    return std::equal(a.bytes().begin(), a.bytes().end(), b.bytes().begin());
}

KdfSettings settings(KdfParams p, unsigned char salt_fill = 7) {
    KdfSettings s{p, {}};
    s.salt.fill(salt_fill);
    return s;
}

}  // namespace

TEST_CASE("keys/sodium-starts-once") {
    ensure_sodium();
    ensure_sodium();
    CHECK(sodium_init() == 1);  // 1: already initialised
}

TEST_CASE("keys/base64-round-trip-and-strictness") {
    const Bytes       data = {0, 1, 2, 250, 251, 252, 253};
    const std::string text = to_base64(data);
    CHECK(text == "AAEC+vv8/Q==");
    CHECK(from_base64(text) == data);
    CHECK(to_base64(Bytes{}).empty());
    CHECK(from_base64("") == Bytes{});
    CHECK_FALSE(from_base64("AAEC+vv8/Q"));        // padding missing
    CHECK_FALSE(from_base64("AAEC+vv8/Q="));       // padding cut short
    CHECK_FALSE(from_base64("AAEC +vv8/Q="));      // a space
    CHECK_FALSE(from_base64("AAEC-vv8_Q=="));      // URL-safe alphabet is not this variant
    CHECK_FALSE(from_base64("AAEC+vv8/R=="));      // non-zero unused bits: not canonical
    CHECK_FALSE(from_base64("AAEC+vv8/Q==AAAA"));  // data after the padding
}

TEST_CASE("keys/secret-key-wipes-on-destruction") {
    // Construct the key inside a buffer this test owns, destroy it, then look at the buffer.
    alignas(SecretKey) unsigned char storage[sizeof(SecretKey)];
    auto*                            key = new (storage) SecretKey(key_of(0xAB));
    REQUIRE_FALSE(key->empty());
    REQUIRE(key->bytes()[0] == 0xAB);
    key->~SecretKey();
    // The key bytes come first in the object; the "set" flag after them is not secret (and the
    // compiler may drop its last store, which is why the key uses sodium_memzero).
    static_assert(std::is_standard_layout_v<SecretKey>);
    CHECK(all_zero(std::span<const unsigned char>(storage, SecretKey::size)));
}

TEST_CASE("keys/secret-key-wipe-and-move") {
    SecretKey a = key_of(0x11);
    a.wipe();
    CHECK(a.empty());
    CHECK(all_zero(a.bytes()));

    SecretKey b = key_of(0x22);
    SecretKey c(std::move(b));
    CHECK(b.empty());  // NOLINT: moved-from state is specified: wiped
    CHECK(all_zero(b.bytes()));
    CHECK(c.bytes()[31] == 0x22);

    SecretKey d = key_of(0x33);
    d = std::move(c);
    CHECK(c.empty());  // NOLINT
    CHECK(all_zero(c.bytes()));
    CHECK(d.bytes()[0] == 0x22);

    static_assert(!std::is_copy_constructible_v<SecretKey>);
    static_assert(!std::is_copy_assignable_v<SecretKey>);
    static_assert(std::is_nothrow_move_constructible_v<SecretKey>);
}

TEST_CASE("keys/wipe-strings-and-bytes") {
    // Only the visible effect is checked: reading a buffer's old bytes after clear() would be
    // undefined behaviour. The zeroing itself is sodium_memzero, as for SecretKey above.
    std::string s = "pupil notes";
    wipe(s);
    CHECK(s.empty());
    Bytes b = {1, 2, 3};
    wipe(b);
    CHECK(b.empty());
}

TEST_CASE("keys/system-random-fills") {
    std::array<unsigned char, 64> a{}, b{};
    system_random().fill(a);
    system_random().fill(b);
    CHECK_FALSE(all_zero(a));
    CHECK(a != b);
}

TEST_CASE("keys/kdf-limits") {
    CHECK(check_kdf_limits(kdf_default) == KdfCheck::ok);
    CHECK(check_kdf_limits(kdf_minimum) == KdfCheck::ok);
    CHECK(check_kdf_limits(kdf_maximum) == KdfCheck::ok);
    CHECK(check_kdf_limits({1, 64u << 20}) == KdfCheck::too_weak);
    CHECK(check_kdf_limits({3, (19u << 20) - 1}) == KdfCheck::too_weak);
    CHECK(check_kdf_limits({11, 64u << 20}) == KdfCheck::too_costly);
    CHECK(check_kdf_limits({3, (256u << 20) + 1}) == KdfCheck::too_costly);
    CHECK(check_kdf_limits({1, 1ull << 40}) == KdfCheck::too_weak);
    CHECK(kdf_default.opslimit >= 3);
    CHECK(kdf_default.memlimit_bytes >= (64u << 20));
}

TEST_CASE("keys/derive-is-deterministic-and-depends-on-everything") {
    const auto base = derive_key("staple battery horse", settings(kdf_minimum));
    REQUIRE(base);
    CHECK_FALSE(base->empty());
    const auto again = derive_key("staple battery horse", settings(kdf_minimum));
    CHECK(same_bytes(*base, *again));
    CHECK_FALSE(same_bytes(*base, *derive_key("staple battery horsE", settings(kdf_minimum))));
    CHECK_FALSE(same_bytes(*base, *derive_key("staple battery horse", settings(kdf_minimum, 8))));
    CHECK_FALSE(same_bytes(*base, *derive_key("staple battery horse", settings({3, 19u << 20}))));
    CHECK_FALSE(same_bytes(*base, *derive_key("staple battery horse", settings({2, 20u << 20}))));
}

TEST_CASE("keys/derive-matches-libsodium-argon2id") {
    const KdfSettings             s = settings(kdf_minimum, 0x5A);
    std::array<unsigned char, 32> expected;
    const std::string             pw = "Zoë's passphrase";  // UTF-8 bytes, used as they are
    // memlimit_bytes is 64-bit and crypto_pwhash takes a size_t (32 bits in wasm): kdf_minimum's fits in either.
    REQUIRE(crypto_pwhash(expected.data(), expected.size(), pw.data(), pw.size(), s.salt.data(), s.params.opslimit,
                          static_cast<std::size_t>(s.params.memlimit_bytes), crypto_pwhash_ALG_ARGON2ID13) == 0);
    const auto key = derive_key(pw, s);
    REQUIRE(key);
    CHECK(std::equal(expected.begin(), expected.end(), key->bytes().begin()));
}

TEST_CASE("keys/derive-refuses-out-of-limit-params") {
    CHECK_THROWS_AS(derive_key("x", settings({1, 19u << 20})), std::invalid_argument);
    CHECK_THROWS_AS(derive_key("x", settings({2, 8u << 20})), std::invalid_argument);
    CHECK_THROWS_AS(derive_key("x", settings({2, 1ull << 33})), std::invalid_argument);
    CHECK_THROWS_AS(derive_key("x", settings({100, 19u << 20})), std::invalid_argument);
}

TEST_CASE("keys/derive-at-default-params-timed") {
    const auto start = std::chrono::steady_clock::now();
    const auto key = derive_key("correct horse battery staple", settings(kdf_default));
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start);
    REQUIRE(key);
    MESSAGE("Argon2id at the defaults (3 passes, 64 MiB) took " << ms.count() << " ms in this build");
    CHECK(ms.count() < 5000);
}

TEST_CASE("keys/make-salt-uses-the-source") {
    struct Ones : RandomSource {
        void fill(std::span<unsigned char> out) override { std::fill(out.begin(), out.end(), 1); }
    } ones;
    const Salt s = make_salt(ones);
    CHECK(std::all_of(s.begin(), s.end(), [](unsigned char b) { return b == 1; }));
}
