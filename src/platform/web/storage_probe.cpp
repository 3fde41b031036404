// storage_probe.cpp: tests only (pages opened with ?test). Drives storage.h's store exactly as
// the app would and publishes each answer to window.cpTest.storeProbe, so the browser tests
// cover storage_web.cpp and storage.lib.js end to end, bytes included. Keys and values are
// published in hex so that no byte is lost on the way to JSON.
#include <emscripten.h>

#include <memory>
#include <string>
#include <vector>

#include "platform/platform.h"
#include "platform/storage.h"

namespace {

using namespace cp::platform;

bool g_inside = false;  // true while a storage.h call runs: an answer then would be re-entrant
int  g_lost = 0, g_changed = 0;

std::string hex(const unsigned char* p, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string        out;
    for (std::size_t i = 0; i < n; ++i) {
        out += digits[p[i] >> 4];
        out += digits[p[i] & 15];
    }
    return out;
}

std::string hex(const std::string& s) { return hex(reinterpret_cast<const unsigned char*>(s.data()), s.size()); }

std::string fields(const StoreResult& r) {
    return "\"status\":" + std::to_string(static_cast<int>(r.status)) + ",\"message\":\"" + hex(r.message) +
           "\",\"answeredInside\":" + (g_inside ? "true" : "false");
}

std::string fields(const StoreInfo& i) {
    return "\"writer\":" + std::string(i.writer ? "true" : "false") + ",\"schema\":" + std::to_string(i.schema) +
           ",\"usage\":" + std::to_string(i.usage_bytes) + ",\"quota\":" + std::to_string(i.quota_bytes);
}

// EM_JS rather than EM_ASM: EM_ASM's $0 arguments are not ISO C++ (-Wpedantic, cmake/warnings.cmake).
EM_JS(void, cp_publish_store_probe, (const char* tag, const char* json), {
    var t = window.cpTest || (window.cpTest = {frame : 0});
    (t.storeProbe || (t.storeProbe = {}))[UTF8ToString(tag)] = JSON.parse(UTF8ToString(json));
});

void publish(const char* tag, const std::string& json) { cp_publish_store_probe(tag, ("{" + json + "}").c_str()); }

void publish_events() {
    publish("events", "\"lost\":" + std::to_string(g_lost) + ",\"changed\":" + std::to_string(g_changed));
}

std::vector<unsigned char> all_bytes() {
    std::vector<unsigned char> v(256);
    for (int i = 0; i < 256; ++i) v[i] = static_cast<unsigned char>(i);
    return v;
}

void probe_open() {
    store_on_lost_writer([] {
        ++g_lost;
        publish_events();
    });
    store_on_changed_elsewhere([] {
        ++g_changed;
        publish_events();
    });
    store_open([](StoreResult r, StoreInfo i) { publish("open", fields(r) + "," + fields(i)); });
}

// Every byte value, an empty value and a non-ASCII key; deletes "probe/gone".
void probe_write() {
    std::vector<Record> puts{{"probe/bytes", all_bytes()}, {"probe/empty", {}}, {"probe/\xc3\xbc", {0, 0, 7}}};
    store_write(std::move(puts), {"probe/gone"}, [](StoreResult r) { publish("write", fields(r)); });
}

void probe_load() {
    auto records = std::make_shared<std::string>();
    auto progress = std::make_shared<std::string>();
    store_load_all(
        [records](std::vector<Record>&& batch) {
            for (const Record& rec : batch)
                *records += (records->empty() ? "" : ",") + std::string("[\"") + hex(rec.key) + "\",\"" +
                            hex(rec.value.data(), rec.value.size()) + "\"]";
        },
        [progress](std::size_t loaded, std::size_t total) {
            *progress += (progress->empty() ? "" : ",") + std::string("[") + std::to_string(loaded) + "," +
                         std::to_string(total) + "]";
        },
        [records, progress](StoreResult r) {
            publish("load", fields(r) + ",\"records\":[" + *records + "],\"progress\":[" + *progress + "]");
        });
}

void probe_take_over() {
    store_take_over([](StoreResult r, StoreInfo i) { publish("takeOver", fields(r) + "," + fields(i)); });
}

void probe_info() {
    store_refresh_info(
        [](StoreInfo i) { publish("info", fields(i) + ",\"answeredInside\":" + (g_inside ? "true" : "false")); });
}

}  // namespace

extern "C" {

// op: "open", "write", "load", "takeOver" or "info". Does nothing outside ?test pages.
EMSCRIPTEN_KEEPALIVE void cp_store_probe(const char* op) {
    if (!test_mode()) return;
    const std::string o = op ? op : "";
    g_inside = true;
    if (o == "open") probe_open();
    if (o == "write") probe_write();
    if (o == "load") probe_load();
    if (o == "takeOver") probe_take_over();
    if (o == "info") probe_info();
    g_inside = false;
}

}  // extern "C"
