#!/usr/bin/env python3
"""Scale benchmark: indexing throughput, incremental runs, memory, index size and query
latency on an archive of real People's Daily pages, tiled to 150+ MB with shifted dates.

    python3 benches/scale.py [--tiles 7] [--work /tmp/baosou-bench] [--out BENCHMARKS.md]

It builds baosou in release mode, reads the page files in ../shared/corpus/rmrb_pages_dev
(beside the repository; not part of it, and never copied into it) and the query sets in
../shared/eval/queries, and writes its figures to BENCHMARKS.md (between the markers
`<!-- scale:begin -->` and `<!-- scale:end -->`, so other sections are kept).
"""
import argparse, json, os, platform, re, resource, shutil, statistics, subprocess, sys, time, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
PAGES = os.path.join(SHARED, "corpus", "rmrb_pages_dev", "pages")
QUERIES = os.path.join(SHARED, "eval", "queries")
BIN = os.path.join(ROOT, "target", "release", "baosou")
CEILING_SRC = os.path.join(SHARED, "tools", "ceiling", "Cargo.toml")
CEILING = os.path.join(ROOT, "target", "ceiling", "release", "ceiling")
CPU_SECONDS = 0.0  # of the last peak_rss_mib run
CEILING_CPU = 0.0  # of the last ceiling run


def ceiling(archive):
    """jieba's tokenize-only MB/s on the archive, 2 threads (../shared/tools/ceiling), and
    the CPU seconds of the whole ceiling process (its reading, decoding and dictionary load
    included) in CEILING_CPU."""
    global CEILING_CPU
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    _, out, _ = run([CEILING, archive, "2"])
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    CEILING_CPU = now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime
    m = re.search(r"([\d.]+)\s*MB/s", out)
    if not m:
        sys.exit(f"scale.py: cannot read the ceiling's figure from: {out!r}")
    return float(m[1])


def run(cmd, **kw):
    """Runs a command; returns (seconds, stdout, stderr)."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)
    out, err = p.communicate()
    secs = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return secs, out.decode(), err.decode()


def peak_rss_mib(cmd):
    """Runs a command in a fresh child and returns (seconds, peak RSS MiB, stderr); its CPU
    seconds (user + system) are left in CPU_SECONDS."""
    global CPU_SECONDS
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        errfile = os.open(os.path.join(ARGS.work, "stderr.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(errfile, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    secs = time.perf_counter() - t0
    CPU_SECONDS = usage.ru_utime + usage.ru_stime
    err = open(os.path.join(ARGS.work, "stderr.txt"), encoding="utf-8", errors="replace").read()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"failed: {' '.join(cmd)}\n{err[-2000:]}")
    return secs, usage.ru_maxrss / 1024, err


def tile(archive, tiles):
    """Copies the dev pages `tiles` times, shifting each copy's years by 2·k."""
    total = files = 0
    for k in range(tiles):
        for dirpath, _, names in os.walk(PAGES):
            for name in names:
                src = os.path.join(dirpath, name)
                rel = os.path.relpath(src, PAGES)
                rel = re.sub(r"(\d{4})-(\d\d)-(\d\d)", lambda m: f"{int(m[1]) + 2 * k}-{m[2]}-{m[3]}", rel)
                dst = os.path.join(archive, rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)
                total += os.path.getsize(dst)
                files += 1
    return files, total


def du(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def latency(index):
    """Runs every query set through --queries; returns took_ms of all queries."""
    took = []
    for name in ("ki", "sr", "reporter", "date"):
        path = os.path.join(QUERIES, name + ".jsonl")
        if not os.path.exists(path):
            continue
        batch = os.path.join(ARGS.work, name + ".batch.jsonl")
        with open(path, encoding="utf-8") as f, open(batch, "w", encoding="utf-8") as out:
            for line in f:
                q = json.loads(line)
                b = {"limit": 10}
                for key in ("q", "reporter", "date"):
                    if q.get(key):
                        b[key] = q[key]
                out.write(json.dumps(b, ensure_ascii=False) + "\n")
        _, out, _ = run([BIN, "search", "--index", index, "--json", "--queries", batch])
        took += [json.loads(l)["took_ms"] for l in out.splitlines() if l.strip()]
    return took


def main():
    if not os.path.isdir(PAGES):
        sys.exit(f"scale.py: {PAGES} is absent: this benchmark needs the shared corpus beside the repository")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    if not os.path.exists(CEILING_SRC):
        sys.exit(f"scale.py: {CEILING_SRC} is absent: the speed is given as a ratio to it")
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", CEILING_SRC,
                    "--target-dir", os.path.join(ROOT, "target", "ceiling")], cwd=ROOT, check=True)
    archive = os.path.join(ARGS.work, "archive")
    index = os.path.join(ARGS.work, "index")
    shutil.rmtree(ARGS.work, ignore_errors=True)
    os.makedirs(ARGS.work)
    files, size = tile(archive, ARGS.tiles)
    mb = size / 1e6
    print(f"archive: {files} files, {mb:.1f} MB", flush=True)

    # The machine's speed drifts: the ceiling is measured right before and after indexing,
    # and the indexer's speed is given as a ratio to their mean.
    load_before = os.getloadavg()[0]
    before = ceiling(archive)
    ceiling_cpu = CEILING_CPU
    secs, rss, err = peak_rss_mib([BIN, "index", archive, "--index", index, "--quiet"])
    cpu_secs = CPU_SECONDS
    after = ceiling(archive)
    ceiling_cpu = (ceiling_cpu + CEILING_CPU) / 2
    load_after = os.getloadavg()[0]
    ceil = (before + after) / 2
    ratio = mb / secs / ceil
    stats = json.loads(run([BIN, "stats", "--json", "--index", index])[1])
    articles = stats["articles"]
    print(f"full: {secs:.1f} s, {mb / secs:.1f} MB/s = {ratio:.2f} of the ceiling ({before:.1f} / {after:.1f} MB/s), "
          f"{articles / secs:.0f} articles/s, peak RSS {rss:.0f} MiB; CPU {cpu_secs:.1f} s "
          f"({mb / cpu_secs:.1f} MB per CPU second) against the ceiling's {ceiling_cpu:.1f} s = {ceiling_cpu / cpu_secs:.2f}; "
          f"load average {load_before:.1f} before, {load_after:.1f} after", flush=True)

    noop, _, _ = peak_rss_mib([BIN, "index", archive, "--index", index, "--quiet"])
    print(f"incremental, nothing changed: {noop:.2f} s", flush=True)

    touched = 0
    extra = "\n\n本报讯 这是基准测试追加的一段文字。\n"
    for dirpath, _, names in sorted(os.walk(archive)):
        for name in sorted(names):
            if hash_pick(dirpath + name):
                path = os.path.join(dirpath, name)
                with open(path, "ab") as f:
                    f.write(extra.encode("gb18030" if is_gb(path) else "utf-8"))
                touched += 1
    inc, inc_rss, _ = peak_rss_mib([BIN, "index", archive, "--index", index, "--quiet"])
    print(f"incremental, {touched} files touched: {inc:.2f} s", flush=True)

    index_size = du(index)
    space = stats.get("space", {})
    exact = sum(v for k, v in space.items() if k.startswith("exact_"))
    took = latency(index)
    first = []
    for _ in range(5):
        t, _, _ = run([BIN, "search", "疫情防控", "--index", index, "--limit", "10"])
        first.append(t * 1000)
    rows = [
        ("archive", f"{files} page files, {mb:.1f} MB of page text, {articles} articles ({ARGS.tiles} tiles of rmrb_pages_dev)"),
        ("full indexing, as a share of jieba's tokenize-only ceiling", f"**{ratio:.2f}** ({mb / secs:.1f} MB/s against a ceiling of {before:.1f} before and {after:.1f} after; {secs:.1f} s, {articles / secs:.0f} articles/s)"),
        ("the machine's load average (1 min)", f"{load_before:.1f} before the first ceiling run, {load_after:.1f} after the second "
         f"on {os.cpu_count()} cores: with other work running, the indexer's five threads get more of the CPU than the ceiling's two, "
         f"and the ratio above reads high"),
        ("CPU time of full indexing (user + system, all threads)", f"{cpu_secs:.1f} s = {mb / cpu_secs:.1f} MB per CPU second; "
         f"the ceiling's whole process took {ceiling_cpu:.1f} s (mean of its two runs): {ceiling_cpu / cpu_secs:.2f} of the ceiling "
         f"by CPU time, an upper bound for the ratio on an idle machine, where both keep the cores busy (the ceiling's process "
         f"time includes its reading, decoding and dictionary load, which its MB/s leaves out)"),
        ("peak RSS while indexing", f"{rss:.0f} MiB"),
        ("incremental, nothing changed", f"{noop:.2f} s"),
        ("incremental, 1% of files touched", f"{inc:.2f} s ({touched} files; peak RSS {inc_rss:.0f} MiB)"),
        ("index size", f"{index_size / 1e6:.1f} MB = **{index_size / size:.2f}×** the input"),
        ("… of which exact-match characters", f"{exact / 1e6:.1f} MB; without them the index would be {(index_size - exact) / size:.2f}× the input"),
        ("query latency (--queries, snippets included)", f"p50 {pct(took, 0.5):.1f} ms, p95 {pct(took, 0.95):.1f} ms, max {max(took):.1f} ms over {len(took)} queries"),
        ("fresh process, first query (wall, median of 5)", f"{statistics.median(first):.0f} ms"),
    ]
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((l.split(":", 1)[1].strip() for l in open("/proc/meminfo") if l.startswith("MemTotal")), "?")
    body = ["<!-- scale:begin -->", "## Scale benchmark", "",
            f"Command: `python3 benches/scale.py --tiles {ARGS.tiles}` (release build; reads `../shared/corpus/rmrb_pages_dev`).",
            f"Machine: {os.cpu_count()} cores ({cpu}), {mem} memory, {platform.system()} {platform.release()}; run {time.strftime('%Y-%m-%d')}.", "",
            "| measure | figure |", "|---|---|"] + [f"| {a} | {b} |" for a, b in rows] + ["<!-- scale:end -->"]
    text = "\n".join(body) + "\n"
    out = os.path.join(ROOT, ARGS.out)
    old = open(out, encoding="utf-8").read() if os.path.exists(out) else "# Benchmarks\n\n"
    if "<!-- scale:begin -->" in old:
        old = re.sub(r"<!-- scale:begin -->.*?<!-- scale:end -->\n?", lambda _: text, old, flags=re.S)
    else:
        old = old.rstrip("\n") + "\n\n" + text
    open(out, "w", encoding="utf-8").write(old)
    print("\n".join(f"{a}: {b}" for a, b in rows))


def hash_pick(key):
    """About 1 file in 100, the same ones on every run."""
    return zlib.crc32(key.encode()) % 100 == 0


def is_gb(path):
    try:
        open(path, encoding="utf-8").read()
        return False
    except UnicodeDecodeError:
        return True


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tiles", type=int, default=7)
    ap.add_argument("--work", default="/tmp/baosou-bench")
    ap.add_argument("--out", default="BENCHMARKS.md")
    ARGS = ap.parse_args()
    main()
