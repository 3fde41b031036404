#include "engine/canonical.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cstdint>
#include <cstring>

namespace cp {
namespace {

template <class Int>
void append_integer(std::string& out, Int n) {
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
}

// Marks (with its top bit) each byte of x that is a quote, a backslash, a control character
// or, with `high`, above 0x7f: the classic "has a zero byte" trick applied to x ^ '"',
// x ^ '\\' and x - 0x20. A borrow can also mark a byte above a marked one, but never below:
// the lowest mark is always exact, and that is the only one used.
std::uint64_t care_marks(std::uint64_t x, bool high) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    const auto              zero_bytes = [&](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t     below_space = (x - ones * 0x20) & ~x & highs;
    return zero_bytes(x ^ (ones * '"')) | zero_bytes(x ^ (ones * '\\')) | below_space | (high ? x & highs : 0);
}

[[maybe_unused]] bool byte_needs_care(unsigned char c, bool high) {
    return c < 0x20 || c == '"' || c == '\\' || (high && c >= 0x80);
}  // big-endian only

}  // namespace

std::size_t json_plain_prefix(std::string_view s, bool ascii_only) {
    if constexpr (std::endian::native != std::endian::little) {
        std::size_t i = 0;
        while (i < s.size() && !byte_needs_care(static_cast<unsigned char>(s[i]), ascii_only)) ++i;
        return i;
    }
    for (std::size_t i = 0;; i += 8) {
        // Past the end the word holds zero bytes, which count as control characters and stop the scan.
        std::uint64_t word = 0;
        if (s.size() - i >= 8)
            std::memcpy(&word, s.data() + i, 8);
        else
            std::memcpy(&word, s.data() + i, s.size() - i);
        if (const std::uint64_t marks = care_marks(word, ascii_only))
            return std::min(s.size(), i + std::size_t(std::countr_zero(marks)) / 8);
    }
}

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (;;) {
        const std::size_t run = json_plain_prefix(s, false);  // almost every text is one run
        out.append(s.data(), run);
        if (run == s.size()) break;
        const auto c = static_cast<unsigned char>(s[run]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        }
        s.remove_prefix(run + 1);
    }
    out += '"';
}

void append_canonical(std::string& out, const Json& v) {
    switch (v.type()) {
        case Json::value_t::null: out += "null"; break;
        case Json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
        case Json::value_t::number_integer: append_integer(out, v.get<int64_t>()); break;
        case Json::value_t::number_unsigned: append_integer(out, v.get<uint64_t>()); break;
        case Json::value_t::number_float: out += v.dump(); break;  // refused by validation; kept stable anyway
        case Json::value_t::string: append_json_string(out, v.get_ref<const std::string&>()); break;
        case Json::value_t::array: {
            out += '[';
            bool first = true;
            for (const auto& item : v) {
                if (!first) out += ',';
                first = false;
                append_canonical(out, item);
            }
            out += ']';
            break;
        }
        case Json::value_t::object: {
            // nlohmann::json keeps object keys in a std::map, so iteration is already byte order.
            out += '{';
            bool first = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, it.key());
                out += ':';
                append_canonical(out, it.value());
            }
            out += '}';
            break;
        }
        default: out += "null"; break;  // binary and discarded values never occur in parsed text
    }
}

std::string too_deep_message() {
    return "nested more than " + std::to_string(kMaxJsonDepth) + " levels deep (no case planner file is)";
}

std::optional<Json> parse_json_text(std::string_view text, std::string& error) {
    struct TooDeep {};
    try {
        return Json::parse(text, [](int depth, Json::parse_event_t, Json&) {
            if (depth > kMaxJsonDepth) throw TooDeep{};
            return true;
        });
    } catch (const TooDeep&) { error = too_deep_message(); } catch (const Json::exception& e) {
        error = e.what();
    }
    return std::nullopt;
}

std::string canonical_json(const Json& v) {
    std::string out;
    append_canonical(out, v);
    return out;
}

}  // namespace cp
