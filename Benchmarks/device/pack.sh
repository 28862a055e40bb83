#!/usr/bin/env bash
# Packs what Benchmarks/device/measure.sh needs on a machine without Swift (the lent 16-core
# machine): static release builds of paodong and paodong-lower-bound (--static-swift-stdlib,
# stripped, xz -9: about 15 MB each), GSL's two shared libraries and the measuring script, in
# .devbench/ (ignored through .git/info/exclude; the scenarios travel with the working tree).
# Then, with the device tool: run `bash .devbench/measure.sh` with carry [".devbench"].
set -euo pipefail
cd "$(dirname "$0")/../.."
grep -qx '/.devbench/' .git/info/exclude 2>/dev/null || echo '/.devbench/' >> .git/info/exclude
mkdir -p .devbench
for product in paodong paodong-lower-bound; do
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product "$product" >/dev/null
    cp ".build-static/release/$product" "/tmp/$product.static"
    strip "/tmp/$product.static"
    xz -9 -T0 -c "/tmp/$product.static" > ".devbench/$product.xz"
done
for lib in libgsl.so.27 libgslcblas.so.0; do cp -L "$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')" .devbench/; done
cp Benchmarks/device/measure.sh .devbench/
du -sh .devbench
