#include "engine/canonical.h"

namespace cp {

void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += char(c);
        }
    }
    out += '"';
}

void append_canonical(std::string& out, const Json& v) {
    switch (v.type()) {
    case Json::value_t::null: out += "null"; break;
    case Json::value_t::boolean: out += v.get<bool>() ? "true" : "false"; break;
    case Json::value_t::number_integer: out += std::to_string(v.get<int64_t>()); break;
    case Json::value_t::number_unsigned: out += std::to_string(v.get<uint64_t>()); break;
    case Json::value_t::number_float: out += v.dump(); break;   // refused by validation; kept stable anyway
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
    default: out += "null"; break;   // binary and discarded values never occur in parsed text
    }
}

std::string canonical_json(const Json& v) {
    std::string out;
    append_canonical(out, v);
    return out;
}

} // namespace cp
