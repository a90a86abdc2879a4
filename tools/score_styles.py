#!/usr/bin/env python3
"""Scores the splitter on pages rendered in other papers' styles (tools/render_pages.py --style).

usage: tools/score_styles.py [--json] [--by-form] [--misses] BAOSOU OUT...

Each OUT holds pages/ and gold.jsonl. For each, `BAOSOU split OUT/pages --json` is run and
scored: boundary precision / recall / F1 and headline accuracy exactly as
../shared/eval/score.py split counts them (its matching is imported from there: a gold
article is found when a predicted span overlaps it with IoU >= 0.9), then the reporters.
Reporters are compared per article as sets of names, of name + role and of name + role +
organisation (issue 15 asks for all three): a matched article's names against its gold; a gold article no span matches loses its names (recall),
a predicted article no gold matches adds its names (precision), so a byline credited to the
wrong story counts against both. --json prints one object per set instead of the table;
--by-form adds, per convention a style printed (gold `forms`), how many of those articles
were found and the reporters' precision / recall on them. --misses adds, per set, each
missed and extra name classed: `boundary` (its gold article matches no span, or its
predicted article no gold), `outside` (the article matched, but the byline stands outside
the predicted span, or the extra name outside the gold span: a neighbour's), `parsed` (the
byline was read, with other names), `none` (the matched article has no reporters at all).
"""
import importlib.util
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCORE_PY = os.path.join(ROOT, "..", "shared", "eval", "score.py")


def load_score():
    """../shared/eval/score.py as a module, for its matching."""
    if not os.path.exists(SCORE_PY):
        sys.exit(f"score_styles: {os.path.normpath(SCORE_PY)} not found; the scorer and the corpus are "
                 "kept outside the repository, in ../shared beside it")
    spec = importlib.util.spec_from_file_location("score", SCORE_PY)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def names(reporters, kind="name"):
    """The names of `reporters`, with their role (`role`) or role and organisation (`org`)."""
    def key(r):
        if kind == "name":
            return r["name"]
        if kind == "role":
            return r["name"], r.get("role", "")
        return r["name"], r.get("role", ""), r.get("org") or ""
    return {key(r) for r in reporters or []}


def page_text(out, page):
    """The decoded text of one rendered page, LF line ends, as the gold's offsets count it."""
    raw = open(os.path.join(out, page["path"]), "rb").read()
    text = raw.decode(page.get("encoding") or "utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def squeezed(s):
    return "".join(c for c in s if c not in " \u00a0\u3000")


def score(sc, binary, out):
    """The figures of one rendered set."""
    gold_path = os.path.join(out, "gold.jsonl")
    if not os.path.exists(gold_path):
        sys.exit(f"score_styles: {gold_path} not found; render the set first (tools/render_pages.py --style NAME)")
    gold = sc.load_gold(out)
    root = os.path.join(out, "pages")
    t0 = time.time()
    p = subprocess.run([binary, "split", root, "--json"], capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"score_styles: {binary} split {root} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    pred = [json.loads(line) for line in p.stdout.splitlines() if line.strip()]
    secs = time.time() - t0
    by_path = {}
    for a in pred:
        by_path.setdefault(sc.norm(sc.rel(a["path"], root)), []).append(a)
    n = dict(gold=0, pred=0, ok=0, head=0)
    forms = {}  # form: [articles, found, tp, fp, fn]
    rep = {k: [0, 0, 0] for k in ("name", "role", "org")}  # tp, fp, fn
    styles, labelled = set(), False
    misses = {k: [0, 0] for k in ("boundary", "outside", "parsed", "none", "right")}  # missed, extra
    for page in gold:
        styles.add(page.get("style", "?"))
        g, pa = page["articles"], by_path.get(sc.norm(page["path"][len("pages/"):]), [])
        n["gold"] += len(g)
        n["pred"] += len(pa)
        used, text = set(), None
        for ga in g:
            labelled |= "reporters" in ga
            best = max(((sc.iou((ga["start_char"], ga["end_char"]), x["span"]), k) for k, x in enumerate(pa)
                        if k not in used), default=(0, -1))
            got = None
            if best[0] >= 0.9:
                used.add(best[1])
                n["ok"] += 1
                got = pa[best[1]]
                head = sc.norm(got.get("headline"))
                n["head"] += head in (sc.norm(ga["title"]), sc.norm(ga["title"] + ga["subtitle"]))
            for k in rep:
                want = names(ga.get("reporters"), k)
                have = names(got and got.get("reporters"), k)
                rep[k][0] += len(want & have)
                rep[k][1] += len(have - want)
                rep[k][2] += len(want - have)
            want, have = names(ga.get("reporters")), names(got and got.get("reporters"))
            if want or have:
                if text is None:
                    text = page_text(out, page)
                classify(misses, text, ga, got, want, have)
            for form in ga.get("forms") or ["(none)"]:
                f = forms.setdefault(form, [0, 0, 0, 0, 0])
                for i, v in enumerate((1, got is not None, len(want & have), len(have - want), len(want - have))):
                    f[i] += v
        for k, x in enumerate(pa):
            if k not in used:
                for kind in rep:
                    rep[kind][1] += len(names(x.get("reporters"), kind))
                misses["boundary"][1] += len(names(x.get("reporters")))
    P, R = n["ok"] / (n["pred"] or 1), n["ok"] / (n["gold"] or 1)
    res = {"set": os.path.basename(os.path.normpath(out)), "style": ",".join(sorted(styles)),
           "pages": len(gold), "gold": n["gold"], "predicted": n["pred"],
           "P": P, "R": R, "F1": 2 * P * R / ((P + R) or 1), "headline": n["head"] / (n["ok"] or 1),
           "split_s": round(secs, 1), "misses": misses}
    res["forms"] = {form: {"articles": a, "found": ok / a, "reporter_P": tp / ((tp + fp) or 1) if tp + fp else None,
                           "reporter_R": tp / ((tp + fn) or 1) if tp + fn else None}
                    for form, (a, ok, tp, fp, fn) in sorted(forms.items(), key=lambda x: -x[1][0])}
    if not labelled:
        for x in res["forms"].values():
            x["reporter_P"] = x["reporter_R"] = None
    for k, (tp, fp, fn) in rep.items():
        res[f"reporter_{k}_P"] = tp / ((tp + fp) or 1)
        res[f"reporter_{k}_R"] = tp / ((tp + fn) or 1)
        res[f"reporters_gold_{k}"] = tp + fn
        if not labelled:  # a People's Daily rendering: no gold reporters to compare with
            res[f"reporter_{k}_P"] = res[f"reporter_{k}_R"] = None
    return res


def classify(misses, text, ga, got, want, have):
    """Adds one gold article's missed and extra names to `misses`, by why they were lost."""
    if got is None:
        misses["boundary"][0] += len(want)
        return
    misses["right"][0] += len(want & have)
    span = squeezed(text[got["span"][0]:got["span"][1]])
    for n in want - have:
        misses["outside" if n not in span else "parsed" if have else "none"][0] += 1
    gold_span = squeezed(text[ga["start_char"]:ga["end_char"]])
    for n in have - want:
        misses["outside" if n not in gold_span else "parsed"][1] += 1


def main():
    args = sys.argv[1:]
    as_json, by_form, by_miss = "--json" in args, "--by-form" in args, "--misses" in args
    args = [a for a in args if a not in ("--json", "--by-form", "--misses")]
    if len(args) < 2:
        sys.exit(__doc__)
    sc = load_score()
    binary, outs = args[0], args[1:]
    if not os.path.exists(binary):
        sys.exit(f"score_styles: {binary} not found; build it with cargo build --release")
    rows = []
    for out in outs:
        r = score(sc, binary, out)
        rows.append(r)
        if as_json:
            print(json.dumps(r, ensure_ascii=False), flush=True)
    if as_json:
        return
    f = lambda x: "–" if x is None else f"{x:.3f}"
    print("| set | pages | gold / predicted | boundary P / R / F1 | headline | reporters P / R (names) | name + role P / R "
          "| name + role + org P / R |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['set']} | {r['pages']} | {r['gold']} / {r['predicted']} | {r['P']:.3f} / {r['R']:.3f} / "
              f"**{r['F1']:.3f}** | {r['headline']:.3f} | {f(r['reporter_name_P'])} / {f(r['reporter_name_R'])} | "
              f"{f(r['reporter_role_P'])} / {f(r['reporter_role_R'])} | "
              f"{f(r['reporter_org_P'])} / {f(r['reporter_org_R'])} |")
    if by_form:
        print("\n| set | convention | articles | found (IoU >= 0.9) | reporters P / R |\n|---|---|---|---|---|")
        for r in rows:
            for form, x in r["forms"].items():
                print(f"| {r['set']} | {form} | {x['articles']} | {x['found']:.3f} | "
                      f"{f(x['reporter_P'])} / {f(x['reporter_R'])} |")
    if by_miss:
        print("\n| set | names right | boundary | outside the span | parsed wrong | none found |")
        print("|---|---|---|---|---|---|")
        for r in (r for r in rows if r["reporter_name_P"] is not None):  # sets with gold reporters
            m = r["misses"]
            print(f"| {r['set']} | {m['right'][0]} | " + " | ".join(f"{m[k][0]} / {m[k][1]}" for k in
                                                             ("boundary", "outside", "parsed", "none")) + " |")


if __name__ == "__main__":
    main()
