#!/usr/bin/env bash
# The end-to-end stage: tools (cached), build + package when sources changed, then the
# extension-host suite in code-server, the UI smoke test on the packaged .vsix, and Neovim.
# Prints the wall time of each stage; exits non-zero if any stage fails (every test stage runs).
#   npm run test:e2e            FOUNDATIONS_E2E_REBUILD=1 to force the build
set -uo pipefail
cd "$(dirname "$0")/../.."
REPO=$(pwd)
export FOUNDATIONS_E2E_CACHE=${FOUNDATIONS_E2E_CACHE:-$HOME/.cache/foundations-e2e}
declare -a NAMES=() RESULTS=() TIMES=()
T0=$(date +%s%N)

stage() { # stage <name> <command...>
  local name=$1; shift
  echo; echo "=== e2e stage: $name"
  local t=$(date +%s%N) rc
  "$@"; rc=$?
  local secs=$(awk -v ns=$(( $(date +%s%N) - t )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  NAMES+=("$name"); TIMES+=("$secs"); RESULTS+=("$([ $rc -eq 0 ] && echo pass || echo FAIL)")
  echo "=== e2e stage: $name: $([ $rc -eq 0 ] && echo passed || echo "FAILED (exit $rc)") in ${secs}s"
  return $rc
}

summary() {
  local failed=0 passed=0
  echo; echo "e2e summary (wall time per stage):"
  for i in "${!NAMES[@]}"; do
    printf '  %-26s %-5s %7ss\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}"
    [ "${RESULTS[$i]}" = pass ] && passed=$((passed + 1)) || failed=$((failed + 1))
  done
  printf '  %-26s %-5s %7ss\n' total "" "$(awk -v ns=$(( $(date +%s%N) - T0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')"
  echo "e2e: $passed passed, $failed failed"
  [ $failed -eq 0 ]
}

needs_package() {
  [ "${FOUNDATIONS_E2E_REBUILD:-0}" = 1 ] && return 0
  for f in foundations.vsix dist/client.js dist/server.js out/client/test/e2e/index.js; do [ -f "$f" ] || return 0; done
  # Anything that goes into the bundles, the .vsix or the compiled tests newer than the .vsix?
  [ -n "$(find rules server client protocol schema docs package.json package-lock.json esbuild.mjs tsconfig.json .vscodeignore README.md \
          -newer foundations.vsix -type f -print -quit 2>/dev/null)" ]
}

build() {
  if needs_package; then
    [ -d node_modules ] || npm ci --no-audit --no-fund || return 1
    npm run package   # tsc (out/, incl. the e2e suite) + production bundles (dist/) + foundations.vsix
  else
    echo "dist/, out/ and foundations.vsix are up to date"
  fi
}

stage tools bash scripts/e2e/install-tools.sh || { summary; exit 1; }
stage build build || { summary; exit 1; }
stage extension-host node scripts/e2e/run-extension-tests.mjs
stage ui-smoke node scripts/e2e/ui-smoke.mjs
stage neovim bash scripts/e2e/neovim.sh
summary
