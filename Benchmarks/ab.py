#!/usr/bin/env python3
"""Times two paodong binaries against each other, alternating, and checks that they write the same.

    Benchmarks/ab.py OLD NEW [SCENARIO] [--scale F] [--threads N] [--pairs K]

Why alternate: this machine's speed drifts by 20 % and more between spells, so runs of one binary
followed by runs of the other measure the spell, not the change. Each pair runs OLD then NEW (the
order flips every pair, so that neither always runs second), and the paired difference NEW − OLD
is averaged with its 95 % interval (Student's t over the pairs). Prints each binary's mean and
fastest wall seconds, the mean difference and its interval, and then compares every file the
two last runs wrote, byte for byte: a speed change must not move an output (exit status 1 if one
differs). Build OLD in a worktree (`git worktree add /tmp/old REV && cd /tmp/old && swift build -c
release --product paodong`). Python 3 alone.
"""
import argparse
import filecmp
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Two-sided 95 % Student t quantiles by degrees of freedom (1 to 30); above 30 the normal's.
T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
       2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
       2.052, 2.048, 2.045, 2.042]


def run(binary, scenario, scale, threads, out):
    """Wall seconds of one `paodong run` into `out` (replaced)."""
    command = [binary, "run", scenario, "--scale", str(scale), "--out", out, "--force", "--quiet"]
    if threads:
        command += ["--threads", str(threads)]
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{binary} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def differing(a, b):
    """Relative paths of files that differ or exist on one side only, under two folders."""
    found = []
    for root, _, files in os.walk(a):
        for name in files:
            path = os.path.relpath(os.path.join(root, name), a)
            if path == "manifest.json":
                continue  # holds the run's wall seconds and peak memory
            other = os.path.join(b, path)
            if not os.path.exists(other) or not filecmp.cmp(os.path.join(a, path), other, shallow=False):
                found.append(path)
    for root, _, files in os.walk(b):
        for name in files:
            path = os.path.relpath(os.path.join(root, name), b)
            if path != "manifest.json" and not os.path.exists(os.path.join(a, path)):
                found.append(path)
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("scenario", nargs="?", default="Scenarios/baseline-2012.yaml")
    parser.add_argument("--scale", type=float, default=0.01)
    parser.add_argument("--threads", type=int, default=0, help="default: the binary's (all cores)")
    parser.add_argument("--pairs", type=int, default=8)
    args = parser.parse_args()
    if args.pairs < 2:
        sys.exit("--pairs: at least 2, for an interval")
    with tempfile.TemporaryDirectory(prefix="paodong-ab-") as work:
        outs = {"old": os.path.join(work, "old"), "new": os.path.join(work, "new")}
        times = {"old": [], "new": []}
        for k in range(args.pairs):
            order = ["old", "new"] if k % 2 == 0 else ["new", "old"]
            for which in order:
                seconds = run(getattr(args, which), args.scenario, args.scale, args.threads, outs[which])
                times[which].append(seconds)
            print(f"pair {k + 1}: old {times['old'][-1]:.3f} s, new {times['new'][-1]:.3f} s", flush=True)
        diffs = [n - o for o, n in zip(times["old"], times["new"])]
        mean = statistics.mean(diffs)
        df = len(diffs) - 1
        half = (T95[df - 1] if df <= len(T95) else 1.96) * statistics.stdev(diffs) / math.sqrt(len(diffs))
        for which in ("old", "new"):
            print(f"{which}: mean {statistics.mean(times[which]):.3f} s, fastest {min(times[which]):.3f} s")
        print(f"new − old: {mean:+.3f} s [{mean - half:+.3f}, {mean + half:+.3f}] "
              f"({100 * mean / statistics.mean(times['old']):+.1f} %), {len(diffs)} pairs")
        moved = differing(outs["old"], outs["new"])
        if moved:
            print("outputs differ: " + ", ".join(moved))
            sys.exit(1)
        print("outputs: byte-identical (every file but manifest.json)")


if __name__ == "__main__":
    main()
