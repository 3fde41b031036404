// charts.cpp: one layout, two painters. The layout (axes, grid, bars, lines, thresholds, legend)
// is written once against a tiny Painter interface; ImGuiPainter draws it on screen with the
// window's draw list, RasterPainter into an RGBA buffer (own antialiased rasteriser, text from
// the ImGui font atlas) that stb_image_write turns into a PNG for download.
#include "app/charts.h"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "app/fonts.h"
#include "app/words.h"
#include "platform/platform.h"

#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Weverything"
#endif
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

namespace cp::app {
namespace {

const ImU32 kAxis = IM_COL32(60, 60, 60, 255);
const ImU32 kGrid = IM_COL32(210, 210, 210, 255);
const ImU32 kText = IM_COL32(20, 20, 25, 255);

struct Painter {
    virtual ~Painter() = default;
    virtual void   rect(ImVec2 a, ImVec2 b, ImU32 c) = 0;  // filled
    virtual void   line(ImVec2 a, ImVec2 b, ImU32 c, float thickness) = 0;
    virtual void   dot(ImVec2 centre, float r, ImU32 c) = 0;            // filled circle
    virtual void   text(ImVec2 at, ImU32 c, const std::string& s) = 0;  // top-left
    virtual ImVec2 measure(const std::string& s) = 0;
};

ImFont* chart_font() { return fonts().body ? fonts().body : ImGui::GetFont(); }
float   chart_font_size() { return chart_font()->FontSize; }

// ---- ImGui -----------------------------------------------------------------------------------

struct ImGuiPainter final : Painter {
    ImDrawList* dl;
    explicit ImGuiPainter(ImDrawList* d) : dl(d) {}
    void rect(ImVec2 a, ImVec2 b, ImU32 c) override { dl->AddRectFilled(a, b, c); }
    void line(ImVec2 a, ImVec2 b, ImU32 c, float t) override { dl->AddLine(a, b, c, t); }
    void dot(ImVec2 p, float r, ImU32 c) override { dl->AddCircleFilled(p, r, c); }
    void text(ImVec2 at, ImU32 c, const std::string& s) override {
        dl->AddText(chart_font(), chart_font_size(), at, c, s.c_str());
    }
    ImVec2 measure(const std::string& s) override {
        return chart_font()->CalcTextSizeA(chart_font_size(), FLT_MAX, 0, s.c_str());
    }
};

// ---- Raster ----------------------------------------------------------------------------------

struct RasterPainter final : Painter {
    int                        w, h;
    std::vector<unsigned char> px;  // RGBA, row-major, top row first
    const unsigned char*       atlas = nullptr;
    int                        aw = 0, ah = 0;

    RasterPainter(int width, int height) : w(width), h(height), px(static_cast<std::size_t>(width) * height * 4, 255) {
        unsigned char* p = nullptr;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&p, &aw, &ah);
        atlas = p;
    }

    void blend(int x, int y, ImU32 c, float coverage) {
        if (x < 0 || y < 0 || x >= w || y >= h || coverage <= 0) return;
        const float    a = std::min(1.0f, coverage) * static_cast<float>((c >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
        unsigned char* d = &px[(static_cast<std::size_t>(y) * w + x) * 4];
        const int      shifts[3] = {IM_COL32_R_SHIFT, IM_COL32_G_SHIFT, IM_COL32_B_SHIFT};
        for (int i = 0; i < 3; ++i) {
            const float src = static_cast<float>((c >> shifts[i]) & 0xFF);
            d[i] = static_cast<unsigned char>(std::lround(src * a + d[i] * (1 - a)));
        }
        d[3] = 255;
    }

    // Pixel (x, y) covers [x, x+1) x [y, y+1); coverage of a rectangle is the overlap area.
    void rect(ImVec2 a, ImVec2 b, ImU32 c) override {
        const float x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
        for (int y = std::max(0, static_cast<int>(std::floor(y0))); y < std::min(h, static_cast<int>(std::ceil(y1)));
             ++y) {
            const float cy = std::min(y1, y + 1.0f) - std::max(y0, static_cast<float>(y));
            for (int x = std::max(0, static_cast<int>(std::floor(x0)));
                 x < std::min(w, static_cast<int>(std::ceil(x1))); ++x) {
                const float cx = std::min(x1, x + 1.0f) - std::max(x0, static_cast<float>(x));
                blend(x, y, c, cx * cy);
            }
        }
    }

    // Antialiased by distance from each pixel centre to the segment.
    void line(ImVec2 a, ImVec2 b, ImU32 c, float t) override {
        const float r = t * 0.5f;
        const int   x0 = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - r - 1)));
        const int   x1 = std::min(w - 1, static_cast<int>(std::ceil(std::max(a.x, b.x) + r + 1)));
        const int   y0 = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - r - 1)));
        const int   y1 = std::min(h - 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + r + 1)));
        const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x) {
                const float px_ = x + 0.5f, py_ = y + 0.5f;
                float       u = len2 > 0 ? ((px_ - a.x) * dx + (py_ - a.y) * dy) / len2 : 0;
                u = std::clamp(u, 0.0f, 1.0f);
                const float ex = a.x + u * dx - px_, ey = a.y + u * dy - py_;
                blend(x, y, c, std::clamp(r + 0.5f - std::sqrt(ex * ex + ey * ey), 0.0f, 1.0f));
            }
    }

    void dot(ImVec2 p, float r, ImU32 c) override {
        for (int y = static_cast<int>(p.y - r - 1); y <= static_cast<int>(p.y + r + 1); ++y)
            for (int x = static_cast<int>(p.x - r - 1); x <= static_cast<int>(p.x + r + 1); ++x) {
                const float ex = x + 0.5f - p.x, ey = y + 0.5f - p.y;
                blend(x, y, c, std::clamp(r + 0.5f - std::sqrt(ex * ex + ey * ey), 0.0f, 1.0f));
            }
    }

    // Glyphs are sampled from the atlas (which may be rasterised at a higher density than the
    // logical size): each destination pixel takes the atlas texel under its centre.
    void text(ImVec2 at, ImU32 c, const std::string& s) override {
        if (!atlas) return;
        ImFont*     f = chart_font();
        const float scale = chart_font_size() / f->FontSize;
        float       pen = at.x;
        for (const char* p = s.c_str(); *p;) {
            unsigned int ch = 0;
            p += ImTextCharFromUtf8(&ch, p, nullptr);
            if (ch == 0) break;
            const ImFontGlyph* g = f->FindGlyph(static_cast<ImWchar>(ch));
            if (!g) continue;
            if (g->Visible) {
                const float gx0 = pen + g->X0 * scale, gx1 = pen + g->X1 * scale;
                const float gy0 = at.y + g->Y0 * scale, gy1 = at.y + g->Y1 * scale;
                for (int y = static_cast<int>(std::floor(gy0)); y < static_cast<int>(std::ceil(gy1)); ++y)
                    for (int x = static_cast<int>(std::floor(gx0)); x < static_cast<int>(std::ceil(gx1)); ++x) {
                        const float u = g->U0 + (x + 0.5f - gx0) / (gx1 - gx0) * (g->U1 - g->U0);
                        const float v = g->V0 + (y + 0.5f - gy0) / (gy1 - gy0) * (g->V1 - g->V0);
                        const int   tx = std::clamp(static_cast<int>(u * aw), 0, aw - 1),
                                  ty = std::clamp(static_cast<int>(v * ah), 0, ah - 1);
                        blend(x, y, c, atlas[(static_cast<std::size_t>(ty) * aw + tx) * 4 + 3] / 255.0f);
                    }
            }
            pen += g->AdvanceX * scale;
        }
    }
    ImVec2 measure(const std::string& s) override {
        return chart_font()->CalcTextSizeA(chart_font_size(), FLT_MAX, 0, s.c_str());
    }
};

// ---- Layout ----------------------------------------------------------------------------------

std::string axis_label(double v, const std::string& suffix) {
    char buf[32];
    std::snprintf(buf, sizeof buf, std::fabs(v - std::round(v)) < 1e-9 ? "%.0f%s" : "%.1f%s", v, suffix.c_str());
    return buf;
}

struct Plot {
    ImVec2 min, max;
};

// Lays out and paints the whole chart inside [origin, origin + size]; returns the plot area.
Plot paint(Painter& p, const ChartSpec& s, ImVec2 origin, ImVec2 size) {
    const float line_h = p.measure("Ag").y;
    const float pad = 8;
    float       label_w = 0;
    for (int i = 0; i <= 4; ++i)
        label_w = std::max(label_w, p.measure(axis_label(s.y_min + (s.y_max - s.y_min) * i / 4, s.y_suffix)).x);
    // Legend entries, laid out left to right and wrapped.
    struct Entry {
        std::string name;
        ImU32       colour;
        bool        dashed;
    };
    std::vector<Entry> legend;
    for (const auto& b : s.bars) legend.push_back({b.name, b.colour, false});
    for (const auto& l : s.lines) legend.push_back({l.name, l.colour, false});
    for (const auto& t : s.thresholds) legend.push_back({t.label, t.colour, true});
    int legend_rows = legend.empty() ? 0 : 1;
    {
        float x = 0;
        for (const Entry& e : legend) {
            const float ew = 18 + p.measure(e.name).x + 16;
            if (x > 0 && x + ew > size.x - 2 * pad) {
                ++legend_rows;
                x = 0;
            }
            x += ew;
        }
    }
    const float title_h = s.title.empty() ? 0 : line_h + 4;
    Plot        plot{{origin.x + pad + label_w + 6, origin.y + pad + title_h + line_h * 0.5f},
              {origin.x + size.x - pad, origin.y + size.y - pad - line_h - 6 - legend_rows * (line_h + 4)}};
    if (plot.max.y - plot.min.y < 20 || plot.max.x - plot.min.x < 20) return plot;
    if (!s.title.empty()) p.text(ImVec2(origin.x + pad, origin.y + pad), kText, s.title);

    const double span = s.y_max - s.y_min > 0 ? s.y_max - s.y_min : 1;
    auto         y_of = [&](double v) {
        return plot.max.y -
               static_cast<float>((std::clamp(v, s.y_min, s.y_max) - s.y_min) / span) * (plot.max.y - plot.min.y);
    };
    for (int i = 0; i <= 4; ++i) {
        const double v = s.y_min + span * i / 4;
        const float  y = y_of(v);
        p.line(ImVec2(plot.min.x, y), ImVec2(plot.max.x, y), kGrid, 1);
        const std::string l = axis_label(v, s.y_suffix);
        p.text(ImVec2(plot.min.x - 6 - p.measure(l).x, y - line_h * 0.5f), kText, l);
    }

    const int   n = static_cast<int>(s.categories.size());
    const float group = n ? (plot.max.x - plot.min.x) / n : 0;
    const int   nb = static_cast<int>(s.bars.size());
    for (int i = 0; i < n; ++i) {
        const float gx = plot.min.x + group * i;
        for (int b = 0; b < nb; ++b) {
            if (i >= static_cast<int>(s.bars[b].values.size()) || std::isnan(s.bars[b].values[i])) continue;
            const float bw = group * 0.7f / nb;
            const float x0 = gx + group * 0.15f + bw * b;
            p.rect(ImVec2(x0, y_of(s.bars[b].values[i])), ImVec2(x0 + std::max(1.0f, bw - 1), plot.max.y),
                   s.bars[b].colour);
        }
    }
    for (const auto& l : s.lines) {
        ImVec2 prev;
        bool   have = false;
        for (int i = 0; i < n && i < static_cast<int>(l.values.size()); ++i) {
            if (std::isnan(l.values[i])) {
                have = false;
                continue;
            }
            const ImVec2 pt(plot.min.x + group * (i + 0.5f), y_of(l.values[i]));
            if (have) p.line(prev, pt, l.colour, 2.5f);
            p.dot(pt, 3.5f, l.colour);
            prev = pt;
            have = true;
        }
    }
    for (const auto& t : s.thresholds) {
        const float y = y_of(t.value);
        for (float x = plot.min.x; x < plot.max.x; x += 10)
            p.line(ImVec2(x, y), ImVec2(std::min(x + 6, plot.max.x), y), t.colour, 1.5f);
    }
    p.line(ImVec2(plot.min.x, plot.max.y), ImVec2(plot.max.x, plot.max.y), kAxis, 1);
    p.line(ImVec2(plot.min.x, plot.min.y), ImVec2(plot.min.x, plot.max.y), kAxis, 1);

    // Category labels, thinned so they never overlap.
    float widest = 0;
    for (const auto& c : s.categories) widest = std::max(widest, p.measure(c).x);
    const int every = group > 0 ? std::max(1, static_cast<int>(std::ceil((widest + 8) / group))) : 1;
    for (int i = 0; i < n; i += every) {
        const float cw = p.measure(s.categories[i]).x;
        p.text(ImVec2(plot.min.x + group * (i + 0.5f) - cw * 0.5f, plot.max.y + 4), kText, s.categories[i]);
    }

    float x = origin.x + pad, y = plot.max.y + 6 + line_h;
    for (const Entry& e : legend) {
        const float ew = 18 + p.measure(e.name).x + 16;
        if (x > origin.x + pad && x + ew > origin.x + size.x - pad) {
            x = origin.x + pad;
            y += line_h + 4;
        }
        const float my = y + line_h * 0.5f;
        if (e.dashed) {
            p.line(ImVec2(x, my), ImVec2(x + 5, my), e.colour, 1.5f);
            p.line(ImVec2(x + 9, my), ImVec2(x + 14, my), e.colour, 1.5f);
        } else
            p.rect(ImVec2(x, my - 5), ImVec2(x + 14, my + 5), e.colour);
        p.text(ImVec2(x + 18, y), kText, e.name);
        x += ew;
    }
    return plot;
}

LastPng g_last_png;

void write_to_string(void* ctx, void* data, int size) {
    static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), size);
}

}  // namespace

std::string chart_png(const ChartSpec& spec, int w, int h) {
    RasterPainter r(w, h);
    paint(r, spec, ImVec2(0, 0), ImVec2(static_cast<float>(w), static_cast<float>(h)));
    std::string out;
    stbi_write_png_to_func(write_to_string, &out, w, h, 4, r.px.data(), w * 4);
    return out;
}

const LastPng& last_png() { return g_last_png; }

void chart(const char* id, const ChartSpec& spec, ImVec2 size) {
    ImGui::PushID(id);
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList*  dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), IM_COL32(255, 255, 255, 255), 4);
    dl->AddRect(at, ImVec2(at.x + size.x, at.y + size.y), kGrid, 4);
    ImGuiPainter painter(dl);
    const Plot   plot = paint(painter, spec, at, size);
    ImGui::InvisibleButton("##chartarea", size);
    // Hovering a category shows its values in words (the chart is never the only way to read them).
    const int n = static_cast<int>(spec.categories.size());
    if (ImGui::IsItemHovered() && n > 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        const int   i = static_cast<int>((mx - plot.min.x) / ((plot.max.x - plot.min.x) / n));
        if (i >= 0 && i < n && mx >= plot.min.x) {
            ImGui::BeginTooltip();
            words(spec.categories[i].c_str());
            for (const auto* group : {&spec.bars, &spec.lines})
                for (const auto& ser : *group)
                    if (i < static_cast<int>(ser.values.size()) && !std::isnan(ser.values[i]))
                        words_f("%s: %s", ser.name.c_str(),
                                axis_label(std::round(ser.values[i] * 10) / 10, spec.y_suffix).c_str());
            ImGui::EndTooltip();
        }
    }
    if (ImGui::SmallButton("Save chart as PNG")) {
        const std::string png = chart_png(spec, kPngWidth, kPngHeight);
        g_last_png = {spec.file_name, kPngWidth, kPngHeight, png.size()};
        platform::download_file(spec.file_name, png, "image/png");
    }
    ImGui::PopID();
}

}  // namespace cp::app
