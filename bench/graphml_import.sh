#!/usr/bin/env bash
# GraphML import against GraphML export of the same dataset, side by side.
#
#   bench/graphml_import.sh                             # 100k nodes, 1M relations
#   NODES=10000 RELATIONS=100000 bench/graphml_import.sh
#
# Generates the dataset once under target/bench-data/ (never committed), builds the
# release binary, exports the dataset as GraphML once, then times with farm-bench, in
# paired runs (A = import, B = export, alternating), `linkage import --format graphml`
# of that file into a new directory (which it loads to check) against `linkage --data
# DIR --no-cache export --format graphml` (which loads the JSON and writes the file).
# The ratio A/B is the figure the import is held to (at most 3); peak memory of each is
# printed beside it.
set -euo pipefail
cd "$(dirname "$0")/.."

NODES=${NODES:-100000}
RELATIONS=${RELATIONS:-1000000}
RUNS=${RUNS:-5}
TARGET=${CARGO_TARGET_DIR:-target}
DIR=$TARGET/bench-data/g${NODES}-${RELATIONS}
LINKAGE=$PWD/$TARGET/release/linkage

if [ ! -d "$DIR" ]; then
  echo "generating $DIR ..." >&2
  python3 bench/gen_graph.py --nodes "$NODES" --relations "$RELATIONS" --out "$DIR"
fi
cargo build --release --quiet
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
"$LINKAGE" --data "$DIR" --no-cache export --format graphml -o "$SCRATCH/graph.graphml"
ls -l "$SCRATCH/graph.graphml" >&2
farm-bench -n "$RUNS" --timeout 3000 \
  --vs "$LINKAGE --data $DIR --no-cache export --format graphml -o $SCRATCH/again.graphml" \
  -- sh -c "rm -rf $SCRATCH/imported && exec $LINKAGE import --format graphml $SCRATCH/graph.graphml -o $SCRATCH/imported >/dev/null"
