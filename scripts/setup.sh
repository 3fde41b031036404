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
      dpkg-dev nodejs npm pkg-config gzip libclang-rt-14-dev clang-format-14 fonttools brotli)

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
# Third-party sources, pinned to the Debian source versions the project is built and tested with
# (docs/toolchain.md): a newer upload to trixie or bookworm is never picked up by accident.
IMGUI_VERSION=1.90.1+ds-1        # Dear ImGui, from trixie (bookworm's 1.86 lacks the input event queue)
SODIUM_VERSION=1.0.18-1+deb12u1  # libsodium for wasm, from bookworm: the same as libsodium-dev natively
fetch_source() { # name, Debian version, a file that shows the tree is unpacked
  local name=$1 version=$2 marker=$3
  local upstream=${version%-*}
  local dir="$THIRD/$name-$upstream"
  [ -e "$dir/$marker" ] && return
  say "apt-get source $name=$version"
  if ! (cd "$THIRD" && { apt-get source -qq --download-only "$name=$version" >/dev/null 2>&1 ||
        { $SUDO apt-get update -qq && apt-get source -qq --download-only "$name=$version" >/dev/null 2>&1; }; }); then
    echo "[setup] error: the Debian source package $name version $version is not available" >&2
    echo "[setup]   (deb-src entries: $SRC_LIST). The build is pinned to that version (docs/toolchain.md)." >&2
    echo "[setup]   Put ${name}_$version.dsc and the files it lists into $THIRD" >&2
    echo "[setup]   (e.g. from snapshot.debian.org), or test a newer version and change the pin in $0." >&2
    exit 1
  fi
  (cd "$THIRD" && dpkg-source -x --no-check "${name}_$version.dsc" >/dev/null)
  [ -e "$dir/$marker" ] || { echo "[setup] error: $dir/$marker missing after unpacking $name $version" >&2; exit 1; }
}
fetch_source imgui "$IMGUI_VERSION" imgui.cpp
fetch_source libsodium "$SODIUM_VERSION" src/libsodium/include/sodium.h
ln -sfn "$THIRD/imgui-${IMGUI_VERSION%-*}" "$THIRD/imgui"
ln -sfn "$THIRD/libsodium-${SODIUM_VERSION%-*}" "$THIRD/libsodium"

# em++ never searches /usr/include; give it a folder of links to the header-only libraries.
INC=$THIRD/em-include; mkdir -p "$INC"
for d in nlohmann doctest; do ln -sfn /usr/include/$d "$INC/$d"; done
ln -sfn /usr/include/stb "$INC/stb"

if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  say "npm ci (playwright-core, axe-core)"
  npm ci --no-audit --no-fund --silent
fi
say "dependencies ready"
