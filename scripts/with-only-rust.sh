#!/usr/bin/env bash
# Runs a command (e.g. `cargo test`) with a PATH that hides every outside tool the test
# suite can drive: Graphviz, Python, Node.js, pandoc, Chromium and their helpers. It
# holds README's promise that a plain `cargo test` passes on a machine with only Rust:
# `.ci/run` runs the suite this way first, then with every tool installed.
#   bash scripts/with-only-rust.sh cargo test
set -euo pipefail
. "$(dirname "$0")/path-without.sh"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
hidden='^(dot|neato|fdp|sfdp|circo|twopi|osage|patchwork|gvpr|gvpack|gc|ccomps|unflatten|tred|acyclic|nop|sccmap|mm2gv|gv2gml|python.*|pip.*|pydoc.*|node|nodejs|npm|npx|pandoc|weasyprint|rsvg-convert|chromium.*|chromedriver|google-chrome.*)$'
PATH=$(path_without "$hidden" "$bin")
export PATH
"$@"
