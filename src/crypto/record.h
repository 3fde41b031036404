// record.h: encryption at rest for IndexedDB records, and the workspace "lock" (passphrase check).
//
// Sections
//   1. Records          seal_record(), open_record()
//   2. Workspace lock   WorkspaceLock, make_workspace_lock(), key_matches(), JSON form
//
// A sealed record is nonce (24 bytes) || XChaCha20-Poly1305-IETF ciphertext with its 16-byte tag.
// The associated data is the record's IndexedDB key (for example "case/<id>"): a record copied or
// moved under another key no longer opens. Random 24-byte nonces are safe for any number of
// writes under one key, so records need no counter.
#pragma once
#include <nlohmann/json.hpp>

#include "crypto/keys.h"

namespace cp {

// ---- 1. Records -------------------------------------------------------------------------------

inline constexpr std::size_t record_nonce_size = 24;  // crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
inline constexpr std::size_t record_tag_size = 16;    // crypto_aead_xchacha20poly1305_ietf_ABYTES
inline constexpr std::size_t record_overhead = record_nonce_size + record_tag_size;

// Encrypts plaintext under key, bound to associated_data. Throws std::invalid_argument if the key
// is empty (locked workspace).
Bytes seal_record(const SecretKey& key, std::string_view plaintext, std::string_view associated_data,
                  RandomSource& rng = system_random());

// The plaintext, or nullopt if the bytes are too short, were changed, belong under another
// associated_data, or were sealed with another key. Callers should wipe() the result when done.
std::optional<std::string> open_record(const SecretKey& key, std::span<const unsigned char> sealed,
                                       std::string_view associated_data);

// ---- 2. Workspace lock ------------------------------------------------------------------------

// Stored unencrypted beside the records: what unlock needs to re-derive the key, plus a sealed
// known text that proves the derived key is right without decrypting any record.
struct WorkspaceLock {
    KdfSettings kdf;    // Argon2id params and salt used for this workspace
    Bytes       check;  // seal_record(key, key_check_text, key_check_ad)
};

inline constexpr std::string_view key_check_text = "caseplan workspace key check v1";
inline constexpr std::string_view key_check_ad = "workspace/key-check";

// A lock for a key just derived with kdf (fresh salt chosen by the caller via make_salt()).
WorkspaceLock make_workspace_lock(const SecretKey& key, const KdfSettings& kdf, RandomSource& rng = system_random());

// True when key is the one the lock was made with (i.e. the passphrase was right).
bool key_matches(const SecretKey& key, const WorkspaceLock& lock);

// {"kdf":{"alg":"argon2id13","salt":b64,"opslimit":n,"memlimit":n},"check":b64}
nlohmann::json to_json(const WorkspaceLock& lock);

// nullopt if malformed or if the params are outside the accepted limits (a stored lock is
// untrusted input too: it must not make unlock allocate gigabytes).
std::optional<WorkspaceLock> workspace_lock_from_json(const nlohmann::json& j);

}  // namespace cp
