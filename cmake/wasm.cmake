# WebAssembly targets (included from CMakeLists.txt when configured with emcmake).
#   engine_tests.js      the engine's doctest suite, run under Node
#   engine_bench.js      the engine benchmark (bench/engine), run under Node
#   crypto_tests.js      the crypto suite against libsodium compiled to wasm, run under Node
#   site/                the web app: index.html, caseplan.js, caseplan.wasm, styles, loader
#   hello/               a bare Dear ImGui page with the app's flags (target bench_hello_page, not built
#                        by default): the yardstick of scripts/bench.py, never part of the site

set(IMGUI_DIR "${THIRD_PARTY_DIR}/imgui")
set(SODIUM_DIR "${THIRD_PARTY_DIR}/libsodium")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp" OR NOT EXISTS "${SODIUM_DIR}/src/libsodium")
  message(FATAL_ERROR "Third-party sources missing under ${THIRD_PARTY_DIR}: run scripts/setup.sh")
endif()

# ---- libsodium, compiled once from Debian's source package ---------------------------------
# Only the parts the app and its tests call (sodium_init, the memory helpers, random bytes,
# XChaCha20-Poly1305, Argon2id, BLAKE2b, SHA-256) and those sodium_init selects an implementation
# of (Curve25519, Salsa20); the x86 SIMD variants are compiled out in wasm anyway. 39 files of 107:
# a clean build compiles the rest for nothing. A function missing here fails the link, naming it.
set(SODIUM_PARTS
  sodium randombytes randombytes/internal randombytes/sysrandom crypto_verify/sodium
  crypto_aead/xchacha20poly1305/sodium crypto_aead/chacha20poly1305/sodium
  crypto_core/hchacha20 crypto_core/hsalsa20 crypto_core/hsalsa20/ref2 crypto_core/salsa/ref
  crypto_core/ed25519/ref10 crypto_generichash crypto_generichash/blake2b crypto_generichash/blake2b/ref
  crypto_hash/sha256 crypto_hash/sha256/cp crypto_onetimeauth/poly1305 crypto_onetimeauth/poly1305/donna
  crypto_pwhash crypto_pwhash/argon2 crypto_scalarmult/curve25519 crypto_scalarmult/curve25519/ref10
  crypto_stream/chacha20 crypto_stream/chacha20/ref crypto_stream/salsa20 crypto_stream/salsa20/ref)
set(SODIUM_SOURCES "")
foreach(part IN LISTS SODIUM_PARTS)
  file(GLOB part_sources "${SODIUM_DIR}/src/libsodium/${part}/*.c")
  list(APPEND SODIUM_SOURCES ${part_sources})
endforeach()
list(FILTER SODIUM_SOURCES EXCLUDE REGEX "-(sse2|ssse3|sse41|avx2|avx512f)\\.c$")
# Debian's source has no generated version.h; the MSVC one is complete once its include is fixed.
file(READ "${SODIUM_DIR}/builds/msvc/version.h" sodium_version_h)
string(REPLACE "#include \"export.h\"" "#include <sodium/export.h>" sodium_version_h "${sodium_version_h}")
file(WRITE "${CMAKE_BINARY_DIR}/sodium-gen/sodium/version.h.new" "${sodium_version_h}")
file(COPY_FILE "${CMAKE_BINARY_DIR}/sodium-gen/sodium/version.h.new"
     "${CMAKE_BINARY_DIR}/sodium-gen/sodium/version.h" ONLY_IF_DIFFERENT)
add_library(sodium STATIC ${SODIUM_SOURCES})
target_compile_definitions(sodium PUBLIC SODIUM_STATIC=1 PRIVATE DEV_MODE=0 NATIVE_LITTLE_ENDIAN=1 CONFIGURED=1)
target_compile_options(sodium PRIVATE -O2 -w)
target_link_libraries(engine PUBLIC sodium)  # SHA-256 of the hash chain (src/engine/sha256.h)
target_include_directories(sodium
  PUBLIC "${CMAKE_BINARY_DIR}/sodium-gen" "${SODIUM_DIR}/src/libsodium/include"
  PRIVATE "${SODIUM_DIR}/src/libsodium/include/sodium" "${CMAKE_BINARY_DIR}/sodium-gen/sodium")
# Its users see its headers as system headers, not held to our warnings (cmake/warnings.cmake).
set_target_properties(sodium PROPERTIES SYSTEM ON)

# ---- Dear ImGui core, compiled once (the web platform draws it: src/platform/web/imgui_renderer.cpp) --------------------------------
add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/misc/cpp")
# The widget locator used by the browser tests is built on ImGui's test-engine hooks.
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                                        IMGUI_DISABLE_DEFAULT_FONT)
target_compile_options(imgui PRIVATE -O2 -w)

# ---- crypto (same sources as natively, libsodium from source) -------------------------------
file(GLOB CRYPTO_SOURCES CONFIGURE_DEPENDS src/crypto/*.cpp)
if(CRYPTO_SOURCES)
  add_library(crypto STATIC ${CRYPTO_SOURCES})
  target_include_directories(crypto PUBLIC src)
  target_link_libraries(crypto PUBLIC sodium)
endif()

set(CP_NODE_FLAGS -sENVIRONMENT=node -sALLOW_MEMORY_GROWTH=1 -sEXIT_RUNTIME=1 -sTOTAL_STACK=1048576)
# The suites under Node are linked with -O1: the code is the same optimised objects, but the link
# skips Binaryen's -O3 passes over the whole module (engine_tests.js: 34 s -> 1.5 s of link for
# 3 s more of run). The site and the benchmark keep the release link.
set(CP_NODE_TEST_FLAGS ${CP_NODE_FLAGS} -O1)

# ---- engine tests under Node ----------------------------------------------------------------
target_link_options(engine_tests PRIVATE ${CP_NODE_TEST_FLAGS})
add_test(NAME engine_wasm COMMAND node --no-experimental-fetch "${CMAKE_BINARY_DIR}/engine_tests.js")

# ---- engine benchmark under Node (same source as natively; compare the two) -----------------
# 10,000 cases are ~220 MB of JSON plus the parsed workspace: more than the default 2 GB cap.
add_executable(engine_bench bench/engine/engine_bench.cpp)
target_link_libraries(engine_bench PRIVATE engine engine_assets)
target_link_options(engine_bench PRIVATE ${CP_NODE_FLAGS} -sMAXIMUM_MEMORY=4GB)

file(GLOB CRYPTO_TEST_SOURCES CONFIGURE_DEPENDS tests/crypto/*.cpp)
if(CRYPTO_SOURCES AND CRYPTO_TEST_SOURCES)
  add_executable(crypto_tests ${CRYPTO_TEST_SOURCES})
  target_link_libraries(crypto_tests PRIVATE crypto engine)
  target_compile_definitions(crypto_tests PRIVATE CP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  target_link_options(crypto_tests PRIVATE ${CP_NODE_TEST_FLAGS})
  add_test(NAME crypto_wasm COMMAND node --no-experimental-fetch "${CMAKE_BINARY_DIR}/crypto_tests.js")
endif()

# ---- storage (the vault) and its tests under Node ----------------------------------------------
if(CRYPTO_SOURCES)
  add_library(storage STATIC src/storage/vault.cpp src/storage/exchange.cpp)
  target_link_libraries(storage PUBLIC crypto engine)
  file(GLOB STORAGE_TEST_SOURCES CONFIGURE_DEPENDS tests/storage/*.cpp)
  add_executable(storage_tests ${STORAGE_TEST_SOURCES})
  target_link_libraries(storage_tests PRIVATE storage engine_assets)
  target_link_options(storage_tests PRIVATE ${CP_NODE_TEST_FLAGS})
endif()

# ---- the web app ----------------------------------------------------------------------------
# The fonts are subset at build time to the characters of src/app/font_glyphs.txt (build outputs in
# build/wasm/fonts, never committed); the atlas's glyph ranges are generated from the same list.
set(FONT_DIR /usr/share/fonts/truetype/noto)
set(FONT_GLYPHS "${CMAKE_SOURCE_DIR}/src/app/font_glyphs.txt")
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${FONT_GLYPHS}")
file(STRINGS "${FONT_GLYPHS}" glyph_lines REGEX "^[0-9A-Fa-f]")
set(font_unicodes "")
set(atlas_ranges "")
foreach(line IN LISTS glyph_lines)
  string(REGEX MATCH "^([0-9A-Fa-f]+)(-([0-9A-Fa-f]+))?" _ "${line}")
  set(first "${CMAKE_MATCH_1}")
  set(last "${CMAKE_MATCH_3}")
  if(last STREQUAL "")
    set(last "${first}")
  endif()
  list(APPEND font_unicodes "U+${first}-${last}")
  string(APPEND atlas_ranges "0x${first}, 0x${last},\n")
endforeach()
string(REPLACE ";" "," font_unicodes "${font_unicodes}")
file(WRITE "${CMAKE_BINARY_DIR}/generated/font_glyphs.inc.new"
     "// Generated by cmake/wasm.cmake from src/app/font_glyphs.txt. Do not edit.\n${atlas_ranges}")
file(COPY_FILE "${CMAKE_BINARY_DIR}/generated/font_glyphs.inc.new" "${CMAKE_BINARY_DIR}/generated/font_glyphs.inc"
     ONLY_IF_DIFFERENT)
find_program(PYFTSUBSET pyftsubset REQUIRED)
set(SUBSET_FONTS "")
foreach(face NotoSans-Regular NotoSans-Bold)
  set(out "${CMAKE_BINARY_DIR}/fonts/${face}.ttf")
  # Only cmap, glyf and metrics matter to stb_truetype: no hinting, no layout tables (Dear ImGui
  # neither kerns nor shapes). The name table keeps the copyright and the licence.
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    COMMAND ${PYFTSUBSET} "${FONT_DIR}/${face}.ttf" "--unicodes=${font_unicodes}" --layout-features=
            --no-hinting "--name-IDs=0,1,2,3,4,5,6,13,14" "--output-file=${out}"
    DEPENDS "${FONT_DIR}/${face}.ttf" "${FONT_GLYPHS}"
    COMMENT "Subsetting ${face}")
  list(APPEND SUBSET_FONTS "fonts/${face}.ttf=${out}")
endforeach()
file(GLOB SHADER_FILES CONFIGURE_DEPENDS shaders/*.glsl)
embed_files(app_assets cp_app_assets ${SUBSET_FONTS} ${SHADER_FILES})

file(GLOB APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/platform/web/*.cpp)
list(FILTER APP_SOURCES EXCLUDE REGEX "/kdf_worker\\.cpp$")   # its own module (kdf_worker, below)
file(GLOB APP_JS_LIBRARIES CONFIGURE_DEPENDS src/platform/web/*.lib.js)
add_executable(caseplan_web ${APP_SOURCES})
set_target_properties(caseplan_web PROPERTIES OUTPUT_NAME caseplan RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/site")
target_link_libraries(caseplan_web PRIVATE engine engine_assets app_assets imgui)
# The app's screens for size; the accessibility mirror and the item locator, which run over every
# item of every frame, for speed (scripts/bench.py: the site under 1.0 MB gzip, the frame's CPU).
target_compile_options(caseplan_web PRIVATE -Os)
set_source_files_properties(src/app/access.cpp src/app/locator.cpp PROPERTIES COMPILE_OPTIONS -O3 SKIP_UNITY_BUILD_INCLUSION ON)
# Compiled a few files to a unit, like the engine (CMakeLists.txt says why).
set_target_properties(caseplan_web PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
target_include_directories(caseplan_web PRIVATE "${CMAKE_BINARY_DIR}/generated")  # font_glyphs.inc
if(TARGET crypto)
  target_link_libraries(caseplan_web PRIVATE crypto storage)
  target_compile_definitions(caseplan_web PRIVATE CP_HAVE_CRYPTO=1)
endif()
string(TIMESTAMP CP_BUILD_DATE "%Y-%m-%d" UTC)
target_compile_definitions(caseplan_web PRIVATE CP_VERSION="${PROJECT_VERSION}" CP_BUILD_DATE="${CP_BUILD_DATE}")
target_link_options(caseplan_web PRIVATE
  -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sTOTAL_STACK=1048576
  "-sEXPORTED_FUNCTIONS=_main,_malloc,_free"
  "-sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8")
foreach(lib IN LISTS APP_JS_LIBRARIES)
  target_link_options(caseplan_web PRIVATE "--js-library=${lib}")
  set_property(TARGET caseplan_web APPEND PROPERTY LINK_DEPENDS "${lib}")
endforeach()

# ---- Argon2id in a Web Worker: kdf_worker.js + kdf_worker.wasm, driven by web/kdf_worker_main.js ----
# A separate small module so key derivation never blocks the page. Memory grows on demand up to
# 512 MiB: room for kdf_maximum's 256 MiB with headroom; anything larger fails cleanly as 'oom'.
add_executable(kdf_worker src/platform/web/kdf_worker.cpp)
set_target_properties(kdf_worker PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/site")
target_link_libraries(kdf_worker PRIVATE sodium)
target_link_options(kdf_worker PRIVATE
  -sENVIRONMENT=worker -sMODULARIZE=1 -sEXPORT_NAME=createKdfModule
  -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=536870912
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sEXIT_RUNTIME=0
  "-sEXPORTED_FUNCTIONS=_cp_kdf_derive,_malloc,_free")

# Static files of the page are copied beside the wasm; the folder is the deployable site. Each
# compressible file gets a .gz and a .br beside it, for hosts that send precompressed files
# (serve.py does; README, "Deploying").
file(GLOB WEB_FILES CONFIGURE_DEPENDS web/*)
find_program(GZIP gzip REQUIRED)
find_program(BROTLI brotli REQUIRED)
# The accessibility statement (docs/accessibility.md, plain ASCII) is published beside the page as
# accessibility.txt; Help > Guide > Accessibility points to it.
set(ACCESSIBILITY_STATEMENT "${CMAKE_SOURCE_DIR}/docs/accessibility.md")
add_custom_target(site ALL
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WEB_FILES} "${CMAKE_BINARY_DIR}/site/"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different "${ACCESSIBILITY_STATEMENT}"
          "${CMAKE_BINARY_DIR}/site/accessibility.txt"
  COMMAND ${PYTHON3} "${CMAKE_SOURCE_DIR}/cmake/compress_site.py" ${GZIP} ${BROTLI} "${CMAKE_BINARY_DIR}/site"
  DEPENDS ${WEB_FILES} "${ACCESSIBILITY_STATEMENT}" caseplan_web kdf_worker
          "${CMAKE_SOURCE_DIR}/cmake/compress_site.py")

# ---- the benchmark's yardstick: a bare Dear ImGui "hello" page (scripts/bench.py) ------------
# Stock Dear ImGui (its built-in font, no test-engine hooks) compiled like the app's copy, linked
# with the app's flags. Not built by default and written to hello/, never into site/.
add_library(imgui_hello STATIC EXCLUDE_FROM_ALL
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui_hello SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_compile_definitions(imgui_hello PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui_hello PRIVATE -O2 -w)
add_executable(bench_hello EXCLUDE_FROM_ALL bench/hello/hello.cpp)
set_target_properties(bench_hello PROPERTIES OUTPUT_NAME hello RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/hello")
target_link_libraries(bench_hello PRIVATE imgui_hello)
target_link_options(bench_hello PRIVATE
  -sENVIRONMENT=web -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sUSE_WEBGL2=1 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sDYNAMIC_EXECUTION=0 -sFILESYSTEM=0 -sEXIT_RUNTIME=0 -sTOTAL_STACK=1048576
  "-sEXPORTED_FUNCTIONS=_main")
file(GLOB HELLO_WEB_FILES CONFIGURE_DEPENDS bench/hello/*.html bench/hello/*.js bench/hello/*.css)
add_custom_target(bench_hello_page
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${HELLO_WEB_FILES} "${CMAKE_BINARY_DIR}/hello/"
  DEPENDS bench_hello ${HELLO_WEB_FILES})
