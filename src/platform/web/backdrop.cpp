#include "platform/web/backdrop.h"

#include <GLES3/gl3.h>

#include <cmath>

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
    glClearColor(style.colour[0], style.colour[1], style.colour[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!g_program || !style.demo) return;
    // A clear paints the plain background; the shader runs only in the four bands at the edges where
    // the DEMO stripes go (a pass over the whole canvas was a fifth of a frame where the GPU is
    // emulated in software).
    const int band = static_cast<int>(std::ceil(7.0f * density)) + 1;
    const int bands[4][4] = {{0, 0, width_px, band},
                             {0, height_px - band, width_px, band},
                             {0, 0, band, height_px},
                             {width_px - band, 0, band, height_px}};
    glUseProgram(g_program);
    glUniform2f(g_u_size, static_cast<float>(width_px), static_cast<float>(height_px));
    glUniform3fv(g_u_colour, 1, style.colour);
    glUniform3fv(g_u_stripe, 1, style.stripe_colour);
    glUniform1f(g_u_demo, style.demo ? 1.0f : 0.0f);
    glUniform1f(g_u_density, density);
    glBindVertexArray(g_vao);
    glDisable(GL_BLEND);
    glEnable(GL_SCISSOR_TEST);
    for (const auto& b : bands) {
        glScissor(b[0], b[1], b[2], b[3]);
        glDrawArrays(GL_TRIANGLES, 0, 3);
    }
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glUseProgram(0);
}

void backdrop_shutdown() {
    if (g_vao) glDeleteVertexArrays(1, &g_vao);
    if (g_program) glDeleteProgram(g_program);
    g_vao = g_program = 0;
}

}  // namespace cp::platform
