// bench_web.cpp: hooks for the performance benchmark (scripts/bench.py, bench/web_bench.mjs).
// Every one does nothing and answers -1 unless the page was opened with ?bench=1, which the app's
// own links never do. They run what a click would run, so the timings are the app's own paths:
//   cp_bench_record_note(case_id, redraw)  records a note on a case through the session, as the
//                                          case view's "Add a note" does; 1 allowed, 0 refused
//   cp_bench_case_count()                  cases listed on the dashboard once open, else -2
//   cp_bench_phase()                       the session's phase (Phase's value: 4 = open)
//   cp_bench_aead(bytes, reps, open)       ms for `reps` XChaCha20-Poly1305 seals (open=0) or
//                                          opens (open=1) of `bytes` bytes, as records are sealed
#include <emscripten.h>
#include <sodium.h>

#include <vector>

#include "app/session.h"
#include "platform/platform.h"

namespace {

bool enabled() {
    static const bool on = cp::platform::url_param("bench") == "1";
    return on;
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int cp_bench_record_note(const char* case_id, int redraw) {
    if (!enabled()) return -1;
    cp::app::Session& s = cp::app::session();
    if (s.phase() != cp::app::Phase::open) return -2;
    const cp::DraftVerdict v = s.record(case_id, {s.author(), cp::EventType::note, {{"text", "Benchmark note"}}, ""});
    if (redraw) cp::platform::request_redraw();  // as the click that records it would
    return v.allowed ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int cp_bench_case_count() {
    if (!enabled()) return -1;
    cp::app::Session& s = cp::app::session();
    return s.phase() == cp::app::Phase::open ? static_cast<int>(s.plans().size()) : -2;
}

EMSCRIPTEN_KEEPALIVE int cp_bench_phase() {
    if (!enabled()) return -1;
    return static_cast<int>(cp::app::session().phase());
}

EMSCRIPTEN_KEEPALIVE double cp_bench_aead(int bytes, int reps, int open) {
    if (!enabled() || bytes <= 0 || reps <= 0 || sodium_init() < 0) return -1;
    std::vector<unsigned char> plain(bytes, 0x5a), sealed(bytes + crypto_aead_xchacha20poly1305_ietf_ABYTES),
        out(bytes);
    unsigned char key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES], nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES];
    randombytes_buf(key, sizeof key);
    randombytes_buf(nonce, sizeof nonce);
    const unsigned char ad[] = "case/B-1";
    unsigned long long  len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &len, plain.data(), plain.size(), ad, sizeof ad - 1,
                                               nullptr, nonce, key);
    const double t0 = emscripten_get_now();
    for (int i = 0; i < reps; ++i) {
        if (open) {
            if (crypto_aead_xchacha20poly1305_ietf_decrypt(out.data(), nullptr, nullptr, sealed.data(), len, ad,
                                                           sizeof ad - 1, nonce, key) != 0)
                return -1;
        } else {
            crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data(), &len, plain.data(), plain.size(), ad,
                                                       sizeof ad - 1, nullptr, nonce, key);
        }
    }
    const double ms = emscripten_get_now() - t0;
    sodium_memzero(key, sizeof key);
    return ms;
}

}  // extern "C"
