#!/usr/bin/env bash
# The Python package as a user without Rust gets it: builds the wheel (maturin, for
# this platform), installs it into a fresh virtual environment, and there, with a PATH
# that has no cargo, rustc or rustup, runs README's main command, the Python tests
# (python/tests: every call against the installed command's --json) and the notebook
# docs/notebook.ipynb (its outputs must be the committed ones). `.ci/run` calls it
# after the Rust tests; maturin comes from scripts/test-deps.sh.
#   bash scripts/python-package.sh
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m maturin build --release --quiet --manifest-path python/Cargo.toml --out "$work/wheels"
python3 -m venv "$work/venv"
# The wheel alone, from the directory it was built into (no index: nothing else named
# linkage can be picked up), then what the tests and the notebook use, pinned.
"$work/venv/bin/pip" install --quiet --no-index --find-links "$work/wheels" linkage
"$work/venv/bin/pip" install --quiet pytest==9.2.0 pandas==3.1.1 networkx==3.6.1 \
  nbclient==0.11.0 nbformat==5.11.1 ipykernel==7.4.0

# PATH: the venv first, then every directory of PATH with Rust's tools hidden.
. scripts/path-without.sh
mkdir "$work/no-rust"
hidden='^(cargo|cargo-.*|rustc|rustdoc|rustup|rustfmt|rust-.*|clippy-driver|maturin)$'
no_rust=$(path_without "$hidden" "$work/no-rust")
export PATH="$work/venv/bin:$no_rust"
if command -v cargo >/dev/null || command -v rustc >/dev/null; then
  echo "python-package.sh: Rust is still on PATH" >&2
  exit 1
fi
# Run from outside the repository, so `import linkage` is the installed package.
cd "$work"
echo "linkage from $(command -v linkage), module from $(python -c 'import linkage; print(linkage.__file__)')"
linkage diff tpa rr >/dev/null   # README's main command
python -m pytest -q -p no:cacheprovider "$repo/python/tests"
python "$repo/scripts/notebook.py" "$repo/docs/notebook.ipynb"
