#!/bin/sh
# Runs the loader fuzz target once over the committed seed corpus (fuzz/seeds), with no
# new inputs generated: a short, deterministic check that no seed crashes the loader.
# Exits non-zero on a crash. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`).
set -eu
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The first directory receives anything new; it is thrown away.
cargo +nightly fuzz run load "$scratch" seeds -- -runs=0
