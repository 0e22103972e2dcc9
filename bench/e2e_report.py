#!/usr/bin/env python3
"""Tabulates a run of bench/e2e.sh: citegraph analyze against the notebook.

    python3 bench/e2e_report.py bench/out/e2e-<time> [NAME ...]

For each input: its size (records and references, from citegraph's
summary), then for each tool the median wall-clock seconds, CPU seconds
(user + system, all threads) and peak resident set over the runs, and the
co-citation network it clustered (works and links), then the ratios
citegraph / notebook of wall-clock time and memory (below 1: citegraph is
faster or smaller). A failed run shows its exit status, when and at what
size it stopped (the notebook's MemoryError at its address-space limit
exits with status 1).
"""
import glob
import json
import os
import re
import statistics
import sys


def runs(run_dir, name, tool):
    """The (wall, cpu, maxrss_mb, exit) of each run of tool on name."""
    out = []
    for path in sorted(glob.glob(os.path.join(run_dir, f"{name}-{tool}-*.time"))):
        fields = open(path).read().split()
        if len(fields) < 5:
            continue  # still running, or killed
        # GNU time puts "Command exited with non-zero status N" first on failure.
        wall, user, system, rss, code = fields[-5:]
        out.append((float(wall), float(user) + float(system), int(rss) / 1024, int(code)))
    return out


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main(run_dir, names):
    if not names:
        names = sorted({os.path.basename(p).rsplit("-citegraph-", 1)[0]
                        for p in glob.glob(os.path.join(run_dir, "*-citegraph-*.time"))})
    print("| input | records | references | citegraph s | CPU s | MB | network | notebook s | CPU s | MB | network | time ratio | memory ratio |")
    print("|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|")
    for name in names:
        summary = ""
        p = os.path.join(run_dir, f"{name}-prepare.log")
        if os.path.exists(p):
            summary = open(p, encoding="utf-8").read()
        recs = re.search(r"records: (\d+) read", summary)
        refs = re.search(r"references: (\d+) read", summary)
        net = re.search(r"co-citation network[^\n]*?(\d+) works, (\d+) links", summary)
        cg = runs(run_dir, name, "citegraph")
        nb = runs(run_dir, name, "notebook")
        nb_net = ""
        for log in sorted(glob.glob(os.path.join(run_dir, f"{name}-notebook-*.log"))):
            for line in open(log, encoding="utf-8"):
                if line.startswith("{"):
                    d = json.loads(line)
                    nb_net = f"{d['works']:,} / {d['links']:,}"

        def cell(rs):
            ok = [r for r in rs if r[3] == 0]
            if not ok:
                if not rs:
                    return "not run", "", "", False
                wall, cpu, mb, code = rs[0]
                return f"failed (exit {code}) after {wall:.0f}", f"{cpu:.0f}", f"{mb:.0f}", False
            return (f"{median([r[0] for r in ok]):.2f}", f"{median([r[1] for r in ok]):.2f}",
                    f"{median([r[2] for r in ok]):.0f}", True)

        cg_s, cg_cpu, cg_mb, cg_ok = cell(cg)
        nb_s, nb_cpu, nb_mb, nb_ok = cell(nb)
        ratio_t = ratio_m = ""
        if cg_ok and nb_ok:
            ratio_t = f"{float(cg_s) / float(nb_s):.2f}"
            ratio_m = f"{float(cg_mb) / float(nb_mb):.2f}"
        print(f"| {name} | {recs.group(1) if recs else '?'} | {refs.group(1) if refs else '?'} | {cg_s} | {cg_cpu} | {cg_mb} | "
              f"{(net.group(1) + ' / ' + net.group(2)) if net else ''} | {nb_s} | {nb_cpu} | {nb_mb} | {nb_net} | {ratio_t} | {ratio_m} |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: e2e_report.py RUN_DIR [NAME ...]")
    main(sys.argv[1], sys.argv[2:])
