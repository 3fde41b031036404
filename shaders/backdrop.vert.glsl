#version 300 es
// One triangle that covers the whole viewport; no vertex buffer needed.
out vec2 v_pixel;
uniform vec2 u_size;   // framebuffer size in device pixels
void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
    v_pixel = corner * u_size;
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
