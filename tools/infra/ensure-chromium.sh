#!/usr/bin/env bash
# Make Debian's chromium available at /usr/bin/chromium for Playwright
# (playwright-core, launched with executablePath) and check it runs headless.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CHROMIUM=/usr/bin/chromium

# Fonts: Latin metrics-compatible + a CJK font, so Chinese text renders in
# screenshots (Debian installs neither with --no-install-recommends).
FONTS=(fonts-liberation fonts-wqy-microhei)

if [[ ! -x "$CHROMIUM" ]]; then
  apt_install chromium "${FONTS[@]}"
  [[ -x "$CHROMIUM" ]] || die "chromium: $CHROMIUM still missing after apt-get install chromium"
elif have fc-list && [[ -z "$(fc-list :lang=zh family 2>/dev/null | head -n1)" ]]; then
  apt_install "${FONTS[@]}"
fi

version=$("$CHROMIUM" --version 2>/dev/null | head -n1) || die "chromium: '$CHROMIUM --version' failed"
[[ -n "$version" ]] || die "chromium: '$CHROMIUM --version' printed nothing"

# Headless smoke test (render about:blank, print its DOM), once per version.
STAMP="$RUN_DIR/chromium-headless.ok"
if ! stamp_ok "$STAMP" "$version"; then
  out=$(timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --dump-dom about:blank 2>/dev/null) \
    || die "chromium: '$CHROMIUM --headless --no-sandbox --disable-gpu --dump-dom about:blank' failed"
  [[ "$out" == *"<html"* ]] || die "chromium: headless run printed no DOM"
  write_stamp "$STAMP" "$version"
fi
info "chromium: $version runs headless ($CHROMIUM)"
