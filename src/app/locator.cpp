#include "app/locator.h"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "platform/platform.h"

namespace cp::app {
namespace {

std::vector<LocatedItem>            g_items;
std::unordered_map<ImGuiID, size_t> g_index;
std::string                         g_caption;  // for the next unlabelled item (field_label)

LocatedItem& item_for(ImGuiID id) {
    const auto [it, added] = g_index.try_emplace(id, g_items.size());
    if (added) {
        g_items.emplace_back();
        g_items.back().id = id;
        g_items.back().order = static_cast<int>(g_items.size());
    }
    return g_items[it->second];
}

std::string visible_label(const char* label) {
    // "Save##case-42" shows "Save"; "###id" hides everything after it too.
    std::string s = label ? label : "";
    const auto  cut = s.find("##");
    return cut == std::string::npos ? s : s.substr(0, cut);
}

bool blank(const char* text) {
    for (; *text; ++text)
        if (*text != ' ' && *text != '\n') return false;
    return true;
}

bool hidden_frame(const ImGuiWindow* w) {
    return w->Hidden || w->HiddenFramesCannotSkipItems > 0 || w->HiddenFramesCanSkipItems > 0;
}

const char* root_kind(const ImGuiWindow& root) {
    const ImGuiWindowFlags f = root.Flags;
    if (f & ImGuiWindowFlags_Modal) return "dialog";
    if (f & ImGuiWindowFlags_ChildMenu) return "menu";
    if (std::string_view(root.Name).rfind("##Combo_", 0) == 0) return "list";
    if (f & ImGuiWindowFlags_Popup) return "group";
    if (!(f & ImGuiWindowFlags_NoTitleBar)) return "dialog";  // a window of its own: Guide, Panel report
    return "region";
}

// Where the item sits: its window, the dialog or popup that window belongs to, and what kind that is.
void place(LocatedItem& item, const ImGuiContext& g, ImGuiID id, const ImGuiLastItemData* data) {
    ImGuiWindow* w = g.CurrentWindow;
    if (!w) return;
    const ImGuiWindow* root = w->RootWindow ? w->RootWindow : w;
    item.host = w;
    item.layer = w->DC.NavLayerCurrent;
    item.focus_scope = g.CurrentFocusScopeId;
    item.window = visible_label(w->Name);
    item.root = visible_label(root->Name);
    item.self = w->ID == id;
    item.modal = (root->Flags & ImGuiWindowFlags_Modal) != 0;
    item.in_popup = (root->Flags & ImGuiWindowFlags_Popup) != 0;
    item.menu =
        (root->Flags & ImGuiWindowFlags_ChildMenu) != 0 || (!item.self && w->DC.NavLayerCurrent == ImGuiNavLayer_Menu);
    item.list = std::string_view(root->Name).rfind("##Combo_", 0) == 0;
    const ImGuiItemFlags in_flags = data ? data->InFlags : g.CurrentItemFlags;
    item.kind = root_kind(*root);
    item.disabled = (in_flags & ImGuiItemFlags_Disabled) != 0;
    item.hidden = hidden_frame(w);
    const ImGuiTable* t = g.CurrentTable;
    if (t && t->InnerWindow == w && t->IsInsideRow && t->CurrentColumn >= 0) {
        item.table = t->ID;
        item.row = t->CurrentRow;
        item.column = t->CurrentColumn;
        item.columns = t->ColumnsCount;
        item.header_row = (t->RowFlags & ImGuiTableRowFlags_Headers) != 0;
    }
}

}  // namespace

const std::vector<LocatedItem>& located_items() { return g_items; }

void locator_begin_frame() {
    g_items.clear();
    g_index.clear();
    g_caption.clear();
}

void locator_name_last_item(const char* label) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx->TestEngineHookItems) return;
    ImGuiTestEngineHook_ItemInfo(ctx, ImGui::GetItemID(), label, ImGui::GetItemStatusFlags());
}

void locator_name_item(ImGuiID id, const char* label, int flags) {
    ImGuiContext* ctx = ImGui::GetCurrentContext();
    if (!ctx->TestEngineHookItems) return;
    // Under the pointer, as ImGui itself reports for the last item (tests press only then).
    const auto it = g_index.find(id);
    if (it != g_index.end() && g_items[it->second].rect.Contains(ctx->IO.MousePos))
        flags |= ImGuiItemStatusFlags_HoveredRect;
    ImGuiTestEngineHook_ItemInfo(ctx, id, label, flags);
}

void locator_combo(ImGuiID id, const char* value) {
    const auto it = g_index.find(id);
    if (it == g_index.end()) return;
    g_items[it->second].role = "combobox";
    g_items[it->second].value = value ? value : "";
}

void locator_value_last_item(const std::string& value) {
    const auto it = g_index.find(ImGui::GetItemID());
    if (it != g_index.end()) g_items[it->second].value = value;
}

void locator_text(const char* text, const char* role) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (!g.TestEngineHookItems || !g.CurrentWindow || !text || blank(text)) return;
    // Text has no id of its own: one from its window, its words and its place keeps it the same
    // element from frame to frame while it stays.
    ImGuiID id = ImHashStr(text, 0, g.CurrentWindow->ID);
    while (g_index.count(id)) id = ImHashStr(text, 0, id);  // the same words again in this window
    LocatedItem& item = item_for(id);
    place(item, g, id, nullptr);
    item.full = g.LastItemData.Rect;
    item.rect = item.full;
    item.rect.ClipWithFull(g.CurrentWindow->ClipRect);
    item.label = text;
    item.role = role;
    item.self = false;
    item.text = true;
}

bool locator_caption_pending() { return !g_caption.empty(); }

void locator_caption_next(const char* text) { g_caption = text && !blank(text) ? text : ""; }

void locator_role_last_item(const char* role, bool checked) {
    const auto it = g_index.find(ImGui::GetItemID());
    if (it == g_index.end()) return;
    LocatedItem& item = g_items[it->second];
    item.role = role;
    if (checked) item.flags |= ImGuiItemStatusFlags_Checked;
}

void locator_end_frame() {
    if (!platform::test_mode()) return;
    nlohmann::json out = nlohmann::json::array();
    for (const LocatedItem& it : g_items) {
        if (it.label.empty() || it.text) continue;
        out.push_back({{"id", it.id},
                       {"label", it.label},
                       {"window", it.window},
                       {"x", it.rect.Min.x},
                       {"y", it.rect.Min.y},
                       {"w", it.rect.GetWidth()},
                       {"h", it.rect.GetHeight()},
                       {"flags", it.flags},
                       {"fullX", it.full.Min.x},
                       {"fullW", it.full.GetWidth()},
                       {"fullY", it.full.Min.y},
                       {"fullH", it.full.GetHeight()}});
    }
    platform::publish_items(out.dump());
}

}  // namespace cp::app

// ---- ImGui's test-engine hooks, implemented here ---------------------------------------------

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData* data) {
    auto& item = cp::app::item_for(id);
    item.rect = bb;
    item.full = bb;
    cp::app::place(item, *ctx, id, data);
    // Clip to the window's visible area so a test never clicks something scrolled out of view.
    if (ctx->CurrentWindow && !item.self) item.rect.ClipWithFull(ctx->CurrentWindow->ClipRect);
    // A window on its hidden first frame (auto-sizing, or a popup not yet placed) lays items out
    // where they will not be drawn; report them as invisible so a test waits for the real place.
    if (item.hidden) item.rect = ImRect(bb.Min, bb.Min);
    // A table's column heading reports no label of its own: it is named by its column.
    if (item.header_row && item.label.empty())
        item.label = cp::app::visible_label(ImGui::TableGetColumnName(ctx->CurrentTable, item.column));
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    auto& item = cp::app::item_for(id);
    item.label = cp::app::visible_label(label);
    // A field whose label is hidden ("##school", the label drawn above it) is found as "#school".
    if (item.label.empty() && label && std::string_view(label).rfind("##", 0) == 0 && label[2] != '#')
        item.label = std::string("#") + (label + 2);
    item.flags = flags;
    item.tab = ctx->CurrentTabBar && ImGui::TabBarFindTabByID(ctx->CurrentTabBar, id) != nullptr;
    item.selected = item.tab && ctx->CurrentTabBar->SelectedTabId == id;
    // The caption drawn before a field names it; any other item in between ends the caption.
    if (!item.self && !cp::app::g_caption.empty()) {
        if (cp::app::visible_label(label).empty()) item.caption = cp::app::g_caption;
        cp::app::g_caption.clear();
    }
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
