// sha256_bench: the engine's own SHA-256 (src/engine/sha256.cpp) against libsodium's
// crypto_hash_sha256, on the work the case logs' hash chain does: one digest per event, events of
// 1-4 KB, 100 MB in all. Not part of the build; compiled by hand (issue 16, item 9):
//
//   natively:  clang++ -std=c++20 -O3 -Isrc bench/crypto/sha256_bench.cpp src/engine/sha256.cpp \
//                -lsodium -o /tmp/sha256_bench && /tmp/sha256_bench
//   in wasm:   em++ -std=c++20 -O3 -Isrc -Ibuild/third_party/libsodium/src/libsodium/include \
//                -Ibuild/wasm/sodium-gen -DSODIUM_STATIC=1 bench/crypto/sha256_bench.cpp \
//                src/engine/sha256.cpp build/wasm/libsodium.a -sENVIRONMENT=node \
//                -sALLOW_MEMORY_GROWTH=1 -o /tmp/sha256_bench.js && node /tmp/sha256_bench.js
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "engine/sha256.h"

namespace {

struct Events {
    std::string              bytes;  // all events, back to back
    std::vector<std::size_t> sizes;  // 1024..4096 each
};

Events make_events(std::size_t total) {
    Events     e;
    uint64_t   x = 88172645463325252ULL;  // xorshift: the same events on every platform
    const auto next = [&] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    e.bytes.reserve(total);
    while (e.bytes.size() < total) {
        const std::size_t n = 1024 + next() % 3073;
        e.sizes.push_back(n);
        for (std::size_t i = 0; i < n; ++i) e.bytes.push_back(static_cast<char>(' ' + next() % 95));
    }
    return e;
}

template <class F>
double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main() {
    if (sodium_init() < 0) return 1;
    const Events      ev = make_events(100u << 20);
    const double      mb = static_cast<double>(ev.bytes.size()) / (1 << 20);
    unsigned          sink = 0;
    const std::string check = "abc";
    unsigned char     ref[32];
    crypto_hash_sha256(ref, reinterpret_cast<const unsigned char*>(check.data()), check.size());
    if (std::memcmp(ref, cp::sha256(check).data(), 32) != 0) return 2;

    const auto ours = [&] {
        std::size_t off = 0;
        for (std::size_t n : ev.sizes) {
            sink += cp::sha256(std::string_view(ev.bytes).substr(off, n))[0];
            off += n;
        }
    };
    const auto sodium = [&] {
        std::size_t   off = 0;
        unsigned char out[32];
        for (std::size_t n : ev.sizes) {
            crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(ev.bytes.data()) + off, n);
            sink += out[0];
            off += n;
        }
    };
    std::printf("%zu events, %.1f MB; best of 7 interleaved rounds\n", ev.sizes.size(), mb);
    double own = 1e9, portable = 1e9, lib = 1e9;
    for (int round = 0; round < 7; ++round) {
        cp::sha256_allow_hardware(true);
        own = std::min(own, seconds(ours));
        cp::sha256_allow_hardware(false);
        portable = std::min(portable, seconds(ours));
        cp::sha256_allow_hardware(true);
        lib = std::min(lib, seconds(sodium));
    }
    std::printf("ours%s %.0f MB/s, ours portable %.0f MB/s, libsodium %.0f MB/s\n",
                cp::sha256_hardware() ? " (SHA-NI)" : "", mb / own, mb / portable, mb / lib);
    return sink == 12345 ? 3 : 0;
}
