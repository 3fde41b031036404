#include "crypto/export_file.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace cp {

using nlohmann::json;

static_assert(export_nonce_size == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(export_check_size == crypto_generichash_BYTES);

namespace {

// Labels for the keyed-BLAKE2b subkeys of the Argon2id output. Each one is used for one purpose
// only, so the master key itself never meets the cipher.
constexpr std::string_view label_content = "caseplan-export v1 content key";
constexpr std::string_view label_key_check = "caseplan-export v1 key check";
constexpr std::string_view label_mac_key = "caseplan-export v1 header mac key";

constexpr std::string_view kdf_alg_name = "argon2id13";
constexpr std::string_view aead_alg_name = "xchacha20poly1305-ietf";
constexpr std::size_t      tag_size = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* bytes_of(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// ---- keyed BLAKE2b ----------------------------------------------------------------------------

Check32 keyed_hash(const SecretKey& key, std::string_view message) {
    Check32 out;
    crypto_generichash(out.data(), out.size(), bytes_of(message), message.size(), key.bytes().data(),
                       key.bytes().size());
    return out;
}

SecretKey subkey(const SecretKey& master, std::string_view label) {
    SecretKey k;
    auto      out = k.writable();
    crypto_generichash(out.data(), out.size(), bytes_of(label), label.size(), master.bytes().data(),
                       master.bytes().size());
    return k;
}

bool same(const Check32& a, const Check32& b) {
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;  // constant time
}

// ---- rejecting a file -------------------------------------------------------------------------

// Thrown inside this file only, so each validation step stays one short function.
struct Reject {
    ExportProblem problem;
};

[[noreturn]] void reject(ExportError code, std::string_view field = {}) { throw Reject{make_problem(code, field)}; }

std::string path_of(std::string_view parent, std::string_view name) {
    return parent.empty() ? std::string(name) : std::string(parent) + "." + std::string(name);
}

const json& member(const json& obj, std::string_view parent, const char* name) {
    auto it = obj.find(name);
    if (it == obj.end()) reject(ExportError::missing_field, path_of(parent, name));
    return *it;
}

// Version 1 headers have a fixed set of members; anything else is refused, which is also what
// keeps the canonical associated data unambiguous.
void only_members(const json& obj, std::string_view parent, std::initializer_list<std::string_view> names) {
    for (const auto& [key, value] : obj.items())
        if (std::find(names.begin(), names.end(), key) == names.end())
            reject(ExportError::invalid_field, path_of(parent, key));
}

const json& object_member(const json& obj, std::string_view parent, const char* name) {
    const json& v = member(obj, parent, name);
    if (!v.is_object()) reject(ExportError::invalid_field, path_of(parent, name));
    return v;
}

void expect_text(const json& obj, std::string_view parent, const char* name, std::string_view want) {
    const json& v = member(obj, parent, name);
    if (!v.is_string() || v.get_ref<const std::string&>() != want)
        reject(ExportError::invalid_field, path_of(parent, name));
}

uint64_t count_member(const json& obj, std::string_view parent, const char* name) {
    const json& v = member(obj, parent, name);
    if (!v.is_number_unsigned()) reject(ExportError::invalid_field, path_of(parent, name));
    return v.get<uint64_t>();
}

template <std::size_t N>
std::array<unsigned char, N> fixed_base64(const json& obj, std::string_view parent, const char* name) {
    const json&          v = member(obj, parent, name);
    std::optional<Bytes> raw;
    if (v.is_string()) raw = from_base64(v.get_ref<const std::string&>());
    if (!raw || raw->size() != N) reject(ExportError::invalid_field, path_of(parent, name));
    std::array<unsigned char, N> out;
    std::copy(raw->begin(), raw->end(), out.begin());
    return out;
}

// ---- reading the envelope ---------------------------------------------------------------------

bool starts_like_object(std::string_view text) {
    auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text[first] == '{';
}

// Why the JSON did not parse, from what a school user can act on: a file cut short, a file
// damaged in the middle, or some other file altogether.
ExportError parse_failure(std::string_view text, bool ran_out) {
    if (!starts_like_object(text)) return ExportError::not_json;
    if (ran_out) return ExportError::truncated;
    const bool looks_like_export = text.find("\"caseplan-export\"") != std::string_view::npos;
    return looks_like_export ? ExportError::damaged : ExportError::not_json;
}

json parse_file(std::string_view text) {
    // Size first: a hostile file is refused before anything reads all of it.
    if (text.size() > export_max_bytes) reject(ExportError::too_large);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) reject(ExportError::empty_file);
    try {
        return json::parse(text);
    } catch (const json::parse_error& e) {
        // nlohmann reports the byte where it gave up; at (or past) the end means "ran out".
        reject(parse_failure(text, e.byte >= text.size()));
    } catch (const json::exception&) {  // e.g. a number too large for a double
        reject(parse_failure(text, false));
    }
}

void check_format(const json& doc) {
    if (!doc.is_object()) reject(ExportError::not_an_export);
    auto it = doc.find("format");
    if (it == doc.end() || *it != export_format_name) reject(ExportError::not_an_export);
}

int read_version(const json& doc) {
    const json& v = member(doc, "", "version");
    if (!v.is_number_integer()) reject(ExportError::invalid_field, "version");
    if (v.is_number_unsigned() ? v.get<uint64_t>() > uint64_t(export_format_version)
                               : v.get<int64_t>() > export_format_version)
        reject(ExportError::newer_version, "version");
    if (v.get<int64_t>() < export_format_version) reject(ExportError::unknown_version, "version");
    return export_format_version;
}

KdfSettings read_kdf(const json& doc) {
    const json& kdf = object_member(doc, "", "kdf");
    only_members(kdf, "kdf", {"alg", "salt", "opslimit", "memlimit"});
    expect_text(kdf, "kdf", "alg", kdf_alg_name);
    KdfSettings s;
    s.salt = fixed_base64<salt_size>(kdf, "kdf", "salt");
    s.params.opslimit = count_member(kdf, "kdf", "opslimit");
    s.params.memlimit_bytes = count_member(kdf, "kdf", "memlimit");
    switch (check_kdf_limits(s.params)) {
        case KdfCheck::too_weak: reject(ExportError::kdf_too_weak);
        case KdfCheck::too_costly: reject(ExportError::kdf_too_costly);
        case KdfCheck::ok: break;
    }
    return s;
}

Nonce24 read_aead(const json& doc) {
    const json& aead = object_member(doc, "", "aead");
    only_members(aead, "aead", {"alg", "nonce"});
    expect_text(aead, "aead", "alg", aead_alg_name);
    return fixed_base64<export_nonce_size>(aead, "aead", "nonce");
}

Bytes read_ciphertext(const json& doc) {
    const json& v = member(doc, "", "ciphertext");
    if (!v.is_string()) reject(ExportError::invalid_field, "ciphertext");
    const auto& text = v.get_ref<const std::string&>();
    // A length that is not a whole number of base64 groups, or too short to hold the tag,
    // is what a cut-short file that was closed up again looks like.
    if (text.size() % 4 != 0) reject(ExportError::truncated);
    auto raw = from_base64(text);
    if (!raw) reject(ExportError::invalid_field, "ciphertext");
    if (raw->size() < tag_size) reject(ExportError::truncated);
    return std::move(*raw);
}

SealedExport read_envelope(const json& doc) {
    check_format(doc);
    SealedExport s;
    s.header.version = read_version(doc);
    only_members(doc, "", {"format", "version", "kdf", "aead", "key_check", "header_mac", "ciphertext"});
    s.header.kdf = read_kdf(doc);
    s.header.nonce = read_aead(doc);
    s.header.key_check = fixed_base64<export_check_size>(doc, "", "key_check");
    s.header.header_mac = fixed_base64<export_check_size>(doc, "", "header_mac");
    s.ciphertext = read_ciphertext(doc);
    return s;
}

// ---- the encrypted contents -------------------------------------------------------------------

std::string contents_text(const ExportContents& c) {
    json j = {{"kind", kind_name(c.kind)}, {"note", c.note}, {"created", c.created}, {"payload", c.payload}};
    try {
        return j.dump();
    } catch (const json::type_error&) {  // 316: a string that is not UTF-8
        throw std::invalid_argument("export contents contain text that is not valid UTF-8");
    }
}

const json& contents_string(const json& j, const char* name) {
    auto it = j.find(name);
    if (it == j.end() || !it->is_string()) reject(ExportError::bad_contents, name);
    return *it;
}

// The payload goes on to code that recurses over it (serialising, copying, the engine's checks),
// so nesting is limited as the engine limits its files (kMaxJsonDepth); a hostile "[[[[…" would
// otherwise overflow the stack of the importing tab. See docs/fuzzing.md, findings.
constexpr int contents_max_depth = 256;

ExportContents read_contents(std::string_view text) {
    struct TooDeep {};
    json j;
    try {
        j = json::parse(text, [](int depth, json::parse_event_t, json&) {
            if (depth > contents_max_depth) throw TooDeep{};
            return true;
        });
    } catch (const TooDeep&) { reject(ExportError::bad_contents); } catch (const json::exception&) {
        reject(ExportError::bad_contents);
    }
    if (!j.is_object()) reject(ExportError::bad_contents);
    ExportContents c;
    const json&    kind = contents_string(j, "kind");
    if (kind == "backup")
        c.kind = ExportKind::backup;
    else if (kind == "case-package")
        c.kind = ExportKind::case_package;
    else
        reject(ExportError::bad_contents, "kind");
    c.created = contents_string(j, "created").get<std::string>();
    if (j.contains("note")) c.note = contents_string(j, "note").get<std::string>();
    if (!j.contains("payload")) reject(ExportError::bad_contents, "payload");
    c.payload = std::move(j["payload"]);
    return c;
}

nlohmann::ordered_json envelope_json(const ExportHeader& h, const Bytes& ciphertext) {
    // ordered_json keeps the members in reading order for a person opening the file; the
    // order does not matter to the format (the associated data is canonical).
    nlohmann::ordered_json e;
    e["format"] = export_format_name;
    e["version"] = h.version;
    e["kdf"] = {{"alg", kdf_alg_name},
                {"salt", to_base64(h.kdf.salt)},
                {"opslimit", h.kdf.params.opslimit},
                {"memlimit", h.kdf.params.memlimit_bytes}};
    e["aead"] = {{"alg", aead_alg_name}, {"nonce", to_base64(h.nonce)}};
    e["key_check"] = to_base64(h.key_check);
    e["header_mac"] = to_base64(h.header_mac);
    e["ciphertext"] = to_base64(ciphertext);
    return e;
}

}  // namespace

// ---- public: names and messages ---------------------------------------------------------------

std::string_view kind_name(ExportKind k) { return k == ExportKind::backup ? "backup" : "case-package"; }

std::string_view error_name(ExportError e) {
    switch (e) {
        case ExportError::none: return "none";
        case ExportError::empty_file: return "empty_file";
        case ExportError::too_large: return "too_large";
        case ExportError::not_json: return "not_json";
        case ExportError::truncated: return "truncated";
        case ExportError::damaged: return "damaged";
        case ExportError::not_an_export: return "not_an_export";
        case ExportError::newer_version: return "newer_version";
        case ExportError::unknown_version: return "unknown_version";
        case ExportError::missing_field: return "missing_field";
        case ExportError::invalid_field: return "invalid_field";
        case ExportError::kdf_too_weak: return "kdf_too_weak";
        case ExportError::kdf_too_costly: return "kdf_too_costly";
        case ExportError::out_of_memory: return "out_of_memory";
        case ExportError::wrong_passphrase: return "wrong_passphrase";
        case ExportError::header_changed: return "header_changed";
        case ExportError::content_changed: return "content_changed";
        case ExportError::bad_contents: return "bad_contents";
    }
    return "unknown";
}

}  // namespace cp

namespace cp {

ExportProblem make_problem(ExportError code, std::string_view field) {
    const std::string f = "\"" + std::string(field) + "\"";
    std::string       m;
    switch (code) {
        case ExportError::none: break;
        case ExportError::empty_file:
            m = "The file is empty. Choose the export file again; if it came by email, save the "
                "attachment again.";
            break;
        case ExportError::too_large:
            m = "The file is larger than 64 MB, which no case planner export can be. It is probably "
                "not an export; check that you chose the right file.";
            break;
        case ExportError::not_json:
            m = "This file is not a case planner export (it is not even a JSON file). Check that you "
                "chose the right file.";
            break;
        case ExportError::truncated:
            m = "The file is incomplete: it stops part-way through, probably because a download or "
                "copy was cut short. Ask the sender to send it again.";
            break;
        case ExportError::damaged:
            m = "The file is damaged: it looks like a case planner export, but part of it has been "
                "changed or corrupted. Ask the sender to export it again.";
            break;
        case ExportError::not_an_export:
            m = "This is a JSON file, but not a case planner export. Check that you chose the right "
                "file.";
            break;
        case ExportError::newer_version:
            m = "This export was made by a newer version of the case planner. Update the app (reload "
                "the page), then import it again.";
            break;
        case ExportError::unknown_version:
            m = "This export has a format version that the case planner never used. It was not made "
                "by the case planner, or it was altered.";
            break;
        case ExportError::missing_field:
            m = "The file is damaged: the field " + f +
                " is missing. Ask the sender to export it "
                "again.";
            break;
        case ExportError::invalid_field:
            m = "The file is damaged: the field " + f +
                " is not what a case planner export contains. "
                "Ask the sender to export it again.";
            break;
        case ExportError::kdf_too_weak:
            m = "The file's passphrase protection is weaker than the case planner allows (at least 2 "
                "passes and 19 MiB). It was not made by the case planner, or it was altered, so it "
                "will not be opened.";
            break;
        case ExportError::kdf_too_costly:
            m = "The file asks for more memory or time to check the passphrase than the case planner "
                "allows (at most 10 passes and 256 MiB). It was not made by the case planner, or it "
                "was altered, so it will not be opened.";
            break;
        case ExportError::out_of_memory:
            m = "This device did not have enough free memory to check the passphrase. Close other "
                "tabs or apps and try again.";
            break;
        case ExportError::wrong_passphrase:
            m = "The passphrase is wrong, or the file was changed after it was exported. Check the "
                "passphrase with the sender: capital letters, spaces and punctuation all count.";
            break;
        case ExportError::header_changed:
            m = "The passphrase is right, but the file's header was changed after it was exported, so "
                "the file cannot be trusted. Ask the sender to export it again.";
            break;
        case ExportError::content_changed:
            m = "The passphrase is right, but the encrypted contents were changed or damaged after the "
                "file was exported, so they cannot be trusted. Ask the sender to export it again.";
            break;
        case ExportError::bad_contents:
            m = "The file opened with this passphrase, but what is inside is not in the form the case "
                "planner expects" +
                (field.empty() ? std::string() : " (field " + f + ")") +
                ". It may have been made by a different program.";
            break;
    }
    return ExportProblem{code, std::string(field), m};
}

std::string associated_data_of(const ExportHeader& h) {
    // nlohmann::json keeps object members sorted by key; dump() with no indent writes no spaces,
    // and ensure_ascii escapes anything outside ASCII (nothing in a valid header is).
    const json header = {
        {"format", export_format_name},
        {"version", h.version},
        {"kdf",
         {{"alg", kdf_alg_name},
          {"salt", to_base64(h.kdf.salt)},
          {"opslimit", h.kdf.params.opslimit},
          {"memlimit", h.kdf.params.memlimit_bytes}}},
        {"aead", {{"alg", aead_alg_name}, {"nonce", to_base64(h.nonce)}}},
        {"key_check", to_base64(h.key_check)},
    };
    return header.dump(-1, ' ', true);
}

// ---- writing ----------------------------------------------------------------------------------

std::string seal_export(const ExportContents& contents, std::string_view passphrase, const KdfParams& params,
                        RandomSource& rng) {
    if (passphrase.empty()) throw std::invalid_argument("seal_export: empty passphrase");
    if (check_kdf_limits(params) != KdfCheck::ok)
        throw std::invalid_argument("seal_export: key derivation settings outside the limits");
    const KdfSettings kdf{params, make_salt(rng)};
    auto              master = derive_key(passphrase, kdf);
    if (!master) throw std::bad_alloc();
    return seal_export_with_key(contents, *master, kdf, rng);
}

std::string seal_export_with_key(const ExportContents& contents, const SecretKey& master, const KdfSettings& kdf,
                                 RandomSource& rng) {
    ensure_sodium();
    if (master.empty()) throw std::invalid_argument("seal_export_with_key: no key");
    if (check_kdf_limits(kdf.params) != KdfCheck::ok)
        throw std::invalid_argument("seal_export_with_key: key derivation settings outside the limits");
    ExportHeader h;
    h.kdf = kdf;
    rng.fill(h.nonce);
    h.key_check = keyed_hash(master, label_key_check);
    const std::string ad = associated_data_of(h);
    h.header_mac = keyed_hash(subkey(master, label_mac_key), ad);

    std::string plain = contents_text(contents);
    if (plain.size() + tag_size > export_max_bytes / 4 * 3) {  // base64 alone would overflow
        wipe(plain);
        throw std::length_error("the export would be larger than the 64 MiB an import accepts");
    }
    Bytes ciphertext(plain.size() + tag_size);
    crypto_aead_xchacha20poly1305_ietf_encrypt(ciphertext.data(), nullptr, bytes_of(plain), plain.size(), bytes_of(ad),
                                               ad.size(), nullptr, h.nonce.data(),
                                               subkey(master, label_content).bytes().data());
    wipe(plain);
    std::string file = envelope_json(h, ciphertext).dump(2) + "\n";
    if (file.size() > export_max_bytes)
        throw std::length_error("the export would be larger than the 64 MiB an import accepts");
    return file;
}

// ---- reading ----------------------------------------------------------------------------------

InspectResult inspect_export(std::string_view file_bytes) {
    ensure_sodium();
    try {
        return InspectResult{read_envelope(parse_file(file_bytes)), {}};
    } catch (const Reject& r) { return InspectResult{std::nullopt, r.problem}; }
}

OpenResult open_with_key(const SealedExport& sealed, const SecretKey& master) {
    ensure_sodium();
    const ExportHeader& h = sealed.header;
    if (master.empty() || !same(keyed_hash(master, label_key_check), h.key_check))
        return {std::nullopt, make_problem(ExportError::wrong_passphrase)};
    const std::string ad = associated_data_of(h);
    if (!same(keyed_hash(subkey(master, label_mac_key), ad), h.header_mac))
        return {std::nullopt, make_problem(ExportError::header_changed)};
    if (sealed.ciphertext.size() < tag_size) return {std::nullopt, make_problem(ExportError::truncated)};

    std::string plain(sealed.ciphertext.size() - tag_size, '\0');
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), nullptr, nullptr,
                                                   sealed.ciphertext.data(), sealed.ciphertext.size(), bytes_of(ad),
                                                   ad.size(), h.nonce.data(),
                                                   subkey(master, label_content).bytes().data()) != 0)
        return {std::nullopt, make_problem(ExportError::content_changed)};
    try {
        OpenResult result{read_contents(plain), {}};
        wipe(plain);
        return result;
    } catch (const Reject& r) {
        wipe(plain);
        return {std::nullopt, r.problem};
    }
}

OpenResult open_export(std::string_view file_bytes, std::string_view passphrase) {
    auto inspected = inspect_export(file_bytes);
    if (!inspected.ok()) return {std::nullopt, inspected.problem};
    auto master = derive_key(passphrase, inspected.sealed->header.kdf);
    if (!master) return {std::nullopt, make_problem(ExportError::out_of_memory)};
    return open_with_key(*inspected.sealed, *master);
}

}  // namespace cp
