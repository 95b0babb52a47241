#!/usr/bin/env bash
# Shortest-path queries: linkage against networkx on the same generated graph.
#
#   bench/path_vs_networkx.sh            # 100k nodes, 1M relations
#   NODES=10000 RELATIONS=100000 bench/path_vs_networkx.sh
#
# Generates the dataset once under target/bench-data/ (never committed), builds the
# release binary and the `path_query` bench, times load and 200 random queries in
# process for both tools, times the command line, and prints a side-by-side table.
# Needs python3 with networkx (`pip install networkx`).
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=${NODES:-100000}
RELATIONS=${RELATIONS:-1000000}
PAIRS=${PAIRS:-200}
DIR=${CARGO_TARGET_DIR:-target}/bench-data/g${NODES}-${RELATIONS}

if [ ! -d "$DIR" ]; then
  echo "generating $DIR ..." >&2
  python3 bench/gen_graph.py --nodes "$NODES" --relations "$RELATIONS" --pairs "$PAIRS" --out "$DIR"
fi

cargo build --release --quiet
echo "timing linkage in process ..." >&2
cargo bench --quiet --bench path_query -- "$DIR" "$DIR.pairs" > "$DIR.linkage.json"
echo "timing networkx ..." >&2
python3 bench/nx_shortest.py "$DIR.edges" "$DIR.pairs" > "$DIR.networkx.json"
python3 bench/report.py "$DIR" "$DIR.linkage.json" "$DIR.networkx.json" \
  "${CARGO_TARGET_DIR:-target}/release/linkage"
