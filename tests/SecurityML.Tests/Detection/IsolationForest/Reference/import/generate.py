#!/usr/bin/env python3
"""Writes the scikit-learn import test data in this folder (run with Debian's python3-sklearn, from the repository root):

    /usr/bin/python3 tests/SecurityML.Tests/Detection/IsolationForest/Reference/import/generate.py

Two forests are fitted and exported with tools/sklearn/export_isolation_forest.py:
- account-days: a pandas DataFrame with named features; max_features=0.6 (< 1: each tree sees 3 of 5 columns),
  bootstrap=True, contamination="auto" (offset_ = -0.5).
- array: a numpy array (no feature names); max_features=1.0 (every tree reads the whole row), bootstrap=False,
  max_samples=128, contamination=0.05 (offset_ = the 5th percentile of the training score_samples).
For each, held-out rows (fresh draws, planted outliers, and rows with a value just above, at or just below a root
split threshold, where float32 rounding decides the branch) go to <name>-heldout.csv, and scikit-learn's
score_samples, decision_function and predict on them to sklearn-results.json.
"""

import json
import pathlib
import sys

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import IsolationForest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[5]
sys.path.insert(0, str(ROOT / "tools" / "sklearn"))
from export_isolation_forest import export_isolation_forest  # noqa: E402

ACCOUNT_DAY_FEATURES = ["logonCount", "distinctHosts", "failedRatio", "offHoursShare", "distinctSourceIps"]


def account_days(random, count, outliers):
    """Per account-day logon features: normal days, then planted outliers (many hosts, failures, night logons)."""
    normal = np.column_stack([
        random.poisson(12, count).astype(float), random.poisson(2, count) + 1.0, random.beta(1, 30, count),
        random.beta(1.5, 12, count), random.poisson(1.5, count) + 1.0])
    odd = np.column_stack([
        random.poisson(60, outliers).astype(float), random.poisson(15, outliers) + 1.0, random.beta(6, 6, outliers),
        random.beta(8, 3, outliers), random.poisson(9, outliers) + 1.0])
    return np.vstack([normal, odd])


def blobs(random, count, outliers):
    """Two Gaussian clusters in four dimensions and uniform outliers around them."""
    first = random.normal(0.0, 1.0, (count // 2, 4))
    second = random.normal(4.0, 0.6, (count - count // 2, 4))
    odd = random.uniform(-6.0, 10.0, (outliers, 4))
    return np.vstack([first, second, odd])


def boundary_rows(forest, base, random):
    """Rows whose value at a tree's root split column is the next double above, the threshold itself, or the next
    double below: float32 rounding of the input (as scikit-learn's trees do) decides which way they go."""
    rows = []
    columns_of = [f if forest._max_features != forest.n_features_in_ else range(forest.n_features_in_)
                  for f in forest.estimators_features_]
    for index, (estimator, columns) in enumerate(zip(forest.estimators_, columns_of)):
        tree = estimator.tree_
        column, threshold = list(columns)[tree.feature[0]], tree.threshold[0]
        for value in (np.nextafter(threshold, np.inf), threshold, np.nextafter(threshold, -np.inf)):
            row = base[random.randint(len(base))].copy()
            row[column] = value
            rows.append(row)
        if index == 15:
            break
    return np.array(rows)


def naive_score_samples(forest, rows):
    """score_samples walking the trees with float64 values (no float32 rounding): shows which rows the rounding moves."""
    from sklearn.ensemble._iforest import _average_path_length
    depths = np.zeros(len(rows))
    for estimator, features in zip(forest.estimators_, forest.estimators_features_):
        tree = estimator.tree_
        subset = rows[:, features] if forest._max_features != forest.n_features_in_ else rows
        for row_index, row in enumerate(subset):
            node, depth = 0, 0
            while tree.children_left[node] >= 0:
                node = tree.children_left[node] if row[tree.feature[node]] <= tree.threshold[node] \
                    else tree.children_right[node]
                depth += 1
            depths[row_index] += depth + _average_path_length([tree.n_node_samples[node]])[0]
    return -(2 ** (-depths / (len(forest.estimators_) * _average_path_length([forest.max_samples_])[0])))


def write_csv(path, names, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as output:
        output.write(",".join(names) + "\n")
        for row in rows:
            output.write(",".join(repr(float(value)) for value in row) + "\n")


def case(name, forest, training, held_out, names, frame):
    random = np.random.RandomState(5)
    fit_input = pd.DataFrame(training, columns=names) if frame else training
    forest.fit(fit_input)
    export_isolation_forest(forest, HERE / f"{name}-forest.json", n_samples=len(training))
    rows = np.vstack([held_out, boundary_rows(forest, held_out, random)])
    score_input = pd.DataFrame(rows, columns=names) if frame else rows
    write_csv(HERE / f"{name}-heldout.csv", names, rows)
    scores = forest.score_samples(score_input)
    naive = naive_score_samples(forest, rows)
    return {
        "forest": f"{name}-forest.json",
        "heldOut": f"{name}-heldout.csv",
        "rowsWhereFloat64WalkDiffers": int(np.sum(np.abs(naive - scores) > 1e-12)),
        "rowsAtTheOffset": int(np.sum(scores == forest.offset_)),
        "trainingOutliers": int(np.sum(forest.predict(fit_input) == -1)),
        "scoreSamples": scores.tolist(),
        "decisionFunction": forest.decision_function(score_input).tolist(),
        "predict": forest.predict(score_input).tolist(),
    }


def main():
    random = np.random.RandomState(20261130)
    results = {
        "producedBy": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, pandas {pd.__version__} "
                      "(Debian python3-sklearn): generate.py in this folder",
        "account-days": case(
            "account-days",
            IsolationForest(n_estimators=50, max_features=0.6, bootstrap=True, contamination="auto", random_state=7),
            account_days(random, 2000, 40), account_days(random, 300, 12), ACCOUNT_DAY_FEATURES, frame=True),
        "array": case(
            "array",
            IsolationForest(n_estimators=40, max_samples=128, contamination=0.05, random_state=11),
            blobs(random, 1500, 30), blobs(random, 300, 15), [f"x{index}" for index in range(4)], frame=False),
    }
    with open(HERE / "sklearn-results.json", "w", encoding="utf-8") as output:
        json.dump(results, output, indent=1)
        output.write("\n")
    for name in ("account-days", "array"):
        entry = results[name]
        print(name, "held-out rows:", len(entry["predict"]), "outliers:", entry["predict"].count(-1),
              "float64-walk differs:", entry["rowsWhereFloat64WalkDiffers"], "at offset:", entry["rowsAtTheOffset"])


if __name__ == "__main__":
    main()
