#include "app/access.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <map>
#include <string>
#include <string_view>

#include "app/locator.h"
#include "engine/canonical.h"
#include "platform/platform.h"

namespace cp::app {
namespace {

std::string    g_description;
std::string    g_outline;          // what a reader must have at once: the windows, the focus, what is said
bool           g_wheeled = false;  // the wheel turned this frame: a list scrolled, nothing else asked
std::uintptr_t g_beside[7] = {};   // access_end_frame: what the last description held besides the picture
bool           g_skip_offered = false;
bool           g_focus_shown = false;  // the keyboard's focus was shown at the end of the last frame
ImGuiID        g_focus_before = 0;     // the item that had the keyboard when last drawn

// Messages shown this frame and last (text -> urgent), and what is to be said.
std::map<std::string, bool> g_shown, g_shown_before;
std::string                 g_polite, g_urgent;
unsigned                    g_said = 0;  // counts what was said, so the same words said again are heard again

bool has(int flags, int flag) { return (flags & flag) != 0; }

// The ARIA role a reader announces, from what ImGui says the item is and where it sits.
const char* role_of(const LocatedItem& it) {
    if (!it.role.empty()) return it.role.c_str();
    if (it.tab) return "tab";
    // A field in a list (the school picker's search) is still typed in, not picked.
    if (has(it.flags, ImGuiItemStatusFlags_Inputable)) return "textbox";
    if (it.list) return "option";
    // A menu entry always reports itself checkable; only a ticked one is shown as a tick box.
    if (it.menu) return has(it.flags, ImGuiItemStatusFlags_Checked) ? "menuitemcheckbox" : "menuitem";
    if (has(it.flags, ImGuiItemStatusFlags_Checkable)) return "checkbox";
    return "button";
}

bool is_words(const std::string& role) { return role == "heading" || role == "text" || role == "alert"; }

// Its name: the label it shows, or the words drawn beside it. Never an internal "#id".
const std::string& name_of(const LocatedItem& it) {
    if (!it.label.empty() && it.label[0] != '#') return it.label;
    return it.caption;
}

// Letters a reader's element turns into ARIA states: c/u checked or not, e/E expanded or not,
// s selected, d disabled.
std::string state_of(const LocatedItem& it, const char* role) {
    const std::string_view r = role;
    std::string            s;
    if ((has(it.flags, ImGuiItemStatusFlags_Checkable) && r != "menuitem") || r == "radio")
        s += has(it.flags, ImGuiItemStatusFlags_Checked) ? 'c' : 'u';
    if (has(it.flags, ImGuiItemStatusFlags_Openable)) s += has(it.flags, ImGuiItemStatusFlags_Opened) ? 'e' : 'E';
    if (it.selected) s += 's';
    if (it.disabled) s += 'd';
    return s;
}

// What the field being typed in holds now (stars for a passphrase), so a reader can hear it back.
std::string typed_value(const LocatedItem& it) {
    const ImGuiContext&        g = *ImGui::GetCurrentContext();
    const ImGuiInputTextState& st = g.InputTextState;
    if (g.ActiveId == 0 || g.ActiveId != it.id || st.ID != it.id || st.TextW.Size == 0) return {};
    if (st.Flags & ImGuiInputTextFlags_Password) return std::string(static_cast<std::size_t>(st.CurLenW), '*');
    std::string out(static_cast<std::size_t>(st.CurLenW) * 4 + 1, '\0');
    const int n = ImTextStrToUtf8(out.data(), static_cast<int>(out.size()), st.TextW.Data, st.TextW.Data + st.CurLenW);
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// The description is written straight as JSON text, every frame: nlohmann's objects (a map per
// item) were most of the mirror's time with a long table on screen. Each put() adds "key":value,
// and close() turns the last comma into the closing bracket.
struct JsonText {
    void key(const char* k) {
        out += '"';
        out += k;
        out += "\":";
    }
    void put(const char* k, std::string_view v) {
        key(k);
        append_json_string(out, v);
        out += ',';
    }
    void put(const char* k, long long v) {
        key(k);
        out += std::to_string(v);
        out += ',';
    }
    void flag(const char* k, bool v) {
        key(k);
        out += v ? "true," : "false,";
    }
    void close(char bracket) {
        if (!out.empty() && out.back() == ',')
            out.back() = bracket;
        else
            out += bracket;
    }

    std::string out;
};

void put_item(JsonText& j, const LocatedItem& it) {
    const char* role = role_of(it);
    j.out += '{';
    j.put("id", it.id);
    j.put("r", role);
    j.put("n", name_of(it));
    j.put("s", state_of(it, role));
    j.put("x", static_cast<long long>(it.rect.Min.x));
    j.put("y", static_cast<long long>(it.rect.Min.y));
    j.put("w", static_cast<long long>(it.rect.GetWidth()));
    j.put("h", static_cast<long long>(it.rect.GetHeight()));
    if (it.table) {  // its place in a table: the mirror makes rows and cells of them
        j.put("tb", it.table);
        j.put("ro", it.row);
        j.put("co", it.column);
        j.put("cc", it.columns);
        if (it.header_row) j.put("hr", 1);
    }
    const std::string typed = typed_value(it);
    if (!typed.empty())
        j.put("v", typed);
    else if (!it.value.empty())
        j.put("v", it.value);
    j.close('}');
    j.out += ',';
}

// One entry per window that holds something, in the order they were drawn; a child region's
// items belong to the window it sits in.
// `outline` gets each window's name, kind and whether it is a dialog.
void put_windows(JsonText& j, std::string& outline) {
    struct Window {
        const LocatedItem* first;
        JsonText           items;
    };
    std::vector<Window> windows;
    for (const LocatedItem& it : located_items()) {
        if (it.hidden || it.self) continue;
        if (name_of(it).empty() && !is_words(it.role)) continue;  // nothing a reader could call it
        auto w =
            std::find_if(windows.begin(), windows.end(), [&](const Window& x) { return x.first->root == it.root; });
        if (w == windows.end()) w = windows.insert(windows.end(), {&it, {}});
        put_item(w->items, it);
    }
    j.key("w");
    j.out += '[';
    for (Window& w : windows) {
        outline.append(w.first->root).append(w.first->modal ? "|m|" : "||").append(w.first->kind).append("\n");
        j.out += '{';
        j.put("n", w.first->root);
        j.put("k", w.first->kind);
        j.flag("m", w.first->modal);
        j.key("i");
        j.out += '[';
        w.items.close(']');
        j.out += w.items.out;
        j.out += "},";
    }
    j.close(']');
    j.out += ',';
}

// Joins the messages that appeared this frame, at each urgency, for the live regions.
void collect_new_messages() {
    std::string polite, urgent;
    for (const auto& [text, is_urgent] : g_shown) {
        if (g_shown_before.count(text)) continue;
        std::string& to = is_urgent ? urgent : polite;
        if (!to.empty()) to += " ";
        to += text;
    }
    if (!polite.empty() || !urgent.empty()) {
        ++g_said;
        g_polite = polite;
        g_urgent = urgent;
    }
    g_shown_before = std::move(g_shown);
    g_shown.clear();
}

// The keyboard's focus stays shown until the mouse or a touch is used. Dear ImGui 1.90 hides it when
// a dialog or a list opens, and a hidden focus takes no Enter or Space: a keyboard user who opened a
// list with Enter could not choose from it, and Enter in a dialog just opened did nothing.
void keep_keyboard_focus_shown(ImGuiContext& g) {
    const ImGuiIO& io = g.IO;
    bool mouse_used = io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || io.MouseWheel != 0 || io.MouseWheelH != 0;
    for (int b = 0; b < IM_ARRAYSIZE(io.MouseDown); ++b)
        mouse_used = mouse_used || io.MouseDown[b] || io.MouseReleased[b];
    if (!g_focus_shown || mouse_used)
        g_focus_shown = !g.NavDisableHighlight;
    else if (g.NavId != 0 && g.NavIdIsAlive)  // none while a list or a screen opens: shown once it has one
        g.NavDisableHighlight = false;
}

// Whether the window with the keyboard is a dialog or list opened in the last few frames.
bool opened_just_now(const ImGuiContext& g) {
    if (!g.NavWindow) return false;
    for (const ImGuiPopupData& p : g.OpenPopupStack)
        if (p.Window == g.NavWindow->RootWindow && g.FrameCount - p.OpenFrameCount <= 4) return true;
    return false;
}

// A dialog opened from the keyboard with its focus on a text field has the field ready to type in,
// as a web form does: Dear ImGui only focuses it, and what was typed went nowhere until Enter.
void enter_focused_field(ImGuiContext& g) {
    if (!g.NavIdIsAlive) return;  // set while the dialog is hidden on its first frame: not yet arrived
    const bool arrived = g.NavId != g_focus_before;
    g_focus_before = g.NavId;
    if (!arrived || !g_focus_shown || g.NavId == 0 || g.ActiveId == g.NavId || !opened_just_now(g)) return;
    for (const LocatedItem& it : located_items())
        if (it.id == g.NavId && has(it.flags, ImGuiItemStatusFlags_Inputable)) return access_activate(it.id);
}

// A table that scrolls sits in a child window of its own, which Dear ImGui makes one stop that
// Enter opens and Tab then cycles inside with no way out but Escape. A keyboard user gets the ARIA
// grid pattern instead: the table is one stop on the page, arriving there puts the focus on a row
// (the one last chosen, or the first), the arrows move between rows, and Tab or Shift+Tab leave.
ImGuiWindow* scrolling_table_window(ImGuiContext& g, const ImGuiWindow* w) {
    if (!w || !(w->Flags & ImGuiWindowFlags_ChildWindow) || !w->ParentWindow) return nullptr;
    for (int i = 0; i < g.Tables.GetMapSize(); ++i)
        if (const ImGuiTable* t = g.Tables.TryGetMapData(i); t && t->InnerWindow == w && t->OuterWindow != w)
            return t->InnerWindow;
    return nullptr;
}

// A child window that takes its own keys (the attendance register, typed into like a
// spreadsheet: Tab moves between its cells, Escape leaves it) is one stop too, entered on arrival.
bool one_stop_window(ImGuiContext& g, const ImGuiWindow* w) {
    return scrolling_table_window(g, w) ||
           (w && (w->Flags & ImGuiWindowFlags_ChildWindow) && (w->Flags & ImGuiWindowFlags_NoNavInputs) &&
            !(w->Flags & ImGuiWindowFlags_Popup) && w->ParentWindow);
}

// Arrived on such a stop by Tab or Shift+Tab (not come back out of it with Escape): go in.
void enter_table_on_arrival(ImGuiContext& g) {
    if (!g_focus_shown || g.NavId == 0 || g.NavJustMovedToId != g.NavId || !g.NavWindow) return;
    for (ImGuiWindow* w : g.Windows)
        if (w->ChildId == g.NavId && w->WasActive &&
            w->ParentWindow->RootWindowForNav == g.NavWindow->RootWindowForNav && one_stop_window(g, w)) {
            ImGui::FocusWindow(w);
            ImGui::NavInitWindow(w, false);
            return;
        }
}

// Tab from an item that has since been disabled (Export file, once the file is made) went nowhere:
// Dear ImGui passes over disabled items when it looks for where the keyboard is. Tab then goes on
// from the nearest usable item before it (Shift+Tab: after it) in the same window.
ImGuiID tab_from_instead_of_disabled(const ImGuiContext& g, bool backwards) {
    const std::vector<LocatedItem>& items = located_items();
    const auto here = std::find_if(items.begin(), items.end(), [&](const LocatedItem& it) { return it.id == g.NavId; });
    if (here == items.end() || !here->disabled) return 0;
    auto usable = [&](const LocatedItem& it) {
        return it.host == here->host && !it.disabled && !it.hidden && !it.text && !it.self && it.id != 0;
    };
    if (backwards) {
        const auto after = std::find_if(here + 1, items.end(), usable);
        return after == items.end() ? 0 : after->id;
    }
    const auto before = std::find_if(std::make_reverse_iterator(here), items.rend(), usable);
    return before == items.rend() ? 0 : before->id;
}

bool tab_pressed(const ImGuiContext& g) {
    for (const ImGuiInputEvent& e : g.InputEventsQueue)
        if (e.Type == ImGuiInputEventType_Key && e.Key.Key == ImGuiKey_Tab && e.Key.Down) return true;
    return false;
}

// What has the keyboard, for the mirror: ImGui's focused item, or inside a stop that takes its own
// keys (the register, which has no items ImGui focuses) the stop itself.
ImGuiID focused_item(ImGuiContext& g) {
    if (g.NavId == 0 && g.NavWindow && one_stop_window(g, g.NavWindow)) return g.NavWindow->ChildId;
    return g.NavId;
}

}  // namespace

void announce(const std::string& text, bool urgent) {
    if (text.empty()) return;
    bool& u = g_shown[text];
    u = u || urgent;
}

const std::string& access_description() { return g_description; }

void access_offer_skip(bool offered) { g_skip_offered = offered; }

void access_new_frame() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (ImGuiWindow* table = scrolling_table_window(g, g.NavWindow); table && !g.IO.KeyCtrl && tab_pressed(g)) {
        // Back out to the table's stop before Dear ImGui reads the Tab, which then moves on from there.
        ImGuiWindow* parent = table->ParentWindow;
        ImGui::FocusWindow(parent);
        ImGui::SetNavID(table->ChildId, ImGuiNavLayer_Main, parent->NavRootFocusScopeId,
                        ImGui::WindowRectAbsToRel(parent, table->Rect()));
    }
    if (tab_pressed(g))
        if (const ImGuiID from = tab_from_instead_of_disabled(g, g.IO.KeyShift)) access_focus(from);
    ImGui::NewFrame();
    g_wheeled = g.IO.MouseWheel != 0.0f || g.IO.MouseWheelH != 0.0f;
    enter_table_on_arrival(g);  // a focus asked for now lands this frame, when the rows are drawn
}

void access_end_frame(bool picture_changed) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    keep_keyboard_focus_shown(g);
    enter_focused_field(g);
    collect_new_messages();
    // What the description holds besides what is drawn. With the same picture and these, it is the
    // one published already: writing it again cost a scrolled dashboard's frame a fifth of its time.
    const std::uintptr_t beside[] = {g.NavId,
                                     g.ActiveId,
                                     g.InputTextState.ID,
                                     reinterpret_cast<std::uintptr_t>(g.NavWindow),
                                     g.NavDisableHighlight ? 1u : 0u,
                                     g_skip_offered ? 1u : 0u,
                                     g_said};
    const bool           same_beside = std::equal(std::begin(beside), std::end(beside), std::begin(g_beside));
    std::copy(std::begin(beside), std::end(beside), std::begin(g_beside));
    if (!picture_changed && same_beside && !g_description.empty()) return;
    JsonText    d;
    std::string outline;
    d.out += '{';
    put_windows(d, outline);
    const std::size_t rest = d.out.size();
    d.key("say");
    d.out += '{';
    d.put("n", g_said);
    d.put("polite", g_polite);
    d.put("urgent", g_urgent);
    d.close('}');
    d.out += ',';
    d.put("f", focused_item(g));
    d.put("nw", g.NavWindow ? g.NavWindow->Name : "");
    d.flag("sk", g_skip_offered);
    d.flag("kv", !g.NavDisableHighlight);                             // the keyboard moved last: its focus is shown
    d.flag("gr", scrolling_table_window(g, g.NavWindow) != nullptr);  // in a table the arrows move
    d.flag("t", g.ActiveId != 0 && g.ActiveId == g.InputTextState.ID);
    d.close('}');
    std::string next = std::move(d.out);
    if (next == g_description) return;
    outline.append(next, rest);
    // Anything but a list scrolled by the wheel under the same windows, focus and messages.
    const bool at_once = !g_wheeled || outline != g_outline;
    g_description = std::move(next);
    g_outline = std::move(outline);
    platform::publish_access(g_description, at_once);
}

void access_activate(ImGuiID id) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ActivateItemByID(id);
    // A text field is entered for typing, not just focused.
    g.NavNextActivateFlags = ImGuiActivateFlags_PreferInput | ImGuiActivateFlags_TryToPreserveState;
    platform::request_redraw();
}

}  // namespace cp::app

namespace cp::app {

void access_focus(ImGuiID id) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (g.NavId == id) return;
    for (const LocatedItem& it : located_items()) {
        if (it.id != id || !it.host || it.text) continue;
        // Not past an open dialog: what is behind it cannot be used until it closes.
        const ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
        if (modal && it.host->RootWindow != modal) return;
        ImGui::FocusWindow(it.host);
        g.NavId = id;
        g.NavLayer = it.layer;
        g.NavFocusScopeId = it.focus_scope;
        it.host->NavLastIds[it.layer] = id;
        it.host->NavRectRel[it.layer] = ImGui::WindowRectAbsToRel(it.host, it.full);
        g.NavDisableHighlight = false;  // the focus ring shows where the keyboard is
        g.NavDisableMouseHover = true;
        ImGui::ScrollToRectEx(it.host, it.full, ImGuiScrollFlags_KeepVisibleEdgeY);
        platform::request_redraw();
        return;
    }
}

}  // namespace cp::app
