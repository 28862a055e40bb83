"""Checks paodong's sensitivity.csv against SALib's morris.analyze on the same sample and outputs.

Usage: python3 check_morris.py SWEEP_DIR LEVELS
The sample is design.csv, the outputs each point's mean over its replications in sweep.csv; mu,
mu_star and sigma must agree to the printed precision for every metric and factor (mu_star_conf
is a bootstrap and is not compared).
"""
import csv, math, sys
import numpy as np
from SALib.analyze import morris

d, levels = sys.argv[1], int(sys.argv[2])
design = list(csv.reader(open(f"{d}/design.csv")))
names = design[0][1:]
X = np.array([[float(v) for v in row[1:]] for row in design[1:]], dtype=float)
sweep = list(csv.DictReader(open(f"{d}/sweep.csv")))
sens = list(csv.DictReader(open(f"{d}/sensitivity.csv")))
problem = {"num_vars": len(names), "names": names,
           "bounds": [[float(X[:, j].min()), float(X[:, j].max()) + 1e-9] for j in range(len(names))]}
metrics = list(dict.fromkeys(r["metric"] for r in sens))
bad = checked = 0
for metric in metrics:
    by_point = {}
    for r in sweep:
        v = r[metric]
        by_point.setdefault(int(r["point"]), []).append(float(v) if v != "" else math.nan)
    Y = np.array([np.mean(by_point[p]) for p in sorted(by_point)], dtype=float)
    if not np.all(np.isfinite(Y)):
        continue
    si = morris.analyze(problem, X, Y, num_levels=levels, num_resamples=100, seed=1)
    for j, name in enumerate(names):
        row = next(r for r in sens if r["metric"] == metric and r["factor"] == name)
        for key in ["mu", "mu_star", "sigma"]:
            ours, theirs = float(row[key]), float(si[key][j])
            checked += 1
            if not abs(ours - theirs) <= 1.5e-6 + 1e-9 * abs(theirs):
                bad += 1
                print(f"{metric} {name} {key}: paodong {ours} SALib {theirs}")
print(f"{checked} values compared, {bad} differ")
sys.exit(1 if bad or checked == 0 else 0)
