#!/usr/bin/env python3
"""Research benchmark: what `search --by`, `--format csv` and `--kwic` cost over the scale
benchmark's archive (the dev pages tiled to 150+ MB, built as benches/scale.py builds it).

    python3 benches/research.py [--tiles 7] [--work /tmp/baosou-research] [--out BENCHMARKS.md]

It measures, for a common word, the wall time of `--by year` (fresh process, median of 5),
and the peak RSS of `--format csv` (every hit) against that of a 10-hit search, and writes
them to BENCHMARKS.md between `<!-- research:begin -->` and `<!-- research:end -->`.
"""
import argparse, os, platform, re, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import scale  # noqa: E402  (tile, the archive of the scale benchmark)

BIN = os.path.join(ROOT, "target", "release", "baosou")


def measure(cmd):
    """Runs a command with stdout counted and thrown away: (seconds, peak RSS MiB, bytes out)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    size = 0
    while True:
        chunk = p.stdout.read(1 << 16)
        if not chunk:
            break
        size += len(chunk)
    _, status, usage = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}")
    return secs, usage.ru_maxrss / 1024, size


def main():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    archive = os.path.join(ARGS.work, "archive")
    index = os.path.join(ARGS.work, "index")
    if not os.path.isdir(index):
        os.makedirs(ARGS.work, exist_ok=True)
        files, size = scale.tile(archive, ARGS.tiles)
        print(f"archive: {files} files, {size / 1e6:.1f} MB", flush=True)
        subprocess.run([BIN, "index", archive, "--index", index, "--quiet"], check=True)
    mb = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(archive) for f in fs) / 1e6
    word = ARGS.word
    idx = ["--index", index]
    by = [measure([BIN, "search", word, "--by", "year"] + idx)[0] * 1000 for _ in range(5)]
    by3 = [measure([BIN, "search", "--by", "month", "--query", word, "--query", "防控", "--query", "改革"] + idx)[0] * 1000 for _ in range(5)]
    by_big = [measure([BIN, "search", ARGS.big, "--by", "year"] + idx)[0] * 1000 for _ in range(5)]
    ten = [measure([BIN, "search", word] + idx) for _ in range(3)]
    csv = [measure([BIN, "search", word, "--format", "csv"] + idx) for _ in range(3)]
    kwic = measure([BIN, "search", word, "--kwic"] + idx)
    big_ten = measure([BIN, "search", ARGS.big] + idx)
    big = measure([BIN, "search", ARGS.big, "--format", "csv"] + idx)
    big_rows = subprocess.run([BIN, "search", ARGS.big, "--format", "csv"] + idx, capture_output=True).stdout.count(b"\r\n") - 1
    rows_out = subprocess.run([BIN, "search", word, "--format", "csv"] + idx, capture_output=True).stdout.count(b"\r\n") - 1
    ten_rss = statistics.median(r[1] for r in ten)
    csv_rss = statistics.median(r[1] for r in csv)
    rows = [
        ("archive", f"{mb:.1f} MB of page text ({ARGS.tiles} tiles of rmrb_pages_dev)"),
        (f"`search {word} --by year` (fresh process, wall, median of 5)", f"**{statistics.median(by):.0f} ms**"),
        (f"`search {ARGS.big} --by year` ({ARGS.big}: in most articles)", f"**{statistics.median(by_big):.0f} ms**"),
        (f"`search --by month --query {word} --query 防控 --query 改革`", f"{statistics.median(by3):.0f} ms"),
        (f"`search {word}` (10 hits): peak RSS", f"{ten_rss:.0f} MiB, {statistics.median(r[0] for r in ten) * 1000:.0f} ms"),
        (f"`search {word} --format csv` (every hit): peak RSS", f"{csv_rss:.0f} MiB = **{csv_rss / ten_rss:.2f}×** the 10-hit search; {rows_out} rows, {statistics.median(r[2] for r in csv) / 1e6:.1f} MB in {statistics.median(r[0] for r in csv):.1f} s"),
        (f"`search {word} --kwic`", f"{kwic[2] / 1e6:.1f} MB in {kwic[0]:.1f} s, peak RSS {kwic[1]:.0f} MiB"),
        (f"`search {ARGS.big} --format csv` (every hit) against `search {ARGS.big}` (10 hits)", f"peak RSS {big[1]:.0f} MiB against {big_ten[1]:.0f} MiB = **{big[1] / big_ten[1]:.2f}×**; {big_rows} rows, {big[2] / 1e6:.1f} MB in {big[0]:.1f} s"),
    ]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    body = ["<!-- research:begin -->", "## Research: trends, export, concordance", "",
            f"Command: `python3 benches/research.py --tiles {ARGS.tiles}` (release build; the scale benchmark's archive).",
            f"Machine: {os.cpu_count()} cores ({cpu}), shared with other work; run {time.strftime('%Y-%m-%d')}.", "",
            "| measure | figure |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows] + ["",
            "A 10-hit search loads jieba's dictionary to rank; counting and exporting need no",
            "ranking and do not load it. What shows the export flat is its own growth: "
            f"{statistics.median(r[1] for r in csv):.0f} MiB for {rows_out} rows, {big[1]:.0f} MiB for {big_rows}.",
            "<!-- research:end -->"]
    text = "\n".join(body) + "\n"
    out = os.path.join(ROOT, ARGS.out)
    old = open(out, encoding="utf-8").read() if os.path.exists(out) else "# Benchmarks\n\n"
    if "<!-- research:begin -->" in old:
        old = re.sub(r"<!-- research:begin -->.*?<!-- research:end -->\n?", lambda _: text, old, flags=re.S)
    else:
        old = old.rstrip("\n") + "\n\n" + text
    open(out, "w", encoding="utf-8").write(old)
    print("\n".join(f"{a}: {b}" for a, b in rows))


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tiles", type=int, default=7)
    ap.add_argument("--work", default="/tmp/baosou-research")
    ap.add_argument("--word", default="疫情")
    ap.add_argument("--big", default="中国", help="a word in most articles, for the memory of a large export")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ARGS = ap.parse_args()
    scale.ARGS = ARGS
    main()
