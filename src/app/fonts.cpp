#include "app/fonts.h"

#include "common/embedded.h"

namespace cp::app {
namespace {

Fonts           g_fonts;
float           g_scale = 1.0f;
float           g_reader = 1.0f;  // the browser's text size against 16 px
float           g_built_density = 0.0f;
float           g_built_scale = 0.0f;
constexpr float kBodySize = 16.0f;  // CSS pixels; readable on a laptop and a projector

const ImWchar* glyph_ranges() {
    // Generated from src/app/font_glyphs.txt, the list the embedded fonts were subset to, so the
    // atlas and the fonts cannot drift apart.
    static const ImWchar ranges[] = {
#include "font_glyphs.inc"
        0,
    };
    return ranges;
}

ImFont* add_font(const char* path, float size, float density) {
    const EmbeddedFile* file = cp_app_assets_find(path);
    IM_ASSERT(file && "font missing from the embedded assets");
    ImFontConfig cfg;
    cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
    cfg.RasterizerDensity = density;
    // Rasterising each glyph twice across gives small text its sub-pixel placement. Above about 36
    // device pixels a glyph is large enough without it (a HiDPI phone or a large text size), and the
    // doubled atlas took most of the start-up's font time there (113 -> 48 ms natively at 2.625).
    cfg.OversampleH = size * density > 36.0f ? 1 : 2;
    cfg.OversampleV = 1;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(file->data),
                                                      static_cast<int>(file->size), size, &cfg, glyph_ranges());
}

float shown_scale() { return g_scale * g_reader; }

}  // namespace

bool fonts_need_rebuild(float density) { return density != g_built_density || shown_scale() != g_built_scale; }

void rebuild_fonts(float density) {
    g_built_density = density;
    g_built_scale = shown_scale();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    const float size = kBodySize * shown_scale();
    g_fonts.body = add_font("fonts/NotoSans-Regular.ttf", size, density);
    g_fonts.bold = add_font("fonts/NotoSans-Bold.ttf", size, density);
    g_fonts.large = add_font("fonts/NotoSans-Bold.ttf", size * 1.4f, density);
    atlas->Build();
}

const Fonts& fonts() { return g_fonts; }
float        text_scale() { return g_scale; }
void         set_text_scale(float scale) { g_scale = scale < 0.8f ? 0.8f : scale > 1.6f ? 1.6f : scale; }
// From "Small" (12 px, 0.75) to "Very large" (24 px, 1.5): beyond, the layout's fixed widths would not hold the text.
void  set_reader_text_scale(float scale) { g_reader = scale < 0.75f ? 0.75f : scale > 1.5f ? 1.5f : scale; }
float reader_text_scale() { return g_reader; }

}  // namespace cp::app
