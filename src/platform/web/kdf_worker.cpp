// kdf_worker.cpp: the whole of the kdf_worker wasm module, which runs Argon2id (libsodium's
// crypto_pwhash) inside a Web Worker so a slow derivation never stalls the page. Driven by
// web/kdf_worker_main.js; the page side is web/kdf.js. Built as its own small module (not part of
// caseplan.wasm) so the worker downloads libsodium's pwhash alone, not the whole app.
#include <emscripten.h>
#include <sodium.h>

#include <malloc.h>

#include <cmath>
#include <cstddef>
#include <cstdlib>

namespace {

// Results of cp_kdf_derive, mirrored in web/kdf_worker_main.js.
enum KdfResult { kdf_ok = 0, kdf_out_of_memory = 1, kdf_bad_params = 2, kdf_no_sodium = 3 };

constexpr unsigned kKeyBytes = 32;

// Checked before any cast (a double out of range makes the cast undefined) and so that a failure
// of crypto_pwhash itself can only mean the memory could not be had.
bool whole_in(double x, double lo, double hi) { return x >= lo && x <= hi && x == std::floor(x); }

bool params_in_range(int pass_len, double ops, double mem) {
    return pass_len >= 0 && whole_in(ops, crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_OPSLIMIT_MAX) &&
           whole_in(mem, crypto_pwhash_MEMLIMIT_MIN, static_cast<double>(crypto_pwhash_MEMLIMIT_MAX));
}

// libsodium runs Argon2 without its clear-memory flag, so the freed blocks (from which the key
// can be recomputed) stay in the heap. dlmalloc coalesces them, with Argon2's other scratch, into
// the free top of the heap; taking that whole top chunk and zeroing it wipes them all without
// growing the memory. The margin keeps the request below the chunk's size (header, alignment).
void wipe_free_top() {
    constexpr std::size_t margin = 64;
    const int             keepcost = mallinfo().keepcost;  // an int in struct mallinfo
    if (keepcost <= 0) return;
    const auto top = static_cast<std::size_t>(keepcost);
    if (top <= margin) return;
    if (void* p = std::malloc(top - margin)) {
        sodium_memzero(p, top - margin);
        std::free(p);
    }
}

// Argon2 and BLAKE2b also leave blocks and hash states in the stack's linear-memory part. Called
// from the same depth as crypto_pwhash, this frame lies over the stretch it used.
__attribute__((noinline)) void wipe_stack() {
    unsigned char scratch[64 * 1024];
    sodium_memzero(scratch, sizeof scratch);
}

}  // namespace

extern "C" {

// Argon2id13 of pass[0..pass_len) with a 16-byte salt into out32. Numbers, not 64-bit integers,
// for the costs: without WASM_BIGINT a 64-bit argument is split in two on the JS side.
// Returns a KdfResult; out32 is zeroed on any failure.
EMSCRIPTEN_KEEPALIVE int cp_kdf_derive(const char* pass, int pass_len, const unsigned char* salt, double ops,
                                       double mem, unsigned char* out32) {
    sodium_memzero(out32, kKeyBytes);
    if (sodium_init() < 0) return kdf_no_sodium;
    if (!params_in_range(pass_len, ops, mem)) return kdf_bad_params;
    const auto opslimit = static_cast<unsigned long long>(ops);
    const auto memlimit = static_cast<unsigned long long>(mem);
    const int  rc = crypto_pwhash(out32, kKeyBytes, pass, static_cast<unsigned long long>(pass_len), salt, opslimit,
                                  static_cast<size_t>(memlimit), crypto_pwhash_ALG_ARGON2ID13);
    wipe_stack();
    wipe_free_top();
    return rc == 0 ? kdf_ok : kdf_out_of_memory;
}

}  // extern "C"
