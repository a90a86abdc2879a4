"""Other Chinese dailies' conventions, applied to People's Daily articles (render_pages.py --style).

People's Daily credits a story in its dateline (`本报北京1月31日电  （记者程一帆）`,
`新华社…电（记者 X、Y）`); other papers print the byline after the story, inside `本报讯（…）`,
as `文/X 图/Y`, under page headers that repeat on every page. `credit()` reads the reporters
out of a People's Daily article with a few rules and takes every credit line out of its text;
a style (`STYLES`) then prints those names in its own forms, and the gold records them as
printed ({name, role, org}). An article whose credit the rules cannot read keeps its text,
without any byline, and gold reporters []. Names the styles add (通讯员, photographers,
editors, reporters of uncredited stories) come from a seeded generator: no real people.
"""
import datetime
import re

SP = "[\\s\u00a0\u3000]"
CJK = "\u4e00-\u9fff"
# `本报北京1月31日电  （记者程一帆）`, `新华社华盛顿5月4日电`, `本报电`.
DATELINE = re.compile(
    rf"^(?P<org>本报|新华社|中新社|据新华社)(?P<place>[{CJK}]{{0,12}}?)(?P<day>\d{{1,2}}月\d{{1,2}}日)?电"
    rf"{SP}*(?:（(?P<who>[^（）]{{1,60}})）)?{SP}*")
NAME = re.compile(rf"^(?!.*(?:整理|采写|编译|报道|摄影|摄$))[{CJK}·]{{2,4}}$")
ROLE_WORD = re.compile(r"(?:本报|新华社|中新社)?(?:驻[^记]{1,8})?(特约记者|见习记者|记者|特约通讯员|通讯员|实习生)")
# A line that credits someone (byline, photo credit, closing note, production credit).
CREDIT_LINE = re.compile(r"记者|通讯员|评论员|实习生|摄|整理|文/|图/|供图|制图|编辑|统筹|策划|版式|设计|校对")

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏辉建国文斌宇浩凯健俊帆帅旭宁"
         "婷雪琳晨欣怡佳悦博昊然轩泽睿航晓鑫磊颖璐瑶倩琦晶雯蕾彤媛嘉豪一子亮川海波涵阳丹荣峰立新春志")
PLACES = ("北京", "上海", "广州", "武汉", "成都", "杭州", "南京", "西安", "长沙", "沈阳", "昆明", "兰州", "福州")
WEEKDAYS = "一二三四五六日"


def name(rng):
    """A made-up Chinese name of two or three characters."""
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def names_of(text):
    """The names in `记者X、Y` / `王珏、谢颖` / `X Y`, with their PD role, or None when a piece is not a name."""
    out, role = [], "记者"
    pieces = re.split(rf"[、，,]|{SP}+", text)
    for piece in filter(None, pieces):
        m = ROLE_WORD.match(piece)
        if m:
            role = m.group(1)
            piece = piece[m.end():]
            if not piece:
                continue
        if not NAME.match(piece) or ROLE_WORD.search(piece):
            return None
        out.append((piece, role))
    return out or None


def credit(article):
    """What People's Daily printed: (paragraphs without any credit, dateline {org, place, day} or None,
    reporters [(name, PD role, org)]: [] when there is none or the rules cannot read it)."""
    paras = [p.strip() for p in article["body"].split("\n") if p.strip()]
    dateline, reporters = None, []
    if paras:
        m = DATELINE.match(paras[0])
        if m:
            org = "新华社" if m.group("org") == "据新华社" else m.group("org")
            dateline = {"org": org, "place": m.group("place"), "day": m.group("day") or ""}
            who = names_of(m.group("who")) if m.group("who") else None
            if who:
                reporters = [(n, r, org) for n, r in who]
            rest = paras[0][m.end():]
            paras = ([rest] if rest else []) + paras[1:]
    # Closing credits `（本报记者X、Y）` credit the whole piece when the dateline did not.
    if paras and not reporters:
        m = re.match(r"^（(本报|新华社)?记者([^（）]{2,120})）$", paras[-1])
        who = m and names_of(m.group(2))
        if who and len(who) <= 4:  # a compiled report's dozen names: no byline prints them
            reporters = [(n, r, m.group(1) or "本报") for n, r in who]
            paras = paras[:-1]
    # Datelines of the items of a round-up keep their place and day, not their credit.
    paras = [inner_dateline(p) for p in paras]
    kept = [p for p in paras if not is_credit_line(p)]
    return kept, dateline, reporters


def inner_dateline(p):
    """`本报武汉5月1日电  （记者吴钧）湖北省…` → `本报武汉5月1日电  湖北省…`."""
    m = DATELINE.match(p)
    if not m or not m.group("who"):
        return p
    return p[:m.start("who") - 1].rstrip(" \u00a0\u3000") + "  " + p[m.end():]


def is_credit_line(p):
    """A short line that credits people (`本报记者  王明`, `新华社记者 李沐摄`, `（本报记者X整理）`,
    `本期统筹：胡安然`), which a style would print in its own way or not at all."""
    if re.search(r"[。！？]$", p) and not p.startswith("（"):
        return False
    if p.startswith("（") and p.endswith("）") and "。" not in p:
        return bool(re.search(r"记者|通讯员|评论员|整理|电）$|电\s|编辑", p))
    if len(p) > 40 and not (re.match(r"^(本报|新华社)?记者", p) and not re.search(r"[，。]", p)):
        return False
    if p.startswith("（") and p.endswith("）"):
        return bool(re.search(r"记者|通讯员|评论员|整理|电）$|电\s|编辑", p))
    if re.match(rf"^[{CJK}\s\u00a0]{{2,8}}[图文]{SP}+[{CJK}\s\u00a0]{{2,8}}[图文]$", p):
        return True  # `叶  舟图  方  圆文`
    return bool(CREDIT_LINE.search(p)) and not p.startswith("记者：")


def page_date(date):
    """`2019-02-01` → `2019年2月1日 星期五`."""
    d = datetime.date.fromisoformat(date)
    return f"{d.year}年{d.month}月{d.day}日 星期{WEEKDAYS[d.weekday()]}"


def gold_reporters(credits):
    """[{name, role, org}] from [(name, role, org)]."""
    return [{"name": n, "role": r, "org": o} for n, r, o in credits]


class Story:
    """One article as a style prints it: lines above the headline, headlines, lines under them,
    the body paragraphs (the first may carry a dateline prefix), lines after, and what the gold says."""

    def __init__(self, a, paras):
        self.kicker, self.title, self.subtitle = a["kicker"], a["title"], a["subtitle"]
        self.mark = ""  # printed before the title, not part of it
        self.under = []  # lines between the headlines and the body
        self.prefix = ""  # printed before the first body paragraph
        self.suffix = ""  # printed after the last body paragraph, on its line
        self.after = []  # lines after the body
        self.paras = paras
        self.reporters = []
        self.forms = []  # the conventions printed, for the scorer's breakdown


def mix(rng, table):
    """One key of `table` ({key: weight}) at random."""
    r = rng.random() * sum(table.values())
    for k, w in table.items():
        r -= w
        if r < 0:
            return k
    return k


def names_line(names, sep="  "):
    return sep.join(names)


def dateline_place(dl, rng):
    return (dl["place"] if dl and dl["place"] else rng.choice(PLACES))


# Each style: paper name, the share of uncredited stories given made-up reporters, and
# `apply(story, dateline, reporters, rng, ctx)`, which prints the credit in its forms.

def evening(s, dl, reps, rng, ctx):
    """晚报: the byline after the story, on its own line or after the last sentence; 首席记者 first."""
    if dl and dl["org"] == "本报" and rng.random() < 0.4:
        s.prefix = "本报讯  "
    elif dl and dl["org"] != "本报":
        s.prefix = f"据{dl['org']}{dl['place']}{dl['day']}电  "
    if not reps:
        return
    names = [n for n, _, _ in reps]
    org = reps[0][2]
    form = mix(rng, {"line": 45, "tail": 30, "chief": 10, "photo": 15})
    s.forms.append({"line": "byline after, own line", "tail": "byline after the last sentence",
                    "chief": "首席记者 first line", "photo": "摄影报道 after"}[form] if form != "chief" or org == "本报"
                   else "byline after, own line")
    if form == "chief" and org == "本报":
        s.under.append(f"首席记者  {names[0]}")
        s.reporters = [(names[0], "首席记者", None)]
        return
    title = "本报记者" if org == "本报" else org + "记者"
    line = f"{title}  {names_line(names)}"
    s.reporters = [(n, "记者", org) for n in names]
    if form == "tail":
        s.suffix = "  " + line
    elif form == "photo":
        s.after.append(line + "  摄影报道")
    else:
        s.after.append(line)


def provincial(s, dl, reps, rng, ctx):
    """省报: `本报讯（记者 王明 通讯员 李华）` opening the first paragraph, lead-in lines over headlines."""
    if not s.kicker and s.subtitle and rng.random() < 0.6:
        s.kicker, s.subtitle = s.subtitle, ""
        s.forms.append("lead-in line")
    if dl and dl["org"] != "本报":
        who = "、".join(n for n, _, _ in reps)
        s.prefix = f"{dl['org']}{dateline_place(dl, rng)}{dl['day']}电（记者 {who}）" if reps else \
            f"{dl['org']}{dateline_place(dl, rng)}{dl['day']}电  "
        s.reporters = [(n, "记者", dl["org"]) for n, _, _ in reps]
        s.forms.append("X社…电（记者 X）" if reps else "X社…电 without names")
        return
    if not reps:
        if dl:
            s.prefix = "本报讯  "
        return
    names = [n for n, _, _ in reps]
    helpers = [name(rng) for _ in range(rng.choice((0, 1, 1, 2)))]
    rep = [(n, "记者", None) for n in names]
    hlp = [(n, "通讯员", None) for n in helpers]
    form = mix(rng, {"in_dateline": 70, "dated": 15, "under": 15} if dl else {"in_dateline": 40, "under": 60})
    reporters_first = not helpers or rng.random() < 0.65
    groups = [("记者", names), ("通讯员", helpers)] if reporters_first else [("通讯员", helpers), ("记者", names)]
    inside = " ".join(f"{r} {' '.join(ns)}" for r, ns in groups if ns)
    # A credit inside a dateline is its organisation's, as `新华社…电（记者 X）` is 新华社's.
    s.reporters = [(n, r, "本报") for n, r, _ in (rep + hlp if reporters_first else hlp + rep)]
    s.forms.append({"under": "byline under headline", "dated": "本报X月X日讯（…）"}.get(
        form if form != "dated" or dl["day"] else "", "本报讯（记者 通讯员）" if reporters_first else "本报讯（通讯员 记者）"))
    if form == "under":
        s.under.append(f"本报记者 {' '.join(names)}" + (f"  通讯员 {' '.join(helpers)}" if helpers else ""))
        s.reporters = [(n, "记者", "本报") for n in names] + hlp
    elif form == "dated" and dl["day"]:
        s.prefix = f"本报{dateline_place(dl, rng)}{dl['day']}讯（{inside}）"
    else:
        s.prefix = f"本报讯（{inside}）"


def city(s, dl, reps, rng, ctx):
    """City daily: `X日报全媒体记者 X` / `融媒体记者` under the headline, `X日报讯 X月X日`, `（责任编辑：X）`."""
    paper = ctx["paper"]
    names = [n for n, _, _ in reps]
    if names:
        helpers = [name(rng)] if rng.random() < 0.4 else []
        role = mix(rng, {"全媒体记者": 50, "融媒体记者": 30, "记者": 20})
        form = mix(rng, {"under": 60, "in_dateline": 25, "plain": 15})
        s.forms.append({"under": f"X日报{role} under headline", "in_dateline": "X日报讯（记者）",
                        "plain": "记者 X 通讯员 Y under headline"}[form])
        if form == "in_dateline":
            s.prefix = f"{paper}讯（{role} {' '.join(names)}" + (f" 通讯员 {helpers[0]}" if helpers else "") + "）"
            # Inside the dateline: the paper's, helpers too (as provincial's `本报讯（…）`).
            s.reporters = [(n, role, paper) for n in names] + [(h, "通讯员", paper) for h in helpers]
            helpers = []
        elif form == "plain":
            s.under.append(f"记者 {' '.join(names)}" + (f" 通讯员 {helpers[0]}" if helpers else ""))
            s.reporters = [(n, "记者", None) for n in names]
        else:
            s.under.append(f"{paper}{role} {' '.join(names)}" + (f"  通讯员 {helpers[0]}" if helpers else ""))
            s.reporters = [(n, role, paper) for n in names]
        s.reporters += [(h, "通讯员", None) for h in helpers]
    if not s.prefix and dl:
        s.prefix = f"{paper}讯 {dl['day']}  " if dl["day"] and rng.random() < 0.6 else f"{paper}讯  "
    if rng.random() < 0.6:
        ed = f"（责任编辑：{name(rng)}）"
        s.forms.append("（责任编辑：X）")
        if rng.random() < 0.7:
            s.after.append(ed)
        else:
            s.suffix = ed


def credits(s, dl, reps, rng, ctx):
    """`文/X 图/Y`, `X/文 Y/图`, `文·图/X`, `■本报记者 X`, `□记者 X`, 见习记者, 实习生, 特约记者, groups on one line."""
    if dl and dl["org"] != "本报":
        s.prefix = f"据{dl['org']}电  "
        return  # the wire's names are not printed
    if dl and rng.random() < 0.3:
        s.prefix = "本报讯  "
    names = [n for n, _, _ in reps]
    if not names:
        return
    form = mix(rng, {"wen_tu": 15, "name_wen": 15, "wen_tu_one": 10, "square": 20, "hollow": 10, "groups": 30})
    s.forms.append({"wen_tu": "文/X  图/Y", "name_wen": "X/文  Y/图", "wen_tu_one": "文·图/X", "square": "■本报记者 X",
                    "hollow": "□记者 X", "groups": "groups parted by two spaces"}[form])
    if form == "wen_tu":
        tu = name(rng)
        s.under.append(f"文/{' '.join(names)}  图/{tu}")
        s.reporters = [(n, "文", None) for n in names] + [(tu, "图", None)]
    elif form == "name_wen":
        tu = name(rng)
        s.under.append(f"{'、'.join(names)}/文  {tu}/图")
        s.reporters = [(n, "文", None) for n in names] + [(tu, "图", None)]
    elif form == "wen_tu_one":
        s.under.append(f"文·图/{names[0]}")
        s.reporters = [(names[0], "文·图", None)]
    elif form == "square":
        s.under.append(f"■本报记者 {' '.join(names)}")
        s.reporters = [(n, "记者", "本报") for n in names]
    elif form == "hollow":
        s.under.append(f"□记者 {' '.join(names)}")
        s.reporters = [(n, "记者", None) for n in names]
    else:
        groups = [("本报记者", names[:2])]
        extra = names[2:]
        for role in rng.sample(["见习记者", "实习生", "特约记者", "本报特约通讯员", "通讯员"], rng.choice((1, 1, 2))):
            groups.append((role, extra or [name(rng)]))
            extra = []
        s.under.append("  ".join(f"{r} {' '.join(ns)}" for r, ns in groups))
        for r, ns in groups:
            role = {"本报记者": "记者", "本报特约通讯员": "特约通讯员"}.get(r, r)
            s.reporters += [(n, role, "本报" if r.startswith("本报") else None) for n in ns]


def wire(s, dl, reps, rng, ctx):
    """Wire copy: `新华社X地X月X日电（记者 X）`, `中新社…电`, `据新华社电`, `（完）`, `（来源：X）`, `编辑：X 校对：Y`."""
    names = [n for n, _, _ in reps]
    agency = dl["org"] if dl and dl["org"] != "本报" else rng.choice(("新华社", "新华社", "中新社"))
    day = dl["day"] if dl and dl["day"] else ctx["yesterday"]
    place = dateline_place(dl, rng)
    if names or dl:
        form = mix(rng, {"full": 60, "bare": 15, "据": 25}) if names else mix(rng, {"bare": 60, "据": 40})
        s.forms.append({"full": "X社…电（记者 X）", "bare": "X社…电 without names", "据": "据X社电"}[form])
        if form == "full":
            s.prefix = f"{agency}{place}{day}电（记者 {'、'.join(names)}）"
            s.reporters = [(n, "记者", agency) for n in names]
        elif form == "bare":
            s.prefix = f"{agency}{place}{day}电  "
        else:
            s.prefix = f"据{agency}电  "
    end = mix(rng, {"完": 45, "source": 20, "editors": 20, "none": 15})
    s.forms.append({"完": "（完）", "source": "（来源：X）", "editors": "编辑：X  校对：Y", "none": "no end mark"}[end])
    if end == "完":
        if rng.random() < 0.6:
            s.suffix = "（完）"
        else:
            s.after.append("（完）")
    elif end == "source":
        s.after.append(f"（来源：{rng.choice(ctx['sources'])}）")
    elif end == "editors":
        s.after.append(f"编辑：{name(rng)}  校对：{name(rng)}")


def furniture(s, dl, reps, rng, ctx):
    """Page headers and footers (printed by the page), marks, `图说：` captions, `相关链接` / `延伸阅读` / `编者按`."""
    names = [n for n, _, _ in reps]
    if names:
        org = reps[0][2]
        s.under.append(("本报记者" if org == "本报" else org + "记者") + "  " + "  ".join(names))
        s.reporters = [(n, "记者", org) for n in names]
        s.forms.append("本报记者 X under headline")
    if dl:
        s.prefix = f"本报{dl['place']}{dl['day']}电  " if dl["org"] == "本报" else f"{dl['org']}{dl['place']}{dl['day']}电  "
    if rng.random() < 0.15:
        s.mark = rng.choice("■◆▲")
        s.forms.append("mark before headline")
    if rng.random() < 0.1 and s.paras:
        s.under.append("编者按：" + s.paras[0][:60].rstrip("，、") + "。")
        s.forms.append("编者按")
    if rng.random() < 0.2 and len(s.paras) > 1:
        cap = rng.choice(s.paras)[:30].rstrip("，、。")
        s.paras.insert(1, rng.choice(("图说：", "▲图说：", "▲")) + cap + "。")
        s.forms.append("图说 caption")
    if rng.random() < 0.12:
        s.after += [rng.choice(("相关链接", "延伸阅读")), ctx["aside"]]
        s.forms.append("相关链接 / 延伸阅读")


STYLES = {
    "evening": ("澄江晚报", 0.5, evening),
    "provincial": ("东岳日报", 0.4, provincial),
    "city": ("云溪日报", 0.4, city),
    "credits": ("星城晨报", 0.5, credits),
    "wire": ("海川快报", 0.3, wire),
    "furniture": ("北原日报", 0.3, furniture),
}
SECTIONS = ("要闻", "要闻", "综合", "国内", "经济", "社会", "国际", "文化", "体育", "评论", "专版", "副刊")
SOURCES = ("海川新闻网", "东方客户端", "南岭观察", "北辰网")


def render_styled_page(articles, rng, args, style, ctx):
    """Page text and gold articles of one page in `style`, with the default rendering's noise."""
    paper, share, apply = STYLES[style]
    nl = "\n" if args.single_newline else "\n\n"
    text = rng.choice(["", nl, nl + nl])
    lines_before = []
    if style in ("furniture", "city"):
        header = f"{ctx['label']}  {ctx['section']}" + (f"  责任编辑：{ctx['editor']}" if style == "city" else "")
        if style == "furniture":
            lines_before = [f"{paper}  {page_date(ctx['date'])}  责任编辑：{ctx['editor']}  视觉设计：{ctx['designer']}", header]
        else:
            lines_before = [header]
    for line in lines_before:
        text += line + nl
    gold = []
    for n, a in enumerate(articles):
        if n:
            text += nl if args.no_extra_blank or args.single_newline else rng.choice([nl] * 3 + [nl + "\n", nl + nl])
            if style == "furniture" and rng.random() < 0.08:
                text += rng.choice("■◆▼") + " " + rng.choice(SECTIONS) + nl
        paras, dl, reps = credit(a)
        if not paras:
            paras = [p.strip() for p in a["body"].split("\n") if p.strip()]
        if not reps and not dl and rng.random() < share:
            reps = [(name(rng), "记者", "本报") for _ in range(rng.choice((1, 1, 2)))]
        s = Story(a, list(paras))
        ctx["aside"] = rng.choice(ctx["asides"])
        apply(s, dl, reps, rng, ctx)
        heads = [s.kicker] if s.kicker else []
        title = s.mark + s.title
        if s.subtitle and rng.random() < args.one_line_heads:
            heads.append(title + " " + s.subtitle)
        else:
            heads += [title] + ([s.subtitle] if s.subtitle else [])
        body = list(s.paras) or [""]
        body[0] = s.prefix + body[0]
        body[-1] = body[-1] + s.suffix
        lines = heads + s.under + body + s.after
        body_from, body_to = len(heads) + len(s.under), len(heads) + len(s.under) + len(body)
        start = len(text)
        breaks = []
        for i, p in enumerate(lines):
            if i:
                text += nl
            if body_from <= i < body_to and args.indent:
                text += "\u3000\u3000"
            if body_from <= i < body_to and len(p) >= 40 and rng.random() < args.breaks:
                cut = rng.randint(8, len(p) - 8)
                text += p[:cut] + nl
                breaks.append(len(text))
                p = p[cut:]
            text += p
        gold.append({
            "id": a["id"], "seq": a["seq"], "kicker": s.kicker, "title": s.title,
            "subtitle": s.subtitle, "start_char": start, "end_char": len(text),
            "column_breaks": breaks, "reporters": gold_reporters(s.reporters), "forms": s.forms,
        })
    if style == "furniture":
        text += nl + f"{ctx['label']}  {paper}·{ctx['section']}  {page_date(ctx['date'])}"
    return text + "\n", gold


def self_test():
    """Table tests of the rules that read People's Daily credits (`python3 tools/page_styles.py`)."""
    nb = "\u00a0"
    table = [  # first paragraph(s) → (first kept paragraph, dateline, reporters)
        ("本报北京1月31日电 （记者程一帆）市长李华31日会见来宾。",
         ("市长李华31日会见来宾。", ("本报", "北京", "1月31日"), [("程一帆", "记者", "本报")])),
        (f"新华社北京12月31日电{nb}（记者宗岩、王思远）晚会举行。",
         ("晚会举行。", ("新华社", "北京", "12月31日"), [("宗岩", "记者", "新华社"), ("王思远", "记者", "新华社")])),
        (f"新华社北京5月20日电{nb}{nb}记者20日获悉：大会就绪。", ("记者20日获悉：大会就绪。", ("新华社", "北京", "5月20日"), [])),
        (f"本报北京1月5日电{nb}{nb}（王瑶、谢然）在近日召开的会上。",
         ("在近日召开的会上。", ("本报", "北京", "1月5日"), [("王瑶", "记者", "本报"), ("谢然", "记者", "本报")])),
        (f"据新华社电{nb}{nb}（记者林碧川）“我是山里的孩子。”", ("“我是山里的孩子。”", ("新华社", "", ""), [("林碧川", "记者", "新华社")])),
        ("本报电  （记者张三整理）正文。", ("正文。", ("本报", "", ""), [])),  # not a name: no byline
        ("正文。\n（本报记者葛文昊、钟立新）", ("正文。", None, [("葛文昊", "记者", "本报"), ("钟立新", "记者", "本报")])),
        ("正文。\n（本报记者方舟整理）", ("正文。", None, [])),
        (f"正文。\n本报记者{nb}{nb}何{nb}{nb}舟\n新华社记者 李沐摄\n本期统筹：胡安然", ("正文。", None, [])),
        (f"综述。\n本报武汉5月1日电{nb}（记者吴钧）湖北宣布。",
         ("综述。", None, [])),
    ]
    for body, (first, dl, reps) in table:
        paras, got_dl, got = credit({"body": body})
        got_dl = got_dl and (got_dl["org"], got_dl["place"], got_dl["day"])
        assert (paras[0], got_dl, got) == (first, dl, reps), (body, paras, got_dl, got)
    assert credit({"body": f"综述。\n本报武汉5月1日电{nb}（记者吴钧）湖北宣布。"})[0][1] == "本报武汉5月1日电  湖北宣布。"
    for line, want in [("叶\u00a0\u00a0舟图\u00a0\u00a0方\u00a0\u00a0圆文", True), ("绘就发展新蓝图", False),
                       ("图为李建林警官正在送食品。", False), ("（作者为江城话剧团原团长）", False),
                       ("记者：今年的一号文件有什么背景", False), ("北京海淀区", False)]:
        assert is_credit_line(line) == want, line
    # Every style prints the names its gold gives, inside the article's span.
    import random
    import types
    a = {"id": "x", "seq": 1, "kicker": "", "title": "标题", "subtitle": "副题",
         "body": "本报北京1月31日电 （记者程一帆、王明）市长李华31日会见来宾。\n第二段。"}
    args = types.SimpleNamespace(single_newline=False, no_extra_blank=False, one_line_heads=0.3, breaks=0.0, indent=False)
    for style, (paper, _, _) in STYLES.items():
        for seed in range(30):
            ctx = {"paper": paper, "date": "2019-02-01", "label": "A1", "section": "要闻", "editor": "王五",
                   "designer": "赵六", "yesterday": "1月31日", "sources": SOURCES, "asides": ["链接的正文。"]}
            text, gold = render_styled_page([dict(a), dict(a, seq=2)], random.Random(seed), args, style, ctx)
            for g in gold:
                span = text[g["start_char"]:g["end_char"]]
                assert "（记者程一帆" not in span, (style, span)
                assert all(r["name"] in span for r in g["reporters"]), (style, span, g["reporters"])
    print("page_styles: all tests pass")


if __name__ == "__main__":
    self_test()
