#include "platform/web/backdrop.h"

#include <GLES3/gl3.h>

#include <cstdio>
#include <string>

#include "common/embedded.h"

namespace cp::platform {
namespace {

GLuint g_program = 0;
GLuint g_vao = 0;
GLint  g_u_size = -1, g_u_colour = -1, g_u_stripe = -1, g_u_demo = -1, g_u_density = -1;

GLuint compile(GLenum kind, const char* path) {
    const EmbeddedFile* file = cp_app_assets_find(path);
    if (!file) {
        std::fprintf(stderr, "shader %s is missing from the build\n", path);
        return 0;
    }
    const GLuint shader = glCreateShader(kind);
    const char*  text = reinterpret_cast<const char*>(file->data);
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "shader %s failed to compile: %s\n", path, log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

bool backdrop_init() {
    const GLuint vs = compile(GL_VERTEX_SHADER, "shaders/backdrop.vert.glsl");
    const GLuint fs = compile(GL_FRAGMENT_SHADER, "shaders/backdrop.frag.glsl");
    if (!vs || !fs) return false;
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
    if (!ok) return false;
    g_u_size = glGetUniformLocation(g_program, "u_size");
    g_u_colour = glGetUniformLocation(g_program, "u_colour");
    g_u_stripe = glGetUniformLocation(g_program, "u_stripe_colour");
    g_u_demo = glGetUniformLocation(g_program, "u_demo");
    g_u_density = glGetUniformLocation(g_program, "u_density");
    glGenVertexArrays(1, &g_vao);
    return true;
}

void backdrop_draw(int width_px, int height_px, float density, const BackdropStyle& style) {
    if (!g_program) return;
    glUseProgram(g_program);
    glUniform2f(g_u_size, static_cast<float>(width_px), static_cast<float>(height_px));
    glUniform3fv(g_u_colour, 1, style.colour);
    glUniform3fv(g_u_stripe, 1, style.stripe_colour);
    glUniform1f(g_u_demo, style.demo ? 1.0f : 0.0f);
    glUniform1f(g_u_density, density);
    glBindVertexArray(g_vao);
    glDisable(GL_BLEND);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

void backdrop_shutdown() {
    if (g_vao) glDeleteVertexArrays(1, &g_vao);
    if (g_program) glDeleteProgram(g_program);
    g_vao = g_program = 0;
}

}  // namespace cp::platform
