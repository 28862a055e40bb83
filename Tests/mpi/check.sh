#!/usr/bin/env bash
# The MPI build's checks (run by .ci/run after `swift build -c release --traits MPI --scratch-path .build-mpi`):
# 1. `mpirun -n 2 paodong sweep` writes the same sweep.csv, byte for byte, as one process;
# 2. a rank that fails (here: interrupted) fails the whole sweep with a non-zero exit, and no
#    output directory appears.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mpi_bin=.build-mpi/release/paodong
serial_bin=.build/release/paodong
[ -x "$mpi_bin" ] || { echo "no MPI build at $mpi_bin" >&2; exit 1; }
[ -x "$serial_bin" ] || swift build -c release --product paodong >/dev/null
mpirun_flags=(--oversubscribe)
if [ "$(id -u)" -eq 0 ]; then mpirun_flags+=(--allow-run-as-root); fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/tiny.yaml" <<YAML
extends: $root/Scenarios/quick.yaml
days: 20
holidays: []
YAML
cat > "$work/grid.yaml" <<'YAML'
scenario: tiny.yaml
scale: 0.1
replications: 2
seed: 1
method: grid
factors:
  - {key: reforms.e_certificates.types, values: [0, 200, 393]}
  - {key: process.approval_mean_days, low: 4, high: 8, levels: 2}
YAML

"$serial_bin" sweep "$work/grid.yaml" --out "$work/serial" --quiet --threads 1
mpirun "${mpirun_flags[@]}" -n 2 "$mpi_bin" sweep "$work/grid.yaml" --out "$work/mpi" --quiet --threads 1
cmp "$work/serial/sweep.csv" "$work/mpi/sweep.csv"
grep -q '"ranks" : 2' "$work/mpi/manifest.json"
echo "mpirun -n 2: sweep.csv identical to one process"

# A rank interrupted half-way fails the sweep everywhere. The sweep must still be running when the
# signal lands, whatever the machine's speed: its runs are 1 % cities of 120 days (about 0.3 s each
# here) and there are 64 of them, so the first finished run leaves many seconds of work. The signal
# goes to a rank (a process whose command line starts with the binary), never to mpirun itself.
cat > "$work/long-city.yaml" <<YAML
extends: $root/Scenarios/quick.yaml
days: 120
holidays: []
YAML
long="$work/long.yaml"
sed -e 's/values: \[0, 200, 393\]/values: [0, 25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300, 325, 350, 393]/' \
    -e 's/^scenario: tiny.yaml/scenario: long-city.yaml/' -e 's/^scale: 0.1/scale: 1/' "$work/grid.yaml" > "$long"
set +e
mpirun "${mpirun_flags[@]}" -n 2 "$mpi_bin" sweep "$long" --out "$work/cut" --quiet --threads 1 &
launcher=$!
for _ in $(seq 1 1200); do
    [ -n "$(ls "$work/.cut.sweep-work/runs" 2>/dev/null)" ] && break
    sleep 0.1
done
rank=$(pgrep -f "^$mpi_bin sweep $long" | head -1)
[ -n "$rank" ] || { echo "no running rank to interrupt (the sweep ended before its first run was saved?)" >&2; kill "$launcher"; exit 1; }
kill -INT "$rank"
wait "$launcher"
status=$?
set -e
[ "$status" -ne 0 ] || { echo "an interrupted rank did not fail the sweep" >&2; exit 1; }
[ ! -e "$work/cut" ] || { echo "a failed MPI sweep left an output directory" >&2; exit 1; }
echo "a failed rank fails the sweep (exit $status) and writes no output"
