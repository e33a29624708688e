# Sourced by scripts/demo and scripts/test: makes .venv (Python 3.13, the newest
# Python we support, so it can run the newest Sphinx) with the pinned packages,
# and re-installs whenever a requirement file changes.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"

find_python() {
  # $1: a version such as 3.13. pyenv's shims only answer for the active
  # version, so look in pyenv's own folders too.
  local version="$1" candidate
  for candidate in "python$version" \
      "$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")"/versions/"$version"*/bin/"python$version"; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c '' >/dev/null 2>&1; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  local python stamp want
  stamp="$VENV/.requirements-stamp"
  want="$(cat "$ROOT"/requirements/*.txt "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$VENV/bin/python" ]; then
    return 0
  fi
  if [ ! -x "$VENV/bin/python" ]; then
    python="$(find_python 3.13)" || { echo "Python 3.13 is needed (pyenv install 3.13)" >&2; exit 1; }
    echo "==> creating $VENV with $python"
    "$python" -m venv "$VENV"
  fi
  echo "==> installing pinned packages into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    -r "$ROOT/requirements/test.txt" -c "$ROOT/requirements/constraints.txt" \
    -e "$ROOT"
  echo "$want" > "$stamp"
}

apt_install() {
  # $@: Debian packages, installed quietly (as root, or through sudo).
  echo "==> installing Debian's $*"
  local sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_chromium() {
  # The browser tests use Debian's Chromium; Playwright's own download is the
  # fall-back where the system has no package manager we can use.
  if command -v chromium >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    apt_install chromium
  else
    "$VENV/bin/python" -m playwright install chromium
  fi
}

ensure_pandoc() {
  # nbsphinx (tests/test_notebooks.py) converts notebooks' Markdown with pandoc.
  if command -v pandoc >/dev/null 2>&1; then return 0; fi
  if command -v apt-get >/dev/null 2>&1; then
    apt_install pandoc
  else
    echo "pandoc not found: the nbsphinx tests will be skipped" >&2
  fi
}

ensure_node_packages() {
  # The JavaScript the tests inject (axe-core), pinned in package-lock.json,
  # into node_modules/; re-installed whenever the lock file changes.
  local stamp="$ROOT/node_modules/.lock-stamp" want
  want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  echo "==> installing the pinned node packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund --silent)
  echo "$want" > "$stamp"
}
