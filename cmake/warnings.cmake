# Compiler warnings for our own code, in one place (issue 16, item 3). Included at the end of
# CMakeLists.txt, after every target is defined, so it covers the native, wasm and fuzz folders alike.
#
#   -Wall -Wextra -Wpedantic   the usual set
#   -Wshadow                   a local or parameter hiding another variable or a member
#   -Werror                    any warning fails the build
#   -Wconversion               implicit narrowing: with clang (natively and inside em++) this includes
#                              -Wsign-conversion and int <-> float. On for everything but the ImGui app: in
#                              the engine, crypto, storage, CLI, tools, tests and benches it found ~25 real
#                              cases (signed ints used as container indices and sizes) and little noise.
#                              The app (src/app, src/platform/web: CP_NO_CONVERSION_TARGETS) is left
#                              without it: there it gave ~130 warnings, nearly all int -> float pixel
#                              geometry and the int indices that ImGui's own API hands back (tables,
#                              combos, clipper rows), where a cast per line would hide, not fix, anything.
#
# Third-party code is not held to this: Dear ImGui and libsodium (wasm.cmake) are compiled with -w and
# their headers, like doctest's, nlohmann's and stb's, come from SYSTEM include folders.
set(CP_STRICT_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Werror)
set(CP_CONVERSION_FLAGS -Wconversion)
set(CP_NO_CONVERSION_TARGETS caseplan_web bench_hello)

# cp_strict(target...): compile the targets' own sources with CP_STRICT_FLAGS (and CP_CONVERSION_FLAGS
# unless the target is one of CP_NO_CONVERSION_TARGETS).
function(cp_strict)
  foreach(t IN LISTS ARGN)
    target_compile_options(${t} PRIVATE ${CP_STRICT_FLAGS})
    if(NOT t IN_LIST CP_NO_CONVERSION_TARGETS)
      target_compile_options(${t} PRIVATE ${CP_CONVERSION_FLAGS})
    endif()
  endforeach()
endfunction()

# cp_strict_all(): cp_strict on every compiled target of this folder whose sources are ours, that is
# every target that compiles nothing from THIRD_PARTY_DIR. A target added later is strict by default.
function(cp_strict_all)
  get_property(targets DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}" PROPERTY BUILDSYSTEM_TARGETS)
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(NOT type MATCHES "^(EXECUTABLE|STATIC_LIBRARY|SHARED_LIBRARY|OBJECT_LIBRARY|MODULE_LIBRARY)$")
      continue()
    endif()
    get_target_property(sources ${t} SOURCES)
    set(third_party OFF)
    foreach(s IN LISTS sources)
      string(FIND "${s}" "${THIRD_PARTY_DIR}/" at)
      if(at EQUAL 0)
        set(third_party ON)
      endif()
    endforeach()
    if(NOT third_party)
      cp_strict(${t})
    endif()
  endforeach()
endfunction()
