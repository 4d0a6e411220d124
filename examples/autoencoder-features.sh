#!/usr/bin/env bash
# The course's autoencoder exercise: train a 784-128-64-128-784 MLPRegressor to reconstruct Fashion-MNIST, keep the
# 64 activations of its middle layer as features, then train a classifier on those features.
# Run from the repository root: bash examples/autoencoder-features.sh [OUT_DIR]
set -euo pipefail
OUT=${1:-out/autoencoder}
mkdir -p "$OUT"
./jnn fit --autoencoder 128,64,128 --data fashion-mnist --max-iter 20 --random-state 0 \
    --features-out "$OUT/fashion-codes.npz" --plots "$OUT/plots" --report "$OUT/autoencoder.json"
./jnn fit --data "$OUT/fashion-codes.npz" --hidden-layer-sizes 100 --random-state 0 --report "$OUT/classifier.json"
