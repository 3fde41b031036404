// storage_web.cpp: storage.h's store in the browser (all of it but derive_key_async, which is
// kdf_web.cpp). The work is web/store.js over IndexedDB; storage.lib.js starts it and answers
// through the cp_store_* exports below. Callbacks wait here by request id; every answer comes
// from a later browser task, never inside the call that asked, and is followed by a redraw so
// the app shows what changed.
#include <emscripten.h>

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "platform/platform.h"
#include "platform/storage.h"

extern "C" {
// Implemented in storage.lib.js.
void cp_js_store_open(int id);
void cp_js_store_take_over(int id);
void cp_js_store_info(int id);
void cp_js_store_ask_to_keep(int id);
void cp_js_store_load_all(int id, const char* prefix);
void cp_js_store_write_begin(int id);
void cp_js_store_write_put(int id, const char* key, int key_len, const unsigned char* value, int value_len);
void cp_js_store_write_delete(int id, const char* key, int key_len);
void cp_js_store_write_commit(int id);
void cp_js_store_listen();
}

namespace {

using cp::platform::Record;
using cp::platform::StoreInfo;
using cp::platform::StoreResult;
using cp::platform::StoreStatus;

using InfoDone = std::function<void(StoreResult, StoreInfo)>;

struct Load {
    std::function<void(std::vector<Record>&&)>    records;
    std::function<void(std::size_t, std::size_t)> progress;
    std::function<void(StoreResult)>              done;
    std::vector<Record>                           batch;  // gathered until the next progress call
};

// storage.lib.js sends StoreStatus as its index in this order.
static_assert(static_cast<int>(StoreStatus::ok) == 0 && static_cast<int>(StoreStatus::quota_exceeded) == 1 &&
              static_cast<int>(StoreStatus::read_only) == 2 && static_cast<int>(StoreStatus::newer_schema) == 3 &&
              static_cast<int>(StoreStatus::unavailable) == 4 && static_cast<int>(StoreStatus::failed) == 5);

int                                                       g_next_request = 1;
std::unordered_map<int, InfoDone>                         g_info_done;  // open and take-over
std::unordered_map<int, std::function<void(StoreInfo)>>   g_refresh;
std::unordered_map<int, Load>                             g_loads;
std::unordered_map<int, std::function<void(StoreResult)>> g_writes;
std::function<void()>                                     g_on_lost_writer;
std::function<void()>                                     g_on_changed_elsewhere;

// Removes the waiting callback before it runs: it may well start another request.
template <class Map>
bool take(Map& map, int id, typename Map::mapped_type& out) {
    auto it = map.find(id);
    if (it == map.end()) return false;
    out = std::move(it->second);
    map.erase(it);
    return true;
}

StoreResult result(int status, const char* message) {
    StoreResult r;
    r.status = status >= 0 && status <= static_cast<int>(StoreStatus::failed) ? static_cast<StoreStatus>(status)
                                                                              : StoreStatus::failed;
    if (message) r.message = message;
    return r;
}

void listen_once() {
    static bool listening = false;
    if (listening) return;
    listening = true;
    cp_js_store_listen();
}

}  // namespace

namespace cp::platform {

void store_open(std::function<void(StoreResult, StoreInfo)> done) {
    const int id = g_next_request++;
    g_info_done.emplace(id, std::move(done));
    listen_once();
    cp_js_store_open(id);
}

void store_load_all(std::function<void(std::vector<Record>&&)>    records,
                    std::function<void(std::size_t, std::size_t)> progress, std::function<void(StoreResult)> done,
                    const std::string& prefix) {
    const int id = g_next_request++;
    g_loads.emplace(id, Load{std::move(records), std::move(progress), std::move(done), {}});
    cp_js_store_load_all(id, prefix.c_str());
}

void store_write(std::vector<Record> puts, std::vector<std::string> deletes, std::function<void(StoreResult)> done) {
    const int id = g_next_request++;
    g_writes.emplace(id, std::move(done));
    cp_js_store_write_begin(id);
    for (const Record& r : puts) {
        cp_js_store_write_put(id, r.key.data(), static_cast<int>(r.key.size()), r.value.data(),
                              static_cast<int>(r.value.size()));
    }
    for (const std::string& key : deletes) cp_js_store_write_delete(id, key.data(), static_cast<int>(key.size()));
    cp_js_store_write_commit(id);
}

void store_take_over(std::function<void(StoreResult, StoreInfo)> done) {
    const int id = g_next_request++;
    g_info_done.emplace(id, std::move(done));
    cp_js_store_take_over(id);
}

void store_on_lost_writer(std::function<void()> handler) {
    g_on_lost_writer = std::move(handler);
    listen_once();
}

void store_on_changed_elsewhere(std::function<void()> handler) {
    g_on_changed_elsewhere = std::move(handler);
    listen_once();
}

void store_refresh_info(std::function<void(StoreInfo)> done) {
    const int id = g_next_request++;
    g_refresh.emplace(id, std::move(done));
    cp_js_store_info(id);
}

void store_ask_to_keep(std::function<void(StoreInfo)> done) {
    const int id = g_next_request++;
    g_refresh.emplace(id, std::move(done));
    cp_js_store_ask_to_keep(id);
}

}  // namespace cp::platform

// ---- Called from storage.lib.js ----------------------------------------------------------------

extern "C" {

// The answer to an open, take-over or info request. Usage and quota are -1 when unknown.
EMSCRIPTEN_KEEPALIVE void cp_store_info_answer(int id, int status, const char* message, int writer, int persistent,
                                               double usage, double quota, int schema) {
    const StoreInfo                info{writer != 0, persistent != 0, usage, quota, schema};
    InfoDone                       done;
    std::function<void(StoreInfo)> refreshed;
    if (take(g_info_done, id, done)) {
        if (done) done(result(status, message), info);
    } else if (take(g_refresh, id, refreshed)) {
        if (refreshed) refreshed(info);
    }
    cp::platform::request_redraw();
}

// One record of a load; copied here, the caller frees its buffers when this returns.
EMSCRIPTEN_KEEPALIVE void cp_store_record(int id, const char* key, int key_len, const unsigned char* value,
                                          int value_len) {
    auto it = g_loads.find(id);
    if (it == g_loads.end()) return;
    it->second.batch.push_back(Record{std::string(key, static_cast<std::size_t>(key_len)),
                                      std::vector<unsigned char>(value, value + value_len)});
}

// Hands over the records gathered since the last call, then reports progress.
EMSCRIPTEN_KEEPALIVE void cp_store_progress(int id, double loaded, double total) {
    auto it = g_loads.find(id);
    if (it == g_loads.end()) return;
    std::vector<Record> batch = std::move(it->second.batch);
    it->second.batch.clear();
    auto records = it->second.records;  // copies: either may start a request and rehash g_loads
    auto progress = it->second.progress;
    if (!batch.empty() && records) records(std::move(batch));
    if (progress) progress(static_cast<std::size_t>(loaded), static_cast<std::size_t>(total));
    cp::platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void cp_store_loaded(int id, int status, const char* message) {
    Load load;
    if (!take(g_loads, id, load)) return;
    if (!load.batch.empty() && load.records) load.records(std::move(load.batch));
    if (load.done) load.done(result(status, message));
    cp::platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void cp_store_written(int id, int status, const char* message) {
    std::function<void(StoreResult)> done;
    if (take(g_writes, id, done) && done) done(result(status, message));
    cp::platform::request_redraw();
}

// The handlers are copied before they run, as one may replace itself.
EMSCRIPTEN_KEEPALIVE void cp_store_lost_writer() {
    if (auto handler = g_on_lost_writer) handler();
    cp::platform::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void cp_store_changed_elsewhere() {
    if (auto handler = g_on_changed_elsewhere) handler();
    cp::platform::request_redraw();
}

}  // extern "C"
