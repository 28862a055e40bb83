#!/usr/bin/env bash
# Runs on the many-core machine from .devbench/ (see pack.sh), in one call of about four minutes:
# Benchmarks/scaling.py on 1, 2, 4, 8 and 16 threads with the 10 % and 10× cities, the
# lower-bound kernel and both profiles; the hotline schedules compared at 4, 8 and 16 threads;
# every CSV of the 1-thread run against the 16-thread one; the queue command's throughput.
set -uo pipefail
D=$(cd "$(dirname "$0")" && pwd)
cd "$D/.."
for f in paodong paodong-lower-bound; do
    python3 -c "import lzma, sys; open(sys.argv[2], 'wb').write(lzma.open(sys.argv[1]).read())" "$D/$f.xz" "/tmp/$f"
    chmod +x "/tmp/$f"
done
export LD_LIBRARY_PATH="$D"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(free -g | awk '/Mem:/ { print $2 }') GiB"
KEEP=/tmp/keep BIN=/tmp/paodong KERNEL=/tmp/paodong-lower-bound REPEAT=1 BIG=10 PROFILE=1 THREADS="1 2 4 8 16" \
    timeout 330 python3 Benchmarks/scaling.py 2>&1
echo "== hotline lines: beside the workers against the next day's first phase"
for t in 4 8 16; do for s in beside next-day; do
    start=$(date +%s.%N)
    PAODONG_HOTLINE_SCHEDULE=$s /tmp/paodong run Scenarios/shenzhen-2020.yaml --threads $t --out /tmp/schedule-$s-$t --quiet >/dev/null
    echo "threads=$t schedule=$s wall_s=$(python3 -c "print(round($(date +%s.%N) - $start, 2))")"
done; done
echo "== byte identity"
n=0; for f in /tmp/keep/model-1-1/*.csv; do b=$(basename "$f"); n=$((n + 1))
    cmp -s "$f" "/tmp/keep/model-16-1/$b" || echo "DIFFERENT between 1 and 16 threads: $b"
    cmp -s "$f" "/tmp/schedule-next-day-16/$b" || echo "DIFFERENT with the next-day schedule: $b"
done; echo "$n CSV files compared"
echo "== queue, M/M/5 at rho 0.8, 10^7 customers"
for i in 1 2 3; do
    start=$(date +%s.%N); /tmp/paodong queue --servers 5 --arrival-rate 4 --service-mean 1 --customers 10000000 >/dev/null
    python3 -c "w = $(date +%s.%N) - $start; print(f'wall {w:.3f} s, {1e7 / w / 1e6:.2f} M customers/s')"
done
