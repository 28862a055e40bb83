#!/usr/bin/env bash
# Full-scale shenzhen-2020 with 1, 2 and all threads, then the 10 % city with all threads:
# wall seconds, applications per second, peak RSS (from /usr/bin/time -v) and speed-up, and the
# linearity ratio (time at 100 % / time at 10 %). Run from the repository root:
#   Benchmarks/scaling.sh [scenario.yaml]
set -euo pipefail
cd "$(dirname "$0")/.."
scenario=${1:-Scenarios/shenzhen-2020.yaml}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 69; }
swift build -c release --product paodong >/dev/null
bin=.build/release/paodong
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cores=$(nproc)

measure() { # threads scale -> "wall apps rss_mb"
    local out="$work/run-$1-$2"
    /usr/bin/time -v "$bin" run "$scenario" --threads "$1" --scale "$2" --out "$out" --quiet >/dev/null 2>"$work/time"
    local wall rss apps
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time")
    apps=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "applications") c = i } NR == 2 { print $c }' "$out/summary.csv")
    echo "$wall $apps $rss"
}

printf '%-8s %-7s %10s %14s %10s %9s\n' scale threads wall_s apps_per_s peak_mb speedup
threads_list="1 2"
[ "$cores" -gt 2 ] && threads_list="$threads_list $cores"
base=""
full_all=""
for t in $threads_list; do
    read -r wall apps rss < <(measure "$t" 1)
    [ -z "$base" ] && base=$wall
    full_all=$wall
    printf '%-8s %-7s %10.2f %14.0f %10s %9.2f\n' 1 "$t" "$wall" "$(echo "$apps / $wall" | bc -l)" "$rss" "$(echo "$base / $wall" | bc -l)"
done
read -r wall10 apps10 rss10 < <(measure "$cores" 0.1)
printf '%-8s %-7s %10.2f %14.0f %10s %9s\n' 0.1 "$cores" "$wall10" "$(echo "$apps10 / $wall10" | bc -l)" "$rss10" "-"
printf 'linearity: time at 100 %% / time at 10 %% = %.2f (target at most 11)\n' "$(echo "$full_all / $wall10" | bc -l)"
