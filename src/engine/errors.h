// errors.h: how the engine reports bad input (packs, calendars, workspaces).
//
// Every problem names where it is (file and a JSON-pointer-like path inside it) and what was
// expected, in words a deputy head or an LA officer can act on.
#pragma once
#include <string>
#include <vector>

namespace cp {

struct Problem {
    std::string file;     // "example-county.json", "workspace", … (may be empty when unknown)
    std::string path;     // "/rules/3/severity" (empty for the whole document)
    std::string message;  // "expected one of blocks, warns, informs; found \"stop\""

    std::string to_string() const;  // "example-county.json /rules/3/severity: expected …"
};

using Problems = std::vector<Problem>;

}  // namespace cp
