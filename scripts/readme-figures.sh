#!/usr/bin/env bash
# Regenerates the figures that the README shows, under docs/images/ (MNIST from the cache or `jnn datasets fetch`).
#   scripts/readme-figures.sh
set -euo pipefail
ROOT=$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JNN="$ROOT/jnn"
OUT="$ROOT/docs/images"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

# The decision boundary of a small MLP on the moons
"$JNN" fit --data moons:n=500,noise=0.3 --hidden-layer-sizes 10 --random-state 0 --quiet --plots "$WORK/moons" >/dev/null
cp "$WORK/moons/decision_boundary.png" "$OUT/decision_boundary.png"

# Loss curves of three activations on the digits, overlaid
for a in relu tanh logistic; do
  "$JNN" fit --data digits --activation "$a" --max-iter 60 --random-state 0 --quiet --report "$WORK/$a.json" >/dev/null
done
"$JNN" plot loss-curve --report "$WORK/relu.json" --report "$WORK/tanh.json" --report "$WORK/logistic.json" \
  -o "$OUT/loss_curves.png" >/dev/null

# A grid search over the learning rate and the L2 penalty
"$JNN" search --data digits --param learning-rate-init=0.0001,0.001,0.01,0.1 --param alpha=0.0001,0.01,1 \
  --cv 3 --max-iter 40 --random-state 0 --quiet --plots "$WORK/search" >/dev/null
cp "$WORK/search/search_heatmap.png" "$OUT/search_heatmap.png"

# LeNet-5's first feature maps after one epoch on MNIST
"$JNN" fit --model lenet5 --data mnist --epochs 1 --random-state 0 --quiet --plots "$WORK/lenet" >/dev/null
cp "$WORK/lenet/feature_maps.png" "$OUT/lenet_feature_maps.png"
echo "wrote $OUT/{decision_boundary,loss_curves,search_heatmap,lenet_feature_maps}.png"
