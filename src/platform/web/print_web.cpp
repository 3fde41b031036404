// print_web.cpp: platform.h's print_document, over print.lib.js and the page's web/print.js.
#include <string>

#include "platform/platform.h"

extern "C" void cp_js_print_document(const char* html_title, const char* json);

namespace cp::platform {

void print_document(std::string_view html_title, std::string_view json) {
    cp_js_print_document(std::string(html_title).c_str(), std::string(json).c_str());
}

}  // namespace cp::platform
