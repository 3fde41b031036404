// Encryption at rest: sealed IndexedDB records and the workspace lock.
#include <doctest/doctest.h>

#include <algorithm>

#include "crypto/record.h"
#include "fixed_keys.h"

using namespace cp;
using namespace cptest;

namespace {

std::string text_of(const std::optional<std::string>& s) { return s ? *s : "<nullopt>"; }

}  // namespace

TEST_CASE("record/round-trip") {
    const SecretKey   key = key_of(1);
    const std::string plain = R"({"id":"c1","pupil":"Zoë Smith","events":[]})";
    const Bytes       sealed = seal_record(key, plain, "case/c1");
    CHECK(sealed.size() == plain.size() + record_overhead);
    CHECK(text_of(open_record(key, sealed, "case/c1")) == plain);
    // The plaintext must not appear in the sealed bytes.
    CHECK(std::search(sealed.begin(), sealed.end(), plain.begin() + 8, plain.begin() + 16) == sealed.end());
}

TEST_CASE("record/empty-plaintext") {
    const SecretKey key = key_of(1);
    const Bytes     sealed = seal_record(key, "", "meta/empty");
    CHECK(sealed.size() == record_overhead);
    CHECK(text_of(open_record(key, sealed, "meta/empty")).empty());
}

TEST_CASE("record/fresh-nonce-each-time") {
    const SecretKey key = key_of(1);
    CHECK(seal_record(key, "same", "case/1") != seal_record(key, "same", "case/1"));
}

TEST_CASE("record/deterministic-with-a-test-random-source") {
    const SecretKey key = key_of(9);
    CountingRandom  r1, r2;
    const Bytes     a = seal_record(key, "abc", "case/1", r1);
    const Bytes     b = seal_record(key, "abc", "case/1", r2);
    CHECK(a == b);
    CHECK(a[0] == 0);
    CHECK(a[23] == 23);  // the nonce is the first 24 bytes
}

TEST_CASE("record/moved-under-another-key-fails") {
    const SecretKey key = key_of(1);
    const Bytes     sealed = seal_record(key, "case one", "case/c1");
    CHECK_FALSE(open_record(key, sealed, "case/c2"));
    CHECK_FALSE(open_record(key, sealed, "case/c1 "));
    CHECK_FALSE(open_record(key, sealed, ""));
}

TEST_CASE("record/wrong-key-fails") {
    const Bytes sealed = seal_record(key_of(1), "case one", "case/c1");
    CHECK_FALSE(open_record(key_of(2), sealed, "case/c1"));
    CHECK_FALSE(open_record(SecretKey(), sealed, "case/c1"));  // locked: no key
}

TEST_CASE("record/every-bit-flip-fails") {
    const SecretKey key = key_of(1);
    const Bytes     sealed = seal_record(key, "attendance 2026-09-01", "event/e1");
    for (std::size_t i = 0; i < sealed.size(); ++i)
        for (int bit = 0; bit < 8; ++bit) {
            Bytes bad = sealed;
            bad[i] ^= static_cast<unsigned char>(1u << bit);
            CHECK_FALSE(open_record(key, bad, "event/e1"));
        }
}

TEST_CASE("record/short-input-fails-cleanly") {
    const SecretKey key = key_of(1);
    const Bytes     sealed = seal_record(key, "x", "case/1");
    for (std::size_t n = 0; n < sealed.size(); ++n)
        CHECK_FALSE(open_record(key, std::span(sealed.data(), n), "case/1"));
}

TEST_CASE("record/sealing-without-a-key-throws") {
    CHECK_THROWS_AS(seal_record(SecretKey(), "x", "case/1"), std::invalid_argument);
}

TEST_CASE("record/workspace-lock") {
    KdfSettings kdf{kdf_minimum, {}};
    kdf.salt.fill(3);
    const auto key = derive_key("our workspace passphrase", kdf);
    REQUIRE(key);
    const WorkspaceLock lock = make_workspace_lock(*key, kdf);
    CHECK(key_matches(*key, lock));
    CHECK_FALSE(key_matches(key_of(0), lock));
    CHECK_FALSE(key_matches(SecretKey(), lock));

    // Through its JSON form, as the storage layer keeps it, and unlocked by passphrase again.
    const auto back = workspace_lock_from_json(nlohmann::json::parse(to_json(lock).dump()));
    REQUIRE(back);
    CHECK(back->kdf.salt == kdf.salt);
    CHECK(back->kdf.params.opslimit == kdf.params.opslimit);
    CHECK(back->kdf.params.memlimit_bytes == kdf.params.memlimit_bytes);
    CHECK(key_matches(*derive_key("our workspace passphrase", back->kdf), *back));
    CHECK_FALSE(key_matches(*derive_key("our workspace passphrasE", back->kdf), *back));
}

TEST_CASE("record/workspace-lock-json-is-checked") {
    const WorkspaceLock  lock = make_workspace_lock(key_of(1), KdfSettings{kdf_minimum, {}});
    const nlohmann::json good = to_json(lock);
    CHECK(workspace_lock_from_json(good));
    auto changed = [&](auto edit) {
        nlohmann::json j = good;
        edit(j);
        return workspace_lock_from_json(j).has_value();
    };
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["memlimit"] = 1ull << 34; }));  // 16 GiB: refused
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["opslimit"] = 1; }));
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["opslimit"] = "2"; }));
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["alg"] = 5; }));
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["alg"] = "argon2i13"; }));
    CHECK_FALSE(changed([](auto& j) { j["kdf"]["salt"] = "AAAA"; }));
    CHECK_FALSE(changed([](auto& j) { j["kdf"].erase("salt"); }));
    CHECK_FALSE(changed([](auto& j) { j.erase("check"); }));
    CHECK_FALSE(changed([](auto& j) { j["check"] = "not base64!"; }));
    CHECK_FALSE(workspace_lock_from_json(nlohmann::json::array()));
    CHECK_FALSE(workspace_lock_from_json(nlohmann::json("text")));
}
