// Settings > Protocols: the protocols this planner follows, and a protocol file an LA officer or a
// school loads (docs/protocol-packs.md). A file is checked in full before anything is kept: its
// problems are listed by file, place and what was expected; a valid one is kept in the workspace
// (encrypted, in backups and in the case packages of cases that follow it) and offered for new
// cases. Replacing a protocol of the same id asks first, saying how its rules change.
#include <imgui.h>

#include "app/fonts.h"
#include "app/protocols_view.h"
#include "app/ui.h"
#include "app/views.h"
#include "app/words.h"
#include "engine/engine.h"
#include "platform/platform.h"

namespace cp::app {
namespace {

struct ProtocolLoad {
    std::string            file;
    Session::ProtocolCheck check;
    std::string            done;  // "Example County … is now offered for new cases."
    bool                   checked = false;
};

ProtocolLoad& load() { return screen_state<ProtocolLoad>(); }

void keep(ProtocolLoad& l) {
    l.done = l.check.name + " is loaded: new cases can follow it (New case, on the list of cases).";
    session().add_protocol(std::move(l.check.pack));
    l.checked = false;
}

void choose_file() {
    platform::pick_file(".json,application/json", [](std::string name, std::string bytes, std::string error) {
        if (name.empty() && error.empty()) return;  // cancelled
        ProtocolLoad& l = load();
        l = {};
        l.file = name;
        l.checked = true;
        if (!error.empty()) {
            l.check.problems = {name + ": the file could not be read (" + error + ")"};
            return;
        }
        l.check = session().check_protocol(name, bytes);
        if (l.check.problems.empty() && l.check.replaces.empty()) keep(l);  // a new protocol: nothing to confirm
    });
}

// A loaded protocol no case follows can be removed (a wrong file, or one tried out); one that cases
// follow stays while they do.
// True when it was removed: the list being drawn is then out of date (and `id`, `pack` with it).
bool remove_line(const std::string& id, const Pack& pack) {
    const int         following = session().cases_following(id);
    const std::string adapted = session().adapted_by(id);
    ImGui::Indent();
    if (following > 0) {
        words_f("Followed by %d case%s, so it stays.", following, following == 1 ? "" : "s");
    } else if (!adapted.empty()) {
        words_f("%s builds on it, so it stays.", adapted.c_str());
    } else {
        ImGui::BeginDisabled(session().read_only());
        const bool pressed = ImGui::SmallButton(("Remove " + pack.local_authority + "'s protocol##" + id).c_str());
        ImGui::EndDisabled();
        if (pressed) {
            ImGui::Unindent();
            load() = {};
            load().done = pack.name + " is removed.";
            session().remove_protocol(std::string(id));  // a copy: the library it is a key of is rebuilt
            return true;
        }
    }
    ImGui::Unindent();
    return false;
}

void protocol_list() {
    for (const auto& [id, pack] : session().packs().packs) {
        if (id == kBaselinePackId) continue;
        const bool  loaded = session().loaded_from_file(id);
        const Pack* base = pack.extends == kBaselinePackId ? nullptr : session().packs().find(pack.extends);
        words_bullet("%s (%s), %s%s%s", pack.name.c_str(), pack.local_authority.c_str(),
                     loaded ? "loaded from a file" : "built in", base ? ", building on " : "",
                     base ? base->name.c_str() : "");
        if (loaded && remove_line(id, pack)) return;
    }
}

void check_result(ProtocolLoad& l) {
    if (!l.done.empty()) status_message(l.done, 0);
    if (!l.checked) return;
    if (!l.check.problems.empty()) {
        status_message(l.file + " cannot be loaded: nothing was changed. What to correct in the file:", 2);
        for (const std::string& p : l.check.problems) words_bullet("%s", p.c_str());
        return;
    }
    // Same id as a protocol already here: say what changes and ask.
    words_wrapped("%s replaces %s%s: %s.", l.check.name.c_str(), l.check.replaces_built_in ? "the built-in " : "",
                  l.check.replaces.c_str(), l.check.changes.c_str());
    words_wrapped("Cases that follow it will be planned by the new rules.");
    if (ImGui::Button("Replace it")) keep(l);
    ImGui::SameLine();
    if (ImGui::Button("Keep the current one")) l = {};
}

}  // namespace

void protocol_settings() {
    ImGui::PushFont(fonts().bold);
    words("Protocols");
    ImGui::PopFont();
    ImGui::PushTextWrapPos(0.0f);
    words("The statutory guidance for England, and these local-authority protocols:");
    protocol_list();
    words(
        "A local authority's protocol written as a protocol file can be loaded here; it is kept, encrypted, "
        "with this workspace.");
    ImGui::BeginDisabled(session().read_only());
    if (ImGui::Button("Load a protocol file…")) choose_file();
    ImGui::EndDisabled();
    check_result(load());
    ImGui::PopTextWrapPos();
}

}  // namespace cp::app
