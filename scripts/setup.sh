#!/usr/bin/env bash
# Installs everything the build and tests need, from Debian's packages and npm only.
# Idempotent: each step checks before it acts, so a second run takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
THIRD=${THIRD_PARTY_DIR:-$ROOT/build/third_party}
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

say() { printf '[setup] %s\n' "$*"; }

DEBS=(emscripten nlohmann-json3-dev doctest-dev libstb-dev libsodium-dev python3-nacl
      fonts-noto-core fonts-dejavu-core chromium cmake g++ clang make ninja-build
      dpkg-dev nodejs npm pkg-config gzip libclang-rt-14-dev clang-format-14)

missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs from another repository may already provide npm; do not fight it.
if command -v npm >/dev/null; then missing=("${missing[@]/npm}"); fi
missing=($(printf '%s\n' "${missing[@]}" | sed '/^$/d'))

SRC_LIST=/etc/apt/sources.list.d/caseplan-src.sources
if [ ! -f "$SRC_LIST" ]; then
  say "adding deb-src entries for bookworm and trixie (for apt-get source)"
  $SUDO tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  NEED_UPDATE=1
fi
if [ ${#missing[@]} -gt 0 ] || [ -n "${NEED_UPDATE:-}" ]; then
  say "apt-get update"
  $SUDO apt-get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  say "installing: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$THIRD"
fetch_source() { # name, apt spec, marker file
  local name=$1 spec=$2 marker=$3
  if ls -d "$THIRD"/$name-*/ >/dev/null 2>&1 && [ -e "$(ls -d "$THIRD"/$name-*/ | head -1)/$marker" ]; then return; fi
  say "apt-get source $spec"
  (cd "$THIRD" && apt-get source -qq --download-only "$spec" >/dev/null 2>&1 || { $SUDO apt-get update -qq; apt-get source -qq --download-only "$spec" >/dev/null; })
  (cd "$THIRD" && dpkg-source -x --no-check "$(ls -t ${name}_*.dsc | head -1)" >/dev/null)
}
fetch_source imgui imgui/trixie imgui.cpp
fetch_source libsodium libsodium/bookworm src/libsodium/include/sodium.h
ln -sfn "$(ls -d "$THIRD"/imgui-*/ | head -1)" "$THIRD/imgui"
ln -sfn "$(ls -d "$THIRD"/libsodium-*/ | head -1)" "$THIRD/libsodium"

# em++ never searches /usr/include; give it a folder of links to the header-only libraries.
INC=$THIRD/em-include; mkdir -p "$INC"
for d in nlohmann doctest; do ln -sfn /usr/include/$d "$INC/$d"; done
ln -sfn /usr/include/stb "$INC/stb"

if [ ! -d node_modules/playwright-core ]; then
  say "npm ci (playwright-core)"
  npm ci --no-audit --no-fund --silent
fi
say "dependencies ready"
