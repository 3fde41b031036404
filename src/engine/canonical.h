// canonical.h: the one byte-exact JSON form that event hashes are computed over.
//
// Rules (also in docs/workspace-format.md): objects with keys in byte order, no whitespace,
// strings escaped only where JSON requires (" \ and control characters as \u00xx), integers
// in plain decimal. Floating-point numbers are not allowed in events, so their form never
// depends on a library version.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace cp {

using Json = nlohmann::json;

void        append_canonical(std::string& out, const Json& value);  // appends to out
std::string canonical_json(const Json& value);
void        append_json_string(std::string& out, std::string_view s);  // "…" with escapes

// Untrusted JSON text (files, imports, stored records) is parsed through parse_json_text: like
// Json::parse, but it refuses nesting deeper than kMaxJsonDepth, because nlohmann::json's
// serialiser, copies and comparisons (and the engine's own walks) recurse, so a hostile
// "[[[[…" would overflow the stack. Every nlohmann exception (parse_error, and out_of_range for
// a number like 1e400) becomes `error`, worded as nlohmann words it.
inline constexpr int kMaxJsonDepth = 256;
std::optional<Json>  parse_json_text(std::string_view text, std::string& error);
std::string          too_deep_message();  // the error for nesting beyond kMaxJsonDepth

// Length of the leading run of `s` that JSON holds as it is inside a string: no quote, no
// backslash, no control character, and (when ascii_only) no byte above 0x7f. Checks eight
// bytes at a time, as texts are most of a workspace.
std::size_t json_plain_prefix(std::string_view s, bool ascii_only);

}  // namespace cp
