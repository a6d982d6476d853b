#!/usr/bin/env bash
# Installs what this repository needs on a fresh machine and builds it. Safe to run again: each step is skipped or
# quick when its result is already there. Needs the .NET 10 SDK and Node.js/npm on the PATH.
#   - chromium and chromium-driver (Debian packages) for the browser tests of the HTML reports, when missing:
#     installed with apt-get as root or through sudo without a password; otherwise it says what to run.
#   - npm ci: plotly.js for offline reports, the Kusto language service for the KQL tests.
#   - dotnet tool restore: the tools in .config/dotnet-tools.json, when the manifest exists.
#   - dotnet build Notebooks.sln -c Release: also places artifacts/lib/SecurityML.dll, which the notebooks load.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

step() { printf '==> %s\n' "$*"; }

for tool in dotnet npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "scripts/setup.sh: '$tool' is not on the PATH; install the .NET 10 SDK and Node.js/npm first (see README.md, Set up)." >&2
    exit 1
  fi
done

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  step "chromium and chromedriver: already installed"
else
  if [ "$(id -u)" = 0 ]; then
    sudo=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    sudo=(none)
  fi
  if [ "${sudo[0]:-}" = none ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "scripts/setup.sh: the browser tests need /usr/bin/chromium and /usr/bin/chromedriver, and this script cannot install them" >&2
    echo "  (no apt-get, or neither root nor password-less sudo). Install them once, e.g. on Debian:" >&2
    echo "  sudo apt-get install chromium chromium-driver" >&2
    exit 1
  fi
  step "installing chromium and chromium-driver (apt-get)"
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi

step "npm ci"
npm ci --no-audit --no-fund

if [ -f .config/dotnet-tools.json ]; then
  step "dotnet tool restore"
  dotnet tool restore
fi

step "dotnet build Notebooks.sln -c Release"
dotnet build Notebooks.sln -c Release --nologo -v minimal
