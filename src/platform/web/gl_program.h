// gl_program.h: a WebGL2 program linked from two of the shaders embedded in the build (shaders/).
#pragma once

#include <GLES3/gl3.h>

namespace cp::platform {

// 0 when a shader is missing, does not compile or does not link (the reason goes to the console).
GLuint link_program(const char* vertex_path, const char* fragment_path);

}  // namespace cp::platform
