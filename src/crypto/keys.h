// keys.h: libsodium start-up, secret keys, randomness, Argon2id key derivation, base64.
//
// Sections
//   1. Start-up        ensure_sodium()
//   2. Byte helpers    Bytes, wipe(), to_base64(), from_base64()
//   3. Randomness      RandomSource, SystemRandom, system_random()
//   4. Secret keys     SecretKey
//   5. Derivation      KdfParams, the limits, KdfSettings, check_kdf_limits(), derive_key()
//
// Everything here uses only libsodium 1.0.18's public API and portable C++20, so the same
// sources compile natively and to WebAssembly. No clock, no files, no printing of secrets.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cp {

// ---- 1. Start-up ------------------------------------------------------------------------------

// Calls sodium_init() once per process; later calls are free. Every function in src/crypto calls
// it, so callers never need to. Throws std::runtime_error if libsodium cannot start.
void ensure_sodium();

// ---- 2. Byte helpers --------------------------------------------------------------------------

using Bytes = std::vector<unsigned char>;

void wipe(std::string& s) noexcept;  // zeroes the characters (sodium_memzero), then clears
void wipe(Bytes& b) noexcept;        // zeroes the bytes (sodium_memzero), then clears

std::string          to_base64(std::span<const unsigned char> bytes);  // standard alphabet, padded
std::optional<Bytes> from_base64(std::string_view text);               // strict: padded, no spaces, canonical

// ---- 3. Randomness ----------------------------------------------------------------------------

// Where salts and nonces come from. Tests substitute a deterministic source; the app uses
// system_random(), which is libsodium's randombytes_buf (the OS, or crypto.getRandomValues in wasm).
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<unsigned char> out) = 0;  // fills every byte of out
};

class SystemRandom final : public RandomSource {
public:
    void fill(std::span<unsigned char> out) override;  // randombytes_buf
};

RandomSource& system_random();  // one shared SystemRandom

// ---- 4. Secret keys ---------------------------------------------------------------------------

// 32 secret bytes that wipe themselves. Move-only: a move copies the bytes and wipes the source,
// so at most one live copy exists. There is deliberately no printing, comparison operator or
// conversion to string; tests reach the bytes through bytes().
class SecretKey {
public:
    static constexpr std::size_t size = 32;

    SecretKey() = default;                                           // empty (no key), all zero
    explicit SecretKey(std::span<const unsigned char, size> bytes);  // copies bytes in
    ~SecretKey();                                                    // wipes
    SecretKey(SecretKey&& other) noexcept;                           // takes the bytes, wipes other
    SecretKey& operator=(SecretKey&& other) noexcept;                // wipes self, takes, wipes other
    SecretKey(const SecretKey&) = delete;
    SecretKey& operator=(const SecretKey&) = delete;

    void                                 wipe() noexcept;                          // zero the bytes; becomes empty
    bool                                 empty() const noexcept { return !set_; }  // true after wipe() or a move-from
    std::span<const unsigned char, size> bytes() const noexcept { return bytes_; }
    std::span<unsigned char, size>       writable() noexcept {
              set_ = true;
              return bytes_;
    }

private:
    std::array<unsigned char, size> bytes_{};      // the key itself
    bool                            set_ = false;  // false: holds no key
};

// ---- 5. Derivation (Argon2id, crypto_pwhash with ALG_ARGON2ID13) ------------------------------

struct KdfParams {
    uint64_t opslimit = 3;                  // passes over memory
    uint64_t memlimit_bytes = 64ull << 20;  // memory used, bytes (libsodium uses whole KiB)
};

inline constexpr KdfParams kdf_default{3, 64ull << 20};    // Bitwarden's default; ~0.1-0.5 s
inline constexpr KdfParams kdf_minimum{2, 19ull << 20};    // OWASP's minimum for Argon2id
inline constexpr KdfParams kdf_maximum{10, 256ull << 20};  // refuse anything costlier on import

inline constexpr std::size_t salt_size = 16;  // crypto_pwhash_SALTBYTES
using Salt = std::array<unsigned char, salt_size>;

struct KdfSettings {
    KdfParams params;  // cost
    Salt      salt{};  // random per export / per workspace
};

enum class KdfCheck { ok, too_weak, too_costly };

// Compares both costs with kdf_minimum and kdf_maximum; too_weak wins if one is low and one high.
KdfCheck check_kdf_limits(const KdfParams& p);

// Argon2id13 of the passphrase's exact bytes (UTF-8, no normalisation) into a 32-byte key.
// Throws std::invalid_argument if the params are outside the limits (check them first);
// returns nullopt if the memory cannot be allocated.
std::optional<SecretKey> derive_key(std::string_view passphrase, const KdfSettings& kdf);

Salt make_salt(RandomSource& rng);

}  // namespace cp
