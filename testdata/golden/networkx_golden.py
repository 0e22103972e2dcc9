#!/usr/bin/env python3
"""Compute the networkx reference values for wos-citations.txt.

wos-citations.txt is the citation graph citegraph built from the Web of Science
sample (testdata/exports/wos-bit-pattern-savedrecs.txt): `citegraph analyze
--sample wos`, citations.csv, written as an edge list "citing cited". It is
kept fixed here so the metrics test does not move when resolution improves.

Run once with Debian's python3-networkx (2.8) and python3-scipy:
    python3 networkx_golden.py > wos-networkx.csv
"""
import sys

import networkx as nx

g = nx.DiGraph()
with open("wos-citations.txt") as f:
    for line in f:
        u, v = line.split()
        g.add_edge(u, v)

pr = nx.pagerank(g, alpha=0.85, tol=1e-15, max_iter=10000)
hubs, auths = nx.hits(g, max_iter=100000, tol=1e-15, normalized=True)
bc = nx.betweenness_centrality(g, normalized=False)

out = sys.stdout
out.write("id,pagerank,hub,authority,betweenness\n")
for n in sorted(g.nodes()):
    out.write(f"{n},{pr[n]!r},{hubs[n]!r},{auths[n]!r},{bc[n]!r}\n")
