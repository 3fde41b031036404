// caseplan: the headless command-line face of the engine (docs/cli.md).
//
//   caseplan validate FILE [--pack FILE]...                 workspace or pack: exit 0 valid, 1 not
//   caseplan plan --today YYYY-MM-DD [--pack FILE]... WS    derived plan of every case, JSON
//   caseplan report --from YYYY-MM-DD --to YYYY-MM-DD WS    panel report, CSV
//   caseplan documents --today YYYY-MM-DD WS CASE           documents of one case, JSON
//   caseplan check --today YYYY-MM-DD WS CASE TYPE PAYLOAD  the app's recording check, JSON; exit 0
//                                                           allowed, 1 refused (the file is not changed)
//   caseplan demo OUT                                       write the fictional demo workspace
//   caseplan vocabulary                                     every word a pack may use, Markdown
//
// Exit codes: 0 success, 1 invalid input (problems on stderr), 2 usage or file error.
// This file does the I/O; everything else is in src/engine.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/demo.h"
#include "engine/documents.h"
#include "engine/engine.h"
#include "engine/report.h"
#include "engine/vocabulary.h"

using namespace cp;

namespace {

const char* kUsage =
    "usage:\n"
    "  caseplan validate FILE [--pack FILE]...\n"
    "  caseplan plan --today YYYY-MM-DD [--pack FILE]... WORKSPACE\n"
    "  caseplan report --from YYYY-MM-DD --to YYYY-MM-DD [--pack FILE]... WORKSPACE\n"
    "  caseplan documents --today YYYY-MM-DD [--pack FILE]... WORKSPACE CASE\n"
    "  caseplan check --today YYYY-MM-DD [--pack FILE]... WORKSPACE CASE EVENT_TYPE PAYLOAD_JSON\n"
    "  caseplan demo OUT\n"
    "  caseplan vocabulary\n";

int usage(const std::string& why) {
    std::cerr << "caseplan: " << why << "\n" << kUsage;
    return 2;
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

std::string base_name(const std::string& path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

void print(const Problems& problems) {
    for (const auto& p : problems) std::cerr << p.to_string() << "\n";
}

struct Args {
    std::vector<std::string> positional, packs;
    std::string              today, from, to;
};

bool parse_args(int argc, char** argv, Args& a, std::string& error) {
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto        value = [&](std::string& into) {
            if (i + 1 >= argc) {
                error = arg + " needs a value";
                return false;
            }
            into = argv[++i];
            return true;
        };
        if (arg == "--today") {
            if (!value(a.today)) return false;
        } else if (arg == "--from") {
            if (!value(a.from)) return false;
        } else if (arg == "--to") {
            if (!value(a.to)) return false;
        } else if (arg == "--pack") {
            std::string p;
            if (!value(p)) return false;
            a.packs.push_back(p);
        } else if (arg.rfind("--", 0) == 0) {
            error = "unknown option " + arg;
            return false;
        } else
            a.positional.push_back(arg);
    }
    return true;
}

// Built-in packs plus any given with --pack (a pack for another LA needs no rebuild).
// Returns the exit code to stop with: 0 loaded, 1 an invalid pack, 2 a pack file unreadable.
int load_packs(const Args& a, PackLibrary& packs) {
    Problems problems;
    packs.load_embedded(problems);
    for (const std::string& path : a.packs) {
        std::string text;
        if (!read_file(path, text)) {
            std::cerr << "caseplan: cannot read pack " << path << "\n";
            return 2;
        }
        packs.add_pack_text(text, base_name(path), problems);
    }
    print(problems);
    return problems.empty() ? 0 : 1;
}

// Loads and verifies a workspace; integrity problems are reported but do not stop planning.
std::optional<Workspace> load(const std::string& path, Problems& integrity, int& exit_code) {
    std::string text;
    if (!read_file(path, text)) {
        std::cerr << "caseplan: cannot read " << path << "\n";
        exit_code = 2;
        return std::nullopt;
    }
    Problems problems;
    auto     ws = load_workspace(text, base_name(path), problems, integrity);
    print(problems);
    print(integrity);
    if (!ws) exit_code = 1;
    return ws;
}

std::optional<Date> date_arg(const std::string& s, const char* name) {
    if (s.empty()) {
        usage(std::string(name) + " YYYY-MM-DD is required");
        return std::nullopt;
    }
    const auto d = parse_iso_date(s);
    if (!d) usage(std::string(name) + ": expected a date YYYY-MM-DD; found \"" + s + "\"");
    return d;
}

// What plan, documents and check read: the packs, the workspace (damage kept apart as `integrity`)
// and its calendar. Returns 0, or the exit code to stop with.
struct Opened {
    PackLibrary              packs;
    std::optional<Workspace> ws;
    Problems                 integrity, calendar_problems;
    SchoolCalendar           cal;
};
int open_workspace(const Args& a, Opened& o) {
    if (const int code = load_packs(a, o.packs)) return code;
    int code = 0;
    o.ws = load(a.positional[0], o.integrity, code);
    if (!o.ws) return code;
    o.cal = workspace_calendar(*o.ws, o.packs, o.calendar_problems);
    return 0;
}

// The case named on the command line, or nullptr (said on stderr).
const Case* named_case(const Workspace& ws, const std::string& id) {
    const Case* c = find_case(ws, id);
    if (!c) std::cerr << "caseplan: no case " << id << "\n";
    return c;
}

int cmd_validate(const Args& a) {
    if (a.positional.size() != 1) return usage("validate takes one FILE");
    const std::string& path = a.positional[0];
    std::string        text;
    if (!read_file(path, text)) {
        std::cerr << "caseplan: cannot read " << path << "\n";
        return 2;
    }
    std::string format;
    try {
        const Json j = Json::parse(text);
        if (j.is_object() && j.contains("format") && j["format"].is_string()) format = j["format"].get<std::string>();
    } catch (const Json::exception&) {}  // not JSON (or a number like 1e400): validated as a workspace below
    if (format == "caseplan-pack") {
        PackLibrary packs;
        Args        with = a;
        with.packs.push_back(path);
        const int code = load_packs(with, packs);
        std::cout << (code == 0 ? "valid protocol pack: " : "invalid protocol pack: ") << base_name(path) << "\n";
        return code;
    }
    Problems integrity;
    int      code = 0;
    auto     ws = load(path, integrity, code);
    if (!ws) {
        std::cout << "invalid workspace: " << base_name(path) << "\n";
        return code;
    }
    PackLibrary packs;
    if (const int packs_code = load_packs(a, packs)) return packs_code;
    Problems unknown;
    for (std::size_t i = 0; i < ws->cases.size(); ++i) {
        const CaseState s = replay(ws->cases[i]);
        if (!packs.find(s.pack))
            unknown.push_back({base_name(path), "/cases/" + std::to_string(i),
                               "case " + ws->cases[i].id + " uses the protocol pack \"" + s.pack +
                                   "\", which is not loaded (use --pack FILE)"});
    }
    print(unknown);
    const bool ok = integrity.empty() && unknown.empty();
    std::cout << (ok ? "valid workspace: " : "workspace has problems: ") << base_name(path) << " (" << ws->cases.size()
              << " cases)\n";
    return ok ? 0 : 1;
}

int cmd_plan(const Args& a) {
    if (a.positional.size() != 1) return usage("plan takes one WORKSPACE");
    const auto today = date_arg(a.today, "--today");
    if (!today) return 2;
    Opened o;
    if (const int code = open_workspace(a, o)) return code;
    print(o.calendar_problems);
    Json out = {
        {"today", to_iso(*today)}, {"calendar", o.cal.id}, {"integrity", Json::array()}, {"plans", Json::array()}};
    for (const auto& p : o.integrity) out["integrity"].push_back({{"path", p.path}, {"message", p.message}});
    for (const CasePlan& p : plan_workspace(*o.ws, o.packs, o.cal, *today)) out["plans"].push_back(plan_to_json(p));
    std::cout << out.dump(2) << "\n";
    return o.integrity.empty() ? 0 : 1;
}

int cmd_report(const Args& a) {
    if (a.positional.size() != 1) return usage("report takes one WORKSPACE");
    const auto from = date_arg(a.from, "--from");
    if (!from) return 2;
    const auto to = date_arg(a.to, "--to");
    if (!to) return 2;
    Opened o;
    if (const int code = open_workspace(a, o)) return code;
    std::vector<CaseState> states;
    states.reserve(o.ws->cases.size());
    for (const Case& c : o.ws->cases) states.push_back(replay(c));
    std::cout << report_to_csv(panel_report(*o.ws, states, o.cal, *from, *to));
    return o.integrity.empty() ? 0 : 1;
}

int cmd_documents(const Args& a) {
    if (a.positional.size() != 2) return usage("documents takes WORKSPACE CASE");
    const auto today = date_arg(a.today, "--today");
    if (!today) return 2;
    Opened o;
    if (const int code = open_workspace(a, o)) return code;
    const Case* c = named_case(*o.ws, a.positional[1]);
    if (!c) return 1;
    const CaseState s = replay(*c);
    const Pack*     pack = o.packs.find(s.pack);
    if (!pack) {
        std::cerr << "caseplan: protocol pack \"" << s.pack << "\" is not loaded\n";
        return 1;
    }
    Json out = Json::array();
    for (const std::string& id : document_ids_for(*pack, s))
        if (auto d = make_document(id, {s, *pack, o.cal, *today, &*o.ws})) out.push_back(document_to_json(*d));
    std::cout << out.dump(2) << "\n";
    return 0;
}

// The recording check the app makes before it appends an event: the same call (record_event) on a
// copy of the workspace in memory, so the answer cannot differ from the app's. Nothing is written.
int cmd_check(const Args& a) {
    if (a.positional.size() != 4) return usage("check takes WORKSPACE CASE EVENT_TYPE PAYLOAD_JSON");
    const auto today = date_arg(a.today, "--today");
    if (!today) return 2;
    const auto type = parse_event_type(a.positional[2]);
    if (!type) return usage("unknown event type \"" + a.positional[2] + "\" (docs/workspace-format.md lists them)");
    const Json payload = Json::parse(a.positional[3], nullptr, false);
    if (payload.is_discarded() || !payload.is_object()) return usage("PAYLOAD_JSON must be a JSON object");
    Opened o;
    if (const int code = open_workspace(a, o)) return code;
    if (!named_case(*o.ws, a.positional[1])) return 1;
    const DraftVerdict v = record_event(*o.ws, a.positional[1], {{"caseplan check", ""}, *type, payload, ""},
                                        next_event_id(*o.ws), to_iso(*today) + "T12:00:00Z", o.packs, o.cal, *today);
    std::cout << verdict_to_json(v).dump(2) << "\n";
    return v.allowed ? 0 : 1;
}

int cmd_demo(const Args& a) {
    if (a.positional.size() != 1) return usage("demo takes OUT (the file to write)");
    std::ofstream out(a.positional[0], std::ios::binary);
    if (!out) {
        std::cerr << "caseplan: cannot write " << a.positional[0] << "\n";
        return 2;
    }
    out << workspace_to_json(make_demo_workspace()) << "\n";
    std::cout << "wrote " << a.positional[0] << " (fictional demonstration workspace; plan it with --today "
              << kDemoToday << ")\n";
    return out ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage("no command");
    const std::string cmd = argv[1];
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::cout << kUsage;
        return 0;
    }
    Args        a;
    std::string error;
    if (!parse_args(argc, argv, a, error)) return usage(error);
    if (cmd == "validate") return cmd_validate(a);
    if (cmd == "plan") return cmd_plan(a);
    if (cmd == "report") return cmd_report(a);
    if (cmd == "documents") return cmd_documents(a);
    if (cmd == "check") return cmd_check(a);
    if (cmd == "demo") return cmd_demo(a);
    if (cmd == "vocabulary") {
        if (!a.positional.empty()) return usage("vocabulary takes nothing");
        std::cout << vocabulary_reference();
        return 0;
    }
    return usage("unknown command \"" + cmd + "\"");
}
