#include "platform/web/keys.h"

#include <cstring>

namespace cp::platform {
namespace {

struct Named {
    const char* code;
    ImGuiKey    key;
};

// Keys whose DOM code is not simply "Key<letter>", "Digit<n>" or "F<n>".
constexpr Named kNamed[] = {
    {"Tab", ImGuiKey_Tab},
    {"ArrowLeft", ImGuiKey_LeftArrow},
    {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},
    {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},
    {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},
    {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},
    {"Delete", ImGuiKey_Delete},
    {"Backspace", ImGuiKey_Backspace},
    {"Space", ImGuiKey_Space},
    {"Enter", ImGuiKey_Enter},
    {"Escape", ImGuiKey_Escape},
    {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"ControlLeft", ImGuiKey_LeftCtrl},
    {"ControlRight", ImGuiKey_RightCtrl},
    {"ShiftLeft", ImGuiKey_LeftShift},
    {"ShiftRight", ImGuiKey_RightShift},
    {"AltLeft", ImGuiKey_LeftAlt},
    {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},
    {"MetaRight", ImGuiKey_RightSuper},
    {"ContextMenu", ImGuiKey_Menu},
    {"Quote", ImGuiKey_Apostrophe},
    {"Comma", ImGuiKey_Comma},
    {"Minus", ImGuiKey_Minus},
    {"Period", ImGuiKey_Period},
    {"Slash", ImGuiKey_Slash},
    {"Semicolon", ImGuiKey_Semicolon},
    {"Equal", ImGuiKey_Equal},
    {"BracketLeft", ImGuiKey_LeftBracket},
    {"Backslash", ImGuiKey_Backslash},
    {"BracketRight", ImGuiKey_RightBracket},
    {"Backquote", ImGuiKey_GraveAccent},
    {"CapsLock", ImGuiKey_CapsLock},
    {"NumLock", ImGuiKey_NumLock},
    {"Numpad0", ImGuiKey_Keypad0},
    {"Numpad1", ImGuiKey_Keypad1},
    {"Numpad2", ImGuiKey_Keypad2},
    {"Numpad3", ImGuiKey_Keypad3},
    {"Numpad4", ImGuiKey_Keypad4},
    {"Numpad5", ImGuiKey_Keypad5},
    {"Numpad6", ImGuiKey_Keypad6},
    {"Numpad7", ImGuiKey_Keypad7},
    {"Numpad8", ImGuiKey_Keypad8},
    {"Numpad9", ImGuiKey_Keypad9},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal},
    {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply},
    {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd},
};

}  // namespace

ImGuiKey key_from_dom_code(const char* code) {
    if (std::strncmp(code, "Key", 3) == 0 && code[3] >= 'A' && code[3] <= 'Z' && code[4] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_A + (code[3] - 'A'));
    if (std::strncmp(code, "Digit", 5) == 0 && code[5] >= '0' && code[5] <= '9' && code[6] == 0)
        return static_cast<ImGuiKey>(ImGuiKey_0 + (code[5] - '0'));
    if (code[0] == 'F' && code[1] >= '1' && code[1] <= '9') {
        const int n =
            code[2] == 0
                ? code[1] - '0'
                : (code[2] >= '0' && code[2] <= '2' && code[3] == 0 && code[1] == '1' ? 10 + code[2] - '0' : 0);
        if (n >= 1 && n <= 12) return static_cast<ImGuiKey>(ImGuiKey_F1 + n - 1);
    }
    for (const Named& n : kNamed)
        if (std::strcmp(code, n.code) == 0) return n.key;
    return ImGuiKey_None;
}

}  // namespace cp::platform
