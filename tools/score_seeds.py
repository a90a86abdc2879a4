#!/usr/bin/env python3
"""Scores the splitter on the months no tree was fitted on, rendered with several seeds, and
gives each set's mean beside its figures for each seed.

usage: python3 tools/score_seeds.py BAOSOU [--seeds N] [--json]

One rendering is one draw of the noise (column breaks, one-line headlines, blank lines, GB18030
pages, which stories get made-up reporters and in which form): on 910 pages of 2020-02 and
2020-05 a set's boundary F1 moves by up to 0.01 from one seed to the next, so a change worth
less than that is read on the mean of several. Renders (once per seed; kept under
target/seeds/, git-ignored) People's Daily as printed (`pd`), every style of
tools/page_styles.py and of tools/blind_styles.py (the true hold-outs too: only their figures
are printed), then runs tools/score_styles.py on each. Seed 1 is the rendering EVALUATION.md's
main table reads. Reads the shared corpus beside the repository and says so when it is absent.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import blind_styles  # noqa: E402
import page_styles  # noqa: E402

MONTHS = ["--month", "2020-02", "--month", "2020-05"]
TAG = "2020-02+2020-05"


def render(seed):
    """The sets of one seed, rendering those not there yet: [(name, dir)]."""
    base = os.path.join(ROOT, "target", "seeds", f"s{seed}")
    sets = []
    pd = os.path.join(base, "pd")
    if not os.path.exists(os.path.join(pd, "gold.jsonl")):
        run(["render_pages.py", *MONTHS, "--seed", str(seed), "--out", pd])
    sets.append(("pd", pd))
    for style in page_styles.STYLES:
        out = os.path.join(base, style)
        if not os.path.exists(os.path.join(out, "gold.jsonl")):
            run(["render_pages.py", *MONTHS, "--seed", str(seed), "--style", style, "--out", out])
        sets.append((style, out))
    for style in blind_styles.BLIND:
        out = os.path.join(base, "blind-" + style)
        if not os.path.exists(os.path.join(out, "gold.jsonl")):
            run(["blind_styles.py", *MONTHS, "--seed", str(seed), "--style", style, "--out", out])
        sets.append(("blind-" + style, out))
    return sets


def run(tool):
    p = subprocess.run([sys.executable, os.path.join(HERE, tool[0]), *tool[1:]], cwd=ROOT,
                       capture_output=True, text=True)
    if p.returncode:
        sys.exit(f"score_seeds: {' '.join(tool)} failed ({p.returncode}):\n{p.stderr[-2000:]}")


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    args = [a for a in args if a != "--json"]
    seeds = 4
    if "--seeds" in args:
        k = args.index("--seeds")
        seeds = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 1:
        sys.exit(__doc__.split("\n\n")[1])
    binary = args[0]
    if not os.path.exists(os.path.join(ROOT, "..", "shared", "eval", "score.py")):
        sys.exit("score_seeds: ../shared (the corpus and eval/score.py) not found beside the "
                 "repository; these figures need it")
    rows = {}
    for seed in range(1, seeds + 1):
        sets = render(seed)
        p = subprocess.run([sys.executable, os.path.join(HERE, "score_styles.py"), "--json", binary,
                            *[d for _, d in sets]], capture_output=True, text=True, cwd=ROOT)
        if p.returncode:
            sys.exit(f"score_seeds: score_styles.py failed ({p.returncode}):\n{p.stderr[-2000:]}")
        for (name, _), line in zip(sets, p.stdout.splitlines()):
            r = json.loads(line)
            rows.setdefault(name, []).append(
                (r["F1"], r["headline"], r["reporter_name_P"], r["reporter_name_R"]))
    if as_json:
        for name, rs in rows.items():
            print(json.dumps({"set": name, "seeds": [list(r) for r in rs]}))
        return
    print(f"| set ({TAG}) | F1, seeds 1–{seeds} | mean F1 | mean headline | mean reporters P / R |")
    print("|---|---|---|---|---|")
    for name, rs in rows.items():
        mean = [None if None in (v := [r[i] for r in rs]) else sum(v) / len(v) for i in range(4)]
        rep = "–" if mean[2] is None else f"{mean[2]:.3f} / {mean[3]:.3f}"
        print(f"| {name} | {' '.join(f'{r[0]:.3f}' for r in rs)} | **{mean[0]:.3f}** | "
              f"{mean[1]:.3f} | {rep} |")


if __name__ == "__main__":
    main()
