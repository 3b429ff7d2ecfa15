#!/bin/sh
# Builds LayerLab's benchmarks and runs every workload in LayerLab and in PyTorch side by side.
# Usage: benchmarks/run.sh [--quick] [--threads N] [--repeat N] [--only w1,w2,w3,w4-mlp,w4-lenet,sgemm]      (from anywhere; needs Maven, a JDK 17+, Debian's python3-torch)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if [ ! -x /usr/bin/python3 ] || ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "PyTorch is missing: sudo apt-get install python3-torch libopenblas0-pthread" >&2; exit 1
fi
if [ ! -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ]; then
  echo "Fashion-MNIST is missing: sudo apt-get install dataset-fashion-mnist" >&2; exit 1
fi
OFFLINE=${MVN_OFFLINE:--o}
mvn -B -q $OFFLINE -pl benchmarks -am package -DskipTests
JAVA=java
[ -n "$JAVA_HOME" ] && JAVA="$JAVA_HOME/bin/java"
exec /usr/bin/python3 benchmarks/compare.py --java "$JAVA" \
  --classpath "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" "$@"
