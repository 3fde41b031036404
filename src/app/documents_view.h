// documents_view.h: a case's forms and letters — pick one, preview it as a form, print it.
#pragma once
#include <string>

namespace cp::app {

void documents_tab(const std::string& case_id);  // the "Documents" tab of case_view (documents_view.cpp)

}  // namespace cp::app
