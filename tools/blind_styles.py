#!/usr/bin/env python3
"""Two more papers' styles, kept apart from tools/page_styles.py as a hold-out: nothing is fitted
or tuned on them, and they are measured only to see how the splitter does on conventions printed
in combinations it was not developed against (issue 15: pages of other real papers).

usage: python3 tools/blind_styles.py --month 2020-02 --month 2020-05 [--seed N]
       python3 tools/score_styles.py target/release/baosou target/styles/blind-*-2020-02+2020-05

- **county** (a county paper): a page header with page, section, editor and proof-reader;
  `□通讯员 X  记者 Y` as the story's first line, `本报讯（通讯员 X 记者 Y）`, a byline
  after the last sentence; `——` subtitles; stories ending with an editor's initials
  `（wjx）`.
- **metro** (a metropolitan paper): `A05 | 要闻  本版编辑 X  美编 Y  校对 Z` headers;
  `本报记者 X 实习生 Y` under the headline, `■记者 X` first lines, `（本报记者 X）` after the
  story, `本报讯（记者 X）`; `【section】` banners between stories; `（完）` endings.

Written to target/styles/blind-<style>-<months>/ like render_pages.py --style (git-ignored).
Reads the shared corpus beside the repository, and says so when it is absent.
"""
import argparse
import json
import os
import sys
import types
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import page_styles  # noqa: E402
import render_pages  # noqa: E402
from page_styles import mix, name  # noqa: E402


def county(s, dl, reps, rng, ctx):
    """County paper: `□通讯员 X  记者 Y` first lines, `本报讯（通讯员 X 记者 Y）`, bylines after the
    last sentence, `——` subtitles, `（wjx）` editor's initials at the end."""
    if s.subtitle and not s.subtitle.startswith("——"):
        s.subtitle = "——" + s.subtitle
    names = [n for n, _, _ in reps]
    if names:
        helpers = [name(rng)] if rng.random() < 0.5 else []
        form = mix(rng, {"first": 40, "dateline": 35, "tail": 25})
        s.forms.append({"first": "□通讯员 X  记者 Y first line", "dateline": "本报讯（通讯员 X 记者 Y）",
                        "tail": "记者 X after the last sentence"}[form])
        rep = [(n, "记者", None) for n in names]
        hlp = [(h, "通讯员", None) for h in helpers]
        if form == "first":
            groups = (["通讯员 " + " ".join(helpers)] if helpers else []) + ["记者 " + " ".join(names)]
            s.under.append("□" + "  ".join(groups))
            s.reporters = hlp + rep
        elif form == "dateline":
            inside = (f"通讯员 {' '.join(helpers)} " if helpers else "") + f"记者 {' '.join(names)}"
            s.prefix = f"本报讯（{inside}）"
            # A credit inside the dateline is the dateline's organisation's (page_styles).
            s.reporters = [(n, r, "本报") for n, r, _ in hlp + rep]
        else:
            s.suffix = "  记者  " + "  ".join(names)
            s.reporters = rep
    elif dl:
        s.prefix = "本报讯  "
    if rng.random() < 0.3:
        initials = "".join(rng.choice("abcdefghjklmnpqrstwxyz") for _ in range(rng.choice((2, 3))))
        s.after.append(f"（{initials}）")
        s.forms.append("（editor's initials）")


def metro(s, dl, reps, rng, ctx):
    """Metropolitan paper: `本报记者 X 实习生 Y` under the headline, `■记者 X` first lines,
    `（本报记者 X）` after the story, `本报讯（记者 X）`, `（完）` endings."""
    names = [n for n, _, _ in reps]
    if names:
        form = mix(rng, {"under": 40, "mark": 20, "after": 25, "dateline": 15})
        s.forms.append({"under": "本报记者 X 实习生 Y under headline", "mark": "■记者 X first line",
                        "after": "（本报记者 X） after the story", "dateline": "本报讯（记者 X）"}[form])
        if form == "under":
            interns = [name(rng)] if rng.random() < 0.4 else []
            s.under.append(f"本报记者 {' '.join(names)}" + (f" 实习生 {interns[0]}" if interns else ""))
            s.reporters = [(n, "记者", "本报") for n in names] + [(i, "实习生", None) for i in interns]
        elif form == "mark":
            s.under.append(f"■记者  {'  '.join(names)}")
            s.reporters = [(n, "记者", None) for n in names]
        elif form == "after":
            s.after.append(f"（本报记者 {'、'.join(names)}）")
            s.reporters = [(n, "记者", "本报") for n in names]
        else:
            s.prefix = f"本报讯（记者 {' '.join(names)}）"
            s.reporters = [(n, "记者", "本报") for n in names]
    elif dl:
        s.prefix = f"本报讯 {dl['day']}  " if dl["day"] else "本报讯  "
    if rng.random() < 0.25:
        s.suffix = "（完）"
        s.forms.append("（完）")


BLIND = {
    "county": ("青禾报", 0.5, county),
    "metro": ("江州都市报", 0.4, metro),
}
BANNERS = ("区县新闻", "民生", "城事", "教育", "健康", "文体")


def header(style, ctx):
    """The line over every page of `style`."""
    date = page_styles.page_date(ctx["date"])
    page = ctx["label"][1:]
    if style == "county":
        return (f"{BLIND[style][0]}  {date}  第{page}版  {ctx['section']}  "
                f"编辑：{ctx['editor']}  校对：{ctx['designer']}")
    return f"A{int(page):02d} | {ctx['section']}  本版编辑 {ctx['editor']}  美编 {ctx['designer']}"


def render(articles, rng, args, style, ctx):
    """page_styles.render_styled_page with the style's header over the page (and, for metro,
    `【section】` banners between some stories): the gold spans move with the text."""
    text, gold = page_styles.render_styled_page(articles, rng, args, style, ctx)
    nl = "\n\n"
    top = header(style, ctx) + nl
    if style == "metro":
        # A banner before some stories but the first, in the blank lines before them.
        for g in reversed(gold[1:]):
            if rng.random() < 0.1:
                at = g["start_char"]
                banner = f"【{rng.choice(BANNERS)}】" + nl
                text = text[:at] + banner + text[at:]
                for h in gold:
                    if h["start_char"] >= at:
                        shift(h, len(banner))
    for g in gold:
        shift(g, len(top))
    return top + text, gold


def shift(g, n):
    """Moves a gold article `n` characters on."""
    g["start_char"] += n
    g["end_char"] += n
    g["column_breaks"] = [b + n for b in g["column_breaks"]]


def load_pages(months):
    """The shared articles of `months` with a body, by (date, page)."""
    pages = defaultdict(list)
    with open(render_pages.ARTICLES, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["date"][:7] in months and a["body"].strip():
                pages[(a["date"], a["page"])].append(a)
    return pages


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--month", action="append", required=True, help="YYYY-MM, repeatable")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if not os.path.exists(render_pages.ARTICLES):
        sys.exit(f"blind_styles: {render_pages.ARTICLES} not found: this tool needs the shared corpus "
                 "beside the repository")
    # The rendering options render_pages.py uses by default.
    opts = types.SimpleNamespace(seed=args.seed, single_newline=False, no_extra_blank=False, indent=False,
                                 one_line_heads=0.3, breaks=0.15, gb18030=0.1, crlf=False)
    pages = load_pages(args.month)
    page_styles.STYLES.update(BLIND)
    for style in BLIND:
        out = os.path.join("target/styles", f"blind-{style}-" + "+".join(args.month))
        render_pages.render_style(pages, style, out, opts, render)


if __name__ == "__main__":
    main()
