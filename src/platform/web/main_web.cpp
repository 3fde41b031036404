// main_web.cpp: the browser platform. Owns the canvas, the WebGL2 context, input and the frame
// schedule, written on emscripten/html5.h rather than Emscripten's GLFW, which inverts the wheel,
// never reaches the system clipboard, ignores devicePixelRatio, steals keys from the whole page
// and redraws at 60 Hz when nothing changes (see docs/toolchain.md).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>
#include <imgui.h>

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <memory>
#include <string>

#include "app/access.h"
#include "app/app.h"
#include "app/fonts.h"
#include "app/locator.h"
#include "app/touch_scroll.h"
#include "platform/platform.h"
#include "platform/web/backdrop.h"
#include "platform/web/imgui_renderer.h"
#include "platform/web/keys.h"

extern "C" {
// Implemented in platform_web.lib.js.
void cp_js_install_listeners();
void cp_js_set_cursor(const char* css);
void cp_js_text_input(int active, float x, float y);
void cp_js_write_clipboard(const char* text);
void cp_js_set_title(const char* title);
void cp_js_set_leave_warning(int on);
int  cp_js_test_mode();
void cp_js_publish_items(const char* json);
void cp_js_access_install();
void cp_js_publish_access(const char* json, int at_once);
void cp_js_today(char* out, int size);
void cp_js_first_frame_done();
void cp_js_frame_stats(double cpu_ms, double access_ms, int drawn);
void cp_js_frames_pending(int pending);
}

namespace {

constexpr const char* kCanvas = "#canvas";
constexpr int         kFramesAfterInput = 3;  // ImGui settles hover and layout within a few frames
constexpr double      kLateWakeMs = 650.0;    // tooltips and cursor blink need a frame after a pause
constexpr double      kCaretBlinkMs = 530.0;  // while a field is edited, its caret blinks

EMSCRIPTEN_WEBGL_CONTEXT_HANDLE g_gl = 0;
int                             g_frames_wanted = 1;
bool                            g_frame_scheduled = false;
bool                            g_first_frame = true;
std::string                     g_clipboard;
const char*                     g_cursor = "";
cp::platform::BackdropStyle     g_backdrop{{0.97f, 0.97f, 0.98f}, {0.93f, 0.90f, 0.80f}, false};

void schedule_frame();

EM_BOOL on_animation_frame(double, void*);

bool g_started = false;  // the fonts are ready: frames may be drawn

void schedule_frame() {
    if (g_frame_scheduled || !g_started) return;
    g_frame_scheduled = true;
    cp_js_frames_pending(1);
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

// One late wake at a time: a new one replaces the one pending. (Each input and each caret blink
// used to add a timer of its own, and every timer blinked on for good: after typing a few words
// the page drew 30 frames a second while a person only looked at a field.)
long g_wake_timer = 0;

void late_wake(void*) {
    g_wake_timer = 0;
    g_frames_wanted = std::max(g_frames_wanted, 1);
    schedule_frame();
}

void wake_later(double ms) {
    if (g_wake_timer) emscripten_clear_timeout(g_wake_timer);
    g_wake_timer = emscripten_set_timeout(late_wake, ms, nullptr);
}

void wake_after_input() {
    g_frames_wanted = kFramesAfterInput;
    schedule_frame();
    wake_later(kLateWakeMs);
}

// ---- Canvas size and density -----------------------------------------------------------------

void sync_canvas_size() {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(kCanvas, &css_w, &css_h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int   px_w = static_cast<int>(std::lround(css_w * dpr));
    const int   px_h = static_cast<int>(std::lround(css_h * dpr));
    int         cur_w = 0, cur_h = 0;
    emscripten_get_canvas_element_size(kCanvas, &cur_w, &cur_h);
    if (cur_w != px_w || cur_h != px_h) emscripten_set_canvas_element_size(kCanvas, px_w, px_h);

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_w), static_cast<float>(css_h));
    io.DisplayFramebufferScale = ImVec2(dpr, dpr);
    if (cp::app::fonts_need_rebuild(dpr)) {
        // Browser zoom and moving to another screen change the ratio: re-rasterise for it.
        cp::app::rebuild_fonts(dpr);
        cp::platform::imgui_renderer_fonts();
    }
}

// ---- Input -----------------------------------------------------------------------------------

void update_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    const int button = e->button == 1 ? 2 : e->button == 2 ? 1 : e->button;  // DOM: 1 is middle
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN && button < 3) io.AddMouseButtonEvent(button, true);
    if (type == EMSCRIPTEN_EVENT_MOUSEUP && button < 3) io.AddMouseButtonEvent(button, false);
    wake_after_input();
    return type != EMSCRIPTEN_EVENT_MOUSEMOVE;  // keep mousedown from selecting page text
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    wake_after_input();
    return false;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // DOM deltas are in pixels, lines or pages, positive downwards; ImGui wants "lines", positive up.
    const double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / unit), static_cast<float>(-e->deltaY / unit));
    wake_after_input();
    return true;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    if (e->numTouches < 1) return false;
    const EmscriptenTouchPoint& t = e->touches[0];
    ImGuiIO&                    io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const auto x = static_cast<float>(t.targetX), y = static_cast<float>(t.targetY);
    io.AddMousePosEvent(x, y);
    const bool starts = type == EMSCRIPTEN_EVENT_TOUCHSTART;
    const bool lifts = type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (starts) io.AddMouseButtonEvent(0, true);
    if (lifts) io.AddMouseButtonEvent(0, false);
    using cp::app::Touch;
    cp::app::finger_at(starts ? Touch::starts : lifts ? Touch::lifts : Touch::moves, e->timestamp / 1000.0, x, y);
    wake_after_input();
    return true;
}

bool is_clipboard_shortcut(const EmscriptenKeyboardEvent* e) {
    const bool cmd = e->ctrlKey || e->metaKey;
    return cmd && !e->altKey &&
           (std::strcmp(e->code, "KeyC") == 0 || std::strcmp(e->code, "KeyX") == 0 ||
            std::strcmp(e->code, "KeyV") == 0);
}

bool is_browser_shortcut(const EmscriptenKeyboardEvent* e) {
    // Leave zoom, reload, developer tools and full screen to the browser.
    const bool cmd = e->ctrlKey || e->metaKey;
    if (std::strncmp(e->code, "F", 1) == 0 && e->code[1] >= '1' && e->code[1] <= '9' && std::strcmp(e->code, "F2") != 0)
        return true;
    if (!cmd) return false;
    return std::strcmp(e->code, "Equal") == 0 || std::strcmp(e->code, "Minus") == 0 ||
           std::strcmp(e->code, "Digit0") == 0 || std::strcmp(e->code, "KeyR") == 0 ||
           std::strcmp(e->code, "KeyP") == 0 || (e->shiftKey && std::strcmp(e->code, "KeyI") == 0);
}

// Keys reach us from the canvas, or from the hidden textarea while ImGui edits text (user data 1).
// From the textarea, characters come through its input event instead, so its default stays.
EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void* from_text_input) {
    ImGuiIO& io = ImGui::GetIO();
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    wake_after_input();
    if (is_browser_shortcut(e)) return false;
    // Paste is the browser's: the text lands in the page's text input (the only way to read the
    // clipboard without a permission prompt) and comes to cp_on_paste; copy and cut reach ImGui now
    // and the system clipboard on the next frame.
    if (is_clipboard_shortcut(e) && std::strcmp(e->code, "KeyV") == 0) return false;
    const bool printable = !e->ctrlKey && !e->metaKey && !e->altKey && std::strlen(e->key) <= 4 && e->key[0] != 0 &&
                           (e->key[1] == 0 || static_cast<unsigned char>(e->key[0]) >= 0xC0);
    // A character typed into a field is text, not a key: ImGui hands one key change a frame to
    // the app (so a slow frame loses no press), and a key down between two characters held each
    // character back a frame or two. Releases still go through, so no key is left held down.
    const bool     text_only = from_text_input && printable && type == EMSCRIPTEN_EVENT_KEYDOWN;
    const ImGuiKey key = cp::platform::key_from_dom_code(e->code);
    // A key held down repeats as the computer is set to (its delay and rate, which some people set
    // long): the browser's repeated key down reaches ImGui as a fresh press.
    if (key != ImGuiKey_None && !text_only && type == EMSCRIPTEN_EVENT_KEYDOWN && e->repeat) io.AddKeyEvent(key, false);
    if (key != ImGuiKey_None && !text_only) io.AddKeyEvent(key, type == EMSCRIPTEN_EVENT_KEYDOWN);
    if (from_text_input)
        return !printable && !is_clipboard_shortcut(e) && std::strcmp(e->key, "Dead") != 0 &&
               std::strcmp(e->key, "Process") != 0;
    if (type == EMSCRIPTEN_EVENT_KEYDOWN && !e->ctrlKey && !e->metaKey) {
        // `key` holds the produced character as UTF-8 when it is one character long.
        const auto len = std::strlen(e->key);
        const bool one_char = len > 0 && len <= 4 && (len == 1 || (static_cast<unsigned char>(e->key[0]) >= 0xC0));
        if (one_char) io.AddInputCharactersUTF8(e->key);
    }
    return !is_clipboard_shortcut(e);
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    wake_after_input();
    return false;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake_after_input();
    return false;
}

// ---- Frame -----------------------------------------------------------------------------------

void update_cursor() {
    const char* css = "default";
    switch (ImGui::GetMouseCursor()) {
        case ImGuiMouseCursor_TextInput: css = "text"; break;
        case ImGuiMouseCursor_Hand: css = "pointer"; break;
        case ImGuiMouseCursor_ResizeAll: css = "move"; break;
        case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
        case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
        case ImGuiMouseCursor_ResizeNESW: css = "nesw-resize"; break;
        case ImGuiMouseCursor_ResizeNWSE: css = "nwse-resize"; break;
        case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
        case ImGuiMouseCursor_None: css = "none"; break;
        default: break;
    }
    cp::platform::set_cursor(css);
}

// The page's text input has the focus while a field is being edited. A field pressed through the
// accessibility mirror takes it back even when a field was being edited already: the mirror's
// element took the page's focus in between, and typing would go nowhere.
// A press on a second field while one is edited gives the canvas the focus and leaves ImGui
// editing text throughout: the new field takes the text input back too (else its typing arrives
// as bare key presses, without an on-screen keyboard, IME or dead keys).
bool    g_editing = false;
bool    g_resync = false;
ImGuiID g_edited = 0;

void sync_text_input() {
    // ImGui says it wants text one frame late: in the frame a press moves to a button, the field
    // it left is no longer the active item and must not take the text input back.
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    const bool          text = ImGui::GetIO().WantTextInput && g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID;
    const ImGuiID       edited = text ? g.ActiveId : 0;
    if (text == g_editing && edited == g_edited && !g_resync) return;
    g_editing = text;
    g_edited = edited;
    g_resync = false;
    cp_js_text_input(text ? 1 : 0, g.PlatformImeData.InputPos.x, g.PlatformImeData.InputPos.y);
}

// Most frames after an input settle ImGui's state and draw the same picture as the frame before.
// Such a frame is not drawn: the canvas keeps its picture (preserveDrawingBuffer), and the browser
// composites nothing new. Drawing costs far more than the frame's own work where the GPU is
// emulated in software (about 44 ms a frame at 1280x800, against 8 ms for the app).
std::uint64_t g_drawn_key = 0;
bool          g_redraw = true;  // the background changed (set_backdrop)

bool draw_if_changed(const ImDrawData& data) {
    int w = 0, h = 0;
    emscripten_get_canvas_element_size(kCanvas, &w, &h);
    // A resize clears the canvas: its size is part of the picture.
    const std::uint64_t key =
        cp::platform::imgui_picture_key(data) ^ (static_cast<std::uint64_t>(w) << 32) ^ static_cast<std::uint64_t>(h);
    if (key == g_drawn_key && !g_redraw) return false;
    g_redraw = false;
    g_drawn_key = key;
    glViewport(0, 0, w, h);
    cp::platform::backdrop_draw(w, h, ImGui::GetIO().DisplayFramebufferScale.x, g_backdrop);
    cp::platform::imgui_renderer_draw(data, w, h);
    return true;
}

// What ImGui is doing with the input: the keyboard's item and window, the item held or hovered,
// as the last frame left them.
std::uintptr_t g_interaction[6] = {};

bool interaction_moved() {
    const ImGuiContext&  g = *ImGui::GetCurrentContext();
    const std::uintptr_t now[std::size(g_interaction)] = {g.NavId,
                                                          g.ActiveId,
                                                          g.HoveredId,
                                                          g.NavActivateId,
                                                          reinterpret_cast<std::uintptr_t>(g.NavWindow),
                                                          reinterpret_cast<std::uintptr_t>(g.HoveredWindow)};
    const bool           moved = !std::equal(std::begin(now), std::end(now), std::begin(g_interaction));
    std::copy(std::begin(now), std::end(now), std::begin(g_interaction));
    return moved;
}

bool render_frame() {
    const double start = emscripten_get_now();
    sync_canvas_size();
    cp::platform::imgui_renderer_new_frame();
    ImGuiIO&      io = ImGui::GetIO();
    static double last = start;
    io.DeltaTime = static_cast<float>(std::max(0.001, (start - last) / 1000.0));
    last = start;
    cp::app::access_new_frame();
    cp::app::locator_begin_frame();
    cp::app::frame();
    ImGui::Render();
    update_cursor();
    sync_text_input();
    const bool   drawn = draw_if_changed(*ImGui::GetDrawData());
    const double access_start = emscripten_get_now();
    cp::app::locator_end_frame();
    cp::app::access_end_frame(drawn);
    const double access_ms = emscripten_get_now() - access_start;
    cp_js_frame_stats(emscripten_get_now() - start, access_ms, drawn ? 1 : 0);
    if (g_first_frame) {
        g_first_frame = false;
        cp_js_first_frame_done();
    }
    return drawn;
}

EM_BOOL on_animation_frame(double, void*) {
    g_frame_scheduled = false;
    // A frame that changed the picture, or where the keyboard's focus, the active item or the window
    // in front moved, may not be ImGui's last word on the input (a tab chosen with the keyboard shows
    // its page frames later; a part of the page reached with Tab acts on it the frame after):
    // frames go on until one changes nothing.
    const bool drawn = render_frame();
    if (drawn || interaction_moved()) g_frames_wanted = std::max(g_frames_wanted, 2);
    // Keep drawing while ImGui animates (e.g. a window being dragged) or input is settling, and
    // until every key typed has been taken: ImGui takes a burst of typing a few keys a frame, and
    // stopping early would leave the last letters unseen until the next key.
    const bool keys_queued = ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
    if (--g_frames_wanted > 0 || keys_queued || ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        schedule_frame();
    else if (ImGui::GetIO().WantTextInput)
        wake_later(kCaretBlinkMs);
    if (!g_frame_scheduled) cp_js_frames_pending(0);
    return EM_FALSE;
}

// ---- Clipboard hooks for ImGui ----------------------------------------------------------------

const char* get_clipboard(void*) { return g_clipboard.c_str(); }
void        set_clipboard(void*, const char* text) { cp::platform::set_clipboard_text(text ? text : ""); }

bool create_gl_context() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_TRUE;  // frames are drawn on demand; screenshots read the last one
    g_gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (g_gl <= 0) return false;
    emscripten_webgl_make_context_current(g_gl);
    return true;
}

void install_callbacks() {
    const char* c = kCanvas;
    emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback(c, nullptr, EM_TRUE, on_mouse_leave);
    emscripten_set_wheel_callback(c, nullptr, EM_TRUE, on_wheel);
    emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, on_touch);
    // Keys go to the canvas only, so other page elements keep theirs.
    emscripten_set_keydown_callback(c, nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback(c, nullptr, EM_TRUE, on_key);
    // Focus moving between the canvas and the hidden textarea is not the page losing focus.
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_resize);
    cp_js_install_listeners();
    void* const from_text_input = reinterpret_cast<void*>(1);
    emscripten_set_keydown_callback("#cp-text-input", from_text_input, EM_TRUE, on_key);
    emscripten_set_keyup_callback("#cp-text-input", from_text_input, EM_TRUE, on_key);
    // Keys pressed while a reader's focus is on a mirrored element drive ImGui as on the canvas.
    cp_js_access_install();
    emscripten_set_keydown_callback("#cp-access", nullptr, EM_TRUE, on_key);
    emscripten_set_keyup_callback("#cp-access", nullptr, EM_TRUE, on_key);
}

}  // namespace

// ---- Called from JavaScript --------------------------------------------------------------------

extern "C" {

EMSCRIPTEN_KEEPALIVE void cp_on_paste(const char* text) {
    g_clipboard = text ? text : "";
    ImGuiIO& io = ImGui::GetIO();
    // Replay the shortcut now that the text is here; ImGui then reads it through get_clipboard (as
    // typed characters it would be ignored: Ctrl is still held when a Ctrl+V's text arrives).
    io.AddKeyEvent(ImGuiMod_Ctrl, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    wake_after_input();
}

EMSCRIPTEN_KEEPALIVE void cp_on_text(const char* text) {
    ImGui::GetIO().AddInputCharactersUTF8(text);
    wake_after_input();
}

EMSCRIPTEN_KEEPALIVE void cp_request_redraw() { cp::platform::request_redraw(); }

EMSCRIPTEN_KEEPALIVE void cp_access_activate(unsigned id) {
    cp::app::access_activate(id);
    g_resync = true;
    wake_after_input();
}

EMSCRIPTEN_KEEPALIVE int cp_access_skip() {
    const bool done = cp::app::skip_to_case_list();
    wake_after_input();
    return done ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void cp_access_focus(unsigned id) {
    cp::app::access_focus(id);
    wake_after_input();
}

}  // extern "C"

// ---- platform.h ----------------------------------------------------------------------------------

namespace cp::platform {

void request_redraw() {
    g_frames_wanted = std::max(g_frames_wanted, kFramesAfterInput);
    schedule_frame();
}

void run_soon(std::function<void()> task) {
    emscripten_set_timeout(
        [](void* p) {
            const std::unique_ptr<std::function<void()>> f(static_cast<std::function<void()>*>(p));
            (*f)();
        },
        0, new std::function<void()>(std::move(task)));
}

void set_clipboard_text(std::string_view text) {
    g_clipboard.assign(text);
    cp_js_write_clipboard(g_clipboard.c_str());
}

const char* clipboard_text() { return g_clipboard.c_str(); }

void set_cursor(const char* css) {
    if (css == g_cursor) return;  // string literals: pointer comparison suffices
    g_cursor = css;
    cp_js_set_cursor(css);
}

void set_backdrop(float r, float g, float b, bool demo) {
    // The app says its background every frame: only a change needs the canvas drawn again.
    float* colour = g_backdrop.colour;
    if (colour[0] == r && colour[1] == g && colour[2] == b && g_backdrop.demo == demo) return;
    colour[0] = r;
    colour[1] = g;
    colour[2] = b;
    g_backdrop.demo = demo;
    g_redraw = true;
}

double now_ms() { return emscripten_get_now(); }

std::string today_iso() {
    char buf[16] = {};
    cp_js_today(buf, sizeof buf);
    return buf;
}

void set_page_title(std::string_view title) { cp_js_set_title(std::string(title).c_str()); }

void set_leave_warning(bool on) {
    static int last = -1;  // called every frame; the page hears only changes
    if (last == static_cast<int>(on)) return;
    last = on;
    cp_js_set_leave_warning(on ? 1 : 0);
}

bool test_mode() {
    static const bool on = cp_js_test_mode() != 0;
    return on;
}

void publish_items(std::string_view json) { cp_js_publish_items(std::string(json).c_str()); }

void publish_access(std::string_view json, bool at_once) {
    cp_js_publish_access(std::string(json).c_str(), at_once ? 1 : 0);
}

}  // namespace cp::platform

int main() {
    if (!create_gl_context()) {
        EM_ASM(window.cpShowError && window.cpShowError("webgl2"));
        return 1;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not a file's
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // ImGui's own key repeat is off: it counted a key as held for as long as a frame took, so one
    // slow frame between a press and its release (a busy computer) pressed Tab twice.
    io.KeyRepeatDelay = FLT_MAX;
    io.ConfigMacOSXBehaviors = EM_ASM_INT(return / Mac | iPhone | iPad /.test(navigator.platform) ? 1 : 0) != 0;
    io.BackendPlatformName = "caseplan_web";
    io.GetClipboardTextFn = get_clipboard;
    io.SetClipboardTextFn = set_clipboard;
    ImGui::GetCurrentContext()->TestEngineHookItems = true;  // the locator feeds the accessibility mirror
    if (!cp::platform::imgui_renderer_init()) {
        EM_ASM(window.cpShowError && window.cpShowError("webgl2"));
        return 1;
    }
    if (!cp::platform::backdrop_init()) std::fprintf(stderr, "the background shader failed; using a plain colour\n");
    cp::app::init();
    install_callbacks();
    // Start-up in tasks of its own, so the page answers between them: this one made the GL context,
    // the next rasterises the fonts, the one after draws the first frame.
    cp_js_frames_pending(1);
    emscripten_set_timeout(
        [](void*) {
            sync_canvas_size();
            g_started = true;
            schedule_frame();
        },
        0, nullptr);
    return 0;
}
