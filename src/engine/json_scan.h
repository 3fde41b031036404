// json_scan.h: a fast reader of JSON text for the workspace's load path.
//
// nlohmann::json reads a 200 MB workspace an order of magnitude slower than this scanner, which
// walks the text with a pointer and builds only what the caller keeps. It is deliberately
// narrower than nlohmann: whatever it accepts, nlohmann parses to the very same value, and it
// gives up (returns false) on everything else — any syntax error, decimal numbers, integers
// beyond 64 bits, a byte-order mark, invalid UTF-8, lone surrogates, repeated keys, nesting
// deeper than kMaxDepth. The caller then falls back to nlohmann, which decides and words the
// error. So this reader never changes what loads, only how fast.
//
//   JsonScanner s(text);
//   bool ok = s.object([&](const std::string& key) { return key == "x" ? s.text(x) : s.value(other[key]); })
//             && s.finished();
#pragma once
#include <string>
#include <string_view>

#include "engine/canonical.h"

namespace cp {

class JsonScanner {
public:
    static constexpr int kMaxDepth =
        128;  // deeper documents go to nlohmann (no recursion; refuses beyond kMaxJsonDepth)

    explicit JsonScanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool value(Json& out, int depth = 0);  // any value, built as nlohmann would build it
    bool text(std::string& out);           // a string value (decoded)
    bool finished();                       // only whitespace is left

    // An object: `member(key)` is called for each key and must read the member's value.
    template <class Member>
    bool object(Member&& member) {
        if (!open('{')) return false;
        if (close('}')) return true;
        std::string key;  // one buffer per object, reused for every key
        do {
            if (!text(key) || !open(':') || !member(static_cast<const std::string&>(key))) return false;
        } while (open(','));
        return close('}');
    }

    // An array: `element()` is called for each element and must read it.
    template <class Element>
    bool array(Element&& element) {
        if (!open('[')) return false;
        if (close(']')) return true;
        do {
            if (!element()) return false;
        } while (open(','));
        return close(']');
    }

private:
    const char* p_;
    const char* end_;

    void skip_space();
    bool open(char c);  // skips whitespace, then consumes c if it is next
    bool close(char c) { return open(c); }
    bool literal(std::string_view word);
    bool number(Json& out);
    bool string_body(std::string& out);     // after the opening quote
    bool escape(std::string& out);          // after the backslash
    bool unicode_escape(std::string& out);  // after \u: one code point, or a surrogate pair
    bool hex4(unsigned& out);
    bool utf8(std::string& out);  // one multi-byte character, validated
    bool object_value(Json& out, int depth);
    bool array_value(Json& out, int depth);
};

}  // namespace cp
