#!/usr/bin/env python3
"""Trains the splitter's model (src/split/model.txt) on hand-labelled pages.

usage: tools/train_splitter.py [BAOSOU] [PAGES_DIR] [--check | --holdout YYYY-MM | --report-holdout]

BAOSOU defaults to target/release/baosou, PAGES_DIR to ../shared/corpus/rmrb_pages_dev (a
folder holding pages/ and gold.jsonl, with one line per page: path, encoding and the
articles' start_char). The People's Daily pages there are not part of the repository; the
script says so and stops when they are absent.

For every page, `baosou split` with BAOSOU_SPLIT_TRACE=1 prints each group of headline lines
with the rule that decided it and the features the model reads (src/split/model.rs). A
group is a positive example when the gold has an article starting where it starts. Boosted
trees (scikit-learn) are fitted on the groups the rules decide, first checked month by
month (trained on the other months), then fitted on all and written to model.txt.

The features depend on decisions made before each group, so train, rebuild, and train again
until the figures settle (twice is enough). --check only prints the cross-validated figures;
--holdout leaves one month out of the training, to score the splitter on it;
--report-holdout does that for each month in turn (a release build each time, then the
scorer, ../shared/eval/score.py, on that month's pages) and puts model.txt back.
"""
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "src", "split", "model.txt")
PARAMS = dict(max_iter=200, learning_rate=0.08, max_leaf_nodes=15, min_samples_leaf=20,
              l2_regularization=1.0, random_state=0)


def trace(binary, path):
    """(start, rule, what the rule said, features) of each group on one page. A trace line:
    DBG start decided rule lines cohesion heads length rule_says probability features text."""
    env = dict(os.environ, BAOSOU_SPLIT_TRACE="1")
    p = subprocess.run([binary, "split", "--json", path], capture_output=True, text=True, env=env)
    rows = []
    for line in p.stderr.splitlines():
        if line.startswith("DBG\t"):
            f = line.split("\t", 11)
            rows.append((int(f[1]), f[3], f[8] == "true", [float(x) for x in f[10].split(",")]))
    return rows


def walk(lines, x):
    """The probability model.rs computes from the lines of model.txt."""
    raw = 0.0
    for line in lines:
        if line.startswith("#"):
            continue
        if line.startswith("baseline "):
            raw += float(line.split()[1])
            continue
        nodes, k = line.split(" "), 0
        while not nodes[k].startswith("="):
            f, thr, left, right = nodes[k].split(":")
            k = int(left) if x[int(f)] <= float(thr) else int(right)
        raw += float(nodes[k][1:])
    return 1 / (1 + np.exp(-raw))


def main():
    holdout = sys.argv[sys.argv.index("--holdout") + 1] if "--holdout" in sys.argv else None
    args = [a for a in sys.argv[1:] if not a.startswith("--") and a != holdout]
    binary = args[0] if args else os.path.join(ROOT, "target", "release", "baosou")
    pages = args[1] if len(args) > 1 else os.path.join(ROOT, "..", "shared", "corpus", "rmrb_pages_dev")
    gold_path = os.path.join(pages, "gold.jsonl")
    if not os.path.exists(gold_path):
        sys.exit(f"train_splitter: {gold_path} not found; the labelled pages are kept outside the "
                 "repository (../shared/corpus/rmrb_pages_dev)")
    gold = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    rules_src = open(os.path.join(ROOT, "src", "split", "model.rs"), encoding="utf-8").read()
    rules = rules_src.split("pub const RULES")[1].split("];")[0]
    rules = [r.strip().strip('",') for r in rules.split("[", 1)[1].split("\n") if r.strip().strip('",')]

    X, y, said, month = [], [], [], []
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        traced = ex.map(lambda p: trace(binary, os.path.join(pages, p["path"])), gold)
        for page, rows in zip(gold, traced):
            starts = {a["start_char"] for a in page["articles"]}
            for start, why, rule_says, features in rows:
                if why in rules:
                    X.append(features); y.append(start in starts); said.append(rule_says)
                    month.append(page["date"][:7])
    X, y, said, month = np.array(X), np.array(y), np.array(said), np.array(month)
    # The more vocabulary the text on both sides shares, the less likely a new article.
    PARAMS["monotonic_cst"] = [-1 if k == len(rules) + 1 else 0 for k in range(X.shape[1])]
    print(f"{len(y)} groups decided by the rules, {y.sum()} of them starting an article; "
          f"the rules get {int((said != y).sum())} wrong")

    # Each month predicted by a model trained on the others.
    p = np.zeros(len(y))
    for m in sorted(set(month)):
        model = HistGradientBoostingClassifier(**PARAMS).fit(X[month != m], y[month != m])
        p[month == m] = model.predict_proba(X[month == m])[:, 1]
    # CONTINUE and START in model.rs, and START_OVER_PATTERN over its PATTERN_RULES.
    lo, hi, over_pattern = (float(rules_src.split(f"const {c}: f32 = ")[1].split(";")[0])
                            for c in ("CONTINUE", "START", "START_OVER_PATTERN"))
    pattern = rules_src.split("const PATTERN_RULES")[1].split("[", 2)[2].split("]")[0]
    pattern = [rules.index(r.strip().strip('"')) for r in pattern.split(",") if r.strip()]
    start = np.where(X[:, pattern].any(axis=1), over_pattern, hi)
    decided = np.where(p >= start, True, np.where(p < lo, False, said))
    print(f"month by month, rules overridden under {lo} and from {hi} ({over_pattern} over a pattern): {int((decided != y).sum())} wrong "
          f"({int((decided & ~y).sum())} false starts, {int((~decided & y).sum())} missed), "
          f"{int((decided != said).sum())} decisions changed")
    if "--check" in sys.argv:
        return

    if "--report-holdout" in sys.argv:
        report_holdout(X, y, month, gold, pages, rules)
        return
    if holdout:
        X, y = X[month != holdout], y[month != holdout]
    write_forest(X, y, len(gold), rules)


def report_holdout(X, y, month, gold, pages, rules):
    """Scores each month split by a build whose trees never saw it."""
    scorer = os.path.join(ROOT, "..", "shared", "eval", "score.py")
    shipped = open(MODEL, encoding="utf-8").read()
    try:
        for m in sorted(set(month)):
            write_forest(X[month != m], y[month != m], len(gold), rules)
            subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
            with tempfile.TemporaryDirectory() as tmp:
                os.symlink(os.path.abspath(os.path.join(pages, "pages")), os.path.join(tmp, "pages"))
                with open(os.path.join(tmp, "gold.jsonl"), "w", encoding="utf-8") as f:
                    f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in gold if p["date"].startswith(m))
                out = subprocess.run([sys.executable, scorer, "split", os.path.join(ROOT, "target", "release", "baosou"), tmp],
                                     capture_output=True, text=True, check=True).stdout
            print(f"{m} held out: {out.splitlines()[0]}")
    finally:
        open(MODEL, "w", encoding="utf-8").write(shipped)
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)


def write_forest(X, y, pages, rules):
    """Fits the trees on X, y and writes them to model.txt."""
    model = HistGradientBoostingClassifier(**PARAMS).fit(X, y)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    lines = ["# The splitter's boosted trees: written by tools/train_splitter.py, read by model.rs.",
             f"# {len(y)} groups from {pages} labelled pages; {len(rules)} rules, "
             f"{X.shape[1]} features.", f"baseline {baseline!r}"]
    for (tree,) in model._predictors:
        nodes = tree.nodes
        out = []
        for k, n in enumerate(nodes):
            if n["is_leaf"]:
                out.append(f"={float(n['value']):.6g}")
            else:
                assert not n["is_categorical"] and k < min(n["left"], n["right"])
                out.append(f"{int(n['feature_idx'])}:{float(n['num_threshold'])!r}:{int(n['left'])}:{int(n['right'])}")
        lines.append(" ".join(out))
    # The forest as model.rs walks it gives the probabilities scikit-learn gives.
    walked = np.array([walk(lines, x) for x in X[:2000]])
    assert np.abs(walked - model.predict_proba(X[:2000])[:, 1]).max() < 1e-4
    open(MODEL, "w", encoding="utf-8").write("\n".join(lines) + "\n")
    print(f"wrote {MODEL}: {len(model._predictors)} trees")


if __name__ == "__main__":
    main()
