// seed_workspace: writes a workspace of N generated cases as the sealed records the app keeps in
// IndexedDB (the same vault code as the app, the same key derivation), so the browser benchmark
// can put them into a profile before the page loads and unlock them with a known passphrase.
// A benchmark tool, not part of the app.
//
//   seed_workspace CASES PASSPHRASE OUT.bin
//
// Cases are bench_cases.h's, cut at different points so the dashboard shows every stage: case i
// keeps kCuts[i % 6] events (the full case has 60). OUT.bin is "CPSEED1\n", a little-endian u32
// record count, then per record u32 key length, key, u32 value length, value. A JSON summary
// goes to stdout.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "../engine/bench_cases.h"
#include "crypto/keys.h"
#include "crypto/record.h"
#include "storage/vault.h"

using namespace cp;

namespace {

constexpr int kCuts[] = {9, 18, 26, 30, 45, 60};

void put_u32(std::FILE* f, std::uint32_t v) {
    const unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8),
                                static_cast<unsigned char>(v >> 16), static_cast<unsigned char>(v >> 24)};
    std::fwrite(b, 1, 4, f);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: seed_workspace CASES PASSPHRASE OUT.bin\n");
        return 2;
    }
    const int         cases = std::atoi(argv[1]);
    const std::string passphrase = argv[2];
    Workspace         ws;
    ws.own = {"Bench School", "100000", "norfolk", "home_school"};
    ws.staff.push_back({"s1", "Ms Bench Author", "Deputy Headteacher"});
    for (int s = 0; s < 41; ++s)
        ws.schools.push_back(
            {std::to_string(100000 + s), "School " + std::to_string(s), "secondary", "academy", "", "", "", -1});
    std::size_t events = 0;
    for (int i = 0; i < cases; ++i) {
        ws.cases.push_back(bench::make_case(i, kCuts[i % 6]));
        events += ws.cases.back().events.size();
    }
    const KdfSettings        kdf{kdf_default, make_salt(system_random())};
    std::optional<SecretKey> key = derive_key(passphrase, kdf);
    if (!key) {
        std::fprintf(stderr, "seed_workspace: not enough memory for Argon2id\n");
        return 1;
    }
    storage::AppSettings app;
    storage::update_case_names(app, ws);
    std::vector<platform::Record> records{storage::lock_record(make_workspace_lock(*key, kdf))};
    for (auto& r : storage::seal_everything(ws, app, *key)) records.push_back(std::move(r));

    std::FILE* f = std::fopen(argv[3], "wb");
    if (!f) {
        std::fprintf(stderr, "seed_workspace: cannot write %s\n", argv[3]);
        return 2;
    }
    std::fwrite("CPSEED1\n", 1, 8, f);
    put_u32(f, static_cast<std::uint32_t>(records.size()));
    std::size_t bytes = 0;
    for (const auto& r : records) {
        put_u32(f, static_cast<std::uint32_t>(r.key.size()));
        std::fwrite(r.key.data(), 1, r.key.size(), f);
        put_u32(f, static_cast<std::uint32_t>(r.value.size()));
        std::fwrite(r.value.data(), 1, r.value.size(), f);
        bytes += r.value.size();
    }
    std::fclose(f);
    std::printf("{\"cases\":%d,\"events\":%zu,\"records\":%zu,\"sealed_bytes\":%zu}\n", cases, events, records.size(),
                bytes);
    return 0;
}
