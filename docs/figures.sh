#!/usr/bin/env bash
# Runs every command whose output the README quotes, with ONE binary, into runs/figures/ (or $OUT):
# the main job, the ablation table, plan-2021 against 2020, the hotline's surge, pre-checks and
# business line, the faithful miniatures, baseline-2012's sensitivity, Longgang, the sweep worked
# example, the prioritize and staff examples, the validate figures and the main job's notebook. Each step's console output goes to
# STEP.txt (with /usr/bin/time -v's figures where the README quotes time and memory). About half an
# hour on the 2-core development machine. Run from anywhere:
#   docs/figures.sh                 BIN=/path/to/paodong ONLY="main ablations" docs/figures.sh
# The Erlang A table and the health-code screening do not depend on the catalog or the reforms and
# are re-run only when asked (ONLY="erlang-a screening").
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-}"
if [ -z "$BIN" ]; then
    swift build -c release --product paodong >/dev/null
    BIN=.build/release/paodong
fi
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
OUT="${OUT:-runs/figures}"
ONLY="${ONLY:-validate main ablations plan surge prechecks business-line miniatures sensitivity longgang sweep prioritize staff notebook}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
S=Scenarios
# The variant files extend shipped scenarios; they are written beside the outputs.
variant() {  # variant NAME PARENT "yaml lines"
    local rel
    rel="$(python3 -c 'import os,sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' "$PWD/$S/$2" "$OUT/variants")"
    mkdir -p "$OUT/variants"
    printf 'extends: %s\nname: %s\n%s\n' "$rel" "$1" "$3" > "$OUT/variants/$1.yaml"
    echo "$OUT/variants/$1.yaml"
}
step() {  # step NAME command...
    local name="$1"; shift
    case " $ONLY " in *" $name "*) ;; *) return 0 ;; esac
    echo "== $name: $*" >&2
    rm -rf "${OUT:?}/$name"
    "$@" > "$OUT/$name.txt" 2>&1 || { echo "step $name failed: see $OUT/$name.txt" >&2; exit 1; }
}
timed() { /usr/bin/time -v "$@"; }

step validate sh -c "for s in shenzhen-2020 plan-2021 baseline-2012; do '$BIN' validate $S/\$s.yaml; done"
step main timed "$BIN" compare $S/baseline-2012.yaml $S/shenzhen-2020.yaml $S/plan-2021.yaml --out "$OUT/main" --quiet
step ablations "$BIN" compare $S/baseline-2012.yaml $S/ablations/*.yaml $S/shenzhen-2020.yaml $S/plan-2021.yaml \
    --replications 3 --out "$OUT/ablations" --quiet
step plan "$BIN" compare $S/shenzhen-2020.yaml $S/plan-2021.yaml --replications 3 --out "$OUT/plan" --quiet
step surge "$BIN" compare $S/shenzhen-2020.yaml $S/hotline-surge.yaml $S/hotline-surge-staffed.yaml \
    --scale 0.01 --replications 3 --out "$OUT/surge" --quiet
step prechecks "$BIN" compare "$(variant no-prechecks shenzhen-2020.yaml 'hotline: {precheck_share: 0}')" $S/shenzhen-2020.yaml \
    --scale 0.1 --replications 3 --out "$OUT/prechecks" --quiet
step business-line sh -c "mkdir -p '$OUT/business-line' && '$BIN' compare $S/baseline-2012.yaml $S/ablations/business-line.yaml --scale 0.01 --replications 3 --out '$OUT/business-line/1pct' --quiet \
    && '$BIN' compare $S/baseline-2012.yaml $S/ablations/business-line.yaml --scale 0.1 --replications 5 --out '$OUT/business-line/10pct' --quiet"
step miniatures sh -c "mkdir -p '$OUT/miniatures' && for s in baseline-2012 shenzhen-2020 plan-2021; do for f in 0.01 0.1; do \
    '$BIN' run $S/\$s.yaml --scale \$f --replications 3 --out '$OUT/miniatures/'\$s-\$f --quiet || exit 1; done; done"
step sensitivity sh -c "mkdir -p '$OUT/sensitivity' &&
    '$BIN' compare $S/baseline-2012.yaml $S/shenzhen-2020.yaml --scale 0.1 --replications 3 --out '$OUT/sensitivity/as-shipped' --quiet &&
    '$BIN' compare '$(variant adoption-25 baseline-2012.yaml 'population: {digital_adoption: {child: 0.25, adult: 0.25}}')' $S/shenzhen-2020.yaml --scale 0.1 --replications 3 --out '$OUT/sensitivity/adoption-25' --quiet &&
    '$BIN' compare '$(variant adoption-55 baseline-2012.yaml 'population: {digital_adoption: {child: 0.55, adult: 0.55}}')' $S/shenzhen-2020.yaml --scale 0.1 --replications 3 --out '$OUT/sensitivity/adoption-55' --quiet &&
    '$BIN' compare '$(variant online-40 baseline-2012.yaml 'reforms: {online: {share: 0.4}}')' $S/shenzhen-2020.yaml --scale 0.1 --replications 3 --out '$OUT/sensitivity/online-40' --quiet &&
    '$BIN' compare '$(variant online-80 baseline-2012.yaml 'reforms: {online: {share: 0.8}}')' $S/shenzhen-2020.yaml --scale 0.1 --replications 3 --out '$OUT/sensitivity/online-80' --quiet"
step longgang "$BIN" compare $S/longgang-before.yaml $S/longgang-after.yaml --replications 1 --out "$OUT/longgang" --quiet
step sweep timed "$BIN" sweep Designs/reform-sizes.yaml --threads 2 --out "$OUT/sweep" --quiet
step prioritize sh -c "mkdir -p '$OUT/prioritize' && for r in 'instant_approval 50' 'e_certificates 20'; do set -- \$r; \
    /usr/bin/time -v '$BIN' prioritize $S/shenzhen-2020.yaml --reform \$1 --add \$2 --scale 0.1 --out '$OUT/prioritize/'\$1 --quiet \
    && '$BIN' compare $S/shenzhen-2020.yaml '$OUT/prioritize/'\$1/prioritized.yaml '$OUT/prioritize/'\$1/by-volume.yaml \
       '$OUT/prioritize/'\$1/random.yaml --scale 0.1 --replications 3 --out '$OUT/prioritize/'\$1-compare --quiet || exit 1; done \
    && v='$(variant baseline-2012-instant baseline-2012.yaml 'reforms: {instant_approval: {enabled: true, items: 0, target: random, include: []}}')' \
    && /usr/bin/time -v '$BIN' prioritize \$v --reform instant_approval --add 50 --scale 0.1 --out '$OUT/prioritize/baseline-2012-instant' --quiet \
    && '$BIN' compare \$v '$OUT/prioritize/baseline-2012-instant/'prioritized.yaml '$OUT/prioritize/baseline-2012-instant/'by-volume.yaml \
       '$OUT/prioritize/baseline-2012-instant/'random.yaml --scale 0.1 --replications 3 --out '$OUT/prioritize/baseline-2012-instant-compare' --quiet"
# Windows and the roster for 15 minutes at 80 % at full scale, staffed.yaml measured on another seed
# and compared with its input; then shenzhen-2020 for 5 minutes at 95 %.
step staff sh -c "mkdir -p '$OUT/staff' && for c in 'shenzhen-2020 15 0.8 ' 'baseline-2012 15 0.8 ' 'shenzhen-2020 5 0.95 -5min'; do set -- \$c; \
    /usr/bin/time -v '$BIN' staff $S/\$1.yaml --threshold-min \$2 --target \$3 --out '$OUT/staff/'\$1\$4 --quiet \
    && '$BIN' staff '$OUT/staff/'\$1\$4/staffed.yaml --threshold-min \$2 --target \$3 --check --seed 7 \
    && '$BIN' compare $S/\$1.yaml '$OUT/staff/'\$1\$4/staffed.yaml --replications 2 --out '$OUT/staff/compare-'\$1\$4 --quiet || exit 1; done"
# The executed notebook and its HTML are copied to notebooks-export/ with the run's path written
# relative to that folder.
step notebook sh -c "rm -f '$OUT/main-comparison.ipynb' '$OUT/main-comparison.html' && '$BIN' notebook '$OUT/main' --out '$OUT/main-comparison.ipynb' \
    && jupyter nbconvert --to notebook --execute --inplace '$OUT/main-comparison.ipynb' \
    && jupyter nbconvert --to html '$OUT/main-comparison.ipynb' \
    && python3 -c 'import os,sys; out,exp=sys.argv[1],sys.argv[2]; rel=os.path.relpath(out+\"/main\", exp)
for f in (\"main-comparison.ipynb\", \"main-comparison.html\"):
    open(exp+\"/\"+f,\"w\").write(open(out+\"/\"+f).read().replace(out+\"/main\", rel))' '$OUT' '$PWD/notebooks-export'"
step erlang-a sh -c "for c in '10 1.6 5 3' '10 2.0 5 3' '10 2.6 5 3' '100 19 5 2' '500 130 4 1'; do set -- \$c; \
    '$BIN' queue --servers \$1 --arrival-rate \$2 --service-mean \$3 --patience-mean \$4 --threshold-min 0.25 --customers 10000000 --csv || exit 1; done"
step screening "$BIN" compare $S/screening-luohu-paper.yaml $S/screening-luohu-health-code.yaml --replications 3 --out "$OUT/screening" --quiet
echo "figures in $OUT" >&2
