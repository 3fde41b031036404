#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, CMake option CP_FUZZ) in build/asan with clang, ASan and
# UBSan (scripts/build.sh asan, the folder of the sanitizer suites), and runs each one for a fixed time on a working copy of its corpus. docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   fuzz each target SECONDS (default 60), one at a time
#   scripts/fuzz.sh --build                 only build
#   scripts/fuzz.sh --seeds                 rewrite the generated seeds in fuzz/corpus/
#
# Environment: JOBS (build parallelism, default: every core), FUZZ_ARGS (extra libFuzzer options, e.g.
# "-max_len=200000"). The working corpora (build/fuzz/corpus/<target>) keep what each run
# found, so later runs start from there; crash inputs go to build/fuzz/artifacts/<target>/.
#
# Prints one line per target, "FUZZ-RESULT <target> ok|crash runs=N exec_per_sec=N cov=N ft=N
# corpus=N", then a summary; exits 1 if any target crashed (or failed an invariant), 2 on a
# build or usage error.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$ROOT/build/asan   # the executables
OUT=$ROOT/build/fuzz   # working corpora, crash inputs and logs
TARGETS=(fuzz_export fuzz_import fuzz_vault fuzz_pack fuzz_workspace)
JOBS=${JOBS:-$(nproc)}

build() {
  mkdir -p "$OUT"
  JOBS=$JOBS bash scripts/build.sh asan "$@" >"$OUT/build.log" 2>&1 ||
    { tail -40 "$OUT/build.log" >&2; echo "fuzz: build failed (build/fuzz/build.log)" >&2; exit 2; }
}

seeds() {
  build fuzz_seeds
  [ -x build/native/caseplan ] && [ -x build/native/cpcrypt ] || bash scripts/build.sh native >/dev/null ||
    { echo "fuzz: the native build failed" >&2; exit 2; }
  local tmp; tmp=$(mktemp -d)
  "$BIN/fuzz_seeds" fuzz/corpus || exit 2
  build/native/caseplan demo fuzz/corpus/fuzz_workspace/demo.json >/dev/null || exit 2
  cp assets/protocols/*.json fuzz/corpus/fuzz_pack/
  printf 'correct horse battery staple\n' >"$tmp/pass"
  build/native/cpcrypt encrypt --passphrase-file "$tmp/pass" --kind case-package --note "seed" \
    --opslimit 2 --memlimit 19922944 fuzz/corpus/cpcrypt-input/payload.json \
    fuzz/corpus/fuzz_export/cpcrypt-case-package.json >/dev/null || exit 2
  rm -rf fuzz/corpus/cpcrypt-input "$tmp"
  du -sh fuzz/corpus
  for t in "${TARGETS[@]}"; do printf '  %-16s %3d files\n' "$t" "$(ls fuzz/corpus/$t | wc -l)"; done
}

# The last value of a "name: N" or "name=N" field in a log.
field() { grep -oE "(^| )$1[:=] *[0-9]+" "$2" | tail -1 | grep -oE '[0-9]+$' || echo 0; }

run_target() {
  local t=$1 secs=$2
  local corpus=$OUT/corpus/$t art=$OUT/artifacts/$t/ log=$OUT/logs/$t.log
  mkdir -p "$corpus" "$art" "$OUT/logs"
  cp fuzz/corpus/$t/* "$corpus"/ 2>/dev/null
  echo "=== $t: ${secs} s"
  # Leak checking stays on; -rss_limit_mb guards against a parser asked to allocate too much.
  # shellcheck disable=SC2086
  "$BIN/$t" "$corpus" -max_total_time="$secs" -print_final_stats=1 -dict=fuzz/json.dict \
    -timeout=25 -rss_limit_mb=2560 -artifact_prefix="$art" -close_fd_mask=1 ${FUZZ_ARGS:-} >"$log" 2>&1
  local rc=$?
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^stat::|ERROR|SUMMARY|invariant failed|Test unit written|deadly signal' "$log" | tail -20
  local status=ok
  if [ $rc -ne 0 ] || grep -qE 'Test unit written to|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|runtime error:' "$log"; then
    status=crash
    echo "--- $t crashed (exit $rc); full log: build/fuzz/logs/$t.log"
    grep -m8 -E '^ +#[0-9]+ 0x[0-9a-f]+ in (cp::|LLVMFuzzerTestOneInput)' "$log"
    grep -oE 'Test unit written to .*' "$log" | sed "s|^Test unit written to |reproduce: build/asan/$t |"
  fi
  echo "FUZZ-RESULT $t $status runs=$(field 'stat::number_of_executed_units' "$log")" \
       "exec_per_sec=$(field 'stat::average_exec_per_sec' "$log") cov=$(field 'cov' "$log")" \
       "ft=$(field 'ft' "$log") corpus=$(field corp "$log")"
  [ $status = ok ]
}

case "${1:-}" in
  --build) build fuzzers; echo "fuzz: built ${TARGETS[*]} in build/asan"; exit 0 ;;
  --seeds) seeds; exit 0 ;;
  -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
esac
secs=${1:-60}
[[ "$secs" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [TARGET...] | --build | --seeds" >&2; exit 2; }
shift || true
[ $# -gt 0 ] && TARGETS=("$@")
build "${TARGETS[@]}"
crashed=0
for t in "${TARGETS[@]}"; do run_target "$t" "$secs" || crashed=$((crashed + 1)); done
echo "fuzz: ${#TARGETS[@]} targets, $((${#TARGETS[@]} - crashed)) without a crash, $crashed crashed"
[ $crashed -eq 0 ]
