#include "platform/web/backdrop.h"

#include <GLES3/gl3.h>

#include "platform/web/gl_program.h"

namespace cp::platform {
namespace {

GLuint g_program = 0;
GLuint g_vao = 0;
GLint  g_u_size = -1, g_u_colour = -1, g_u_stripe = -1, g_u_demo = -1, g_u_density = -1;

}  // namespace

bool backdrop_init() {
    g_program = link_program("shaders/backdrop.vert.glsl", "shaders/backdrop.frag.glsl");
    if (!g_program) return false;
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
