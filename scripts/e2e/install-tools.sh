#!/usr/bin/env bash
# Installs what the end-to-end stage needs, outside the repository's node_modules, cached:
#   apt:  chromium (browser driven by playwright-core), neovim (second LSP client),
#         libkrb5-dev + pkg-config (a native module of code-server)
#   npm:  code-server@4.100.3 (= VS Code 1.100.3, the newest that runs on Node 20) and
#         playwright-core, into ${FOUNDATIONS_E2E_CACHE:-$HOME/.cache/foundations-e2e}.
# Idempotent: a second run only checks and prints "cached". Safe to interrupt: each npm
# install goes to a staging folder that is renamed into place only when complete.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
PLAYWRIGHT_VERSION=1.65.1
RIPGREP_PKG_VERSION=1.18.0          # @vscode/ripgrep-linux-x64: ships the rg binary in the npm tarball
RIPGREP_PINNED=1.15.11              # the @vscode/ripgrep version code-server pins
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium neovim libkrb5-dev pkg-config)

CACHE=${FOUNDATIONS_E2E_CACHE:-$HOME/.cache/foundations-e2e}
mkdir -p "$CACHE"
# One installer at a time per cache (two runs started together wait for each other).
exec 9>"$CACHE/.install.lock"
flock 9
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }
T0=$(now)

# --- apt packages -------------------------------------------------------------------------
t=$(now)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "install-tools: apt-get install ${missing[*]}"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-tools: apt packages: $(elapsed "$t")"
else
  echo "install-tools: apt packages: cached (${APT_PACKAGES[*]})"
fi

export npm_config_cache="$CACHE/npm-cache" npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

installed_version() { node -p "require('$1/package.json').version" 2>/dev/null || true; }

# --- code-server --------------------------------------------------------------------------
t=$(now)
if [ "$(installed_version "$CACHE/code-server/node_modules/code-server")" = "$CODE_SERVER_VERSION" ] \
   && [ -x "$CACHE/code-server/node_modules/.bin/code-server" ]; then
  echo "install-tools: code-server $CODE_SERVER_VERSION: cached"
else
  stage="$CACHE/code-server.staging"
  rm -rf "$stage" && mkdir -p "$stage/tmp" "$stage/rg"
  # @vscode/ripgrep (pinned inside code-server) downloads rg from the internet in postinstall;
  # pre-seed its download cache ($TMPDIR/vscode-ripgrep-cache-<ver>/) with the rg binary of
  # the npm package @vscode/ripgrep-linux-x64.
  (cd "$stage/rg" && npm pack -q "@vscode/ripgrep-linux-x64@$RIPGREP_PKG_VERSION" >/dev/null \
     && tar xzf vscode-ripgrep-linux-x64-*.tgz && chmod +x package/bin/rg)
  mkdir -p "$stage/tmp/vscode-ripgrep-cache-$RIPGREP_PINNED"
  tar czf "$stage/tmp/vscode-ripgrep-cache-$RIPGREP_PINNED/$RIPGREP_ASSET" -C "$stage/rg/package/bin" rg
  (cd "$stage" && npm init -y >/dev/null \
     && TMPDIR="$stage/tmp" npm_config_unsafe_perm=true npm_config_yes=true \
        npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >install.log 2>&1) \
    || { echo "install-tools: code-server install failed:"; tail -50 "$stage/install.log"; exit 1; }
  rm -rf "$stage/tmp" "$stage/rg" "$CACHE/code-server"
  mv "$stage" "$CACHE/code-server"
  echo "install-tools: code-server $CODE_SERVER_VERSION: $(elapsed "$t")"
fi

# --- playwright-core (never `playwright install`: it drives Debian's /usr/bin/chromium) ---
t=$(now)
if [ "$(installed_version "$CACHE/playwright/node_modules/playwright-core")" = "$PLAYWRIGHT_VERSION" ]; then
  echo "install-tools: playwright-core $PLAYWRIGHT_VERSION: cached"
else
  stage="$CACHE/playwright.staging"
  rm -rf "$stage" && mkdir -p "$stage"
  (cd "$stage" && npm init -y >/dev/null && npm install --no-save --no-package-lock "playwright-core@$PLAYWRIGHT_VERSION" >install.log 2>&1) \
    || { echo "install-tools: playwright-core install failed:"; tail -30 "$stage/install.log"; exit 1; }
  rm -rf "$CACHE/playwright" && mv "$stage" "$CACHE/playwright"
  echo "install-tools: playwright-core $PLAYWRIGHT_VERSION: $(elapsed "$t")"
fi

echo "install-tools: ready in $CACHE ($(elapsed "$T0"))"
