#!/bin/sh
# Runs each fuzz target once over its committed seeds, with no new inputs generated: a
# short, deterministic check that no seed crashes the loader, serve's request handling
# or a batch line. Exits non-zero on a crash. Needs the nightly toolchain and cargo-fuzz
# (`cargo install cargo-fuzz`).
set -eu
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# The first directory receives anything new; it is thrown away.
cargo +nightly fuzz run load "$scratch" seeds -- -runs=0
for target in serve_request batch_line; do
    rm -rf "$scratch"/*
    cargo +nightly fuzz run "$target" "$scratch" "seeds/$target" -- -runs=0
done
