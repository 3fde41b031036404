// make_seeds: writes the generated seed files of fuzz/corpus/<target>/ (scripts/fuzz.sh --seeds).
//
//   fuzz_seeds OUT_DIR       writes OUT_DIR/fuzz_export, fuzz_import, fuzz_vault, fuzz_pack, fuzz_workspace
//
// The seeds that come from elsewhere are added by the script: the demo workspace written by
// `caseplan demo`, the packs in assets/protocols and an export made by `cpcrypt encrypt`. Seeds
// are kept small (one or two cases) so the fuzzer runs fast; the demo workspace is the large one.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>

#include "common.h"
#include "common/embedded.h"
#include "crypto/export_file.h"
#include "engine/demo.h"
#include "engine/engine.h"
#include "storage/exchange.h"
#include "storage/vault.h"

using namespace cp;
namespace fs = std::filesystem;

namespace {

fs::path out_dir;

void write(const std::string& target, const std::string& name, std::string_view bytes) {
    const fs::path dir = out_dir / target;
    fs::create_directories(dir);
    std::ofstream(dir / name, std::ios::binary) << bytes;
}

const Author kAuthor{"Ms Seed Example (fictional)", "Deputy Headteacher"};

Workspace with_cases(const Workspace& ws, std::initializer_list<const char*> ids) {
    Workspace part = ws;
    part.cases.clear();
    for (const char* id : ids) part.cases.push_back(*find_case(ws, id));
    return part;
}

std::string contents_text(const char* kind, const Json& payload, const char* note = "") {
    return Json{{"kind", kind}, {"note", note}, {"created", "2026-11-20T10:15:00Z"}, {"payload", payload}}.dump();
}

// A sender's own case, unknown to the demo workspace.
Case new_case(const PackLibrary& packs) {
    Workspace ws;
    ws.own = {"Seed Host Academy (fictional)", "900099", "norfolk", "host_school"};
    const EventDraft opened{kAuthor,
                            EventType::case_opened,
                            {{"date", "2026-11-16"},
                             {"kind", "managed_move"},
                             {"pack", "norfolk"},
                             {"pupil_name", "Robin Seed (fictional)"},
                             {"year_group", 9},
                             {"home_urn", "900099"}},
                            ""};
    Problems         p;
    if (!open_case(ws, "SEED-1", opened, "900099-1", "2026-11-16T09:00:00Z", packs, p)) {
        for (const auto& x : p) std::cerr << x.to_string() << "\n";
        std::exit(1);
    }
    append_event(ws.cases[0], {kAuthor, EventType::note, {{"text", "Visit arranged"}}, ""}, "900099-2",
                 "2026-11-17T09:00:00Z");
    return ws.cases[0];
}

void export_seeds(const Workspace& demo) {
    const Workspace      part = with_cases(demo, {"DEMO-NO-1"});
    const ExportContents contents{ExportKind::case_package, "For the host school", "2026-11-20T10:15:00Z",
                                  storage::export_payload(part, {})};
    const std::string    sealed =
        seal_export_with_key(contents, fuzz::fixed_key(), fuzz::fixed_kdf(), fuzz::fixed_random());
    write("fuzz_export", "fixed-key-case-package.json", sealed);
    Workspace empty = demo;
    empty.cases.clear();
    const ExportContents backup{ExportKind::backup, "", "2026-11-20T10:15:00Z", storage::export_payload(empty, {})};
    write("fuzz_export", "fixed-key-backup-no-cases.json",
          seal_export_with_key(backup, fuzz::fixed_key(), fuzz::fixed_kdf(), fuzz::fixed_random()));
    // For `cpcrypt encrypt` (the script seals it with a passphrase): not a seed itself.
    write("cpcrypt-input", "payload.json", storage::export_payload(part, {}).dump());

    write("fuzz_export", "invalid-empty", "");
    write("fuzz_export", "invalid-spaces", " \n\t ");
    write("fuzz_export", "invalid-truncated.json", sealed.substr(0, sealed.size() / 2));
    write("fuzz_export", "invalid-not-json.pdf",
          "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    write("fuzz_export", "invalid-other-json.json", R"({"format":"something-else","version":1})");
    auto doc = Json::parse(sealed);
    Json v = doc;
    v["version"] = 2;
    write("fuzz_export", "invalid-newer-version.json", v.dump(2));
    v = doc;
    v["kdf"]["memlimit"] = 1u << 30;
    write("fuzz_export", "invalid-kdf-too-costly.json", v.dump(2));
    v = doc;
    v["kdf"]["opslimit"] = 1;
    write("fuzz_export", "invalid-kdf-too-weak.json", v.dump(2));
    v = doc;
    v["note"] = "unknown member";
    write("fuzz_export", "invalid-unknown-member.json", v.dump(2));
    v = doc;
    std::string ct = v["ciphertext"].get<std::string>();
    ct[ct.size() / 2] = ct[ct.size() / 2] == 'A' ? 'B' : 'A';
    v["ciphertext"] = ct;
    write("fuzz_export", "invalid-content-changed.json", v.dump(2));
    v = doc;
    v["aead"]["nonce"] = to_base64(Bytes(24, 7));
    write("fuzz_export", "invalid-header-changed.json", v.dump(2));
}

void import_seeds(const Workspace& demo, const PackLibrary& packs) {
    const Workspace no1 = with_cases(demo, {"DEMO-NO-1"});
    write("fuzz_import", "same.json", contents_text("case-package", storage::export_payload(no1, {})));

    Workspace more = no1;
    append_event(more.cases[0], {kAuthor, EventType::note, {{"text", "Host school visit booked"}}, ""}, "900099-9",
                 "2026-11-18T09:00:00Z");
    write("fuzz_import", "merge.json", contents_text("case-package", storage::export_payload(more, {}), "Our news"));

    Workspace sender;
    sender.own = {"Seed Host Academy (fictional)", "900099", "norfolk", "host_school"};
    sender.schools.push_back({"900098", "Seed Primary (fictional)", "primary", "academy", "norfolk", "", 1200});
    sender.staff.push_back({"s1", "Ms Seed Example (fictional)", "Deputy Headteacher"});
    sender.cases.push_back(new_case(packs));
    write("fuzz_import", "add-with-schools.json", contents_text("backup", storage::export_payload(sender, {})));

    Json damaged = storage::export_payload(no1, {});
    damaged["cases"][0]["events"][1]["payload"]["given"] = false;  // changed after it was recorded
    write("fuzz_import", "damaged-case.json", contents_text("case-package", damaged));

    write("fuzz_import", "invalid-not-json", "not json at all");
    write("fuzz_import", "invalid-kind.json", R"({"kind":"letter","created":"2026-11-20T10:15:00Z","payload":{}})");
    write("fuzz_import", "invalid-no-payload.json", R"({"kind":"backup","created":"2026-11-20T10:15:00Z"})");
    write("fuzz_import", "invalid-payload-not-workspace.json",
          R"({"kind":"backup","note":"","created":"2026-11-20T10:15:00Z",)"
          R"("payload":[1,2,{"format":"caseplan-workspace"}]})");
}

std::string records_text(const std::vector<std::pair<std::string, std::string>>& records) {
    std::string out;
    for (const auto& [key, value] : records) {
        if (!out.empty()) out += '\x1e';
        out += key + "\n" + value;
    }
    return out;
}

void vault_seeds(const Workspace& demo) {
    const Workspace      part = with_cases(demo, {"DEMO-NO-1", "DEMO-HF-1"});
    storage::AppSettings app;
    app.last_export = "2026-11-01";
    storage::update_case_names(app, part);
    Workspace meta = part;
    meta.cases.clear();
    const std::string lock =
        to_json(make_workspace_lock(fuzz::fixed_key(), fuzz::fixed_kdf(), fuzz::fixed_random())).dump();
    std::vector<std::pair<std::string, std::string>> records = {
        {storage::kLockKey, lock},
        {storage::kWorkspaceKey, workspace_to_json(meta, false)},
        {storage::kAppKey, storage::app_settings_to_json(app).dump()},
    };
    for (const Case& c : part.cases) {
        Workspace one;
        one.cases.push_back(c);
        records.push_back({storage::case_key(c.id), workspace_to_json_value(one)["cases"][0].dump()});
    }
    write("fuzz_vault", "two-cases.txt", records_text(records));

    auto damaged = records;
    damaged[3] = {"!" + damaged[3].first, "\x01\x02 not sealed at all"};
    damaged.erase(damaged.begin() + 2);  // no meta/app: defaults
    write("fuzz_vault", "damaged-case-record.txt", records_text(damaged));
    write("fuzz_vault", "no-workspace-record.txt", records_text({records[0], records[3]}));
    write("fuzz_vault", "invalid-lock-only.txt",
          records_text({{storage::kLockKey, R"({"kdf":{"alg":"argon2id13"}})"}}));
}

void pack_seeds() {
    // One rule of every kind, taken from the built-in packs, in a small pack of its own.
    Json                  rules = Json::array();
    std::set<std::string> kinds;
    for (const std::string& id : embedded_pack_ids()) {
        const EmbeddedFile* f = cp_engine_assets_find(("assets/protocols/" + id + ".json").c_str());
        const Json          pack = Json::parse(f->text());
        for (Json rule : pack["rules"]) {
            if (!kinds.insert(rule["kind"].get<std::string>()).second) continue;
            rule["id"] = "seed/" + rule["kind"].get<std::string>();
            rule.erase("statutory");
            rule["citation"]["source"] = "seed-protocol";  // the pack's own source (the rule's is its first pack's)
            rules.push_back(rule);
        }
    }
    Json pack = {{"format", "caseplan-pack"},
                 {"version", 1},
                 {"id", "seed-all-kinds"},
                 {"name", "Seed pack (fictional)"},
                 {"local_authority", "Seed Council (fictional)"},
                 {"extends", kBaselinePackId},
                 {"sources",
                  {{{"id", "seed-protocol"},
                    {"title", "Seed protocol (fictional)"},
                    {"publisher", "Seed Council (fictional)"},
                    {"date", "2026"}}}},
                 {"case_kinds", {"managed_move", "off_site_direction"}},
                 {"roles", {{"la", "Seed team"}}},
                 {"documents", Json::array()},
                 {"replaces", Json::array()},
                 {"rules", rules},
                 {"readings", Json::array()},
                 {"conflicts", Json::array()}};
    write("fuzz_pack", "seed-all-kinds.json", pack.dump(1));
    Json other = pack;
    other["extends"] = "norfolk";
    write("fuzz_pack", "invalid-extends-local-pack.json", other.dump());
    write("fuzz_pack", "invalid-minimal.json", R"({"format":"caseplan-pack","version":1})");
    write("fuzz_pack", "invalid-not-json", "rules: none");
}

void workspace_seeds(const Workspace& demo) {
    write("fuzz_workspace", "one-case.json", workspace_to_json(with_cases(demo, {"DEMO-HF-1"}), false));
    Workspace cal = demo;
    cal.cases.clear();
    Problems p;
    cal.calendar = calendar_to_json_value(*load_shipped_calendar("norfolk", p));
    write("fuzz_workspace", "own-calendar-no-cases.json", workspace_to_json(cal, false));
    Json damaged = workspace_to_json_value(with_cases(demo, {"DEMO-NO-1"}));
    damaged["cases"][0]["events"][2]["at"] = "2026-11-10T16:59:00Z";
    write("fuzz_workspace", "damaged-chain.json", damaged.dump());
    write("fuzz_workspace", "invalid-version.json", R"({"format":"caseplan-workspace","version":2,"cases":[]})");
    write("fuzz_workspace", "invalid-unicode.json",
          "{\"format\":\"caseplan-workspace\",\"version\":1,\"own_school\":{\"name\":\"\\ud800 "
          "\xc3\xa9\",\"urn\":\"900001\"},\"cases\":[]}");
    write("fuzz_workspace", "invalid-not-json", "{\"format\":\"caseplan-workspace\",");
}

// Small inputs for what fuzzing found (docs/fuzzing.md, findings), so every run passes by them.
void regression_seeds(const Workspace& demo, const PackLibrary& packs) {
    const std::string deep = std::string(300, '[') + std::string(300, ']');
    write("fuzz_workspace", "regress-number-overflow.json",
          R"({"format":"caseplan-workspace","version":1,"cases":[],"x":1e400})");
    write("fuzz_workspace", "regress-deep-nesting.json",
          R"({"format":"caseplan-workspace","version":1,"cases":[],"calendar":{"terms":)" + deep + "}}");
    write("fuzz_pack", "regress-number-overflow.json", R"({"format":"caseplan-pack","version":184e674})");
    write("fuzz_pack", "regress-deep-nesting.json", R"({"format":"caseplan-pack","version":1,"name":)" + deep + "}");
    write("fuzz_import", "regress-deep-payload.json",
          R"({"kind":"backup","created":"2026-11-20T10:15:00Z","payload":)" + deep + "}");
    // Another school's own case under the id of a demo case.
    Workspace sender;
    sender.own = {"Seed Host Academy (fictional)", "900099", "norfolk", "host_school"};
    Case c = new_case(packs);
    c.id = demo.cases[4].id;
    c.events.clear();
    c.heads.clear();
    for (const Event& e : new_case(packs).events)
        append_event(c, {e.author, e.type, e.payload, e.supersedes}, e.id, e.at);
    sender.cases.push_back(c);
    write("fuzz_import", "regress-same-case-id.json",
          contents_text("case-package", storage::export_payload(sender, {})));
    write("fuzz_vault", "regress-number-overflow.txt",
          std::string(storage::kWorkspaceKey) + "\n" +
              R"({"format":"caseplan-workspace","version":1,"own_school":1e400,"cases":[]})");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: fuzz_seeds OUT_DIR\n";
        return 2;
    }
    out_dir = argv[1];
    const Workspace demo = make_demo_workspace();
    PackLibrary     packs;
    Problems        p;
    packs.load_embedded(p);
    export_seeds(demo);
    import_seeds(demo, packs);
    vault_seeds(demo);
    pack_seeds();
    workspace_seeds(demo);
    regression_seeds(demo, packs);
    return 0;
}
