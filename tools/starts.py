#!/usr/bin/env python3
"""Lists the article starts the splitter missed or added on a rendered set, by the rule that
decided the group of headline lines standing there: where to look next.

usage: python3 tools/starts.py BAOSOU SET [N]

SET holds pages/ and gold.jsonl (tools/render_pages.py, tools/blind_styles.py, or
../shared/corpus/rmrb_pages_dev). `BAOSOU split --json SET/pages` is run with
BAOSOU_SPLIT_TRACE=1, which prints each group of headline lines with the rule that decided it
(src/split/layout/rules.rs) and whether it opened an article. A gold start with a group within
two characters that did not open one is missed under that group's rule, a group that opened an
article with no gold start near it is extra under its rule, and a gold start where no group
stands is missed under `(no group)` (the text there was never read as a headline). Prints the
counts by rule, then the first N of each, with the page and the group's text.

Scores nothing: the boundary figures are ../shared/eval/score.py split's and
tools/score_styles.py's. The true hold-outs of tools/blind_styles.py (`HOLD_OUTS` there) are
refused: their errors are never read.
"""
import collections
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind_styles import HOLD_OUTS  # noqa: E402

NEAR = 2


def traced(binary, root):
    """{page path relative to the set: [(start, opened, rule, text)]} from the trace."""
    env = dict(os.environ, BAOSOU_SPLIT_TRACE="1")
    p = subprocess.run([binary, "split", "--json", os.path.join(root, "pages")],
                       capture_output=True, text=True, env=env)
    if p.returncode not in (0, 1):
        sys.exit(f"starts: {binary} split {root}/pages failed ({p.returncode}):\n{p.stderr[-2000:]}")
    by_page, rows = {}, None
    for line in p.stderr.splitlines():
        if line.startswith("DBG-PAGE\t"):
            rows = by_page.setdefault(os.path.relpath(line.split("\t", 1)[1], root), [])
        elif line.startswith("DBG\t") and rows is not None:
            f = line.split("\t", 11)
            rows.append((int(f[1]), f[2] == "true", f[3], f[11][:60]))
    return by_page


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.split("\n\n")[1])
    binary, root = sys.argv[1], sys.argv[2].rstrip("/")
    n = int(sys.argv[3]) if len(sys.argv) == 4 else 0
    if any(f"blind-{h}-" in os.path.basename(root) for h in HOLD_OUTS):
        sys.exit(f"starts: {root} is a true hold-out (tools/blind_styles.py): read only its figures")
    gold_path = os.path.join(root, "gold.jsonl")
    if not os.path.exists(gold_path):
        sys.exit(f"starts: {gold_path} not found; render the set first (tools/render_pages.py)")
    trace = traced(binary, root)
    counts = {"missed": collections.Counter(), "extra": collections.Counter()}
    shown = {"missed": [], "extra": []}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            g = json.loads(line)
            starts = [a["start_char"] for a in g["articles"]]
            groups = trace.get(g["path"], [])
            for start, opened, rule, text in groups:
                near = any(abs(start - s) <= NEAR for s in starts)
                if near != opened:
                    what = "missed" if near else "extra"
                    counts[what][rule] += 1
                    shown[what].append((rule, g["path"], start, text))
            page = None
            for s in starts:
                if s > NEAR and not any(abs(start - s) <= NEAR for start, *_ in groups):
                    if page is None:
                        with open(os.path.join(root, g["path"]), encoding=g["encoding"]) as p:
                            page = p.read()
                    counts["missed"]["(no group)"] += 1
                    shown["missed"].append(("(no group)", g["path"], s,
                                            page[s:s + 40].replace("\n", "⏎")))
    for what in ("missed", "extra"):
        c = counts[what]
        print(f"{what} {sum(c.values())}: " + ", ".join(f"{r} {k}" for r, k in c.most_common()))
    for what in ("missed", "extra"):
        for row in shown[what][:n]:
            print(what, *row, sep="\t")


if __name__ == "__main__":
    main()
