// export_file.h: the password-encrypted export file (backup or case package), version 1.
//
// Sections
//   1. Contents      ExportKind, ExportContents (what is inside, once decrypted)
//   2. Problems      ExportError, ExportProblem, error_name(), the messages a school user sees
//   3. Envelope      ExportHeader, SealedExport, limits, associated_data_of()
//   4. Writing       seal_export(), seal_export_with_key()
//   5. Reading       inspect_export() -> derive_key() -> open_with_key(), or open_export() in one go
//
// The format, byte for byte, is in docs/export-format.md. In short: a JSON object whose header
// (every member except "header_mac" and "ciphertext") names Argon2id with its salt and costs and
// XChaCha20-Poly1305-IETF with its nonce; the header, serialised canonically, is the AEAD's
// associated data. Two keyed BLAKE2b values let the reader say "wrong passphrase" apart from
// "file changed" when it can: key_check proves the derived key, header_mac the header.
#pragma once
#include <nlohmann/json.hpp>

#include "crypto/keys.h"

namespace cp {

// ---- 1. Contents ------------------------------------------------------------------------------

enum class ExportKind { backup, case_package };

std::string_view kind_name(ExportKind k);  // "backup", "case-package"

struct ExportContents {
    ExportKind     kind = ExportKind::backup;  // whole workspace, or cases selected for someone
    std::string    note;                       // optional note to the recipient ("" = none)
    std::string    created;                    // ISO 8601 time given by the caller ("2026-09-01T10:15:00Z")
    nlohmann::json payload;                    // the engine's workspace or cases; opaque here
};

// ---- 2. Problems ------------------------------------------------------------------------------

enum class ExportError {
    none,              // no problem
    empty_file,        // zero bytes, or only spaces
    too_large,         // more than export_max_bytes
    not_json,          // not JSON at all (a PDF, a Word file, …)
    truncated,         // JSON that stops part-way, or a ciphertext cut short
    damaged,           // looks like an export, but a byte in the middle breaks the JSON
    not_an_export,     // JSON, but not {"format":"caseplan-export",…}
    newer_version,     // made by a newer app: version above export_format_version
    unknown_version,   // a version number this app never wrote (0, negative)
    missing_field,     // a required header field is absent (field names it)
    invalid_field,     // a header field has the wrong type or value, or is unknown (field names it)
    kdf_too_weak,      // Argon2id costs below kdf_minimum
    kdf_too_costly,    // Argon2id costs above kdf_maximum (a hostile file)
    out_of_memory,     // the device could not give Argon2id its memory
    wrong_passphrase,  // key_check differs: wrong passphrase, or salt/costs/key_check changed
    header_changed,    // passphrase right, header_mac differs: the header was edited
    content_changed,   // passphrase right, header intact, AEAD fails: ciphertext edited
    bad_contents,      // decrypted, but the inside is not the expected JSON (field names it)
};

struct ExportProblem {
    ExportError code = ExportError::none;  // what went wrong
    std::string field;                     // "kdf.salt", for the *_field and bad_contents codes
    std::string message;                   // plain English for the import screen
};

std::string_view error_name(ExportError e);  // stable identifier: "wrong_passphrase"

// ---- 3. Envelope ------------------------------------------------------------------------------

inline constexpr std::string_view export_format_name = "caseplan-export";
inline constexpr int              export_format_version = 1;
inline constexpr std::size_t      export_max_bytes = 64u << 20;  // whole file, 64 MiB
inline constexpr std::size_t      export_nonce_size = 24;        // XChaCha20 nonce
inline constexpr std::size_t      export_check_size = 32;        // key_check and header_mac

using Nonce24 = std::array<unsigned char, export_nonce_size>;
using Check32 = std::array<unsigned char, export_check_size>;

struct ExportHeader {
    int         version = export_format_version;  // format version
    KdfSettings kdf;                              // Argon2id costs and salt
    Nonce24     nonce{};                          // AEAD nonce
    Check32     key_check{};                      // BLAKE2b(master, "caseplan-export v1 key check")
    Check32     header_mac{};                     // BLAKE2b(mac key, associated data)
};

struct SealedExport {
    ExportHeader header;      // validated, limits checked
    Bytes        ciphertext;  // XChaCha20-Poly1305 ciphertext with its 16-byte tag
};

// The canonical header: {"aead":{…},"format":…,"kdf":{…},"key_check":…,"version":1} with keys
// sorted, no spaces, ASCII only. Python: json.dumps(h, sort_keys=True, separators=(",", ":")).
std::string associated_data_of(const ExportHeader& h);

// ---- 4. Writing -------------------------------------------------------------------------------

// Picks a salt and nonce, derives the key (slow: Argon2id) and returns the file's text.
// Throws std::invalid_argument for an empty passphrase, params outside the limits or text that
// is not UTF-8; std::length_error if the file would exceed export_max_bytes; std::bad_alloc if
// Argon2id cannot get its memory.
std::string seal_export(const ExportContents& contents, std::string_view passphrase,
                        const KdfParams& params = kdf_default, RandomSource& rng = system_random());

// The fast half of seal_export, for a key already derived (in a worker) from kdf.
std::string seal_export_with_key(const ExportContents& contents, const SecretKey& master, const KdfSettings& kdf,
                                 RandomSource& rng = system_random());

// ---- 5. Reading -------------------------------------------------------------------------------

struct InspectResult {
    std::optional<SealedExport> sealed;   // set when the file is well formed and within limits
    ExportProblem               problem;  // set otherwise
    bool                        ok() const { return sealed.has_value(); }
};

struct OpenResult {
    std::optional<ExportContents> contents;  // set when everything checked out
    ExportProblem                 problem;   // set otherwise
    bool                          ok() const { return contents.has_value(); }
};

// Fast, no key derivation: size, JSON, format, version, every field, the KDF limits. Call it
// first, then derive_key(passphrase, sealed->header.kdf) (slow), then open_with_key().
InspectResult inspect_export(std::string_view file_bytes);

// Checks key_check, then header_mac, then decrypts and reads the contents.
OpenResult open_with_key(const SealedExport& sealed, const SecretKey& master);

// inspect_export + derive_key + open_with_key.
OpenResult open_export(std::string_view file_bytes, std::string_view passphrase);

// The standard problem for a code (field fills in the *_field and bad_contents messages).
ExportProblem make_problem(ExportError code, std::string_view field = {});

}  // namespace cp
