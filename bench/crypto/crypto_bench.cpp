// crypto_bench: the app's two costly primitives in native libsodium, to set beside the same calls
// in the app's WebAssembly (bench/web_bench.mjs): Argon2id13 at the workspace default (64 MiB,
// 3 passes) and XChaCha20-Poly1305-IETF sealing and opening of 1 MiB. One untimed call of each
// first. Prints one JSON line of every run's time. A benchmark, not a test.
//
//   crypto_bench [runs] [aead_reps]      defaults 5 and 20 (1 MiB operations per timed run)
#include <sodium.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

std::string list(const std::vector<double>& xs) {
    std::string s = "[";
    for (std::size_t i = 0; i < xs.size(); ++i) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%s%.3f", i ? "," : "", xs[i]);
        s += buf;
    }
    return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 5;
    const int reps = argc > 2 ? std::atoi(argv[2]) : 20;
    if (sodium_init() < 0) return 1;
    const char    pass[] = "benchmark passphrase";
    unsigned char salt[crypto_pwhash_SALTBYTES] = {};
    unsigned char key[32];
    const auto    kdf = [&] {
        return crypto_pwhash(key, sizeof key, pass, sizeof pass - 1, salt, 3, 64ull << 20,
                                crypto_pwhash_ALG_ARGON2ID13);
    };
    if (kdf() != 0) return 1;
    std::vector<double> argon;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = Clock::now();
        if (kdf() != 0) return 1;
        argon.push_back(ms_since(t0));
    }

    const std::size_t          n = 1 << 20;
    std::vector<unsigned char> plain(n, 0x5a), sealed(n + crypto_aead_xchacha20poly1305_ietf_ABYTES), opened(n);
    unsigned char              nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = {};
    const unsigned char        ad[] = "case/B-1";
    unsigned long long         len = 0;
    const auto                 seal = [&] {
        crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &len, plain.data(), n, ad, sizeof ad - 1, nullptr,
                                                                   nonce, key);
    };
    const auto open = [&] {
        return crypto_aead_xchacha20poly1305_ietf_decrypt(opened.data(), nullptr, nullptr, sealed.data(), len, ad,
                                                          sizeof ad - 1, nonce, key);
    };
    seal();
    if (open() != 0) return 1;
    std::vector<double> seal_ms, open_ms;  // per 1 MiB operation
    for (int r = 0; r < runs; ++r) {
        auto t0 = Clock::now();
        for (int i = 0; i < reps; ++i) seal();
        seal_ms.push_back(ms_since(t0) / reps);
        t0 = Clock::now();
        for (int i = 0; i < reps; ++i)
            if (open() != 0) return 1;
        open_ms.push_back(ms_since(t0) / reps);
    }
    std::printf(
        "{\"bench\":\"crypto\",\"libsodium\":\"%s\",\"argon2id_ms\":%s,\"seal_1mib_ms\":%s,\"open_1mib_ms\":%s}\n",
        sodium_version_string(), list(argon).c_str(), list(seal_ms).c_str(), list(open_ms).c_str());
    return 0;
}
