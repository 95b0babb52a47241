#!/bin/sh
# Runs every fuzz target once over its committed seeds (fuzz/seeds/<target>/), with no
# new inputs generated: a short, deterministic check that no seed crashes a target.
# A target without seeds is an error. Exits non-zero on a crash. Needs the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -eu
cd "$(dirname "$0")"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for target in fuzz_targets/*.rs; do
    name=$(basename "$target" .rs)
    if [ ! -d "seeds/$name" ]; then
        echo "fuzz/ci.sh: no seeds for the $name target (fuzz/seeds/$name/)" >&2
        exit 1
    fi
    # The first directory receives anything new; it is thrown away.
    mkdir "$scratch/$name"
    cargo +nightly fuzz run "$name" "$scratch/$name" "seeds/$name" -- -runs=0
done
