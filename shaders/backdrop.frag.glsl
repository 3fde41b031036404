#version 300 es
// The window background. In a training (DEMO) workspace it carries faint diagonal stripes, so a
// screen or a projector never passes fictional cases off as real ones.
precision mediump float;
in vec2 v_pixel;
out vec4 frag;
uniform vec3 u_colour;
uniform vec3 u_stripe_colour;
uniform float u_demo;      // 0 or 1
uniform float u_density;   // devicePixelRatio, so stripes keep their width in CSS pixels
void main() {
    float band = mod((v_pixel.x + v_pixel.y) / u_density, 48.0);
    float stripe = u_demo * step(band, 14.0);
    frag = vec4(mix(u_colour, u_stripe_colour, stripe), 1.0);
}
