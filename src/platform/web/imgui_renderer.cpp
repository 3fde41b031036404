#include "platform/web/imgui_renderer.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstdint>
#include <cstring>
#include <initializer_list>

#include "platform/web/gl_program.h"

namespace cp::platform {
namespace {

GLuint        g_program = 0, g_vao = 0, g_vertices = 0, g_indices = 0, g_font = 0;
GLint         g_u_scale = -1, g_u_offset = -1, g_u_texture = -1;
std::uint64_t g_font_uploads = 0;  // a rebuilt atlas keeps its texture name but changes the picture

// Folds bytes into a 64-bit key, eight at a time (a multiply-xorshift mix: fast in wasm, and any
// changed byte changes the key).
struct Key {
    std::uint64_t value = 0x9E3779B97F4A7C15ull;

    void word(std::uint64_t w) {
        value = (value ^ w) * 0xBF58476D1CE4E5B9ull;
        value ^= value >> 31;
    }
    void bytes(const void* data, std::size_t size) {
        const auto* p = static_cast<const unsigned char*>(data);
        for (; size >= 8; p += 8, size -= 8) {
            std::uint64_t w = 0;
            std::memcpy(&w, p, 8);
            word(w);
        }
        std::uint64_t tail = size;
        std::memcpy(&tail, p, size);
        word(tail ^ (static_cast<std::uint64_t>(size) << 56));
    }
    void number(float f) {
        std::uint32_t bits = 0;
        std::memcpy(&bits, &f, 4);
        word(bits);
    }
};

void describe_vertices() {
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vertices);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_indices);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
}

// Where ImGui's coordinates (CSS pixels from the display's corner) land in clip space.
void set_projection(const ImDrawData& data) {
    const float w = data.DisplaySize.x, h = data.DisplaySize.y;
    glUniform2f(g_u_scale, 2.0f / w, -2.0f / h);
    glUniform2f(g_u_offset, -1.0f - data.DisplayPos.x * 2.0f / w, 1.0f + data.DisplayPos.y * 2.0f / h);
}

void draw_list(const ImDrawList& list, const ImDrawData& data, int height_px) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert),
                 list.VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list.IdxBuffer.Data, GL_STREAM_DRAW);
    const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
        if (cmd.UserCallback) {  // the app draws with none; honoured as ImGui documents them
            if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
            continue;
        }
        const float x0 = (cmd.ClipRect.x - origin.x) * scale.x, y0 = (cmd.ClipRect.y - origin.y) * scale.y;
        const float x1 = (cmd.ClipRect.z - origin.x) * scale.x, y1 = (cmd.ClipRect.w - origin.y) * scale.y;
        if (x1 <= x0 || y1 <= y0) continue;
        glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(height_px) - y1),
                  static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
        glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                       sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                       reinterpret_cast<void*>(static_cast<std::intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
}

}  // namespace

bool imgui_renderer_init() {
    g_program = link_program("shaders/imgui.vert.glsl", "shaders/imgui.frag.glsl");
    if (!g_program) return false;
    g_u_scale = glGetUniformLocation(g_program, "u_scale");
    g_u_offset = glGetUniformLocation(g_program, "u_offset");
    g_u_texture = glGetUniformLocation(g_program, "u_texture");
    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vertices);
    glGenBuffers(1, &g_indices);
    describe_vertices();
    ImGui::GetIO().BackendRendererName = "caseplan_webgl2";
    return true;
}

void imgui_renderer_new_frame() {
    if (!g_font) imgui_renderer_fonts();
}

void imgui_renderer_fonts() {
    ImGuiIO&       io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int            w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    if (!g_font) glGenTextures(1, &g_font);
    glBindTexture(GL_TEXTURE_2D, g_font);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(g_font)));
    ++g_font_uploads;
}

std::uint64_t imgui_picture_key(const ImDrawData& data) {
    Key key;
    key.word(g_font_uploads);
    for (float f : {data.DisplayPos.x, data.DisplayPos.y, data.DisplaySize.x, data.DisplaySize.y,
                    data.FramebufferScale.x, data.FramebufferScale.y})
        key.number(f);
    for (const ImDrawList* list : data.CmdLists) {
        key.bytes(list->VtxBuffer.Data, static_cast<std::size_t>(list->VtxBuffer.Size) * sizeof(ImDrawVert));
        key.bytes(list->IdxBuffer.Data, static_cast<std::size_t>(list->IdxBuffer.Size) * sizeof(ImDrawIdx));
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            for (float f : {cmd.ClipRect.x, cmd.ClipRect.y, cmd.ClipRect.z, cmd.ClipRect.w}) key.number(f);
            key.word(static_cast<std::uint64_t>(reinterpret_cast<std::intptr_t>(cmd.GetTexID())));
            key.word(cmd.VtxOffset);
            key.word(cmd.IdxOffset);
            key.word(cmd.ElemCount);
            key.word(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.UserCallback)));
        }
        key.word(static_cast<std::uint64_t>(list->CmdBuffer.Size));
    }
    return key.value;
}

void imgui_renderer_draw(const ImDrawData& data, int width_px, int height_px) {
    if (!g_program || width_px <= 0 || height_px <= 0 || data.DisplaySize.x <= 0) return;
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(g_program);
    set_projection(data);
    glUniform1i(g_u_texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g_vao);
    for (const ImDrawList* list : data.CmdLists) draw_list(*list, data, height_px);
    glBindVertexArray(0);
    glDisable(GL_SCISSOR_TEST);  // the next frame's backdrop covers the whole canvas
    glUseProgram(0);
}

}  // namespace cp::platform
