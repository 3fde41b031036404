#include "engine/errors.h"

namespace cp {

std::string Problem::to_string() const {
    std::string out = file;
    if (!path.empty()) out += (out.empty() ? "" : " ") + path;
    if (!out.empty()) out += ": ";
    return out + message;
}

}  // namespace cp
