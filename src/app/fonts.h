// fonts.h: the app's typefaces (Noto Sans from Debian's fonts-noto-core, subset and embedded at build time).
#pragma once
#include <imgui.h>

namespace cp::app {

struct Fonts {
    ImFont* body = nullptr;   // text and widgets
    ImFont* bold = nullptr;   // headings, emphasis
    ImFont* large = nullptr;  // page titles
};

bool         fonts_need_rebuild(float density);  // devicePixelRatio or text size changed since the last build
void         rebuild_fonts(float density);       // rasterise for this devicePixelRatio (crisp on HiDPI)
const Fonts& fonts();
float        text_scale();                 // user setting: 1.0 normal, up to 1.6 larger
void         set_text_scale(float scale);  // takes effect before the next frame
// The browser's own text size (platform::preferred_text_scale): the user's setting is relative to
// it, so 100% is the size the person chose for every page.
void  set_reader_text_scale(float scale);
float reader_text_scale();

}  // namespace cp::app
