#!/usr/bin/env bash
# Neovim's built-in LSP client against the bundled server (node dist/server.js --stdio), on a temp
# copy of the example workspace. Writes the diagnostics as JSON (.e2e/artifacts/neovim-diagnostics.json)
# and exits non-zero when a check fails.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
command -v nvim >/dev/null || { echo "neovim.sh: nvim missing: run bash scripts/e2e/install-tools.sh" >&2; exit 2; }
[ -f "$REPO/dist/server.js" ] || { echo "neovim.sh: dist/server.js missing: run npm run build" >&2; exit 2; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/foundations-neovim-XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cp -r "$REPO/test-fixtures/shop" "$TMP/shop"
mkdir -p "$TMP/home" "$REPO/.e2e/artifacts"
OUT="$REPO/.e2e/artifacts/neovim-diagnostics.json"
rm -f "$OUT"
start=$(date +%s%N)
set +e
# Own HOME/XDG dirs: nothing of the user's Neovim setup is read, and lsp.log lands in $TMP.
HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/home/.config" XDG_DATA_HOME="$TMP/home/.local/share" \
XDG_CACHE_HOME="$TMP/home/.cache" XDG_STATE_HOME="$TMP/home/.local/state" \
FOUNDATIONS_SERVER="$REPO/dist/server.js" FOUNDATIONS_WS="$TMP/shop" FOUNDATIONS_E2E_OUT="$OUT" \
  timeout 180 nvim --headless --clean -u NONE -i NONE -n \
    -c "luafile $REPO/scripts/e2e/neovim.lua" "$TMP/shop/src/catalog/core/product.ts" </dev/null
rc=$?
set -e
echo "neovim: exit $rc in $(( ($(date +%s%N) - start) / 1000000 )) ms; diagnostics in ${OUT#$REPO/}"
if [ $rc -ne 0 ] && [ -f "$TMP/home/.cache/nvim/lsp.log" ]; then cp "$TMP/home/.cache/nvim/lsp.log" "$REPO/.e2e/artifacts/neovim-lsp.log"; fi
[ -f "$OUT" ] || { echo "neovim: no report written" >&2; exit 1; }
exit $rc
