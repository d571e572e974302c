"""scikit-learn baselines for EvalMetricsBenchmark and LinearProbeBenchmark (not part of the build).

Run on the same machine as the JMH benchmarks, e.g. with Debian's python3-sklearn:
  /usr/bin/python3 benchmarks/python/sklearn_eval.py metrics
  /usr/bin/python3 benchmarks/python/sklearn_eval.py probe
The data has the benchmarks' shapes (100,000 x 23 scores; 20,000 x 512 features x 23 classes).
"""
import sys
import time

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import precision_recall_curve, roc_auc_score


def metrics(repeats=5):
    rng = np.random.default_rng(0)
    n, c = 100_000, 23
    labels = rng.random((n, c)) < 0.1
    scores = (rng.normal(size=(n, c)) + labels).astype(np.float32)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        for k in range(c):
            roc_auc_score(labels[:, k], scores[:, k])
            precision, recall, thresholds = precision_recall_curve(labels[:, k], scores[:, k])
            f1 = 2 * precision * recall / (precision + recall + 1e-12)  # the original's max-F1
            thresholds[np.argmax(f1[:-1])]
        best = min(best, time.perf_counter() - t0)
    print(f"AUROC + max-F1, {n} x {c}: {best:.3f} s per run (best of {repeats})")


def probe():
    rng = np.random.default_rng(0)
    n, d, c = 20_000, 512, 23
    x = rng.normal(size=(n, d)).astype(np.float32)
    w = rng.normal(size=(d, c)) / np.sqrt(d)
    y = (x @ w + rng.normal(size=(n, c))) > 1.0
    t0 = time.perf_counter()
    for k in range(c):
        LogisticRegression().fit(x, y[:, k])  # the original: default C=1, lbfgs, max_iter=100
    print(f"linear probe, {n} x {d} x {c}: {time.perf_counter() - t0:.2f} s per fit of all classes")


if __name__ == "__main__":
    {"metrics": metrics, "probe": probe}[sys.argv[1] if len(sys.argv) > 1 else "metrics"]()
