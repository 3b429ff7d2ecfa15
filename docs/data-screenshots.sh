#!/usr/bin/env bash
# Regenerates the Data panel screenshots (docs/data-*.png) from the real window at 1280×800 on a virtual display:
# noisy spirals in the scatter, Fashion-MNIST in the image grid (from /usr/share/datasets/fashion-mnist or the
# cache) and its class balance. Needs: apt-get install xvfb libgtk-3-0 (and dataset-fashion-mnist).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs}"
command -v xvfb-run >/dev/null || { echo "data-screenshots.sh: xvfb-run is missing (apt-get install xvfb libgtk-3-0)" >&2; exit 3; }
"$root/layerlab" --version >/dev/null   # builds the app when needed
cp="$root/app/target/layerlab-app.jar:$root/app/target/lib/*"
xvfb-run -a -s '-screen 0 1600x1000x24' \
  java --add-modules jdk.incubator.vector -Dlayerlab.autosave.dir="$(mktemp -d)" \
    -Dlayerlab.screenshot.csv="$root/sample-projects/src/main/resources/org/layerlab/samples/data/iris.csv" -cp "$cp" org.layerlab.app.ui.DataScreenshotMode "$out"
