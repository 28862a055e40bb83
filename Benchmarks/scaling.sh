#!/usr/bin/env bash
# Full-scale shenzhen-2020 with 1, 2 and all threads, then the 10 % city with all threads:
# wall seconds, applications per second, peak RSS (from /usr/bin/time -v) and speed-up, and the
# linearity ratio (time at 100 % / time at 10 %). Each configuration runs REPEAT times (default 3,
# interleaved) and the fastest run counts: on a shared machine other work only ever adds time, so
# the minimum is the steadiest estimate of the program's own cost; the spread is printed too.
# Run from the repository root:
#   Benchmarks/scaling.sh [scenario.yaml]          REPEAT=1 Benchmarks/scaling.sh for one pass
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/shenzhen-2020.yaml}
repeat=${REPEAT:-3}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
swift build -c release --product paodong >/dev/null
bin=.build/release/paodong
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

measure() { # threads scale -> "wall apps rss_mb"
    local out="$work/run-$1-$2"
    rm -rf "$out"
    if ! /usr/bin/time -v "$bin" run "$scenario" --threads "$1" --scale "$2" --out "$out" --quiet >/dev/null 2>"$work/time"; then
        cat "$work/time" >&2
        return 1
    fi
    local wall rss apps
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
    apps=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "applications") c = i } NR == 2 { print $c }' "$out/summary.csv")
    echo "$wall $apps $rss"
}

configs=()
threads_list="1 2"
[ "$cores" -gt 2 ] && threads_list="$threads_list $cores"
for t in $threads_list; do configs+=("$t 1"); done
configs+=("$cores 0.1")
declare -A best worst apps rss
for ((r = 1; r <= repeat; r++)); do
    for c in "${configs[@]}"; do
        read -r t s <<<"$c"
        line=$(measure "$t" "$s") || { echo "scaling.sh: the run with $t threads at scale $s failed" >&2; exit 70; }
        read -r w a m <<<"$line"
        k="$t/$s"
        apps[$k]=$a
        if [ -z "${best[$k]:-}" ] || (( $(echo "$w < ${best[$k]}" | bc -l) )); then best[$k]=$w; fi
        if [ -z "${worst[$k]:-}" ] || (( $(echo "$w > ${worst[$k]}" | bc -l) )); then worst[$k]=$w; fi
        if [ -z "${rss[$k]:-}" ] || [ "$m" -gt "${rss[$k]}" ]; then rss[$k]=$m; fi
    done
done

printf '%-8s %-7s %10s %10s %14s %10s %9s\n' scale threads wall_s slowest_s apps_per_s peak_mb speedup
base=${best[1/1]}
for c in "${configs[@]}"; do
    read -r t s <<<"$c"
    k="$t/$s"
    speedup="-"
    [ "$s" = 1 ] && speedup=$(printf '%.2f' "$(echo "$base / ${best[$k]}" | bc -l)")
    printf '%-8s %-7s %10.2f %10.2f %14.0f %10s %9s\n' "$s" "$t" "${best[$k]}" "${worst[$k]}" \
        "$(echo "${apps[$k]} / ${best[$k]}" | bc -l)" "${rss[$k]}" "$speedup"
done
printf 'fastest of %d runs each; linearity: time at 100 %% / time at 10 %% = %.2f (target at most 11)\n' \
    "$repeat" "$(echo "${best[$cores/1]} / ${best[$cores/0.1]}" | bc -l)"
