#include "engine/json_scan.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace cp {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

}  // namespace

void JsonScanner::skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

bool JsonScanner::open(char c) {
    skip_space();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
}

bool JsonScanner::finished() {
    skip_space();
    return p_ == end_;
}

bool JsonScanner::literal(std::string_view word) {
    if (std::size_t(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0) return false;
    p_ += word.size();
    return true;
}

bool JsonScanner::value(Json& out, int depth) {
    skip_space();
    if (p_ == end_ || depth > kMaxDepth) return false;
    switch (*p_) {
        case '{': return object_value(out, depth + 1);
        case '[': return array_value(out, depth + 1);
        case '"': out = Json(Json::value_t::string); return text(out.get_ref<std::string&>());
        case 't': return literal("true") && (out = true, true);
        case 'f': return literal("false") && (out = false, true);
        case 'n': return literal("null") && (out = nullptr, true);
        default: return number(out);
    }
}

bool JsonScanner::object_value(Json& out, int depth) {
    out = Json::object();
    auto& members = out.get_ref<Json::object_t&>();
    return object([&](const std::string& key) {
        const auto [it, fresh] = members.try_emplace(key);  // nlohmann keeps the last of repeated keys
        return fresh && value(it->second, depth);
    });
}

bool JsonScanner::array_value(Json& out, int depth) {
    out = Json::array();
    auto& items = out.get_ref<Json::array_t&>();
    return array([&] {
        items.emplace_back();
        return value(items.back(), depth);
    });
}

// Integers as nlohmann stores them: unsigned when there is no minus sign, signed otherwise.
bool JsonScanner::number(Json& out) {
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || !is_digit(*p_)) return false;
    std::uint64_t v = 0;
    if (*p_ == '0') {
        ++p_;
    } else {
        for (; p_ != end_ && is_digit(*p_); ++p_) {
            const unsigned d = unsigned(*p_ - '0');
            if (v > (std::numeric_limits<std::uint64_t>::max() - d) / 10) return false;  // nlohmann: a decimal
            v = v * 10 + d;
        }
    }
    if (p_ != end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;  // decimals are nlohmann's
    if (!negative) {
        out = Json::number_unsigned_t(v);
        return true;
    }
    constexpr std::uint64_t kMinMagnitude = std::uint64_t(std::numeric_limits<std::int64_t>::max()) + 1;
    if (v > kMinMagnitude) return false;
    out = v == kMinMagnitude ? std::numeric_limits<std::int64_t>::min() : -Json::number_integer_t(v);
    return true;
}

bool JsonScanner::text(std::string& out) { return open('"') && string_body(out); }

bool JsonScanner::string_body(std::string& out) {
    out.clear();
    for (;;) {
        const std::size_t run = json_plain_prefix(std::string_view(p_, std::size_t(end_ - p_)), true);
        out.append(p_, run);
        p_ += run;
        if (p_ == end_) return false;
        const auto c = static_cast<unsigned char>(*p_);
        if (c == '"') {
            ++p_;
            return true;
        }
        if (c == '\\') {
            ++p_;
            if (!escape(out)) return false;
        } else if (c < 0x20 || !utf8(out)) {
            return false;  // control characters must be escaped; other bytes must be UTF-8
        }
    }
}

bool JsonScanner::escape(std::string& out) {
    if (p_ == end_) return false;
    switch (*p_++) {
        case '"': out += '"'; return true;
        case '\\': out += '\\'; return true;
        case '/': out += '/'; return true;
        case 'b': out += '\b'; return true;
        case 'f': out += '\f'; return true;
        case 'n': out += '\n'; return true;
        case 'r': out += '\r'; return true;
        case 't': out += '\t'; return true;
        case 'u': return unicode_escape(out);
        default: return false;
    }
}

bool JsonScanner::unicode_escape(std::string& out) {
    unsigned cp = 0;
    if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;  // a low surrogate alone
    if (cp >= 0xD800 && cp <= 0xDBFF) {                             // must be followed by its low half
        unsigned low = 0;
        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
        p_ += 2;
        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return true;
}

bool JsonScanner::hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i, ++p_) {
        const char c = *p_;
        const int  d = is_digit(c)              ? c - '0'
                       : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                       : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                : -1;
        if (d < 0) return false;
        out = out * 16 + unsigned(d);
    }
    return true;
}

// The well-formed sequences of RFC 3629 (no overlong forms, no surrogates, nothing above
// U+10FFFF), exactly the ones nlohmann accepts.
bool JsonScanner::utf8(std::string& out) {
    const auto          byte = [&](int i) { return static_cast<unsigned char>(p_[i]); };
    const unsigned char c = byte(0);
    int                 n = 0;
    unsigned char       lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF)
        n = 1;
    else if (c == 0xE0)
        n = 2, lo = 0xA0;
    else if (c == 0xED)
        n = 2, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF)
        n = 2;
    else if (c == 0xF0)
        n = 3, lo = 0x90;
    else if (c == 0xF4)
        n = 3, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3)
        n = 3;
    else
        return false;
    if (end_ - p_ <= n || byte(1) < lo || byte(1) > hi) return false;
    for (int i = 2; i <= n; ++i)
        if (byte(i) < 0x80 || byte(i) > 0xBF) return false;
    out.append(p_, std::size_t(n) + 1);
    p_ += n + 1;
    return true;
}

}  // namespace cp
