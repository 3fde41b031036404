// embedded.h: files compiled into the binary by cmake/embed.cmake (packs, calendars, shaders, fonts).
#pragma once
#include <cstddef>
#include <string_view>

namespace cp {
struct EmbeddedFile {
    const char*          path;  // relative to the source tree, e.g. "assets/protocols/england-baseline.json"
    const unsigned char* data;  // followed by a NUL byte, so text files are also C strings
    std::size_t          size;  // bytes, not counting the NUL
    std::string_view     text() const { return {reinterpret_cast<const char*>(data), size}; }
};
}  // namespace cp

// One pair per embed_files() call; the table returned by *_all ends with a null path.
const cp::EmbeddedFile* cp_engine_assets_all();
const cp::EmbeddedFile* cp_engine_assets_find(const char* path);
const cp::EmbeddedFile* cp_app_assets_all();
const cp::EmbeddedFile* cp_app_assets_find(const char* path);
