#!/usr/bin/env python3
"""Time igraph on an edge list, step by step, for comparison with cgbench.

    python3 bench/igraph_bench.py --steps load,pagerank,hits,undirected,leiden,multilevel EDGELIST

Uses python-igraph (Debian: apt-get install python3-igraph). Prints one JSON
object per step, like bench/cgbench: wall-clock and CPU seconds, the peak
resident set so far (KiB) and what the step found. Steps run in the order
given and use what the earlier ones made:

  load         Graph.Read_Ncol(path, directed=True): igraph's C edge-list reader
  pagerank     Graph.pagerank(damping=0.85) (PRPACK)
  hits         Graph.hub_score() and Graph.authority_score(): python-igraph
               0.10 has no call returning both, so HITS costs two
               eigenvector computations; info.hub_seconds is the first alone
  betweenness  Graph.betweenness(directed=True), exact
  undirected   Graph.as_undirected(mode="collapse") (the same graph as
               citegraph's UndirectedOf on a DAG: no edge is cited both ways)
  leiden       community_leiden(objective_function="modularity"), seeded
  multilevel   community_multilevel() (Louvain), seeded
  modularity   Graph.modularity of the multilevel partition
"""
import argparse
import json
import random
import resource
import sys
import time

import igraph


def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", default="load,pagerank,hits,undirected,leiden,multilevel,modularity")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("edgelist")
    a = ap.parse_args()
    random.seed(a.seed)
    igraph.set_random_number_generator(random)

    g = ug = ml = None
    first = True
    for step in [s.strip() for s in a.steps.split(",")]:
        info = {}
        w0, c0 = time.perf_counter(), cpu()
        if step == "load":
            g = igraph.Graph.Read_Ncol(a.edgelist, names=True, weights=False, directed=True)
            info["nodes"], info["edges"] = g.vcount(), g.ecount()
        elif step == "pagerank":
            info["max"] = max(g.pagerank(damping=0.85, directed=True))
        elif step == "hits":
            h = g.hub_score()
            info["hub_seconds"], info["hub_cpu"] = time.perf_counter() - w0, cpu() - c0
            au = g.authority_score()
            # igraph scales each vector to max 1; citegraph to sum 1.
            sh, sa = sum(h), sum(au)
            info["max_hub"], info["max_authority"] = max(h) / sh, max(au) / sa
        elif step == "betweenness":
            info["max"] = max(g.betweenness(directed=True))
        elif step == "undirected":
            ug = g.as_undirected(mode="collapse")
            info["edges"] = ug.ecount()
        elif step == "leiden":
            cl = ug.community_leiden(objective_function="modularity")
            info["clusters"] = len(cl)
            info["modularity"] = ug.modularity(cl.membership)  # not timed apart: cheap
        elif step == "multilevel":
            ml = ug.community_multilevel()
            info["clusters"] = len(ml)
            info["modularity"] = ml.q
        elif step == "modularity":
            info["modularity"] = ug.modularity(ml.membership)
        else:
            sys.exit(f"igraph_bench: unknown step {step}")
        wall, c = time.perf_counter() - w0, cpu() - c0
        r = {"tool": "igraph", "step": step, "wall": wall, "cpu": c,
             "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "info": info}
        if first:
            r["igraph"] = igraph.__version__
            first = False
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
