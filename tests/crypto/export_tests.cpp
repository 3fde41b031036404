// The export file: round trips, every refusal, tampering, truncation, and the documented format.
#include <doctest/doctest.h>

#include <sodium.h>

#include <functional>
#include <map>

#include "crypto/export_file.h"
#include "fixed_keys.h"

using namespace cp;
using namespace cptest;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {

constexpr std::string_view passphrase = "maple orbit kettle canyon";

ExportContents sample_contents() {
    ExportContents c;
    c.kind = ExportKind::case_package;
    c.note = "For Mrs Okafor at Riverside: weekly attendance — Zoë's review is on Friday.";
    c.created = "2026-09-14T15:30:00Z";
    c.payload = json::parse(R"({"cases":[{"id":"c-17","pupil":"Zoë Ašić","events":[
                                {"id":"e1","type":"referral","date":"2026-09-01"}]}]})");
    return c;
}

// One sealed sample per test run: sealing costs a key derivation.
const std::string& sample_file() {
    static const std::string file = [] {
        CountingRandom rng;
        return seal_export(sample_contents(), passphrase, kdf_minimum, rng);
    }();
    return file;
}

ExportError open_code(std::string_view file, std::string_view pass = passphrase) {
    return open_export(file, pass).problem.code;
}

ExportError inspect_code(std::string_view file) { return inspect_export(file).problem.code; }

// The sample with one edit made to its parsed JSON (members keep their order).
template <class Edit>
std::string edited(Edit edit) {
    ordered_json j = ordered_json::parse(sample_file());
    edit(j);
    return j.dump(2) + "\n";
}

std::string flip_first_bit(const std::string& b64) {
    Bytes raw = *from_base64(b64);
    raw[0] ^= 1;
    return to_base64(raw);
}

bool same_contents(const ExportContents& a, const ExportContents& b) {
    return a.kind == b.kind && a.note == b.note && a.created == b.created && a.payload == b.payload;
}

}  // namespace

// ---- round trips ------------------------------------------------------------------------------

TEST_CASE("export/round-trip") {
    const OpenResult r = open_export(sample_file(), passphrase);
    REQUIRE_MESSAGE(r.ok(), r.problem.message);
    CHECK(r.problem.code == ExportError::none);
    CHECK(same_contents(*r.contents, sample_contents()));
}

TEST_CASE("export/round-trip-backup-with-no-note-and-odd-payloads") {
    for (const json& payload : {json::object(), json::array(), json("text"), json(nullptr), json(42)}) {
        ExportContents c;
        c.kind = ExportKind::backup;
        c.created = "2026-01-05T08:00:00Z";
        c.payload = payload;
        const OpenResult r = open_export(seal_export(c, "pw", kdf_minimum), "pw");
        REQUIRE(r.ok());
        CHECK(same_contents(*r.contents, c));
    }
}

TEST_CASE("export/round-trip-at-the-default-params") {
    const std::string   file = seal_export(sample_contents(), passphrase);
    const InspectResult i = inspect_export(file);
    REQUIRE(i.ok());
    CHECK(i.sealed->header.kdf.params.opslimit == kdf_default.opslimit);
    CHECK(i.sealed->header.kdf.params.memlimit_bytes == kdf_default.memlimit_bytes);
    const OpenResult r = open_export(file, passphrase);
    REQUIRE(r.ok());
    CHECK(same_contents(*r.contents, sample_contents()));
}

TEST_CASE("export/split-steps-match-one-go") {
    const InspectResult i = inspect_export(sample_file());
    REQUIRE(i.ok());
    const auto key = derive_key(passphrase, i.sealed->header.kdf);
    REQUIRE(key);
    const OpenResult r = open_with_key(*i.sealed, *key);
    REQUIRE(r.ok());
    CHECK(same_contents(*r.contents, sample_contents()));
    CHECK(open_with_key(*i.sealed, SecretKey()).problem.code == ExportError::wrong_passphrase);
}

TEST_CASE("export/seal-with-key-reuses-a-derived-key") {
    KdfSettings kdf{kdf_minimum, {}};
    kdf.salt.fill(4);
    const auto key = derive_key("pw one", kdf);
    const auto file = seal_export_with_key(sample_contents(), *key, kdf);
    CHECK(open_export(file, "pw one").ok());
    CHECK(open_code(file, "pw two") == ExportError::wrong_passphrase);
}

TEST_CASE("export/fresh-salt-and-nonce-each-time") {
    const auto a = inspect_export(seal_export(sample_contents(), "pw", kdf_minimum));
    const auto b = inspect_export(seal_export(sample_contents(), "pw", kdf_minimum));
    CHECK(a.sealed->header.kdf.salt != b.sealed->header.kdf.salt);
    CHECK(a.sealed->header.nonce != b.sealed->header.nonce);
}

TEST_CASE("export/layout-and-formatting-do-not-matter") {
    // The associated data is the canonical header, so reindenting or reordering keeps it valid.
    const json j = json::parse(sample_file());  // sorted members
    CHECK(open_export(j.dump(), passphrase).ok());
    CHECK(open_export(j.dump(7, '\t'), passphrase).ok());
    CHECK(open_export("\n\n  " + j.dump() + "  \r\n", passphrase).ok());
}

TEST_CASE("export/no-secrets-in-the-clear") {
    const std::string& f = sample_file();
    CHECK(f.find("Okafor") == std::string::npos);
    CHECK(f.find("c-17") == std::string::npos);
    CHECK(f.find("referral") == std::string::npos);
    CHECK(f.find(std::string(passphrase)) == std::string::npos);
}

TEST_CASE("export/sealing-refuses-bad-input") {
    CHECK_THROWS_AS(seal_export(sample_contents(), "", kdf_minimum), std::invalid_argument);
    CHECK_THROWS_AS(seal_export(sample_contents(), "pw", {1, 19u << 20}), std::invalid_argument);
    CHECK_THROWS_AS(seal_export(sample_contents(), "pw", {2, 1ull << 30}), std::invalid_argument);
    ExportContents bad = sample_contents();
    bad.note = "\xff\xfe not UTF-8";
    CHECK_THROWS_AS(seal_export(bad, "pw", kdf_minimum), std::invalid_argument);
    CHECK_THROWS_AS(seal_export_with_key(sample_contents(), SecretKey(), KdfSettings{kdf_minimum, {}}),
                    std::invalid_argument);
}

TEST_CASE("export/sealing-refuses-a-file-too-large-to-import") {
    KdfSettings    kdf{kdf_minimum, {}};
    const auto     key = derive_key("pw", kdf);
    ExportContents big = sample_contents();
    big.payload = std::string(export_max_bytes * 3 / 4, 'x');  // base64 makes it 4/3 as large
    CHECK_THROWS_AS(seal_export_with_key(big, *key, kdf), std::length_error);
}

// ---- every refusal, before any key derivation -------------------------------------------------

TEST_CASE("export/empty-file") {
    CHECK(inspect_code("") == ExportError::empty_file);
    CHECK(inspect_code(" \r\n\t ") == ExportError::empty_file);
}

TEST_CASE("export/too-large") {
    const std::string huge(export_max_bytes + 1, 'x');
    CHECK(inspect_code(huge) == ExportError::too_large);
    std::string padded = sample_file();
    padded.resize(export_max_bytes + 1, ' ');  // valid JSON, but still too large
    CHECK(inspect_code(padded) == ExportError::too_large);
}

TEST_CASE("export/not-json") {
    CHECK(inspect_code("hello") == ExportError::not_json);
    CHECK(inspect_code("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == ExportError::not_json);
    CHECK(inspect_code("PK\x03\x04 a zip file") == ExportError::not_json);
    CHECK(inspect_code("[1, 2") == ExportError::not_json);
    CHECK(inspect_code("{\"a\": 1} extra") == ExportError::not_json);
    CHECK(inspect_code("{\"a\": 1e999999}") == ExportError::not_json);
}

TEST_CASE("export/not-an-export") {
    for (const char* text :
         {"{}", "[]", "42", "\"caseplan-export\"", "null", R"({"format":"other"})", R"({"format":5})",
          R"({"kind":"backup","payload":{}})", R"([{"format":"caseplan-export","version":1}])"})
        CHECK_MESSAGE(inspect_code(text) == ExportError::not_an_export, text);
}

TEST_CASE("export/hostile-nesting-is-refused-without-a-crash") {
    // The parser and the destructor must not recurse once per level (the wasm stack is 1 MiB).
    const std::size_t depth = 200000;
    CHECK(inspect_code(std::string(depth, '[') + std::string(depth, ']')) == ExportError::not_an_export);
    std::string objects;
    for (std::size_t i = 0; i < depth; ++i) objects += "{\"a\":";
    objects += "1" + std::string(depth, '}');
    CHECK(inspect_code(objects) == ExportError::not_an_export);
    CHECK(inspect_code(objects.substr(0, objects.size() - 1)) == ExportError::truncated);
}

TEST_CASE("export/versions") {
    CHECK(inspect_code(edited([](auto& j) { j["version"] = 2; })) == ExportError::newer_version);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = 99999999999ull; })) == ExportError::newer_version);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = 0; })) == ExportError::unknown_version);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = -1; })) == ExportError::unknown_version);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = "1"; })) == ExportError::invalid_field);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = 1.0; })) == ExportError::invalid_field);
    CHECK(inspect_code(edited([](auto& j) { j["version"] = true; })) == ExportError::invalid_field);
    // A newer version is reported as such even when the rest of its header is unfamiliar.
    CHECK(inspect_code(R"({"format":"caseplan-export","version":2,"something":"new"})") == ExportError::newer_version);
}

TEST_CASE("export/missing-fields-are-named") {
    const std::vector<std::vector<std::string>> paths = {
        {"version"}, {"kdf"},         {"kdf", "alg"},    {"kdf", "salt"}, {"kdf", "opslimit"}, {"kdf", "memlimit"},
        {"aead"},    {"aead", "alg"}, {"aead", "nonce"}, {"key_check"},   {"header_mac"},      {"ciphertext"}};
    for (const auto& path : paths) {
        const std::string file = edited([&](auto& j) {
            if (path.size() == 1)
                j.erase(path[0]);
            else
                j[path[0]].erase(path[1]);
        });
        const auto        problem = inspect_export(file).problem;
        const std::string name = path.size() == 1 ? path[0] : path[0] + "." + path[1];
        CHECK_MESSAGE(problem.code == ExportError::missing_field, name);
        CHECK(problem.field == name);
        CHECK(problem.message.find("\"" + name + "\"") != std::string::npos);
    }
}

TEST_CASE("export/invalid-fields-are-named") {
    const std::vector<std::pair<std::string, std::function<void(ordered_json&)>>> cases = {
        {"kdf", [](auto& j) { j["kdf"] = "argon2id13"; }},
        {"kdf.alg", [](auto& j) { j["kdf"]["alg"] = "argon2i13"; }},
        {"kdf.alg", [](auto& j) { j["kdf"]["alg"] = 13; }},
        {"kdf.salt", [](auto& j) { j["kdf"]["salt"] = "AAAA"; }},  // 3 bytes, not 16
        {"kdf.salt", [](auto& j) { j["kdf"]["salt"] = "not base64 at all"; }},
        {"kdf.salt", [](auto& j) { j["kdf"]["salt"] = nullptr; }},
        {"kdf.opslimit", [](auto& j) { j["kdf"]["opslimit"] = "3"; }},
        {"kdf.opslimit", [](auto& j) { j["kdf"]["opslimit"] = 2.5; }},
        {"kdf.opslimit", [](auto& j) { j["kdf"]["opslimit"] = -2; }},
        {"kdf.memlimit", [](auto& j) { j["kdf"]["memlimit"] = json::array(); }},
        {"kdf.extra", [](auto& j) { j["kdf"]["extra"] = 1; }},
        {"aead", [](auto& j) { j["aead"] = json::array(); }},
        {"aead.alg", [](auto& j) { j["aead"]["alg"] = "aes256gcm"; }},
        {"aead.nonce", [](auto& j) { j["aead"]["nonce"] = "AAAAAAAAAAAAAAAA"; }},  // 12 bytes
        {"aead.extra", [](auto& j) { j["aead"]["extra"] = "x"; }},
        {"key_check", [](auto& j) { j["key_check"] = 7; }},
        {"header_mac", [](auto& j) { j["header_mac"] = "AAAA"; }},
        {"ciphertext", [](auto& j) { j["ciphertext"] = 12; }},
        {"ciphertext",
         [](auto& j) {
             std::string c = j["ciphertext"];
             c[5] = '*';
             j["ciphertext"] = c;
         }},
        {"note", [](auto& j) { j["note"] = "a note outside the encryption is not allowed"; }},
    };
    for (const auto& c : cases) {  // no structured bindings: clang 14 cannot capture them
        const std::string& field = c.first;
        const auto         problem = inspect_export(edited(c.second)).problem;
        CHECK_MESSAGE(problem.code == ExportError::invalid_field, field);
        CHECK_MESSAGE(problem.field == field, field);
    }
}

TEST_CASE("export/kdf-limits-on-import") {
    auto with = [](uint64_t ops, uint64_t mem) {
        return inspect_code(edited([&](auto& j) {
            j["kdf"]["opslimit"] = ops;
            j["kdf"]["memlimit"] = mem;
        }));
    };
    CHECK(with(1, 64u << 20) == ExportError::kdf_too_weak);
    CHECK(with(2, (19u << 20) - 1024) == ExportError::kdf_too_weak);
    CHECK(with(0, 0) == ExportError::kdf_too_weak);
    CHECK(with(11, 64u << 20) == ExportError::kdf_too_costly);
    CHECK(with(3, (256u << 20) + 1024) == ExportError::kdf_too_costly);
    CHECK(with(3, 4ull << 30) == ExportError::kdf_too_costly);  // 4 GiB: refused, not allocated
    CHECK(with(UINT64_MAX, UINT64_MAX) == ExportError::kdf_too_costly);
    CHECK(with(10, 256u << 20) == ExportError::none);  // the maximum itself is accepted
    CHECK(with(2, 19u << 20) == ExportError::none);
}

TEST_CASE("export/truncated-at-every-offset") {
    const std::string& f = sample_file();
    REQUIRE(f.back() == '\n');
    for (std::size_t n = 0; n + 1 < f.size(); ++n) {
        const ExportError e = inspect_code(std::string_view(f).substr(0, n));
        CHECK_MESSAGE(e == (n == 0 ? ExportError::empty_file : ExportError::truncated), "cut at " << n);
    }
    CHECK(inspect_code(std::string_view(f).substr(0, f.size() - 1)) == ExportError::none);
}

TEST_CASE("export/ciphertext-cut-short-then-closed-up") {
    const auto cut = [](std::size_t keep) {
        return inspect_code(edited([&](auto& j) {
            std::string c = j["ciphertext"];
            j["ciphertext"] = c.substr(0, keep);
        }));
    };
    CHECK(cut(0) == ExportError::truncated);   // nothing left: no room for the tag
    CHECK(cut(8) == ExportError::truncated);   // 6 bytes: shorter than the tag
    CHECK(cut(10) == ExportError::truncated);  // not a whole base64 group
    CHECK(cut(41) == ExportError::truncated);
}

TEST_CASE("export/damaged-in-the-middle") {
    std::string f = sample_file();
    f[f.find("\"kdf\"") + 6] = '#';
    CHECK(inspect_code(f) == ExportError::damaged);
}

// ---- after key derivation: passphrase, tampering ----------------------------------------------

TEST_CASE("export/wrong-passphrase") {
    const ExportProblem p = open_export(sample_file(), "maple orbit kettle canyoN").problem;
    CHECK(p.code == ExportError::wrong_passphrase);
    CHECK(p.message.find("The passphrase is wrong, or the file was changed after it was exported") == 0);
    CHECK(open_code(sample_file(), "") == ExportError::wrong_passphrase);
}

TEST_CASE("export/each-header-field-tampered") {
    using E = ExportError;
    const std::vector<std::tuple<const char*, E, std::function<void(ordered_json&)>>> cases = {
        {"format", E::not_an_export, [](auto& j) { j["format"] = "caseplan-exporT"; }},
        {"version", E::newer_version, [](auto& j) { j["version"] = 2; }},
        {"kdf.alg", E::invalid_field, [](auto& j) { j["kdf"]["alg"] = "argon2i13"; }},
        {"kdf.salt", E::wrong_passphrase, [](auto& j) { j["kdf"]["salt"] = flip_first_bit(j["kdf"]["salt"]); }},
        {"kdf.opslimit", E::wrong_passphrase, [](auto& j) { j["kdf"]["opslimit"] = 3; }},
        {"kdf.memlimit", E::wrong_passphrase, [](auto& j) { j["kdf"]["memlimit"] = 20u << 20; }},
        {"aead.alg", E::invalid_field, [](auto& j) { j["aead"]["alg"] = "chacha20poly1305-ietf"; }},
        {"aead.nonce", E::header_changed, [](auto& j) { j["aead"]["nonce"] = flip_first_bit(j["aead"]["nonce"]); }},
        {"key_check", E::wrong_passphrase, [](auto& j) { j["key_check"] = flip_first_bit(j["key_check"]); }},
        {"header_mac", E::header_changed, [](auto& j) { j["header_mac"] = flip_first_bit(j["header_mac"]); }},
        {"extra member", E::invalid_field, [](auto& j) { j["school"] = "Riverside"; }},
    };
    for (const auto& c : cases) {
        const std::string name = std::get<0>(c);
        CHECK_MESSAGE(open_code(edited(std::get<2>(c))) == std::get<1>(c), name);
    }
}

TEST_CASE("export/ciphertext-bit-flips") {
    const std::string   ct = ordered_json::parse(sample_file())["ciphertext"];
    const std::size_t   bytes = from_base64(ct)->size();
    const InspectResult clean = inspect_export(sample_file());
    const auto          key = derive_key(passphrase, clean.sealed->header.kdf);
    for (std::size_t i = 0; i < bytes; i += 7) {  // every 7th byte, tag included
        SealedExport bad = *clean.sealed;
        bad.ciphertext[i] ^= 0x80;
        CHECK(open_with_key(bad, *key).problem.code == ExportError::content_changed);
    }
    // The same through the file, once.
    const std::string file = edited([](auto& j) { j["ciphertext"] = flip_first_bit(j["ciphertext"]); });
    CHECK(open_code(file) == ExportError::content_changed);
}

TEST_CASE("export/any-single-bit-flip-in-the-file-is-refused") {
    // Never a crash, never silently accepted. Derived keys are cached by KDF settings so this
    // stays fast: most flips are caught before derivation anyway.
    const std::string&                              f = sample_file();
    std::map<std::string, std::optional<SecretKey>> keys;
    for (std::size_t i = 0; i < f.size(); ++i) {
        std::string bad = f;
        bad[i] ^= 0x01;
        const InspectResult r = inspect_export(bad);
        if (!r.ok()) continue;
        const KdfSettings& kdf = r.sealed->header.kdf;
        const std::string  id = to_base64(kdf.salt) + "/" + std::to_string(kdf.params.opslimit) + "/" +
                               std::to_string(kdf.params.memlimit_bytes);
        if (!keys.count(id)) keys[id] = derive_key(passphrase, kdf);
        CHECK_MESSAGE(!open_with_key(*r.sealed, *keys[id]).ok(), "flip at " << i);
    }
}

// ---- the documented format, rebuilt from docs/export-format.md with libsodium directly ----------

namespace {

std::array<unsigned char, 32> blake2b_keyed(std::span<const unsigned char> key, std::string_view msg) {
    std::array<unsigned char, 32> out;
    crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                       key.data(), key.size());
    return out;
}

// Writes an export exactly as the document describes, with any plaintext (valid or not).
std::string hand_made_export(std::string_view pass, std::string_view plaintext) {
    std::array<unsigned char, 16> salt;
    std::array<unsigned char, 24> nonce;
    salt.fill(0x11);
    nonce.fill(0x22);
    const uint64_t                ops = 2, mem = 19u << 20;
    std::array<unsigned char, 32> master;
    REQUIRE(crypto_pwhash(master.data(), 32, pass.data(), pass.size(), salt.data(), ops, mem,
                          crypto_pwhash_ALG_ARGON2ID13) == 0);
    const auto        content_key = blake2b_keyed(master, "caseplan-export v1 content key");
    const auto        key_check = blake2b_keyed(master, "caseplan-export v1 key check");
    const auto        mac_key = blake2b_keyed(master, "caseplan-export v1 header mac key");
    const std::string ad = R"({"aead":{"alg":"xchacha20poly1305-ietf","nonce":")" + to_base64(nonce) +
                           R"("},"format":"caseplan-export","kdf":{"alg":"argon2id13","memlimit":)" +
                           std::to_string(mem) + R"(,"opslimit":)" + std::to_string(ops) + R"(,"salt":")" +
                           to_base64(salt) + R"("},"key_check":")" + to_base64(key_check) + R"(","version":1})";
    const auto header_mac = blake2b_keyed(mac_key, ad);
    Bytes      ct(plaintext.size() + 16);
    crypto_aead_xchacha20poly1305_ietf_encrypt(
        ct.data(), nullptr, reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
        reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), nullptr, nonce.data(), content_key.data());
    json doc = json::parse(ad);
    doc["header_mac"] = to_base64(header_mac);
    doc["ciphertext"] = to_base64(ct);
    return doc.dump();
}

}  // namespace

TEST_CASE("export/associated-data-is-the-documented-canonical-header") {
    ExportHeader h;
    h.kdf.params = {3, 64u << 20};
    h.kdf.salt.fill(0);
    h.nonce.fill(0xFF);
    h.key_check.fill(0x01);
    CHECK(associated_data_of(h) ==
          R"({"aead":{"alg":"xchacha20poly1305-ietf","nonce":"////////////////////////////////"},)"
          R"("format":"caseplan-export","kdf":{"alg":"argon2id13","memlimit":67108864,"opslimit":3,)"
          R"("salt":"AAAAAAAAAAAAAAAAAAAAAA=="},"key_check":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=",)"
          R"("version":1})");
}

TEST_CASE("export/a-file-built-from-the-document-opens") {
    const std::string plain = R"({"kind":"backup","created":"2026-10-01T09:00:00Z","payload":{"n":1}})";
    const OpenResult  r = open_export(hand_made_export("doc pass", plain), "doc pass");
    REQUIRE_MESSAGE(r.ok(), r.problem.message);
    CHECK(r.contents->kind == ExportKind::backup);
    CHECK(r.contents->note.empty());  // "note" is optional
    CHECK(r.contents->payload == json{{"n", 1}});
}

TEST_CASE("export/bad-contents-inside-a-valid-envelope") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"not json", ""},
        {R"(["kind","backup"])", ""},
        {R"({"kind":"letter","created":"x","payload":{}})", "kind"},
        {R"({"kind":7,"created":"x","payload":{}})", "kind"},
        {R"({"created":"x","payload":{}})", "kind"},
        {R"({"kind":"backup","payload":{}})", "created"},
        {R"({"kind":"backup","created":"x","note":3,"payload":{}})", "note"},
        {R"({"kind":"backup","created":"x"})", "payload"},
    };
    for (const auto& c : cases) {
        const std::string& plain = c.first;
        const std::string& field = c.second;
        const auto         problem = open_export(hand_made_export("pw", plain), "pw").problem;
        CHECK_MESSAGE(problem.code == ExportError::bad_contents, plain);
        CHECK_MESSAGE(problem.field == field, plain);
    }
}

// ---- messages ---------------------------------------------------------------------------------

TEST_CASE("export/every-code-has-a-name-and-a-message") {
    for (int c = int(ExportError::empty_file); c <= int(ExportError::bad_contents); ++c) {
        const auto code = ExportError(c);
        CHECK(error_name(code) != "unknown");
        const ExportProblem p = make_problem(code, "kdf.salt");
        CHECK(p.code == code);
        CHECK(p.message.size() > 40);
        CHECK(p.message.back() == '.');
    }
    CHECK(make_problem(ExportError::none).message.empty());
}
