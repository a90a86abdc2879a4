#!/usr/bin/env python3
"""Render People's Daily articles as page text, with gold spans, for testing the splitter.

Reads ../shared/corpus/rmrb_2019_2020/articles.jsonl (one article per line, from the
crawler) and writes what text extracted from a printed page looks like: one file per page,
`OUT/pages/人民日报/YYYY-MM-DD/PP.txt`, and `OUT/gold.jsonl` in the format of
../shared/corpus/rmrb_pages_dev/gold.jsonl, so that

    python3 ../shared/eval/score.py split target/release/baosou OUT

scores the splitter on it. With the default rendering the dev pages are reproduced
exactly up to the random choices (extra blank lines, column breaks, shared head lines,
encoding), which this script draws from a seeded generator; the other options render the
same articles the ways other archives look, to check that the splitter does not depend on
one rendering:

    --month 2020-02 --month 2020-05     months the dev pages do not hold (never seen in training)
    --no-extra-blank                    articles separated by one blank line, like paragraphs
    --indent                            body paragraphs keep their 　　 indentation
    --one-line-heads P                  headline and subheadline share a line with probability P
    --breaks P                          a paragraph of 40+ characters is cut with probability P
    --crlf                              CRLF line ends
    --single-newline                    paragraphs (and articles) end with a newline, no blank lines
    --jumps                             a story printed whole on two pages of a day is printed as
                                        in print: its first half and a jump line (下转第四版) on
                                        the first page, the back-reference (上接第一版), headline
                                        (sometimes shortened) and second half on the other; gold
                                        articles of such stories carry `story` and `part`
    --style NAME                        other papers' conventions (tools/page_styles.py: evening,
                                        provincial, city, credits, wire, furniture; `all` for each),
                                        with gold reporters; written to OUT/<NAME> when several

The article text is licensed to no one: OUT must never be committed (the default,
target/pages-<months>, is ignored by git).
"""
import argparse
import json
import os
import random
import re
import sys
import zlib
from collections import defaultdict

import page_styles

ARTICLES = "../shared/corpus/rmrb_2019_2020/articles.jsonl"


def render_page(articles, rng, args):
    """Page text and gold articles (spans in characters of the text after CRLF -> LF)."""
    nl = "\n" if args.single_newline else "\n\n"
    text = rng.choice(["", nl, nl + nl])
    gold = []
    for n, a in enumerate(articles):
        if n:
            text += nl if args.no_extra_blank or args.single_newline else rng.choice([nl] * 3 + [nl + "\n", nl + nl])
        heads = [a["kicker"]] if a["kicker"] else []
        if a["subtitle"] and rng.random() < args.one_line_heads:
            heads.append(a["title"] + " " + a["subtitle"])
        else:
            heads += [a["title"]] + ([a["subtitle"]] if a["subtitle"] else [])
        paras = heads + [p for p in (line.strip() for line in a["body"].split("\n")) if p]
        body_from = len(heads)
        start = len(text)
        breaks = []
        for i, p in enumerate(paras):
            if i:
                text += nl
            if i >= body_from and args.indent:
                text += "\u3000\u3000"
            if i >= body_from and len(p) >= 40 and rng.random() < args.breaks:
                cut = rng.randint(8, len(p) - 8)
                text += p[:cut] + nl
                breaks.append(len(text))
                p = p[cut:]
            text += p
        gold.append({
            "id": a["id"], "seq": a["seq"], "kicker": a["kicker"], "title": a["title"],
            "subtitle": a["subtitle"], "start_char": start, "end_char": len(text),
            "column_breaks": breaks,
            **{k: a[k] for k in ("story", "part") if k in a},
        })
    return text + "\n", gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--month", action="append", required=True, help="YYYY-MM, repeatable")
    ap.add_argument("--out", help="output directory (default target/pages-<months>)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-extra-blank", action="store_true")
    ap.add_argument("--indent", action="store_true")
    ap.add_argument("--one-line-heads", type=float, default=0.3)
    ap.add_argument("--breaks", type=float, default=0.15)
    ap.add_argument("--gb18030", type=float, default=0.1, help="share of pages in GB18030")
    ap.add_argument("--crlf", action="store_true")
    ap.add_argument("--single-newline", action="store_true")
    ap.add_argument("--jumps", action="store_true")
    ap.add_argument("--style", action="append", help="a style of tools/page_styles.py, or all; repeatable")
    args = ap.parse_args()
    if not os.path.exists(ARTICLES):
        sys.exit(f"{ARTICLES} not found: this tool needs the shared corpus beside the repository")
    out = args.out or "target/pages-" + "+".join(args.month)
    pages = defaultdict(list)
    with open(ARTICLES, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["date"][:7] in args.month and a["body"].strip():
                pages[(a["date"], a["page"])].append(a)
    if not pages:
        sys.exit(f"no articles of {', '.join(args.month)} in {ARTICLES}")
    if args.style:
        styles = list(page_styles.STYLES) if "all" in args.style else args.style
        for style in styles:
            if style not in page_styles.STYLES:
                sys.exit(f"render_pages: no style {style!r}; the styles are {', '.join(page_styles.STYLES)}")
        for style in styles:
            where = args.out if args.out and len(styles) == 1 else os.path.join(
                args.out or "target/styles", style + ("" if args.out else "-" + "+".join(args.month)))
            render_style(pages, style, where, args)
        return
    rng = random.Random(args.seed)
    if args.jumps:
        n = print_continued(pages, random.Random(args.seed * 7919))
        print(f"{n} stories printed in two parts", file=sys.stderr)
    with open(os.path.join(os.makedirs(out, exist_ok=True) or out, "gold.jsonl"), "w") as gold_file:
        for (date, page), articles in sorted(pages.items()):
            articles.sort(key=lambda a: a["seq"])
            text, gold = render_page(articles, rng, args)
            encoding = "gb18030" if rng.random() < args.gb18030 else "utf-8"
            path = f"pages/人民日报/{date}/{page:02d}.txt"
            os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
            if args.crlf:
                text = text.replace("\n", "\r\n")
            with open(os.path.join(out, path), "wb") as f:
                f.write(text.encode(encoding))
            gold_file.write(json.dumps({
                "path": path, "paper": "人民日报", "date": date, "page": page,
                "encoding": encoding, "newline": "crlf" if args.crlf else "lf",
                "offsets": "unicode scalar values of the decoded text with LF newlines", "articles": gold,
            }, ensure_ascii=False) + "\n")
    print(f"{len(pages)} pages in {out}", file=sys.stderr)


CN_DIGITS = "零一二三四五六七八九"


def chinese(n):
    """A page number in Chinese numerals: 4 -> 四, 12 -> 十二, 20 -> 二十."""
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def jump_line(page, rng, back):
    """A jump line to `page` (back: a back-reference from it), in one of the forms papers print."""
    word = "上接" if back else rng.choice(["下转", "下转", "转"])
    number = rng.choice([f"第{chinese(page)}", f"第{chinese(page)}", chinese(page), str(page), f"第{page}", f" A{page} "])
    line = f"{word}{number}版"
    return f"（{line.strip()}）" if rng.random() < 0.7 else line


def split_body(body, rng):
    """The body's paragraphs cut in two halves: at a paragraph end, or inside a paragraph."""
    paras = [p for p in (line.strip() for line in body.split("\n")) if p]
    total = sum(len(p) for p in paras)
    if total < 200:
        return None
    seen, at = 0, 0
    for at, p in enumerate(paras):
        if seen + len(p) >= total / 2:
            break
        seen += len(p)
    p = paras[at]
    if at > 0 and (rng.random() < 0.5 or len(p) < 40):
        return paras[:at], paras[at:]
    cut = rng.randint(len(p) // 3, 2 * len(p) // 3)
    return paras[:at] + [p[:cut]], [p[cut:]] + paras[at + 1:]


def short_title(title, rng):
    """The headline as repeated over a continuation: whole, or its first phrase."""
    head = title.replace("\u3000", " ").split()
    if rng.random() < 0.6 or len(head) < 2:
        return title
    return head[0]


def print_continued(pages, rng):
    """Prints each story that a day holds whole on two pages as one story in two parts: the
    lower page keeps the first half and a jump line, the other gets the rest. Returns how many."""
    by_text = defaultdict(list)
    for (date, page), articles in pages.items():
        for a in articles:
            by_text[(date, re.sub(r"\s+", "", a["body"]))].append(a)
    n = 0
    for (date, _), printed in sorted(by_text.items(), key=lambda kv: kv[0]):
        printed = sorted(printed, key=lambda a: (a["page"], a["seq"]))
        if len(printed) < 2 or printed[0]["page"] == printed[1]["page"]:
            continue
        first, second = printed[0], printed[1]
        halves = split_body(first["body"], rng)
        if halves is None:
            continue
        one, two = halves
        to = jump_line(second["page"], rng, back=False)
        if rng.random() < 0.5:
            # Printed at the end of the last line, a jump is always in brackets.
            one = one[:-1] + [one[-1] + (to if to.startswith("（") else f"（{to.strip()}）")]
        else:
            one = one + [to]
        back = jump_line(first["page"], rng, back=True)
        if rng.random() < 0.5:
            two = [(back if back.startswith("（") else f"（{back.strip()}）") + two[0]] + two[1:]
        else:
            two = [back] + two
        first["body"] = "\n".join("\u3000\u3000" + p for p in one)
        second["body"] = "\n".join("\u3000\u3000" + p for p in two)
        second["title"] = short_title(first["title"], rng)
        second["kicker"] = second["subtitle"] = ""
        first["story"] = second["story"] = first["id"]
        first["part"], second["part"] = 1, 2
        n += 1
    return n


def render_style(pages, style, out, args, render=None):
    """Writes the pages of `pages` in `style` to OUT/pages/<paper>/ and OUT/gold.jsonl, each page
    made by `render` (default page_styles.render_styled_page)."""
    render = render or page_styles.render_styled_page
    paper = page_styles.STYLES[style][0]
    rng = random.Random(args.seed * 1000003 + zlib.crc32(style.encode()))
    asides = [a["body"].split("\n")[0].strip() for arts in pages.values() for a in arts]
    # Paragraphs that credit no one, for 相关链接 blocks.
    asides = [p for p in asides if len(p) >= 40 and not page_styles.DATELINE.match(p) and "记者" not in p][:2000]
    asides = asides or ["详情请见本报客户端。"]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as gold_file:
        for (date, page), articles in sorted(pages.items()):
            articles.sort(key=lambda a: a["seq"])
            day = page_styles.datetime.date.fromisoformat(date) - page_styles.datetime.timedelta(days=1)
            ctx = {"paper": paper, "date": date, "label": f"A{page}", "yesterday": f"{day.month}月{day.day}日",
                   "section": page_styles.SECTIONS[(page - 1) % len(page_styles.SECTIONS)],
                   "editor": page_styles.name(rng), "designer": page_styles.name(rng),
                   "sources": page_styles.SOURCES, "asides": asides}
            text, gold = render(articles, rng, args, style, ctx)
            encoding = "gb18030" if rng.random() < args.gb18030 else "utf-8"
            path = f"pages/{paper}/{date}/{page:02d}.txt"
            os.makedirs(os.path.join(out, os.path.dirname(path)), exist_ok=True)
            if args.crlf:
                text = text.replace("\n", "\r\n")
            with open(os.path.join(out, path), "wb") as f:
                f.write(text.encode(encoding))
            gold_file.write(json.dumps({
                "path": path, "paper": paper, "date": date, "page": page, "style": style,
                "encoding": encoding, "newline": "crlf" if args.crlf else "lf",
                "offsets": "unicode scalar values of the decoded text with LF newlines", "articles": gold,
            }, ensure_ascii=False) + "\n")
    print(f"{len(pages)} pages in {out} ({style}, {paper})", file=sys.stderr)


if __name__ == "__main__":
    main()
