// sha256.h: SHA-256 for the case logs' hash chain, from libsodium (crypto_hash_sha256).
//
// The engine once carried its own SHA-256. Measured on the hash chain's work (one digest per
// event of 1-4 KB, 100 MB; bench/crypto/sha256_bench.cpp of commit 173d0ac, best of 7 rounds,
// December 2026), it was no faster than libsodium's where the app runs, in WebAssembly under
// Node 20: 184-192 MB/s against libsodium's 190-195 MB/s. (Natively its SHA-NI path did 1215 MB/s
// against libsodium 1.0.18's 261 MB/s, but only the tests and the CLI run natively.) So there is
// one SHA-256, libsodium's, the library src/crypto already uses; this header keeps the engine's
// small interface. crypto_hash_sha256 needs no sodium_init() and does no I/O.
//
//   Sha256 h; h.update(text); auto digest = h.finish();   // incremental
//   sha256_hex("abc")                                        // one shot, lowercase hex
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cp {

using Digest = std::array<uint8_t, 32>;

class Sha256 {
public:
    Sha256();
    void   update(std::string_view bytes);  // may be called any number of times
    Digest finish();                        // the digest; the object is spent

private:
    alignas(16) unsigned char state_[128];  // a crypto_hash_sha256_state (checked in sha256.cpp)
};

Digest      sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);  // 64 lowercase hex digits
std::string to_hex(const Digest& d);

}  // namespace cp
