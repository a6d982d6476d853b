#!/usr/bin/env python3
"""Export a fitted scikit-learn IsolationForest to SecurityML's JSON format, for `secml import`.

The format is documented in docs/importing-models.md. Needs only numpy and scikit-learn (and the standard library).

From Python, after fitting:

    from export_isolation_forest import export_isolation_forest
    forest = IsolationForest(random_state=0).fit(X)
    export_isolation_forest(forest, "forest.json", n_samples=len(X))

From the command line, with a forest saved by joblib.dump or pickle (load only files you trust: unpickling runs code):

    python3 tools/sklearn/export_isolation_forest.py forest.joblib forest.json --n-samples 5000

Then: secml import --input forest.json --output forest.secml
"""

import argparse
import json
import math
import sys

import numpy as np
import sklearn
import sklearn.exceptions
from sklearn.ensemble import IsolationForest
from sklearn.utils.validation import check_is_fitted

FORMAT = "securityml-sklearn-isolation-forest"
FORMAT_VERSION = 1


def _scoring_columns(forest, features):
    """The full-row columns each tree's own column i reads when scikit-learn scores: estimators_features_ when the
    forest subsamples features (max_features below n_features_in_), else the row itself (scikit-learn then passes X
    unindexed, although estimators_features_ still holds a permutation)."""
    max_features = getattr(forest, "_max_features", None)
    if max_features is None:
        max_features = forest.max_features if isinstance(forest.max_features, (int, np.integer)) \
            else max(1, int(forest.max_features * forest.n_features_in_))
    if max_features == forest.n_features_in_:
        return list(range(forest.n_features_in_))
    return [int(column) for column in features]


def _tree(estimator, columns):
    tree = estimator.tree_
    return {
        "features": columns,
        "node_count": int(tree.node_count),
        "children_left": tree.children_left.tolist(),
        "children_right": tree.children_right.tolist(),
        "feature": tree.feature.tolist(),
        "threshold": tree.threshold.tolist(),
        "n_node_samples": tree.n_node_samples.tolist(),
    }


def _parameter(value):
    """A constructor parameter as JSON: numbers and strings as they are, anything else (a RandomState) as null."""
    if isinstance(value, (bool, str)) or value is None:
        return value
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value)
    return None


def to_document(forest, n_samples=None):
    """The export of a fitted IsolationForest as a dict ready for json.dump.

    forest: a fitted sklearn.ensemble.IsolationForest.
    n_samples: the number of training rows (scikit-learn does not keep it); None writes null.
    Raises TypeError for another estimator, sklearn.exceptions.NotFittedError for an unfitted one, ValueError for a
    non-positive n_samples.
    """
    if not isinstance(forest, IsolationForest):
        raise TypeError(f"expected a fitted sklearn.ensemble.IsolationForest, received {type(forest).__name__}")
    check_is_fitted(forest)
    if n_samples is not None and int(n_samples) < 1:
        raise ValueError(f"n_samples: expected at least 1 training row, received {n_samples}")
    names = getattr(forest, "feature_names_in_", None)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "sklearn_version": sklearn.__version__,
        "params": {name: _parameter(forest.get_params()[name]) for name in
                   ("n_estimators", "max_samples", "contamination", "max_features", "bootstrap", "random_state")},
        "n_features_in_": int(forest.n_features_in_),
        "feature_names_in_": None if names is None else [str(name) for name in names],
        "max_samples_": int(forest.max_samples_),
        "offset_": float(forest.offset_),
        "n_samples": None if n_samples is None else int(n_samples),
        "estimators_": [_tree(estimator, _scoring_columns(forest, features))
                        for estimator, features in zip(forest.estimators_, forest.estimators_features_)],
    }


def export_isolation_forest(forest, path, n_samples=None):
    """Writes the export of a fitted IsolationForest to path (UTF-8 JSON); see to_document."""
    document = to_document(forest, n_samples)
    if not math.isfinite(document["offset_"]):
        raise ValueError(f"offset_: expected a finite number, received {document['offset_']}")
    with open(path, "w", encoding="utf-8") as output:
        # Python writes each float as the shortest text that reads back to the same double.
        json.dump(document, output, allow_nan=False, separators=(",", ":"))
        output.write("\n")


def main(arguments=None):
    parser = argparse.ArgumentParser(description="Export a fitted scikit-learn IsolationForest (joblib or pickle "
                                                 "file) to SecurityML's JSON format.")
    parser.add_argument("model", help="a file written by joblib.dump or pickle.dump (trusted: loading runs code)")
    parser.add_argument("output", help="the JSON file to write")
    parser.add_argument("--n-samples", type=int, default=None, help="training rows, recorded in the model card")
    options = parser.parse_args(arguments)
    import joblib  # installed with scikit-learn; reads joblib and plain pickle files
    try:
        forest = joblib.load(options.model)
    except Exception as error:  # any unreadable file: say which and why, without a traceback
        print(f"export_isolation_forest: {options.model}: cannot load a joblib or pickle file: {error}", file=sys.stderr)
        return 1
    try:
        export_isolation_forest(forest, options.output, options.n_samples)
    except (TypeError, ValueError, OSError, sklearn.exceptions.NotFittedError) as error:
        print(f"export_isolation_forest: {options.model}: {error}", file=sys.stderr)
        return 1
    print(f"{options.output}: {len(forest.estimators_)} trees, {forest.n_features_in_} features, "
          f"scikit-learn {sklearn.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
