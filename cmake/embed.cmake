# embed_files(<target> <symbol_prefix> files...)
# Builds a static library that holds each file's bytes, findable by its path relative to the
# source tree:  const cp::EmbeddedFile* cp_engine_assets_find("assets/protocols/x.json");
# Regenerated only when one of the files changes.
function(embed_files target prefix)
  set(out_cpp "${CMAKE_CURRENT_BINARY_DIR}/embedded/${target}.cpp")
  set(list_file "${CMAKE_CURRENT_BINARY_DIR}/embedded/${target}.files")
  string(REPLACE ";" "\n" listing "${ARGN}")
  file(WRITE "${list_file}.new" "${listing}")
  file(COPY_FILE "${list_file}.new" "${list_file}" ONLY_IF_DIFFERENT)
  add_custom_command(
    OUTPUT "${out_cpp}"
    COMMAND ${CMAKE_COMMAND} -DLIST=${list_file} -DOUT=${out_cpp} -DPREFIX=${prefix}
            -DROOT=${CMAKE_SOURCE_DIR} -P "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
    DEPENDS ${ARGN} "${list_file}" "${CMAKE_SOURCE_DIR}/cmake/embed_run.cmake"
    COMMENT "Embedding ${target}")
  add_library(${target} STATIC "${out_cpp}")
  target_include_directories(${target} PUBLIC "${CMAKE_SOURCE_DIR}/src")
endfunction()
