#include "engine/template_text.h"

namespace cp {
namespace {

struct Filler {
    std::string_view  text;
    const FactLookup& fact;
    std::string*      error;
    std::string       out;
    std::string       stretch;
    bool              in_stretch = false;
    bool              stretch_held = true;  // every fact in the stretch without words of its own is held

    void fail(const std::string& why) {
        if (error && error->empty()) *error = why;
    }
    std::string& to() { return in_stretch ? stretch : out; }

    void open_stretch() {
        if (in_stretch) fail("a \"[[\" inside another \"[[ ]]\"");
        in_stretch = true;
        stretch.clear();
        stretch_held = true;
    }
    void close_stretch() {
        if (!in_stretch) return fail("a \"]]\" without its \"[[\"");
        if (stretch_held) out += stretch;
        in_stretch = false;
    }
    // `inner` is what stands between the braces: "name" or "name|words".
    void put_fact(std::string_view inner) {
        const std::size_t bar = inner.find('|');
        const std::string name(inner.substr(0, bar));
        if (name.empty()) fail("an empty \"{}\": name a fact of the case between the braces");
        std::string value = name.empty() ? std::string() : fact(name);
        if (value.empty() && bar != std::string_view::npos) value = std::string(inner.substr(bar + 1));
        if (value.empty()) stretch_held = false;
        to() += value;
    }

    std::string run() {
        for (std::size_t i = 0; i < text.size();) {
            if (text.compare(i, 2, "[[") == 0) {
                open_stretch();
                i += 2;
            } else if (text.compare(i, 2, "]]") == 0) {
                close_stretch();
                i += 2;
            } else if (text[i] == '{') {
                const std::size_t end = text.find('}', i);
                if (end == std::string_view::npos) {
                    fail("a \"{\" without its \"}\"");
                    break;
                }
                put_fact(text.substr(i + 1, end - i - 1));
                i = end + 1;
            } else {
                if (text[i] == '}') fail("a \"}\" without its \"{\"");
                to() += text[i++];
            }
        }
        if (in_stretch) fail("a \"[[\" without its \"]]\"");
        return out;
    }
};

}  // namespace

std::string fill_text(std::string_view text, const FactLookup& fact, std::string* error) {
    return Filler{text, fact, error, {}, {}}.run();
}

}  // namespace cp
