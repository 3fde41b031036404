# embed_files(<target> <symbol_prefix> entries...)
# Builds a static library holding each file's bytes, found by its path relative to the source
# tree (or by NAME for an entry written "NAME=/abs/path"):
#   const cp::EmbeddedFile* cp_engine_assets_find("assets/protocols/norfolk.json");
# Regenerated only when one of the files changes.
find_program(PYTHON3 NAMES python3 REQUIRED)
function(embed_files target prefix)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/embedded")
  set(out_cpp "${dir}/${target}.cpp")
  set(list_file "${dir}/${target}.files")
  set(deps "")
  foreach(entry IN LISTS ARGN)
    string(REGEX REPLACE "^[^=]*=" "" path "${entry}")
    list(APPEND deps "${path}")
  endforeach()
  string(REPLACE ";" "\n" listing "${ARGN}")
  file(WRITE "${list_file}.new" "${listing}\n")
  file(COPY_FILE "${list_file}.new" "${list_file}" ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT "${out_cpp}"
    COMMAND ${PYTHON3} "${CMAKE_SOURCE_DIR}/cmake/embed.py" "${list_file}" "${out_cpp}" ${prefix} "${CMAKE_SOURCE_DIR}"
    DEPENDS ${deps} "${list_file}" "${CMAKE_SOURCE_DIR}/cmake/embed.py"
    COMMENT "Embedding ${target}")
  add_library(${target} STATIC "${out_cpp}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/src")
endfunction()
