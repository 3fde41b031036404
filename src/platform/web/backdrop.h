// backdrop.h: draws the window background with the app's own shader (shaders/backdrop.*.glsl).
#pragma once

namespace cp::platform {

struct BackdropStyle {
    float colour[3];         // plain background
    float stripe_colour[3];  // DEMO stripes
    bool  demo;              // training workspace: stripes on
};

bool backdrop_init();  // compile the embedded shaders; false on failure
void backdrop_draw(int width_px, int height_px, float density, const BackdropStyle& style);
void backdrop_shutdown();

}  // namespace cp::platform
