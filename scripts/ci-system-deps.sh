#!/usr/bin/env bash
# Installs the Debian packages that the VS Code integration tests need (code-server's
# native modules, ripgrep for search, Chromium to drive the web workbench).
# Idempotent and quiet: does nothing when every package is already installed.
set -euo pipefail

PACKAGES=(libkrb5-dev ripgrep pkg-config build-essential chromium)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ci-system-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "ci-system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "ci-system-deps: apt-get failed" >&2
  exit 1
fi
echo "ci-system-deps: done"
