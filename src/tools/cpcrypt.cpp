// cpcrypt: makes and opens case planner export files from the command line, natively.
//
// It exists for the interoperability tests (tests/interop) and for checking a file by hand:
//   cpcrypt encrypt --passphrase-file F [--kind backup|case-package] [--note TEXT]
//                   [--created ISO] [--opslimit N] [--memlimit BYTES] PAYLOAD.json OUT
//   cpcrypt decrypt --passphrase-file F IN OUT     writes {"kind","note","created","payload"}
//   cpcrypt inspect IN                             checks the header only, prints it, no passphrase
// The passphrase file holds the passphrase; one trailing newline (\n or \r\n) is ignored.
// Exit status: 0 done; 1 the file was refused (stderr: "error: <code>: <message>"); 2 bad usage
// or a file that cannot be read or written.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "crypto/export_file.h"

namespace {

using namespace cp;

struct Usage : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Args {
    std::string                        command;
    std::map<std::string, std::string> options;     // "--note" -> "text"
    std::vector<std::string>           positional;  // input and output paths
};

const char* usage_text =
    "usage:\n"
    "  cpcrypt encrypt --passphrase-file F [--kind backup|case-package] [--note TEXT]\n"
    "                  [--created ISO] [--opslimit N] [--memlimit BYTES] PAYLOAD.json OUT\n"
    "  cpcrypt decrypt --passphrase-file F IN OUT\n"
    "  cpcrypt inspect IN\n";

Args parse_args(int argc, char** argv) {
    if (argc < 2) throw Usage("no command");
    Args a;
    a.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            if (i + 1 >= argc) throw Usage(s + " needs a value");
            a.options[s] = argv[++i];
        } else {
            a.positional.push_back(s);
        }
    }
    return a;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), std::streamsize(text.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_passphrase(const Args& a) {
    auto it = a.options.find("--passphrase-file");
    if (it == a.options.end()) throw Usage("--passphrase-file is required");
    std::string p = read_file(it->second);
    if (!p.empty() && p.back() == '\n') p.pop_back();
    if (!p.empty() && p.back() == '\r') p.pop_back();
    return p;
}

std::string option(const Args& a, const std::string& name, std::string fallback) {
    auto it = a.options.find(name);
    return it == a.options.end() ? fallback : it->second;
}

std::string now_utc() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    char              buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

int refuse(const ExportProblem& p) {
    std::cerr << "error: " << error_name(p.code) << ": " << p.message << "\n";
    return 1;
}

int encrypt(const Args& a) {
    if (a.positional.size() != 2) throw Usage("encrypt needs PAYLOAD.json and OUT");
    ExportContents    c;
    const std::string kind = option(a, "--kind", "backup");
    if (kind != "backup" && kind != "case-package") throw Usage("--kind is backup or case-package");
    c.kind = kind == "backup" ? ExportKind::backup : ExportKind::case_package;
    c.note = option(a, "--note", "");
    c.created = option(a, "--created", now_utc());
    c.payload = nlohmann::json::parse(read_file(a.positional[0]));
    KdfParams params = kdf_default;
    params.opslimit = std::stoull(option(a, "--opslimit", std::to_string(params.opslimit)));
    params.memlimit_bytes = std::stoull(option(a, "--memlimit", std::to_string(params.memlimit_bytes)));
    std::string passphrase = read_passphrase(a);
    write_file(a.positional[1], seal_export(c, passphrase, params));
    wipe(passphrase);
    return 0;
}

int decrypt(const Args& a) {
    if (a.positional.size() != 2) throw Usage("decrypt needs IN and OUT");
    std::string passphrase = read_passphrase(a);
    OpenResult  r = open_export(read_file(a.positional[0]), passphrase);
    wipe(passphrase);
    if (!r.ok()) return refuse(r.problem);
    const ExportContents& c = *r.contents;
    const nlohmann::json  out = {
         {"kind", kind_name(c.kind)}, {"note", c.note}, {"created", c.created}, {"payload", c.payload}};
    write_file(a.positional[1], out.dump(2) + "\n");
    return 0;
}

int inspect(const Args& a) {
    if (a.positional.size() != 1) throw Usage("inspect needs IN");
    InspectResult r = inspect_export(read_file(a.positional[0]));
    if (!r.ok()) return refuse(r.problem);
    const ExportHeader& h = r.sealed->header;
    std::cout << "format " << export_format_name << " version " << h.version << "\n"
              << "argon2id13 opslimit " << h.kdf.params.opslimit << " memlimit " << h.kdf.params.memlimit_bytes << "\n"
              << "ciphertext " << r.sealed->ciphertext.size() << " bytes\n"
              << "associated data " << associated_data_of(h) << "\n";
    return 0;
}

int run(const Args& a) {
    if (a.command == "encrypt") return encrypt(a);
    if (a.command == "decrypt") return decrypt(a);
    if (a.command == "inspect") return inspect(a);
    throw Usage("unknown command " + a.command);
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(parse_args(argc, argv));
    } catch (const Usage& e) {
        std::cerr << "cpcrypt: " << e.what() << "\n" << usage_text;
    } catch (const std::exception& e) { std::cerr << "cpcrypt: " << e.what() << "\n"; }
    return 2;
}
