#!/usr/bin/env python3
"""Score baosou's stitching of continued stories and folding of repeated printings.

  score_stitch.py fold   BIN RENDER_DIR [--sample N]   printings folded (identical texts in gold)
  score_stitch.py stitch BIN RENDER_DIR                parts linked (RENDER_DIR from render_pages.py --jumps)
  score_stitch.py queries BIN RENDER_DIR QUERY_DIR    ../shared/eval's query sets, a hit read as its own
                                                      id only, and as any of its parts and duplicates

Both index RENDER_DIR/pages into a temporary folder and read every hit of an empty search
(`search --json --limit 1000000`), with its `parts` and `duplicates` (the contract in the
README). Gold comes from RENDER_DIR/gold.jsonl and, for folding, the article texts of
../shared/corpus/rmrb_2019_2020/articles.jsonl: two printings are the same text when their
bodies are equal after white space is removed.

fold:   recall = identical printings found in one hit / identical printings that could be
        folded (each group of n printings counts n - 1); wrong = printings folded whose gold
        texts differ; --sample N prints N folded pairs, drawn with a fixed seed, to check by
        hand.
stitch: a story's parts are the gold articles with the same `story` id; precision = links
        (consecutive parts in one hit) that are right / links made; recall = right / gold links.
"""
import collections, json, os, random, re, subprocess, sys, tempfile

ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
                        "corpus", "rmrb_2019_2020", "articles.jsonl")


def norm(s):
    return re.sub(r"[\s\u3000]+", "", s or "")


def hits(bin_, render):
    root = os.path.join(render, "pages")
    idx = tempfile.mkdtemp(prefix="baosou-stitch-")
    subprocess.run([bin_, "index", root, "--index", idx], check=True, capture_output=True)
    p = subprocess.run([bin_, "search", "--index", idx, "--json", "--limit", "1000000"],
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return [json.loads(l) for l in p.stdout.splitlines() if l.strip()]


def gold_index(render):
    """(path, span) -> gold article, by the best overlap on the page."""
    pages = {}
    for line in open(os.path.join(render, "gold.jsonl"), encoding="utf-8"):
        page = json.loads(line)
        pages[page["path"][len("pages/"):]] = page["articles"]

    def find(path, span):
        best = (0, None)
        for g in pages.get(path, []):
            o = min(span[1], g["end_char"]) - max(span[0], g["start_char"])
            best = max(best, (o, g["id"]), key=lambda x: x[0])
        return best[1] if best[0] > 0.5 * (span[1] - span[0]) else None
    return pages, find


def fold(bin_, render, sample):
    texts = {}
    for line in open(ARTICLES, encoding="utf-8"):
        a = json.loads(line)
        texts[a["id"]] = norm(a["body"])
    pages, find = gold_index(render)
    by_text = collections.defaultdict(set)
    for arts in pages.values():
        for g in arts:
            if len(texts.get(g["id"], "")) >= 60:
                by_text[texts[g["id"]]].add(g["id"])
    want = sum(len(v) - 1 for v in by_text.values() if len(v) > 1)
    found = wrong = 0
    pairs = []
    for h in hits(bin_, render):
        head = find(h["path"], h["span"])
        for d in h["duplicates"]:
            other = find(d["path"], d["span"])
            pairs.append((head, other))
            if head and other and texts.get(head) == texts.get(other):
                found += 1
            else:
                wrong += 1
    print(f"fold: identical printings {want}, folded right {found} (recall {found / (want or 1):.3f}), "
          f"folded with another text {wrong}")
    rng = random.Random(1)
    for head, other in rng.sample(pairs, min(sample, len(pairs))):
        same = "same" if texts.get(head) == texts.get(other) else "DIFFERENT"
        print(f"  {same:9} {head} {other}")


def stitch(bin_, render):
    pages, find = gold_index(render)
    story = {}
    for arts in pages.values():
        for g in arts:
            if g.get("story"):
                story[g["id"]] = (g["story"], g["part"])
    gold_links = set()
    by_story = collections.defaultdict(list)
    for gid, (s, part) in story.items():
        by_story[s].append((part, gid))
    for parts in by_story.values():
        parts.sort()
        gold_links |= {(a[1], b[1]) for a, b in zip(parts, parts[1:])}
    made = set()
    for h in hits(bin_, render):
        ids = [find(p["path"], p["span"]) for p in h["parts"] if not p.get("missing")]
        made |= {(a, b) for a, b in zip(ids, ids[1:])}
    right = len(made & gold_links)
    if os.environ.get("STITCH_VERBOSE"):
        for a, b in sorted(gold_links - made):
            print("  missed", a, b)
        for a, b in sorted(made - gold_links):
            print("  wrong ", a, b)
    print(f"stitch: gold links {len(gold_links)}, made {len(made)}, right {right}  "
          f"precision {right / (len(made) or 1):.3f} recall {right / (len(gold_links) or 1):.3f}")


def queries(bin_, render, qdir):
    """The query sets of ../shared/eval/score.py, scored as it does (a hit is the gold article
    its path and span overlap) and also crediting each hit's parts and duplicates."""
    _, find = gold_index(render)
    root = os.path.join(render, "pages")
    idx = tempfile.mkdtemp(prefix="baosou-stitch-")
    subprocess.run([bin_, "index", root, "--index", idx], check=True, capture_output=True)

    def ids(h, linked):
        out = [find(h["path"], h["span"])]
        if linked:
            out += [find(x["path"], x["span"]) for x in h.get("parts", []) + h.get("duplicates", [])
                    if not x.get("missing")]
        return set(out)
    for name in ("ki", "sr", "reporter", "date"):
        path = os.path.join(qdir, name + ".jsonl")
        qs = [json.loads(l) for l in open(path, encoding="utf-8")]
        batch = os.path.join(idx, name + ".batch.jsonl")
        with open(batch, "w", encoding="utf-8") as f:
            for q in qs:
                b = {"limit": 10 if name == "ki" else 1000}
                b.update({k: q[k] for k in ("q", "reporter", "date") if q.get(k)})
                f.write(json.dumps(b, ensure_ascii=False) + "\n")
        p = subprocess.run([bin_, "search", "--index", idx, "--json", "--queries", batch],
                           capture_output=True, text=True)
        res = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
        figures = []
        for linked in (False, True):
            if name == "ki":
                rr = 0.0
                for q, r in zip(qs, res):
                    for rank, h in enumerate(r["hits"][:10]):
                        if q["target"] in ids(h, linked):
                            rr += 1 / (rank + 1)
                            break
                figures.append(f"MRR@10 {rr / len(qs):.3f}")
            else:
                tp = fn = 0
                for q, r in zip(qs, res):
                    got = set().union(*[ids(h, linked) for h in r["hits"]])
                    want = set(q["relevant"])
                    tp += len(got & want); fn += len(want - got)
                figures.append(f"recall {tp / ((tp + fn) or 1):.3f}")
        print(f"{name:9} hit's own id: {figures[0]}   with parts and duplicates: {figures[1]}")


if __name__ == "__main__":
    a = sys.argv[1:]
    n = 0
    if "--sample" in a:
        i = a.index("--sample")
        n = int(a[i + 1])
        del a[i:i + 2]
    if len(a) == 3 and a[0] == "fold":
        fold(a[1], a[2], n)
    elif len(a) == 4 and a[0] == "queries":
        queries(a[1], a[2], a[3])
    elif len(a) == 3 and a[0] == "stitch":
        stitch(a[1], a[2])
    else:
        sys.exit(__doc__)
