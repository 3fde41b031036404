// hello.cpp: a bare Dear ImGui "hello" page, the yardstick for the app's download size and start-up
// time (bench/web_bench.mjs). Built in the wasm build only, with the app's compile and link flags,
// into build/wasm/hello/; never part of the served app (build/wasm/site).
//
// The minimal equivalent of the app's platform layer (src/platform/web/main_web.cpp): a WebGL2
// context from emscripten/html5.h, mouse and wheel input, and frames drawn only after input.
// Stock Dear ImGui with its built-in font; no app code, no engine, no libsodium.
#include <emscripten.h>
#include <emscripten/html5.h>

#include <GLES3/gl3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace {

constexpr const char* kCanvas = "#canvas";
int                   g_frames_wanted = 1;
bool                  g_scheduled = false;
bool                  g_first = true;
int                   g_clicks = 0;

EM_BOOL on_frame(double, void*);

void schedule() {
    if (g_scheduled) return;
    g_scheduled = true;
    emscripten_request_animation_frame(on_frame, nullptr);
}

void wake() {
    g_frames_wanted = 3;
    schedule();
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(static_cast<float>(e->targetX), static_cast<float>(e->targetY));
    if (e->button == 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.AddMouseButtonEvent(0, true);
    if (e->button == 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) io.AddMouseButtonEvent(0, false);
    wake();
    return EM_TRUE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-e->deltaX / 100.0), static_cast<float>(-e->deltaY / 100.0));
    wake();
    return EM_TRUE;
}

EM_BOOL on_frame(double, void*) {
    g_scheduled = false;
    double w = 0, h = 0;
    emscripten_get_element_css_size(kCanvas, &w, &h);
    emscripten_set_canvas_element_size(kCanvas, static_cast<int>(w), static_cast<int>(h));
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h));
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(40, 40), ImGuiCond_Once);
    ImGui::Begin("Hello");
    ImGui::TextUnformatted("Hello, Dear ImGui.");
    if (ImGui::Button("Click me")) ++g_clicks;
    ImGui::Text("Clicked %d times", g_clicks);
    ImGui::End();
    ImGui::Render();
    glViewport(0, 0, static_cast<int>(w), static_cast<int>(h));
    glClearColor(0.97f, 0.97f, 0.98f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (g_first) {
        g_first = false;
        EM_ASM(window.cpShell && window.cpShell.firstFrame());
    }
    if (--g_frames_wanted > 0) schedule();
    return EM_FALSE;
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (gl <= 0) return 1;
    emscripten_webgl_make_context_current(gl);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_mousedown_callback(kCanvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(kCanvas, nullptr, EM_TRUE, on_wheel);
    schedule();
    return 0;
}
