#!/usr/bin/env bash
# Build the front end into src/permanence/web/static/build/ (not in git):
#   permanence.css        GOV.UK Frontend + MoJ Frontend + frontend/*.scss, compressed
#   govuk-frontend.min.js GOV.UK Frontend's components, an ES module
#   permanence.js         starts them (initAll)
#   assets/               the images the CSS refers to, and GOV.UK Frontend's manifest
# Installs the pinned npm packages first when node_modules is missing or older than
# package-lock.json. Does nothing slow when nothing changed, so setup can call it always.
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=src/permanence/web/static/build
STAMP=node_modules/.permanence-installed
GOVUK=node_modules/govuk-frontend/dist/govuk
MOJ=node_modules/@ministryofjustice/frontend/moj

if ! command -v npm >/dev/null 2>&1; then
  echo "frontend/build.sh: npm is needed (Node.js 20.19 or later)" >&2
  exit 1
fi

if [ ! -f "$STAMP" ] || [ package-lock.json -nt "$STAMP" ] || [ package.json -nt "$STAMP" ]; then
  # --ignore-scripts: none of these packages needs an install script to work.
  npm ci --no-audit --no-fund --ignore-scripts
  touch "$STAMP"
fi

mkdir -p "$OUT/assets/images"

# Copy $1 to $2 only when it differs, so unchanged files keep their times.
copied=0
put() {
  if ! cmp -s "$1" "$2"; then
    cp "$1" "$2.tmp" && mv "$2.tmp" "$2"
    copied=$((copied + 1))
  fi
}

css="$OUT/permanence.css"
if [ ! -f "$css" ] || [ "$STAMP" -nt "$css" ] || [ -n "$(find frontend -name '*.scss' -newer "$css")" ]; then
  node_modules/.bin/sass --load-path=. --style=compressed --no-source-map \
    frontend/permanence.scss "$css.tmp"
  mv "$css.tmp" "$css"
  echo "frontend/build.sh: $css"
fi

# The bundle names a source map that is not shipped; drop the comment so nothing asks for it.
sed '/^\/\/# sourceMappingURL=/d; s#//\# sourceMappingURL=[^ ]*$##' \
  "$GOVUK/govuk-frontend.min.js" >"$OUT/govuk-frontend.min.js.new"
put "$OUT/govuk-frontend.min.js.new" "$OUT/govuk-frontend.min.js"
rm -f "$OUT/govuk-frontend.min.js.new"
put frontend/permanence.js "$OUT/permanence.js"

put "$GOVUK/assets/manifest.json" "$OUT/assets/manifest.json"
# MoJ's icons only (its CSS uses them), not its crest or app icons.
for image in "$GOVUK"/assets/images/* "$MOJ"/assets/images/icon-*; do
  put "$image" "$OUT/assets/images/$(basename "$image")"
done
if [ "$copied" -gt 0 ]; then
  echo "frontend/build.sh: copied $copied scripts and assets into $OUT"
fi
