// kdf_web.cpp: derive_key_async (storage.h) in the browser. The work is done by web/kdf.js in a
// Web Worker; this side keeps the callbacks by request id until kdf.lib.js answers through
// cp_kdf_done, which is always from a later browser task, never inside derive_key_async.
#include <emscripten.h>

#include <cstdio>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/platform.h"
#include "platform/storage.h"

extern "C" {
// Implemented in kdf.lib.js. Costs travel as doubles: a 64-bit integer would be split in two.
void cp_js_kdf_derive(int id, const char* pass, int pass_len, const unsigned char* salt, int salt_len, double opslimit,
                      double memlimit);
// Implemented in kdf.lib.js: publishes a probe's answer to window.cpTest.kdfProbe.
void cp_js_kdf_probe_result(int tag, const char* key_hex, double ms, int answered_inside);
}

namespace {

using Done = std::function<void(std::vector<unsigned char>, double)>;

constexpr std::size_t kKeyBytes = 32;

std::unordered_map<int, Done>& pending() {
    static std::unordered_map<int, Done> requests;
    return requests;
}
int g_next_derivation = 1;

}  // namespace

namespace cp::platform {

void derive_key_async(const std::string& passphrase, const std::vector<unsigned char>& salt,
                      unsigned long long opslimit, unsigned long long memlimit_bytes,
                      std::function<void(std::vector<unsigned char> key, double ms)> done) {
    const int id = g_next_derivation++;
    pending().emplace(id, std::move(done));
    // A salt of the wrong size is refused by kdf.js, answering an empty key like any failure.
    cp_js_kdf_derive(id, passphrase.data(), static_cast<int>(passphrase.size()), salt.data(),
                     static_cast<int>(salt.size()), static_cast<double>(opslimit), static_cast<double>(memlimit_bytes));
}

}  // namespace cp::platform

extern "C" {

// The answer to request `id`: a 32-byte key, or key_len 0 when the derivation failed. The key
// bytes are zeroed by the caller (kdf.lib.js) once this returns.
EMSCRIPTEN_KEEPALIVE void cp_kdf_done(int id, const unsigned char* key, int key_len, double ms) {
    auto it = pending().find(id);
    if (it == pending().end()) return;
    Done done = std::move(it->second);
    pending().erase(it);
    std::vector<unsigned char> out;
    if (key && key_len == static_cast<int>(kKeyBytes)) out.assign(key, key + kKeyBytes);
    done(std::move(out), ms);
    cp::platform::request_redraw();
}

// Tests only (pages opened with ?test): runs derive_key_async exactly as the app would and
// reports the key in hex, so the browser tests cover this file and kdf.lib.js end to end.
// answered_inside is 1 if the answer came before derive_key_async returned (it must not).
EMSCRIPTEN_KEEPALIVE void cp_kdf_probe(int tag, const char* pass, const unsigned char* salt16, double opslimit,
                                       double memlimit) {
    if (!cp::platform::test_mode()) return;
    static bool inside = false;
    inside = true;
    cp::platform::derive_key_async(pass, std::vector<unsigned char>(salt16, salt16 + 16),
                                   static_cast<unsigned long long>(opslimit), static_cast<unsigned long long>(memlimit),
                                   [tag](std::vector<unsigned char> key, double ms) {
                                       std::string hex;
                                       char        byte[3];
                                       for (unsigned char b : key) {
                                           std::snprintf(byte, sizeof byte, "%02x", b);
                                           hex += byte;
                                       }
                                       cp_js_kdf_probe_result(tag, hex.c_str(), ms, inside ? 1 : 0);
                                   });
    inside = false;
}

}  // extern "C"
