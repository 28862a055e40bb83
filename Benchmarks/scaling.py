#!/usr/bin/env python3
"""The full model and the lower-bound kernel side by side (Benchmarks/scaling.sh builds, then runs this).

For one scenario (default shenzhen-2020 at full scale):
  - the model's wall seconds, applications per second, peak RSS and speed-up on 1, 2, 4, 8, …
    threads up to all cores, the 10 % city on all cores (linearity: time at 100 % / time at 10 %)
    and, with BIG=F, the city at --scale F on all cores;
  - the lower-bound kernel (paodong-lower-bound: needs, items, channels, certificates and review
    days drawn as the model draws them, no queues, no lifecycle) on 1 thread and on all cores, and
    the ratio model ÷ kernel (the target is at most 5 on one thread).
Each configuration runs REPEAT times (default 3, interleaved) and the fastest counts: on a shared
machine other work only ever adds time, so the minimum is the steadiest estimate of the program's
own cost; the slowest is printed too. PROFILE=1 adds `paodong run --profile` on 1 thread and on all
cores; THREADS="1 4 16" picks the thread counts; KEEP=DIR keeps each configuration's last output
there. BIN and KERNEL name the binaries (default .build/release/…). Needs only Python 3 and Linux.
"""
import os, subprocess, sys, tempfile, time, shutil, csv

scenario = sys.argv[1] if len(sys.argv) > 1 else "Scenarios/shenzhen-2020.yaml"
repeat = int(os.environ.get("REPEAT", "3"))
binary = os.environ.get("BIN", ".build/release/paodong")
kernel = os.environ.get("KERNEL", ".build/release/paodong-lower-bound")
cores = os.cpu_count()
big = os.environ.get("BIG")
keep = os.environ.get("KEEP")
if "THREADS" in os.environ:
    threads = [int(t) for t in os.environ["THREADS"].split()]
else:
    threads = [1] + [t for t in (2, 4, 8, 16, 32, 64, 128) if t < cores] + ([cores] if cores > 1 else [])
top = max(threads)
configs = [("model", t, "1") for t in threads] + [("model", top, "0.1")]
if big:
    configs.append(("model", top, big))
configs += [("kernel", 1, "1")] + ([("kernel", top, "1")] if top > 1 else [])
work = tempfile.mkdtemp()


def run(argv, stdout):
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.monotonic()
    p = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    err = p.stderr.read().decode()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"scaling.py: {' '.join(argv)} failed ({p.returncode}): {err}")
    return wall, usage.ru_maxrss / 1024


def measure(kind, t, scale):
    if kind == "model":
        out = os.path.join(work, f"{kind}-{t}-{scale}")
        shutil.rmtree(out, ignore_errors=True)
        wall, rss = run([binary, "run", scenario, "--threads", str(t), "--scale", scale, "--out", out, "--quiet"], subprocess.DEVNULL)
        with open(os.path.join(out, "summary.csv")) as f:
            row = next(csv.DictReader(f))
        if keep:
            dest = os.path.join(keep, f"{kind}-{t}-{scale}")
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(out, dest)
        return wall, int(row["applications"]), rss
    log = os.path.join(work, "kernel.txt")
    with open(log, "w") as f:
        wall, rss = run([kernel, scenario, "--threads", str(t), "--scale", scale], f)
    text = open(log).read()
    apps = int(text.split("applications=")[1].split()[0])
    return wall, apps, rss


best, worst, apps, rss = {}, {}, {}, {}
for _ in range(repeat):
    for c in configs:
        w, a, m = measure(*c)
        best[c] = min(best.get(c, w), w)
        worst[c] = max(worst.get(c, w), w)
        apps[c], rss[c] = a, max(rss.get(c, 0), m)

model_name = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"{os.path.basename(scenario)}, {cores} cores ({model_name})")
print(f"{'run':<7} {'scale':<8} {'threads':<7} {'wall_s':>10} {'slowest_s':>10} {'apps_per_s':>14} {'peak_mb':>10} {'speedup':>9}")
for c in configs:
    kind, t, s = c
    speedup = f"{best[(kind, 1, '1')] / best[c]:.2f}" if s == "1" else "-"
    print(f"{kind:<7} {s:<8} {t:<7} {best[c]:>10.2f} {worst[c]:>10.2f} {apps[c] / best[c]:>14.0f} {rss[c]:>10.0f} {speedup:>9}")
line = f"fastest of {repeat} runs each; linearity: time at 100 % / time at 10 % = {best[('model', top, '1')] / best[('model', top, '0.1')]:.2f} (at most 11)"
if big:
    line += f"; time at {big}× / time at 1× = {best[('model', top, big)] / best[('model', top, '1')]:.2f}"
print(line)
line = f"model ÷ kernel on 1 thread: {best[('model', 1, '1')] / best[('kernel', 1, '1')]:.2f} (target at most 5)"
if top > 1:
    line += f"; on {top} threads: {best[('model', top, '1')] / best[('kernel', top, '1')]:.2f}"
print(line, flush=True)
if os.environ.get("PROFILE"):
    for t in sorted({1, top}):
        print(f"\nprofile, {t} thread(s):", flush=True)
        subprocess.run([binary, "run", scenario, "--threads", str(t), "--out", os.path.join(work, f"profile-{t}"), "--quiet", "--profile"],
                       stdout=subprocess.DEVNULL, check=True)
shutil.rmtree(work, ignore_errors=True)
