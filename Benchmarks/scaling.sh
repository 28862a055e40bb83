#!/usr/bin/env bash
# Builds paodong and the lower-bound kernel, then runs Benchmarks/scaling.py (the model on 1, 2, 4, …
# threads, the 10 % city, the kernel beside it, the ratio; see that file for REPEAT, BIG, PROFILE,
# THREADS and KEEP). Run from anywhere:
#   Benchmarks/scaling.sh [scenario.yaml]      REPEAT=1 BIG=10 PROFILE=1 Benchmarks/scaling.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product paodong >/dev/null
swift build -c release --product paodong-lower-bound >/dev/null
exec python3 Benchmarks/scaling.py "$@"
