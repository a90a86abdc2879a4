#!/usr/bin/env python3
"""More papers' styles, kept apart from tools/page_styles.py as a hold-out: nothing is fitted
or tuned on them, and they are measured only to see how the splitter does on conventions printed
in combinations it was not developed against (issue 15: pages of other real papers).

usage: python3 tools/blind_styles.py --month 2020-02 --month 2020-05 [--seed N] [--style NAME [--out DIR]]
       python3 tools/score_styles.py target/release/baosou target/styles/blind-*-2020-02+2020-05

- **county** (a county paper): a page header with page, section, editor and proof-reader;
  `□通讯员 X  记者 Y` as the story's first line, `本报讯（通讯员 X 记者 Y）`, a byline
  after the last sentence; `——` subtitles; stories ending with an editor's initials
  `（wjx）`.
- **metro** (a metropolitan paper): `A05 | 要闻  本版编辑 X  美编 Y  校对 Z` headers;
  `本报记者 X 实习生 Y` under the headline, `■记者 X` first lines, `（本报记者 X）` after the
  story, `本报讯（记者 X）`; `【section】` banners between stories; `（完）` endings.
- **prefecture**, **express**, **weekend**, **epaper**, **plain**: see their functions; each is
  rendered its own way (`RENDERING`: GB18030 and CRLF; single newlines; indents without extra
  blank lines; an e-paper dump in GB18030 with CRLF, single newlines and 　　 indents; plain:
  single newlines, no blank lines between articles, no indents, a page footer and no header).
  Epaper (added 2026-12-02) and plain (added 2026-12-02, beside it) are the true hold-outs:
  their figures are read, their errors never (no per-page output, no traces, no --misses or
  --by-form). Weekend, the hold-out before them, may now be tuned on like the others.

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


def prefecture(s, dl, reps, rng, ctx):
    """Prefecture daily: `X日报讯（见习记者 X 特约记者 Y）`, `X日报3月2日讯`, `本报记者 X  本报特约通讯员 Y`
    under the headline, `本报评论员` over commentaries, `据新华社X地X月X日电`, `（来源：X）` and
    `编辑：X  校对：Y` endings."""
    paper = ctx["paper"]
    names = [n for n, _, _ in reps]
    if dl and dl["org"] != "本报":
        # Wire copy keeps its agency; its names are not printed.
        s.prefix = f"据{dl['org']}{page_styles.dateline_place(dl, rng)}{dl['day']}电  "
        s.forms.append("据X社X地X月X日电")
        if rng.random() < 0.5:
            s.after.append(f"（来源：{rng.choice(ctx['sources'])}）")
            s.forms.append("（来源：X）")
        return
    if not names and not dl and rng.random() < 0.25:
        s.under.append("本报评论员")
        s.forms.append("本报评论员")
    elif names:
        role = mix(rng, {"记者": 50, "见习记者": 30, "全媒体记者": 20})
        helper = mix(rng, {"特约记者": 40, "通讯员": 40, "特约通讯员": 20})
        helpers = [name(rng)] if rng.random() < 0.5 else []
        form = mix(rng, {"dateline": 50, "under": 50} if dl else {"dateline": 25, "under": 75})
        if form == "dateline":
            day = f"{dl['day']}" if dl and dl["day"] and rng.random() < 0.4 else ""
            inside = f"{role} {' '.join(names)}" + (f" {helper} {helpers[0]}" if helpers else "")
            s.prefix = f"{paper}{day}讯（{inside}）"
            s.reporters = [(n, role, paper) for n in names] + [(h, helper, paper) for h in helpers]
            s.forms.append(f"X日报{'X月X日' if day else ''}讯（{role} X {helper} Y）")
        else:
            groups = [f"本报{role} {' '.join(names)}"]
            s.reporters = [(n, role, "本报") for n in names]
            if helpers:
                word = "本报特约通讯员" if helper == "特约通讯员" else helper
                groups.append(f"{word} {helpers[0]}")
                s.reporters.append((helpers[0], helper, "本报" if word.startswith("本报") else None))
            s.under.append("  ".join(groups))
            s.forms.append(f"本报{role} X  {helper} Y under headline")
    elif dl:
        day = dl["day"] if dl["day"] and rng.random() < 0.5 else ""
        s.prefix = f"{paper}{day}讯  "
        s.forms.append("X日报X月X日讯" if day else "X日报讯")
    if rng.random() < 0.3:
        s.after.append(f"编辑：{name(rng)}  校对：{name(rng)}")
        s.forms.append("编辑：X  校对：Y")


def express(s, dl, reps, rng, ctx):
    """Express (快报): `□记者 X` and `■见习记者 X  实习生 Y` first lines, `X/文  Y/图` and `文·图/X`
    after the story, several groups on one line after the last sentence, `中新社X地X月X日电（记者 X）`,
    `图说：` captions, `相关链接`, `（责任编辑：X）`."""
    names = [n for n, _, _ in reps]
    if dl and dl["org"] != "本报":
        place = page_styles.dateline_place(dl, rng)
        day = dl["day"] or ctx["yesterday"]
        s.prefix = f"中新社{place}{day}电（记者 {'、'.join(names)}）" if names else f"中新社{place}{day}电  "
        s.reporters = [(n, "记者", "中新社") for n in names]
        s.forms.append("中新社X地X月X日电（记者 X）" if names else "中新社X地X月X日电")
    elif names:
        form = mix(rng, {"hollow": 25, "square": 20, "wen_tu": 20, "one": 10, "groups": 25})
        s.forms.append({"hollow": "□记者 X first line", "square": "■见习记者 X  实习生 Y first line",
                        "wen_tu": "X/文  Y/图 after the story", "one": "文·图/X after the story",
                        "groups": "记者 X  通讯员 Y after the last sentence"}[form])
        if form == "hollow":
            s.under.append(f"□记者 {' '.join(names)}")
            s.reporters = [(n, "记者", None) for n in names]
        elif form == "square":
            intern = name(rng)
            s.under.append(f"■见习记者 {' '.join(names)}  实习生 {intern}")
            s.reporters = [(n, "见习记者", None) for n in names] + [(intern, "实习生", None)]
        elif form == "wen_tu":
            tu = name(rng)
            s.after.append(f"{'、'.join(names)}/文  {tu}/图")
            s.reporters = [(n, "文", None) for n in names] + [(tu, "图", None)]
        elif form == "one":
            s.after.append(f"文·图/{names[0]}")
            s.reporters = [(names[0], "文·图", None)]
        else:
            helper = name(rng)
            s.suffix = f"  记者 {' '.join(names)}  通讯员 {helper}"
            s.reporters = [(n, "记者", None) for n in names] + [(helper, "通讯员", None)]
    elif dl:
        s.prefix = "本报讯  "
    if rng.random() < 0.15 and len(s.paras) > 1:
        cap = rng.choice(s.paras)[:30].rstrip("，、。")
        s.paras.insert(1, "图说：" + cap + "。")
        s.forms.append("图说 caption")
    if rng.random() < 0.08:
        s.after += ["相关链接", ctx["aside"]]
        s.forms.append("相关链接")
    if rng.random() < 0.35:
        s.after.append(f"（责任编辑：{name(rng)}）")
        s.forms.append("（责任编辑：X）")


def weekend(s, dl, reps, rng, ctx):
    """Weekend paper: `文·图/X`, `特约记者 X`, `本报特约通讯员 X  见习记者 Y` under the headline,
    `（见习记者 X）` after the story, `本报讯 X月X日`, `本报讯（特约记者 X）`, `编者按：`, `延伸阅读`."""
    names = [n for n, _, _ in reps]
    if dl and dl["org"] != "本报":
        s.prefix = f"{dl['org']}{page_styles.dateline_place(dl, rng)}{dl['day']}电（记者 {'、'.join(names)}）" \
            if names else f"据{dl['org']}电  "
        s.reporters = [(n, "记者", dl["org"]) for n in names]
        s.forms.append("X社…电（记者 X）" if names else "据X社电")
    elif names:
        form = mix(rng, {"wentu": 15, "special": 25, "groups": 20, "after": 20, "dateline": 20})
        s.forms.append({"wentu": "文·图/X under headline", "special": "特约记者 X under headline",
                        "groups": "本报特约通讯员 X  见习记者 Y under headline",
                        "after": "（见习记者 X） after the story", "dateline": "本报讯（特约记者 X）"}[form])
        if form == "wentu":
            s.under.append(f"文·图/{names[0]}")
            s.reporters = [(names[0], "文·图", None)]
        elif form == "special":
            s.under.append(f"特约记者  {'  '.join(names)}")
            s.reporters = [(n, "特约记者", None) for n in names]
        elif form == "groups":
            helper = name(rng)
            s.under.append(f"本报特约通讯员 {helper}  见习记者 {' '.join(names)}")
            s.reporters = [(helper, "特约通讯员", "本报")] + [(n, "见习记者", None) for n in names]
        elif form == "after":
            s.after.append(f"（见习记者 {'、'.join(names)}）")
            s.reporters = [(n, "见习记者", None) for n in names]
        else:
            s.prefix = f"本报讯（特约记者 {' '.join(names)}）"
            s.reporters = [(n, "特约记者", "本报") for n in names]
    elif dl:
        s.prefix = f"本报讯 {dl['day']}  " if dl["day"] else "本报讯  "
        s.forms.append("本报讯 X月X日" if dl["day"] else "本报讯")
    if rng.random() < 0.08 and s.paras:
        s.under.append("编者按：" + s.paras[0][:50].rstrip("，、") + "。")
        s.forms.append("编者按")
    if rng.random() < 0.1:
        s.after += ["延伸阅读", ctx["aside"]]
        s.forms.append("延伸阅读")

def epaper(s, dl, reps, rng, ctx):
    """County weekly as its e-paper system dumps it: the byline as the story's first (indented)
    line `■记者 X 通讯员 Y` with single spaces, `本报讯(记者 X 通讯员 Y)` in half-width brackets,
    `本报记者 X` under the headline, `(记者 X)` after the story, `图为…` captions, jump lines
    `（下转第X版）` / `（上接第一版）`, `（ZJH）` editor's initials."""
    names = [n for n, _, _ in reps]
    page = int(ctx["label"][1:])
    if dl and dl["org"] != "本报":
        place = page_styles.dateline_place(dl, rng)
        s.prefix = f"{dl['org']}{place}{dl['day']}电(记者 {'、'.join(names)}) " if names else f"据{dl['org']}电 "
        s.reporters = [(n, "记者", dl["org"]) for n in names]
        s.forms.append("X社…电(记者 X)" if names else "据X社电")
    elif names:
        helpers = [name(rng)] if rng.random() < 0.5 else []
        form = mix(rng, {"first": 40, "dateline": 30, "under": 15, "after": 15})
        s.forms.append({"first": "■记者 X 通讯员 Y first line", "dateline": "本报讯(记者 X 通讯员 Y)",
                        "under": "本报记者 X under headline", "after": "(记者 X) after the story"}[form])
        inside = f"记者 {' '.join(names)}" + (f" 通讯员 {helpers[0]}" if helpers else "")
        if form == "first":
            s.paras.insert(0, "■" + inside)
            s.reporters = [(n, "记者", None) for n in names] + [(h, "通讯员", None) for h in helpers]
            if dl and len(s.paras) > 1:
                s.paras[1] = "本报讯 " + s.paras[1]
        elif form == "dateline":
            s.prefix = f"本报讯({inside}) "
            s.reporters = [(n, "记者", "本报") for n in names] + [(h, "通讯员", "本报") for h in helpers]
        elif form == "under":
            s.under.append(f"本报记者 {' '.join(names)}")
            s.reporters = [(n, "记者", "本报") for n in names]
        else:
            s.after.append(f"({inside})")
            s.reporters = [(n, "记者", None) for n in names] + [(h, "通讯员", None) for h in helpers]
    elif dl:
        s.prefix = "本报讯 "
    if page == 1 and len(s.paras) >= 4 and rng.random() < 0.35:
        # The story goes on on another page: the initials close its last part, not this one.
        s.paras = s.paras[:(len(s.paras) + 1) // 2]
        s.after.append(f"（下转第{rng.randint(2, 8)}版）")
        s.forms.append("（下转第X版）")
    elif page > 1 and rng.random() < 0.1:
        s.paras.insert(0, "（上接第一版）")
        s.forms.append("（上接第一版）")
    if "（下转第X版）" not in s.forms and rng.random() < 0.3:
        s.after.append("（" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTWXYZ") for _ in range(3)) + "）")
        s.forms.append("（ZJH） editor's initials")
    if rng.random() < 0.15 and len(s.paras) > 1:
        cap = rng.choice(s.paras[1:])[:24].rstrip("，、。；：")
        s.paras.insert(2, "图为" + cap + "。")
        s.forms.append("图为… caption")


def plain(s, dl, reps, rng, ctx):
    """Small daily printed plain (no blank lines, no indents): the byline after the last sentence
    set off by two spaces (`  记者 X`, `  本报记者 X  实习生 Y`) or on its own line after the story
    (`本报记者 X`), `本报讯 X月X日` and `X日报讯` datelines, `新华社X地X月X日电` wire copy with its
    names after the story as `（记者 X）`, `编辑：X 校对：Y` story ends with one space."""
    paper = ctx["paper"]
    names = [n for n, _, _ in reps]
    if dl and dl["org"] != "本报":
        s.prefix = f"{dl['org']}{page_styles.dateline_place(dl, rng)}{dl['day'] or ctx['yesterday']}电  "
        s.forms.append("X社X地X月X日电")
        if names:
            s.after.append(f"（记者 {'、'.join(names)}）")
            s.reporters = [(n, "记者", dl["org"]) for n in names]
            s.forms.append("（记者 X） after the story")
    else:
        if dl or rng.random() < 0.3:
            day = (dl and dl["day"]) or ctx["yesterday"]
            form = mix(rng, {"day": 60, "paper": 40})
            s.prefix = f"本报讯 {day}  " if form == "day" else f"{paper}讯  "
            s.forms.append("本报讯 X月X日" if form == "day" else "X日报讯")
        if names:
            form = mix(rng, {"tail": 55, "groups": 20, "line": 25})
            s.forms.append({"tail": "  记者 X after the last sentence",
                            "groups": "  本报记者 X  实习生 Y after the last sentence",
                            "line": "本报记者 X own line after the story"}[form])
            if form == "tail":
                s.suffix = "  记者 " + " ".join(names)
                s.reporters = [(n, "记者", None) for n in names]
            elif form == "groups":
                helper, role = name(rng), mix(rng, {"实习生": 50, "通讯员": 50})
                s.suffix = f"  本报记者 {' '.join(names)}  {role} {helper}"
                s.reporters = [(n, "记者", "本报") for n in names] + [(helper, role, None)]
            else:
                s.after.append(f"本报记者 {' '.join(names)}")
                s.reporters = [(n, "记者", "本报") for n in names]
    if rng.random() < 0.3:
        s.after.append(f"编辑：{name(rng)} 校对：{name(rng)}")
        s.forms.append("编辑：X 校对：Y")


BLIND = {
    "county": ("青禾报", 0.5, county),
    "metro": ("江州都市报", 0.4, metro),
    "prefecture": ("临川日报", 0.4, prefecture),
    "express": ("明溪快报", 0.5, express),
    "weekend": ("南埠周末", 0.5, weekend),
    "epaper": ("溪口周报", 0.5, epaper),
    "plain": ("桐山日报", 0.5, plain),
}
# The true hold-outs: their figures are read, their errors never (tools/starts.py refuses them).
HOLD_OUTS = ("epaper", "plain")
# How each style's pages are rendered, beyond render_pages.py's defaults.
RENDERING = {
    "prefecture": {"gb18030": 1.0, "crlf": True},
    "express": {"single_newline": True, "one_line_heads": 0.5},
    "weekend": {"indent": True, "no_extra_blank": True, "gb18030": 0.3},
    # An e-paper text dump: GB18030, CRLF, one newline between lines, 　　 indents.
    "epaper": {"single_newline": True, "indent": True, "gb18030": 1.0, "crlf": True},
    # Printed plain: one newline between lines, no blank lines between articles, no indents.
    "plain": {"single_newline": True, "no_extra_blank": True, "indent": False},
}
BANNERS = ("区县新闻", "民生", "城事", "教育", "健康", "文体")


def header(style, ctx):
    """The line over every page of `style`, or None."""
    date = page_styles.page_date(ctx["date"])
    page = ctx["label"][1:]
    if style == "county":
        return (f"{BLIND[style][0]}  {date}  第{page}版  {ctx['section']}  "
                f"编辑：{ctx['editor']}  校对：{ctx['designer']}")
    if style == "prefecture":
        return f"{page}  {ctx['section']}  {date}"
    if style == "express":
        y, m, d = ctx["date"].split("-")
        return f"A{page} ｜ {ctx['section']} ｜ {y}.{m}.{d}"
    if style == "weekend":
        return f"{BLIND[style][0]}  第{page}版  {ctx['section']}  {date}"
    if style == "epaper":
        y, m, d = ctx["date"].split("-")
        return f"{y}年{m}月{d}日  第{int(page):02d}版：{ctx['section']}"
    if style == "plain":
        return None  # its page furniture is the footer
    return f"A{int(page):02d} | {ctx['section']}  本版编辑 {ctx['editor']}  美编 {ctx['designer']}"


def footer(style, ctx):
    """The line under every page of `style`, or None."""
    if style == "prefecture":
        return f"责任编辑：{ctx['editor']}  美术编辑：{ctx['designer']}  校对：{page_styles.name(ctx['rng'])}"
    if style == "epaper" and ctx["rng"].random() < 0.5:
        return f"本版责编：{ctx['editor']}  版式：{ctx['designer']}"
    if style == "plain":
        return (f"{BLIND[style][0]}  {page_styles.page_date(ctx['date'])}  第{ctx['label'][1:]}版  "
                f"{ctx['section']}  责任编辑：{ctx['editor']}  校对：{ctx['designer']}")
    return None


def render(articles, rng, args, style, ctx):
    """page_styles.render_styled_page with the style's header over the page and footer under
    it (and, for metro, `【section】` banners between some stories, for weekend `◆ section`
    lines): the gold spans move with the text."""
    text, gold = page_styles.render_styled_page(articles, rng, args, style, ctx)
    nl = "\n" if args.single_newline else "\n\n"
    top = header(style, ctx)
    top = top + nl if top else ""
    if style in ("metro", "weekend"):
        # A banner before some stories but the first, in the blank lines before them.
        for g in reversed(gold[1:]):
            if rng.random() < 0.1:
                at = g["start_char"]
                banner = (f"【{rng.choice(BANNERS)}】" if style == "metro" else f"◆ {rng.choice(BANNERS)}") + nl
                text = text[:at] + banner + text[at:]
                for h in gold:
                    if h["start_char"] >= at:
                        shift(h, len(banner))
    ctx["rng"] = rng
    bottom = footer(style, ctx)
    if bottom:
        text = text.rstrip("\n") + nl + bottom + "\n"
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
    ap.add_argument("--style", action="append", help="one style (default: every one); repeatable")
    ap.add_argument("--out", help="output directory, for one style (default "
                    "target/styles/blind-<style>-<months>)")
    args = ap.parse_args()
    if args.out and len(args.style or BLIND) != 1:
        sys.exit("blind_styles: --out names the folder of one style: give one --style with it")
    if not os.path.exists(render_pages.ARTICLES):
        sys.exit(f"blind_styles: {render_pages.ARTICLES} not found: this tool needs the shared corpus "
                 "beside the repository")
    pages = load_pages(args.month)
    page_styles.STYLES.update(BLIND)
    for style in args.style or BLIND:
        if style not in BLIND:
            sys.exit(f"blind_styles: no style {style!r}; the styles are {', '.join(BLIND)}")
        # The rendering options render_pages.py uses by default, and the style's own.
        opts = dict(seed=args.seed, single_newline=False, no_extra_blank=False, indent=False,
                    one_line_heads=0.3, breaks=0.15, gb18030=0.1, crlf=False)
        opts.update(RENDERING.get(style, {}))
        out = args.out or os.path.join("target/styles", f"blind-{style}-" + "+".join(args.month))
        render_pages.render_style(pages, style, out, types.SimpleNamespace(**opts), render)


if __name__ == "__main__":
    main()
