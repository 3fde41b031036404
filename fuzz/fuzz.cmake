# libFuzzer targets (included from CMakeLists.txt when CP_FUZZ is ON; see docs/fuzzing.md).
# Every library in this build folder is instrumented for coverage, ASan and UBSan by the
# options set at the top of CMakeLists.txt; only these executables link libFuzzer's main.
set(CP_FUZZ_TARGETS fuzz_export fuzz_import fuzz_vault fuzz_pack fuzz_workspace)
foreach(t IN LISTS CP_FUZZ_TARGETS)
  add_executable(${t} fuzz/${t}.cpp)
  target_link_options(${t} PRIVATE -fsanitize=fuzzer)
  target_include_directories(${t} PRIVATE fuzz)
endforeach()
target_link_libraries(fuzz_export PRIVATE crypto)
target_link_libraries(fuzz_import PRIVATE storage engine engine_assets)
target_link_libraries(fuzz_vault PRIVATE storage engine engine_assets)
target_link_libraries(fuzz_pack PRIVATE engine engine_assets)
target_link_libraries(fuzz_workspace PRIVATE engine engine_assets)
add_custom_target(fuzzers DEPENDS ${CP_FUZZ_TARGETS})

# Writes the generated seeds of fuzz/corpus (scripts/fuzz.sh --seeds); an ordinary program.
add_executable(fuzz_seeds fuzz/make_seeds.cpp)
target_include_directories(fuzz_seeds PRIVATE fuzz)
target_link_libraries(fuzz_seeds PRIVATE storage engine engine_assets)
