#!/usr/bin/env bash
# The live view's cost: a full-scale shenzhen-2020 year with and without --serve (a client reading
# every event with curl), alternating so that the machine's drift falls on both; then checks that
# every CSV is byte-identical between the two. Run from the repository root after
#   swift build -c release
# Usage: Benchmarks/serve-overhead.sh [ROUNDS (default 4)] [THREADS (default 2)]
set -euo pipefail
ROUNDS=${1:-4}; THREADS=${2:-2}
BIN=$PWD/.build/release/paodong
SC=$PWD/Scenarios/shenzhen-2020.yaml
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
PORT=18787
for i in $(seq "$ROUNDS"); do
  rm -rf plain serve
  "$BIN" run "$SC" --out plain --quiet --threads "$THREADS" | grep -oE "wall seconds +[0-9.]+" | sed "s/^/plain $i /"
  "$BIN" run "$SC" --out serve --quiet --threads "$THREADS" --serve --port $PORT > serve.out 2> serve.err &
  pid=$!
  until grep -q "live view:" serve.out 2>/dev/null; do sleep 0.1; done
  curl -sN "http://127.0.0.1:$PORT/events" > events.txt &
  until grep -q "wall seconds" serve.out; do sleep 0.5; done
  grep -oE "wall seconds +[0-9.]+" serve.out | sed "s/^/serve $i /"
  kill -INT $pid; wait $pid || true
  for f in plain/*.csv; do cmp -s "$f" "serve/$(basename "$f")" || echo "DIFF $(basename "$f")"; done
  echo "events: $(grep -c '^event: day' events.txt) days, $(wc -c < events.txt) bytes"
done | awk '{ print } $1 == "plain" || $1 == "serve" { s[$1] += $NF; n[$1]++ }
  END { if (n["plain"] && n["serve"]) printf "mean plain %.2f s, serve %.2f s, overhead %+.1f %%\n",
        s["plain"]/n["plain"], s["serve"]/n["serve"], 100 * (s["serve"]/n["serve"] / (s["plain"]/n["plain"]) - 1) }'
