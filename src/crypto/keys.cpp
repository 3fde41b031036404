#include "crypto/keys.h"

#include <sodium.h>

#include <algorithm>

namespace cp {

// ---- start-up ---------------------------------------------------------------------------------

void ensure_sodium() {
    // A function-local static is initialised exactly once even with threads (C++11), and
    // sodium_init() itself is safe to call again; this just keeps the cost to one branch.
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not start");
}

// ---- bytes ------------------------------------------------------------------------------------

void wipe(std::string& s) noexcept {
    if (!s.empty()) sodium_memzero(s.data(), s.size());
    s.clear();
}

void wipe(Bytes& b) noexcept {
    if (!b.empty()) sodium_memzero(b.data(), b.size());
    b.clear();
}

std::string to_base64(std::span<const unsigned char> bytes) {
    ensure_sodium();
    if (bytes.empty()) return {};  // libsodium wants non-null buffers
    const size_t len = sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    std::string  out(len, '\0');  // len counts the terminating NUL
    sodium_bin2base64(out.data(), len, bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(len - 1);
    return out;
}

std::optional<Bytes> from_base64(std::string_view text) {
    ensure_sodium();
    if (text.size() % 4 != 0) return std::nullopt;  // padded base64 always comes in fours
    if (text.empty()) return Bytes{};               // libsodium wants non-null buffers
    Bytes  out(text.size() / 4 * 3);
    size_t len = 0;
    // No ignore set and no end pointer: libsodium then rejects anything but the whole text.
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return std::nullopt;
    out.resize(len);
    return out;
}

// ---- randomness -------------------------------------------------------------------------------

void SystemRandom::fill(std::span<unsigned char> out) {
    ensure_sodium();
    randombytes_buf(out.data(), out.size());
}

RandomSource& system_random() {
    static SystemRandom instance;
    return instance;
}

// ---- secret keys ------------------------------------------------------------------------------

SecretKey::SecretKey(std::span<const unsigned char, size> bytes) : set_(true) {
    std::copy(bytes.begin(), bytes.end(), bytes_.begin());
}

SecretKey::~SecretKey() { wipe(); }

SecretKey::SecretKey(SecretKey&& other) noexcept : bytes_(other.bytes_), set_(other.set_) { other.wipe(); }

SecretKey& SecretKey::operator=(SecretKey&& other) noexcept {
    if (this != &other) {
        wipe();
        bytes_ = other.bytes_;
        set_ = other.set_;
        other.wipe();
    }
    return *this;
}

void SecretKey::wipe() noexcept {
    // sodium_memzero is never optimised away, unlike a plain store before destruction.
    sodium_memzero(bytes_.data(), bytes_.size());
    set_ = false;
}

// ---- derivation -------------------------------------------------------------------------------

KdfCheck check_kdf_limits(const KdfParams& p) {
    if (p.opslimit < kdf_minimum.opslimit || p.memlimit_bytes < kdf_minimum.memlimit_bytes) return KdfCheck::too_weak;
    if (p.opslimit > kdf_maximum.opslimit || p.memlimit_bytes > kdf_maximum.memlimit_bytes) return KdfCheck::too_costly;
    return KdfCheck::ok;
}

std::optional<SecretKey> derive_key(std::string_view passphrase, const KdfSettings& kdf) {
    ensure_sodium();
    if (check_kdf_limits(kdf.params) != KdfCheck::ok)
        throw std::invalid_argument("key derivation settings outside the accepted limits");
    static_assert(salt_size == crypto_pwhash_SALTBYTES);
    SecretKey key;
    auto      out = key.writable();
    // libsodium only fails here when the memory cannot be allocated (the limits are checked).
    if (crypto_pwhash(out.data(), out.size(), passphrase.data(), passphrase.size(), kdf.salt.data(),
                      kdf.params.opslimit, static_cast<size_t>(kdf.params.memlimit_bytes),
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        return std::nullopt;
    return key;
}

Salt make_salt(RandomSource& rng) {
    Salt s;
    rng.fill(s);
    return s;
}

}  // namespace cp
