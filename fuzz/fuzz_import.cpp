// fuzz_import: the decrypted inside of an export, from the cipher to the merge.
//
// The input is the plaintext of an export (normally {"kind","note","created","payload"}). It is
// sealed in-process under the fixed key into a real envelope made by seal_export_with_key (same
// header, key check and header MAC; the ciphertext replaced by the input sealed with the file's
// content key), so that any bytes, not only valid contents, reach the reader. Then, as the
// import screen does: inspect_export, open_with_key, read_import, preview_import against the
// demo workspace, apply_import, and the plan of every case that changed.
//
// The hash chain of a case is not a secret (anyone can compute SHA-256), so a hostile file can
// hold a mutated log that still verifies. To reach the merge with such logs, each input whose
// payload has cases is run twice: as it is, and with every event's hash recomputed (and the
// prev links and heads following), as a forger would.
#include <sodium.h>

#include <set>

#include "common.h"
#include "crypto/export_file.h"
#include "engine/demo.h"
#include "engine/engine.h"
#include "storage/exchange.h"

using namespace cp;

namespace {

struct Envelope {
    std::string   before, after;  // the file's text around the ciphertext's base64
    ExportHeader  header;
    unsigned char content_key[32];
    std::string   ad;
};

const Envelope& envelope() {
    static const Envelope e = [] {
        Envelope             e;
        const ExportContents empty{ExportKind::case_package, "", "2026-11-20T10:00:00Z", Json::object()};
        const std::string    file =
            seal_export_with_key(empty, fuzz::fixed_key(), fuzz::fixed_kdf(), fuzz::fixed_random());
        const std::string marker = "\"ciphertext\": \"";
        const auto        at = file.find(marker);
        fuzz::check(at != std::string::npos, "the envelope has a ciphertext member");
        const auto end = file.find('"', at + marker.size());
        e.before = file.substr(0, at + marker.size());
        e.after = file.substr(end);
        e.header = inspect_export(file).sealed.value().header;
        e.ad = associated_data_of(e.header);
        constexpr std::string_view label = "caseplan-export v1 content key";  // docs/export-format.md
        crypto_generichash(e.content_key, sizeof e.content_key, reinterpret_cast<const unsigned char*>(label.data()),
                           label.size(), fuzz::fixed_key().bytes().data(), SecretKey::size);
        return e;
    }();
    return e;
}

std::string seal_plaintext(std::string_view plain) {
    const Envelope& e = envelope();
    Bytes           ct(plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    crypto_aead_xchacha20poly1305_ietf_encrypt(ct.data(), nullptr, reinterpret_cast<const unsigned char*>(plain.data()),
                                               plain.size(), reinterpret_cast<const unsigned char*>(e.ad.data()),
                                               e.ad.size(), nullptr, e.header.nonce.data(), e.content_key);
    return e.before + to_base64(ct) + e.after;
}

struct World {
    Workspace      demo = make_demo_workspace();
    PackLibrary    packs;
    SchoolCalendar calendar;
    Date           today = *parse_iso_date(kDemoToday);
    World() {
        Problems p;
        packs.load_embedded(p);
        calendar = workspace_calendar(demo, packs, p);
    }
};

const World& world() {
    static const World w;
    return w;
}

// What a forger does: every event's hash recomputed in file order, prev links and heads
// following. Events that do not convert are left as they are. True when anything changed.
bool rehash(Json& payload) {
    if (!payload.is_object()) return false;
    const auto cases = payload.find("cases");
    if (cases == payload.end() || !cases->is_array()) return false;
    bool changed = false;
    for (Json& c : *cases) {
        if (!c.is_object() || !c.contains("id") || !c["id"].is_string() || !c.contains("events") ||
            !c["events"].is_array())
            continue;
        const std::string                  id = c["id"].get<std::string>();
        std::map<std::string, std::string> renamed;  // old hash -> new hash
        Case                               rebuilt;
        for (Json& ej : c["events"]) {
            Problems ignore;
            auto     e = event_from_json(ej, "", "", ignore);
            if (!e) continue;
            for (std::string& p : e->prev)
                if (auto it = renamed.find(p); it != renamed.end()) p = it->second;
            const std::string fresh = event_content_hash(id, *e);
            renamed[e->hash] = fresh;
            changed = changed || fresh != e->hash || ej["prev"] != Json(e->prev);
            e->hash = fresh;
            ej["hash"] = fresh;
            ej["prev"] = e->prev;
            rebuilt.events.push_back(std::move(*e));
        }
        const Json heads = compute_heads(rebuilt);
        changed = changed || c["heads"] != heads;
        c["heads"] = heads;
    }
    return changed;
}

void import(const Json& payload) {
    const World&                 w = world();
    const storage::ImportRead    read = storage::read_import(payload);
    const storage::ImportPreview preview = storage::preview_import(w.demo, read);
    fuzz::check(read.workspace.has_value() || preview.cases.empty(),
                "a payload that is not a workspace previews nothing");
    fuzz::check(read.workspace.has_value() || !read.problems.empty(), "a refused payload says why");

    Workspace                      mine = w.demo;
    const std::vector<std::string> changed = storage::apply_import(mine, read);
    fuzz::check(changed.size() == std::size_t(preview.new_cases + preview.merged_cases),
                "apply_import changes exactly the cases the preview announced");
    fuzz::check(mine.schools.size() == w.demo.schools.size() + std::size_t(preview.new_schools),
                "apply_import adds exactly the schools the preview announced");
    // The user confirmed what the preview showed: the result must still verify, or the next
    // load would call the merged cases damaged.
    fuzz::check(verify_workspace(mine, "after import").empty(),
                "an import never leaves a case that fails its integrity check");
    std::set<std::string> ids;
    for (const Case& c : mine.cases) fuzz::check(ids.insert(c.id).second, "case ids stay unique after an import");

    for (const std::string& id : changed) {
        const Case* c = find_case(mine, id);
        fuzz::check(c != nullptr, "a changed case is in the workspace");
        const CaseState s = replay(*c);
        (void)plan_to_json(plan_for(mine, *c, s, w.packs, w.calendar, w.today));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string   file = seal_plaintext(fuzz::text(data, size));
    const InspectResult inspected = inspect_export(file);
    fuzz::check(inspected.ok(), "an envelope made by seal_export_with_key passes inspection");
    const OpenResult opened = open_with_key(*inspected.sealed, fuzz::fixed_key());
    if (!opened.ok()) {
        fuzz::check(opened.problem.code == ExportError::bad_contents,
                    "a sealed plaintext decrypts; only its contents can be wrong");
        return 0;
    }
    import(opened.contents->payload);
    Json forged = opened.contents->payload;
    if (rehash(forged)) import(forged);
    return 0;
}
