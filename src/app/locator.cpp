#include "app/locator.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/platform.h"

namespace cp::app {
namespace {

struct Item {
    ImGuiID     id = 0;
    ImRect      rect;  // clipped to what is visible in its window
    ImRect      full;  // where it is laid out, visible or not
    std::string label;
    std::string window;
    int         flags = 0;
};

std::vector<Item>                   g_items;
std::unordered_map<ImGuiID, size_t> g_index;

Item& item_for(ImGuiID id) {
    const auto [it, added] = g_index.try_emplace(id, g_items.size());
    if (added) g_items.push_back(Item{id, {}, {}, {}, {}, 0});
    return g_items[it->second];
}

std::string visible_label(const char* label) {
    // "Save##case-42" shows "Save"; "###id" hides everything after it too.
    std::string s = label ? label : "";
    const auto  cut = s.find("##");
    return cut == std::string::npos ? s : s.substr(0, cut);
}

}  // namespace

void locator_begin_frame() {
    g_items.clear();
    g_index.clear();
}

void locator_name_last_item(const char* label) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx->TestEngineHookItems) return;
    ImGuiTestEngineHook_ItemInfo(ctx, ImGui::GetItemID(), label, ImGui::GetItemStatusFlags());
}

void locator_end_frame() {
    if (!platform::test_mode()) return;
    nlohmann::json out = nlohmann::json::array();
    for (const Item& it : g_items) {
        if (it.label.empty()) continue;
        out.push_back({{"id", it.id},
                       {"label", it.label},
                       {"window", it.window},
                       {"x", it.rect.Min.x},
                       {"y", it.rect.Min.y},
                       {"w", it.rect.GetWidth()},
                       {"h", it.rect.GetHeight()},
                       {"flags", it.flags},
                       {"fullY", it.full.Min.y},
                       {"fullH", it.full.GetHeight()}});
    }
    platform::publish_items(out.dump());
}

}  // namespace cp::app

// ---- ImGui's test-engine hooks, implemented here ---------------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    auto& item = cp::app::item_for(id);
    item.rect = bb;
    item.full = bb;
    if (ctx->CurrentWindow) item.window = cp::app::visible_label(ctx->CurrentWindow->Name);
    // Clip to the window's visible area so a test never clicks something scrolled out of view.
    if (ctx->CurrentWindow && ctx->CurrentWindow->ID != id) item.rect.ClipWithFull(ctx->CurrentWindow->ClipRect);
    // A window on its hidden first frame (auto-sizing, or a popup not yet placed) lays items out
    // where they will not be drawn; report them as invisible so a test waits for the real place.
    if (ctx->CurrentWindow && (ctx->CurrentWindow->Hidden || ctx->CurrentWindow->HiddenFramesCannotSkipItems > 0 ||
                               ctx->CurrentWindow->HiddenFramesCanSkipItems > 0))
        item.rect = ImRect(bb.Min, bb.Min);
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto& item = cp::app::item_for(id);
    item.label = cp::app::visible_label(label);
    // A field whose label is hidden ("##school", the label drawn above it) is found as "#school".
    if (item.label.empty() && label && std::string_view(label).rfind("##", 0) == 0 && label[2] != '#')
        item.label = std::string("#") + (label + 2);
    item.flags = flags;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
