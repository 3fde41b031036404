#!/usr/bin/env bash
# Builds what is asked (default: everything) incrementally. Installs missing dependencies first.
#   scripts/build.sh            native engine + tests + CLI, and the wasm site + wasm tests
#   scripts/build.sh site       only the web app (build/wasm/site)
#   scripts/build.sh native     only the native build
#   scripts/build.sh asan       the native suites, the CLI and the libFuzzer targets under ASan + UBSan
#                               (build/asan)
#   scripts/build.sh test       what scripts/test.py runs: the wasm suites and site, build/asan, and
#                               the native export tool (cpcrypt) the interoperability tests drive
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
bash scripts/setup.sh
mkdir -p build
export NODE_PATH=/usr/share/nodejs   # Debian's emscripten needs Debian's acorn under Node 20
JOBS=${JOBS:-$(nproc)}

native() {
  # clang, like em++, so code that only g++ accepts fails here first rather than in the wasm build.
  [ -f build/native/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B build/native -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  flock build/.native.lock ninja -C build/native -j "$JOBS" "$@"
}
asan() {
  # CMake options CP_SANITIZE and CP_FUZZ: ASan + UBSan (any report fatal), libstdc++ assertions,
  # coverage for libFuzzer, -O1 with line tables (a report names file and line; full debug information
  # made its compile a quarter slower). One folder serves the sanitizer suites and the fuzz targets, so
  # the engine is compiled once for both.
  [ -f build/asan/build.ninja ] || CC=clang CXX=clang++ cmake -S . -B build/asan -G Ninja -DCP_SANITIZE=ON \
    -DCP_FUZZ=ON -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS_DEBUG="-O1 -gline-tables-only" -DCMAKE_CXX_FLAGS_DEBUG="-O1 -gline-tables-only" >/dev/null
  flock build/.asan.lock ninja -C build/asan -j "$JOBS" engine_tests crypto_tests storage_tests app_tests caseplan fuzzers "$@"
}
wasm() {
  [ -f build/wasm/build.ninja ] || emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
  flock build/.wasm.lock ninja -C build/wasm -j "$JOBS" "$@"
}

case "$what" in
  site)   wasm caseplan_web site ;;
  native) native ;;
  asan)   asan "${@:2}" ;;
  test)   native cpcrypt; wasm engine_tests crypto_tests storage_tests site; asan ;;
  wasm)   wasm ;;
  all)    native; wasm; asan ;;
  *) echo "usage: scripts/build.sh [all|native|asan|wasm|site|test]" >&2; exit 2 ;;
esac
