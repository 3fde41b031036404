#version 300 es
// The window background. In a training (DEMO) workspace a striped frame runs round the edge of
// the page, so a screen or a projector never passes fictional cases off as real ones, while the
// text inside stays on a plain background (the frame is narrower than the windows' padding).
precision mediump float;
in vec2 v_pixel;
out vec4 frag;
uniform vec3 u_colour;
uniform vec3 u_stripe_colour;
uniform float u_demo;          // 0 or 1
uniform float u_density;       // devicePixelRatio, so the frame keeps its width in CSS pixels
uniform highp vec2 u_size;     // framebuffer size in device pixels (as in the vertex shader)
void main() {
    vec2 css = v_pixel / u_density;
    vec2 far = u_size / u_density - css;
    float edge = min(min(css.x, css.y), min(far.x, far.y));
    float band = mod(css.x + css.y, 24.0);
    float stripe = u_demo * step(edge, 7.0) * step(band, 12.0);
    frag = vec4(mix(u_colour, u_stripe_colour, stripe), 1.0);
}
