// sha256.h: SHA-256 (FIPS 180-4), written for the case logs' hash chain.
//
// Small and dependency-free so the same code runs natively and in WebAssembly. It is not a
// general crypto library: encryption and key derivation live in src/crypto (libsodium).
//
//   Sha256 h; h.update(text); auto digest = h.finish();   // incremental
//   sha256_hex("abc")                                        // one shot, lowercase hex
//   sha256_hardware()                                        // SHA-NI in use (native x86-64 only)
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace cp {

using Digest = std::array<uint8_t, 32>;

class Sha256 {
public:
    Sha256();
    void   update(std::string_view bytes);  // may be called any number of times
    Digest finish();                        // pads and returns the digest; the object is spent

private:
    void                    compress(const uint8_t* blocks, std::size_t count);  // whole 64-byte blocks into state_
    void                    compress_portable(const uint8_t* block);
    std::array<uint32_t, 8> state_;         // running hash value H0..H7
    std::array<uint8_t, 64> buffer_{};      // bytes waiting for a full block
    std::size_t             buffered_ = 0;  // how many of buffer_ are used
    uint64_t                total_ = 0;     // message length so far, in bytes
};

// Natively on x86-64 CPUs that have the SHA extensions, blocks are compressed with those
// instructions (about ten times faster); elsewhere, and always in WebAssembly, with portable
// code. Both give the same digests: the switch lets the tests check that on one machine.
bool sha256_hardware();                  // the CPU instructions are in use
void sha256_allow_hardware(bool allow);  // default: allowed (ignored where unavailable)

Digest      sha256(std::string_view bytes);
std::string sha256_hex(std::string_view bytes);  // 64 lowercase hex digits
std::string to_hex(const Digest& d);

}  // namespace cp
