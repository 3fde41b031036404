// charts.h: small charts drawn with ImGui's draw list (bars by category, lines, threshold lines),
// and the same chart rasterised into an RGBA buffer and encoded as PNG (stb_image_write) so the
// user can save it. One ChartSpec describes both, so the picture saved is the picture shown.
//
//   ChartSpec c{"Attendance by week", {"21/09", "28/09"}, {{"Week", {100, 80}, kBlue}}, {}, {{95, "Pack 95%"}}};
//   chart("##att", c, ImVec2(0, 220));                 // draws it, with a "Save chart as PNG" button
//   std::string png = chart_png(c, 800, 400);          // the bytes of a PNG file
#pragma once
#include <imgui.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cp::app {

struct ChartSeries {
    std::string         name;    // legend text
    std::vector<double> values;  // one per category (NaN: no value)
    ImU32               colour = IM_COL32(40, 90, 160, 255);
};

struct ChartThreshold {
    double      value = 0;  // on the y axis
    std::string label;      // "Example County: above 95%"
    ImU32       colour = IM_COL32(176, 0, 32, 255);
};

struct ChartSpec {
    std::string                 title;
    std::vector<std::string>    categories;  // x labels
    std::vector<ChartSeries>    bars;        // grouped bars, side by side in each category
    std::vector<ChartSeries>    lines;       // joined points, one per category
    std::vector<ChartThreshold> thresholds;  // dashed horizontal lines
    double                      y_min = 0, y_max = 100;
    std::string                 y_suffix;  // "%" on the axis labels
    std::string                 file_name = "chart.png";
};

// Draws the chart at the cursor (width 0: the available width) and a "Save chart as PNG" button
// under it that downloads chart_png(spec, kPngWidth, kPngHeight).
void chart(const char* id, const ChartSpec& spec, ImVec2 size);

inline constexpr int kPngWidth = 900, kPngHeight = 420;

// The chart as PNG bytes, w x h pixels, on white; text comes from the app's font atlas.
std::string chart_png(const ChartSpec& spec, int w, int h);

// Test mode: the size and byte count of the last PNG saved (for window.cpTest.state).
struct LastPng {
    std::string file;
    int         width = 0, height = 0;
    std::size_t bytes = 0;
};
const LastPng& last_png();

}  // namespace cp::app
