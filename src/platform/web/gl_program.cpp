#include "platform/web/gl_program.h"

#include <cstdio>

#include "common/embedded.h"

namespace cp::platform {
namespace {

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

GLuint link_program(const char* vertex_path, const char* fragment_path) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_path);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_path);
    GLuint       program = 0;
    if (vs && fs) {
        program = glCreateProgram();
        glAttachShader(program, vs);
        glAttachShader(program, fs);
        glLinkProgram(program);
        GLint ok = 0;
        glGetProgramiv(program, GL_LINK_STATUS, &ok);
        if (!ok) {
            std::fprintf(stderr, "shaders %s and %s did not link\n", vertex_path, fragment_path);
            glDeleteProgram(program);
            program = 0;
        }
    }
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return program;
}

}  // namespace cp::platform
