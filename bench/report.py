#!/usr/bin/env python3
"""Print the ratio table of a bench/run.sh results folder (Markdown).

    python3 bench/report.py bench/out/results-20260101T000000Z

Each step's time is the median over the runs (REPS) of its wall-clock
seconds; CPU seconds (user + system, all threads) are given beside it, since
citegraph runs its loops on every core while igraph uses one. Peak RSS is
GNU time's maximum resident set size of the whole process.
"""
import glob
import json
import os
import re
import statistics
import sys
from collections import defaultdict


def read_time(path):
    """Wall seconds, CPU seconds and peak RSS (MiB) from a GNU time -v report."""
    t = open(path).read()
    if "Maximum resident set size" not in t:
        return None  # still running, or killed
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
    sys_ = float(re.search(r"System time \(seconds\): ([\d.]+)", t).group(1))
    el = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", t).group(1)
    wall = 0.0
    for part in el.split(":"):
        wall = wall * 60 + float(part)
    status = re.search(r"Exit status: (\d+)", t)
    return {"wall": wall, "cpu": user + sys_, "rss": rss, "status": int(status.group(1)) if status else 0}


def main():
    d = sys.argv[1]
    steps = defaultdict(lambda: defaultdict(list))  # (size, tool) -> step -> [records]
    procs = defaultdict(list)  # (size, tool) -> [time reports]
    for path in sorted(glob.glob(os.path.join(d, "*.jsonl"))):
        name = os.path.basename(path)[: -len(".jsonl")]
        size, tool, _rep = name.rsplit("-", 2)
        for line in open(path):
            if line.strip():
                r = json.loads(line)
                steps[(size, tool)][r["step"]].append(r)
        tp = os.path.join(d, name + ".time")
        if os.path.exists(tp) and read_time(tp):
            procs[(size, tool)].append(read_time(tp))

    def med(recs, key="wall"):
        return statistics.median(r[key] for r in recs) if recs else None

    def fmt(x, digits=2):
        if x is None:
            return "—"
        if x >= 100:
            return f"{x:.0f}"
        if x >= 10:
            return f"{x:.1f}"
        return f"{x:.{digits}f}" if x >= 0.01 else f"{x:.4f}"

    def ratio(a, b):
        if a is None or b is None or b == 0:
            return "—"
        return f"**{a / b:.2f}**"

    machine = os.path.join(d, "machine.txt")
    if os.path.exists(machine):
        print("```")
        print(open(machine).read().rstrip())
        print("```\n")

    sizes = sorted({s for s, _ in steps if s != "cocitation"}, key=lambda s: float(s.rstrip("km")) * (1e3 if s.endswith("k") else 1e6 if s.endswith("m") else 1))
    for size in sizes:
        ig, cg = steps[(size, "igraph")], steps[(size, "citegraph")]
        info = (cg.get("load") or ig.get("load") or [{"info": {}}])[0]["info"]
        reps = max(len(v) for v in list(ig.values()) + list(cg.values()))
        print(f"### {size}: {info.get('nodes', '?'):,} works, {info.get('edges', '?'):,} references ({reps} run{'s' if reps > 1 else ''} each, median)\n")
        print("| step | igraph s | citegraph s | citegraph/igraph | igraph CPU s | citegraph CPU s | CPU citegraph/igraph |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        rows = [
            ("load edge list", "load", "load"),
            ("PageRank", "pagerank", "pagerank"),
            ("HITS (igraph: hub_score + authority_score)", "hits", "hits"),
            ("betweenness, exact", "betweenness", "betweenness"),
            ("to undirected", "undirected", "undirected"),
            ("Louvain vs igraph multilevel", "multilevel", "louvain"),
            ("Leiden (2 iterations, as igraph's default)", "leiden", "leiden"),
            ("Louvain vs igraph Leiden", "leiden", "louvain"),
            ("modularity of a partition", "modularity", "modularity"),
        ]
        for label, si, sc in rows:
            a, b = ig.get(si), cg.get(sc)
            if not a and not b:
                continue
            print(f"| {label} | {fmt(med(a))} | {fmt(med(b))} | {ratio(med(b), med(a))} | {fmt(med(a, 'cpu'))} | {fmt(med(b, 'cpu'))} | {ratio(med(b, 'cpu'), med(a, 'cpu'))} |")
            if si == "hits" and a:
                hub = statistics.median(r["info"]["hub_seconds"] for r in a)
                hub_cpu = statistics.median(r["info"].get("hub_cpu", 0) for r in a) or None
                print(f"| HITS (igraph: hub_score alone) | {fmt(hub)} | {fmt(med(b))} | {ratio(med(b), hub)} | {fmt(hub_cpu)} | {fmt(med(b, 'cpu'))} | {ratio(med(b, 'cpu'), hub_cpu)} |")
        # Whole processes: the CLI and the two step programs.
        cli = procs.get((size, "cli"))
        if cli:
            print(f"| `citegraph metrics --measures citations,pagerank,hits` (whole command, with CSV) | | {fmt(med(cli))} | | | {fmt(med(cli, 'cpu'))} | |")
        print()
        q = []
        for name, recs in (("igraph multilevel", ig.get("multilevel")), ("igraph Leiden", ig.get("leiden")), ("citegraph Louvain", cg.get("louvain")), ("citegraph Leiden", cg.get("leiden"))):
            if recs:
                r = recs[0]["info"]
                q.append(f"{name} Q = {r['modularity']:.4f} ({r['clusters']} clusters)")
        if q:
            print("Modularity reached: " + "; ".join(q) + ".\n")
        rss = []
        for tool, label in (("igraph", "igraph process (all steps)"), ("citegraph", "citegraph cgbench (all steps)"), ("cli", "citegraph metrics command")):
            if procs.get((size, tool)):
                rss.append(f"{label} {max(p['rss'] for p in procs[(size, tool)]):,.0f} MiB")
        if rss:
            print("Peak RSS: " + "; ".join(rss) + ".\n")
        bad = [f"{t} exit {p['status']}" for (s, t), ps in procs.items() if s == size for p in ps if p["status"]]
        if bad:
            print("**Failed runs:** " + ", ".join(bad) + "\n")

    co = steps.get(("cocitation", "citegraph"))
    if co:
        load = co["load"][0]["info"]
        cc = co["cocitation"][0]["info"]
        print(f"### co-citation: {load['edges']:,} references from a corpus, {load['nodes']:,} ids\n")
        print("| step | citegraph s | CPU s | peak RSS so far MiB |")
        print("|---|---:|---:|---:|")
        for st, label in (("load", "load edge list"), ("cocitation", f"graph.CoCitation, min citations {cc['min_citations']}: {cc['nodes']:,} works, {cc['links']:,} links"), ("cocitation-louvain", "Louvain on the co-citation network")):
            if co.get(st):
                print(f"| {label} | {fmt(med(co[st]))} | {fmt(med(co[st], 'cpu'))} | {max(r['maxrss_kb'] for r in co[st]) / 1024:,.0f} |")
        p = procs.get(("cocitation", "citegraph"))
        if p:
            print(f"\nWhole process: {fmt(med(p))} s, peak RSS {max(x['rss'] for x in p):,.0f} MiB.")
        if co.get("cocitation-louvain"):
            r = co["cocitation-louvain"][0]["info"]
            print(f"Louvain: Q = {r['modularity']:.4f}, {r['clusters']} clusters.")


if __name__ == "__main__":
    main()
