#!/usr/bin/env bash
# Start-up cost of one query on the built-in data, whole process: `show tpa`,
# `diff tpa rr`, `path tpa rr` and `--version`.
#
#   bench/startup.sh                       # the release build alone
#   bench/startup.sh /tmp/linkage-old      # the release build against an older binary
#   RUNS=50 bench/startup.sh OLD           # more runs
#
# For each command: instructions executed (valgrind's callgrind, repeatable to a few
# hundred instructions; skipped when valgrind is missing) and the median wall and cpu
# time of RUNS paired runs (farm-bench: A = this build, B = OLD, alternating). Prints a
# Markdown table. Output goes to a pipe, as in a script; nothing is asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

OLD=${1:-}
RUNS=${RUNS:-20}
NEW=${CARGO_TARGET_DIR:-target}/release/linkage
cargo build --release --quiet

COMMANDS=("show tpa" "diff tpa rr" "path tpa rr" "--version")

# Instructions executed by BINARY ARGS..., or "–" without valgrind.
instructions() {
  if ! command -v valgrind >/dev/null; then
    echo "–"
    return
  fi
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$out" || true
  grep -o 'refs: *[0-9,]*' "$out" | tr -d ' ,' | cut -d: -f2 |
    awk '{ printf "%.1fM", $1 / 1e6 }'
  rm -f "$out"
}

# The median of one farm-bench row ("A wall s", "B cpu s", ...) in milliseconds.
median_ms() {
  grep "^$2" "$1" | awk '{ printf "%.0f", $(NF - 1) * 1000 }'
}

if [ -n "$OLD" ]; then
  echo "| command | instructions, old | instructions, new | wall, old (ms) | wall, new (ms) | cpu, old (ms) | cpu, new (ms) | wall new/old |"
  echo "|---|---|---|---|---|---|---|---|"
else
  echo "| command | instructions | wall (ms) | cpu (ms) |"
  echo "|---|---|---|---|"
fi
for command in "${COMMANDS[@]}"; do
  read -r -a args <<<"$command"
  report=$(mktemp)
  if [ -n "$OLD" ]; then
    farm-bench -n "$RUNS" --vs "$OLD $command" -- "$NEW" "${args[@]}" >"$report" 2>&1
    echo "| \`$command\` | $(instructions "$OLD" "${args[@]}") | $(instructions "$NEW" "${args[@]}") \
| $(median_ms "$report" "B wall s") | $(median_ms "$report" "A wall s") \
| $(median_ms "$report" "B cpu s") | $(median_ms "$report" "A cpu s") \
| $(grep '^A/B wall' "$report" | awk '{ print $(NF - 1) }') |"
  else
    farm-bench -n "$RUNS" -- "$NEW" "${args[@]}" >"$report" 2>&1
    echo "| \`$command\` | $(instructions "$NEW" "${args[@]}") | $(median_ms "$report" "A wall s") \
| $(median_ms "$report" "A cpu s") |"
  fi
  rm -f "$report"
done
