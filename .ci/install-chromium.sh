#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/browser), only when
# /usr/bin/chromium is missing. Playwright drives this Chromium: we never run
# `playwright install`, which downloads a browser build of its own.
#
# Runs apt-get as root, or through sudo when that is available; exits non-zero with a
# message saying what to do when it cannot.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install-chromium: $CHROMIUM is already here ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    AS_ROOT=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    AS_ROOT=(sudo -n)
else
    echo "install-chromium: $CHROMIUM is missing and I cannot install it: not root, and sudo is not available without a password." >&2
    echo "install-chromium: install Debian's chromium package as root (apt-get install chromium), or set PERMANENCE_SKIP_BROWSER=1 to skip the browser tests." >&2
    exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-chromium: $CHROMIUM is missing and apt-get is not available on this machine: install Chromium at $CHROMIUM by hand, or set PERMANENCE_SKIP_BROWSER=1 to skip the browser tests." >&2
    exit 1
fi

echo "install-chromium: $CHROMIUM is missing; installing Debian's chromium package${AS_ROOT:+ (with ${AS_ROOT[*]})}"
echo "install-chromium: apt-get update -qq"
if ! "${AS_ROOT[@]}" apt-get update -qq; then
    echo "install-chromium: apt-get update failed; cannot install Chromium." >&2
    exit 1
fi
echo "install-chromium: apt-get install -y -qq chromium"
if ! DEBIAN_FRONTEND=noninteractive "${AS_ROOT[@]}" apt-get install -y -qq chromium; then
    echo "install-chromium: apt-get install chromium failed; the browser tests need $CHROMIUM." >&2
    exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
    echo "install-chromium: the chromium package installed but $CHROMIUM is still missing." >&2
    exit 1
fi
echo "install-chromium: installed $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
