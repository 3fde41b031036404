// files_web.cpp: platform.h's files, clock, address and reader-preference calls, over files.lib.js.
#include <emscripten/emscripten.h>

#include <map>

#include "platform/platform.h"

extern "C" {
void   cp_js_download(const char* name, const char* data, int len, const char* mime);
void   cp_js_pick_file(int id, const char* accept);
void   cp_js_now_utc(char* out, int size);
void   cp_js_url_param(const char* name, char* out, int size);
void   cp_js_redraw_after(double ms);
void   cp_js_publish_state(const char* json);
double cp_js_preferred_text_scale();
int    cp_js_prefers_reduced_motion();
}

namespace {

using PickDone = std::function<void(std::string, std::string, std::string)>;
std::map<int, PickDone> g_picks;
int                     g_next_pick = 1;

}  // namespace

extern "C" EMSCRIPTEN_KEEPALIVE void cp_file_picked(int id, const char* name, const unsigned char* data, int len,
                                                    const char* error) {
    auto it = g_picks.find(id);
    if (it == g_picks.end()) return;
    PickDone done = std::move(it->second);
    g_picks.erase(it);
    done(name, std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(len)), error);
    cp::platform::request_redraw();
}

namespace cp::platform {

void download_file(std::string_view name, std::string_view bytes, std::string_view mime) {
    cp_js_download(std::string(name).c_str(), bytes.data(), static_cast<int>(bytes.size()), std::string(mime).c_str());
}

void pick_file(std::string_view accept, PickDone done) {
    // A previous chooser the user closed without an answer is forgotten.
    g_picks.clear();
    const int id = g_next_pick++;
    g_picks[id] = std::move(done);
    cp_js_pick_file(id, std::string(accept).c_str());
}

std::string now_utc_iso() {
    char buf[32] = {};
    cp_js_now_utc(buf, sizeof buf);
    return buf;
}

std::string url_param(std::string_view name) {
    char buf[256] = {};
    cp_js_url_param(std::string(name).c_str(), buf, sizeof buf);
    return buf;
}

void redraw_after_ms(double ms) { cp_js_redraw_after(ms); }

float preferred_text_scale() { return static_cast<float>(cp_js_preferred_text_scale()); }

bool prefers_reduced_motion() { return cp_js_prefers_reduced_motion() != 0; }

void publish_state(std::string_view json) { cp_js_publish_state(std::string(json).c_str()); }

}  // namespace cp::platform
