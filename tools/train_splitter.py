#!/usr/bin/env python3
"""Trains the splitter's model (src/split/layout/model.txt) on hand-labelled pages.

usage: tools/train_splitter.py [BAOSOU] [PAGES_DIR] [--pages DIR]... [--first-weight W] [--check | --holdout YYYY-MM | --report-holdout]

BAOSOU defaults to target/release/baosou, PAGES_DIR to ../shared/corpus/rmrb_pages_dev (a
folder holding pages/ and gold.jsonl, with one line per page: path, encoding and the
articles' start_char). The People's Daily pages there are not part of the repository; the
script says so and stops when they are absent. `--pages DIR` (repeatable) trains on those
sets instead, for example pages rendered in other papers' styles by
`tools/render_pages.py --style NAME` (each DIR with its gold.jsonl): fit on some styles,
then score the others with tools/score_styles.py. `--first-weight W` weighs each group of the
first set W times in the fit (the hand-labelled pages, against the rendered ones).

For every set, `baosou split` of its pages folder with BAOSOU_SPLIT_TRACE=1 prints each page's
groups of headline lines with the rule that decided each and the features the model reads
(src/split/layout/model.rs), splitting them by the profile learned from the set's pages as indexing
does. A
group is a positive example when the gold has an article starting where it starts. Boosted
trees (scikit-learn) are fitted on the groups the rules decide, first checked group by
group of pages (each month, or each set when there are several, predicted by trees trained
on the others), then fitted on all and written to model.txt, with the rule and feature
names the trees were fitted on (a test in model.rs checks them against the code).

The rule names are read from `RULES` in model.rs (`Rule::AfterEnd` is `after_end`) and
checked against the trace (a group decided by a rule has that rule's feature set); the other
features' names from `FEATURE_NAMES` there, their count checked against the trace.

The features depend on decisions made before each group, so train, rebuild, and train again
until the figures settle (twice is enough). --check only prints the cross-validated figures;
--holdout leaves one month out of the training, to score the splitter on it;
--report-holdout does that for each month in turn (a release build each time, then the
scorer, ../shared/eval/score.py, on that month's pages) and puts model.txt back.
"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "src", "split", "layout", "model.txt")
# Fitted on the dev months, read on the months no tree saw over four renderings
# (tools/score_seeds.py, 2026-12-06): trees of 31 leaves beat 15 (every style's mean F1 up
# 0.001-0.005 but city's, down 0.001), and 7 leaves or 80 samples a leaf lost 0.004-0.010.
PARAMS = dict(max_iter=300, learning_rate=0.08, max_leaf_nodes=31, min_samples_leaf=10,
              l2_regularization=1.0, random_state=0)


def trace(binary, pages):
    """{page path as gold.jsonl gives it: [(start, rule, what the rule said, features)]} of
    every page of one set, split as a folder (so by the profile learned from its pages, as
    indexing splits them). A trace line: DBG start decided rule lines cohesion heads length
    rule_says probability features text, under a `DBG-PAGE path` line for each page."""
    env = dict(os.environ, BAOSOU_SPLIT_TRACE="1")
    root = os.path.join(pages, "pages")
    p = subprocess.run([binary, "split", "--json", root], capture_output=True, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"train_splitter: {binary} split {root} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    by_page, rows = {}, None
    for line in p.stderr.splitlines():
        if line.startswith("DBG-PAGE\t"):
            rows = by_page.setdefault(os.path.relpath(line.split("\t", 1)[1], pages), [])
        elif line.startswith("DBG\t") and rows is not None:
            f = line.split("\t", 11)
            rows.append((int(f[1]), f[3], f[8] == "true", [float(x) for x in f[10].split(",")]))
    return by_page


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


def snake(variant):
    """`AfterEnd` → `after_end`: a rule's name as `Rule::name` gives it (a test in rules.rs
    holds the code to that)."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", variant).lower()


def rule_list(src, const):
    """The rule names of a `const NAME: [Rule; N] = [Rule::A, ...];` of model.rs."""
    m = re.search(rf"const {const}: \[Rule; (\d+)\] = \[(.*?)\];", src, re.S)
    if not m:
        sys.exit(f"train_splitter: src/split/layout/model.rs has no `const {const}: [Rule; N] = [...]`; "
                 "update rule_list() to the code")
    rules = [snake(v) for v in re.findall(r"Rule::(\w+)", m.group(2))]
    if len(rules) != int(m.group(1)):
        sys.exit(f"train_splitter: read {len(rules)} rules in {const} where its type says {m.group(1)}")
    return rules


def names_in_code(src):
    """The rule names (`RULES`) and the other features' names (`FEATURE_NAMES`) in model.rs,
    in the order of `Group::features`."""
    rules = rule_list(src, "RULES")
    m = re.search(r"pub(?:\(crate\))? const FEATURE_NAMES: \[&str; (\d+)\] = \[(.*?)\];", src, re.S)
    if not m:
        sys.exit("train_splitter: src/split/layout/model.rs has no `pub(crate) const FEATURE_NAMES: [&str; N] = [...]`; "
                 "update names_in_code() to the code")
    features = re.findall(r'"([^"]+)"', m.group(2))
    if len(features) != int(m.group(1)):
        sys.exit(f"train_splitter: read {len(features)} feature names where their type says {m.group(1)}")
    return rules, features


def constant(src, name):
    """A `const NAME: f32 = VALUE;` of model.rs."""
    return float(re.search(rf"const {name}: f32 = ([0-9.]+);", src).group(1))


def parse_args(argv):
    """(binary, [pages dirs], holdout month, flags)."""
    holdout = argv[argv.index("--holdout") + 1] if "--holdout" in argv else None
    weight = argv[argv.index("--first-weight") + 1] if "--first-weight" in argv else None
    dirs, rest, k = [], [], 0
    while k < len(argv):
        if argv[k] == "--pages" and k + 1 < len(argv):
            dirs.append(argv[k + 1])
            k += 2
            continue
        if argv[k] == "--first-weight":
            k += 2
            continue
        if not argv[k].startswith("--") and argv[k] != holdout:
            rest.append(argv[k])
        k += 1
    binary = rest[0] if rest else os.path.join(ROOT, "target", "release", "baosou")
    if len(rest) > 1:
        dirs.insert(0, rest[1])
    dirs = dirs or [os.path.join(ROOT, "..", "shared", "corpus", "rmrb_pages_dev")]
    return binary, dirs, holdout, float(weight or 1)


def main():
    binary, dirs, holdout, first_weight = parse_args(sys.argv[1:])
    gold = []  # (set directory, page)
    for pages in dirs:
        gold_path = os.path.join(pages, "gold.jsonl")
        if not os.path.exists(gold_path):
            sys.exit(f"train_splitter: {gold_path} not found; the labelled pages are kept outside the "
                     "repository (../shared/corpus/rmrb_pages_dev), rendered ones under target/ "
                     "(tools/render_pages.py --style NAME)")
        gold += [(pages, json.loads(l)) for l in open(gold_path, encoding="utf-8")]
    rules_src = open(os.path.join(ROOT, "src", "split", "layout", "model.rs"), encoding="utf-8").read()
    rules, feature_names = names_in_code(rules_src)
    n_features = len(rules) + len(feature_names)

    X, y, said, month, group = [], [], [], [], []
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        traced = dict(zip(dirs, ex.map(lambda d: trace(binary, d), dirs)))
    for pages, page in gold:
        starts = {a["start_char"] for a in page["articles"]}
        rows = traced[pages].get(os.path.normpath(page["path"]))
        if rows is None:
            sys.exit(f"train_splitter: {binary} traced no page {page['path']} in {pages}; rebuild it "
                     "(cargo build --release)")
        for start, why, rule_says, features in rows:
            if len(features) != n_features:
                sys.exit(f"train_splitter: {binary} traces {len(features)} features, model.rs has "
                         f"{n_features}; rebuild it (cargo build --release)")
            if why in rules:
                if features[rules.index(why)] != 1.0:
                    sys.exit(f"train_splitter: a group decided by {why} does not have feature "
                             f"{rules.index(why)} set: RULES in model.rs and the trace disagree")
                X.append(features); y.append(start in starts); said.append(rule_says)
                month.append(page["date"][:7])
                group.append(os.path.basename(os.path.normpath(pages)) if len(dirs) > 1 else page["date"][:7])
    X, y, said, month, group = np.array(X), np.array(y), np.array(said), np.array(month), np.array(group)
    first = os.path.basename(os.path.normpath(dirs[0])) if len(dirs) > 1 else None
    W = np.where(group == first, first_weight, 1.0)
    names = [f"rule:{r}" for r in rules] + feature_names
    # The more vocabulary the text on both sides shares, the less likely a new article.
    PARAMS["monotonic_cst"] = [-1 if n == "cohesion" else 0 for n in names]
    print(f"{len(y)} groups decided by the rules, {y.sum()} of them starting an article; "
          f"the rules get {int((said != y).sum())} wrong")

    # Each month (or set) predicted by a model trained on the others.
    p = np.zeros(len(y))
    for m in sorted(set(group)):
        model = HistGradientBoostingClassifier(**PARAMS).fit(X[group != m], y[group != m], sample_weight=W[group != m])
        p[group == m] = model.predict_proba(X[group == m])[:, 1]
    # CONTINUE and START in model.rs, and START_OVER_PATTERN over its PATTERN_RULES.
    lo, hi, over_pattern = (constant(rules_src, c) for c in ("CONTINUE", "START", "START_OVER_PATTERN"))
    pattern = [rules.index(r) for r in rule_list(rules_src, "PATTERN_RULES")]
    start = np.where(X[:, pattern].any(axis=1), over_pattern, hi)
    decided = np.where(p >= start, True, np.where(p < lo, False, said))
    by = "set by set" if len(dirs) > 1 else "month by month"
    print(f"{by}, rules overridden under {lo} and from {hi} ({over_pattern} over a pattern): {int((decided != y).sum())} wrong "
          f"({int((decided & ~y).sum())} false starts, {int((~decided & y).sum())} missed), "
          f"{int((decided != said).sum())} decisions changed")
    if len(dirs) > 1:
        for m in sorted(set(group)):
            k = group == m
            print(f"  {m}: {int(k.sum())} groups, {int((decided[k] != y[k]).sum())} wrong "
                  f"(the rules alone {int((said[k] != y[k]).sum())})")
    if "--check" in sys.argv:
        return

    if "--report-holdout" in sys.argv:
        if len(dirs) > 1:
            sys.exit("train_splitter: --report-holdout scores months of one set; give one PAGES_DIR")
        report_holdout(X, y, month, [g for _, g in gold], dirs[0], rules, names)
        return
    if holdout:
        X, y, W = X[month != holdout], y[month != holdout], W[month != holdout]
    write_forest(X, y, len(gold), rules, names, dirs, W)


def report_holdout(X, y, month, gold, pages, rules, names):
    """Scores each month split by a build whose trees never saw it."""
    scorer = os.path.join(ROOT, "..", "shared", "eval", "score.py")
    shipped = open(MODEL, encoding="utf-8").read()
    try:
        for m in sorted(set(month)):
            write_forest(X[month != m], y[month != m], len(gold), rules, names, [pages])
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


def write_forest(X, y, pages, rules, names, dirs, W=None):
    """Fits the trees on X, y and writes them to model.txt, after the names of the rules and
    the features they were fitted on (model.rs tests them against its own)."""
    model = HistGradientBoostingClassifier(**PARAMS).fit(X, y, sample_weight=W)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    lines = ["# The splitter's boosted trees: written by tools/train_splitter.py, read by model.rs.",
             f"# {len(y)} groups from {pages} labelled pages "
             f"({', '.join(os.path.basename(os.path.normpath(d)) for d in dirs)}"
             f"{'' if W is None or W.max() == 1 else f', the first weighing {W.max():g}'}); {len(rules)} rules, "
             f"{X.shape[1]} features.", "# rules: " + " ".join(rules), "# features: " + " ".join(names),
             f"baseline {baseline!r}"]
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
