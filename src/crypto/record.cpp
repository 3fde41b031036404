#include "crypto/record.h"

#include <sodium.h>

namespace cp {

static_assert(record_nonce_size == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(record_tag_size == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(SecretKey::size == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

namespace {

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

// ---- records ----------------------------------------------------------------------------------

Bytes seal_record(const SecretKey& key, std::string_view plaintext, std::string_view associated_data,
                  RandomSource& rng) {
    ensure_sodium();
    if (key.empty()) throw std::invalid_argument("seal_record: no key (workspace locked)");
    Bytes out(record_overhead + plaintext.size());
    rng.fill(std::span(out.data(), record_nonce_size));
    // Encrypting straight into the output leaves no plaintext copy behind.
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + record_nonce_size, nullptr, bytes_of(plaintext),
                                               plaintext.size(), bytes_of(associated_data), associated_data.size(),
                                               nullptr, out.data(), key.bytes().data());
    return out;
}

std::optional<std::string> open_record(const SecretKey& key, std::span<const unsigned char> sealed,
                                       std::string_view associated_data) {
    ensure_sodium();
    if (key.empty() || sealed.size() < record_overhead) return std::nullopt;
    std::string plain(sealed.size() - record_overhead, '\0');
    const auto  body = sealed.subspan(record_nonce_size);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), nullptr, nullptr,
                                                   body.data(), body.size(), bytes_of(associated_data),
                                                   associated_data.size(), sealed.data(), key.bytes().data()) != 0)
        return std::nullopt;  // libsodium leaves nothing in plain on failure
    return plain;
}

// ---- workspace lock ---------------------------------------------------------------------------

WorkspaceLock make_workspace_lock(const SecretKey& key, const KdfSettings& kdf, RandomSource& rng) {
    return WorkspaceLock{kdf, seal_record(key, key_check_text, key_check_ad, rng)};
}

bool key_matches(const SecretKey& key, const WorkspaceLock& lock) {
    auto text = open_record(key, lock.check, key_check_ad);
    return text && *text == key_check_text;
}

nlohmann::json to_json(const WorkspaceLock& lock) {
    return {{"kdf",
             {{"alg", "argon2id13"},
              {"salt", to_base64(lock.kdf.salt)},
              {"opslimit", lock.kdf.params.opslimit},
              {"memlimit", lock.kdf.params.memlimit_bytes}}},
            {"check", to_base64(lock.check)}};
}

namespace {

std::optional<Bytes> base64_member(const nlohmann::json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || !it->is_string()) return std::nullopt;
    return from_base64(it->get_ref<const std::string&>());
}

std::optional<uint64_t> count_member(const nlohmann::json& obj, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end() || !it->is_number_unsigned()) return std::nullopt;
    return it->get<uint64_t>();
}

}  // namespace

std::optional<WorkspaceLock> workspace_lock_from_json(const nlohmann::json& j) {
    if (!j.is_object() || !j.contains("kdf") || !j["kdf"].is_object()) return std::nullopt;
    const auto& kdf = j["kdf"];
    auto        alg = kdf.find("alg");
    if (alg == kdf.end() || *alg != "argon2id13") return std::nullopt;  // no throw on a non-string
    auto salt = base64_member(kdf, "salt");
    auto ops = count_member(kdf, "opslimit");
    auto mem = count_member(kdf, "memlimit");
    auto check = base64_member(j, "check");
    if (!salt || salt->size() != salt_size || !ops || !mem || !check) return std::nullopt;
    WorkspaceLock lock;
    std::copy(salt->begin(), salt->end(), lock.kdf.salt.begin());
    lock.kdf.params = {*ops, *mem};
    lock.check = std::move(*check);
    if (check_kdf_limits(lock.kdf.params) != KdfCheck::ok) return std::nullopt;
    return lock;
}

}  // namespace cp
