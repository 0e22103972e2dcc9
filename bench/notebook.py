#!/usr/bin/env python3
"""The notebook a scholar writes instead of `citegraph analyze`, as a script.

It reads citations.csv (citing,cited: what `citegraph analyze` writes, or
any export turned into such pairs) with the csv module, builds the
co-citation network as the sparse product AᵀA of the record-by-work
incidence matrix A (scipy), clusters it with Louvain (python-igraph's
community_multilevel, weighted by the counts), and writes the co-citation
table a,b,count with each work's cluster beside it. Every cited work is a
node (no threshold): what the notebook would do unless told otherwise.

    /usr/bin/python3 bench/notebook.py citegraph-out/citations.csv cocitation.csv

It prints one JSON line on stdout: the sizes it found (works, links,
clusters, modularity Q) and the seconds each step took. bench/e2e.sh times
the whole process and compares it with citegraph's.
"""
import csv
import json
import sys
import time

import igraph as ig
import numpy as np
import scipy.sparse as sp


def main(path, out):
    steps = {}
    t = time.perf_counter()

    def step(name):
        nonlocal t
        now = time.perf_counter()
        steps[name] = round(now - t, 3)
        t = now

    records, works = {}, {}
    rows, cols = [], []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)  # citing,cited
        for citing, cited in reader:
            rows.append(records.setdefault(citing, len(records)))
            cols.append(works.setdefault(cited, len(works)))
    step("read")

    a = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(records), len(works)))
    cocitation = sp.triu(a.T @ a, k=1).tocoo()
    step("cocitation")

    g = ig.Graph(n=len(works), edges=np.column_stack((cocitation.row, cocitation.col)).tolist(),
                 edge_attrs={"weight": cocitation.data.tolist()})
    clusters = g.community_multilevel(weights="weight")
    step("louvain")

    names = list(works)
    membership = clusters.membership
    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["a", "b", "count", "cluster_a", "cluster_b"])
        for i, j, n in zip(cocitation.row.tolist(), cocitation.col.tolist(), cocitation.data.tolist()):
            writer.writerow([names[i], names[j], n, membership[i] + 1, membership[j] + 1])
    step("write")

    print(json.dumps({"works": len(works), "links": int(cocitation.nnz), "clusters": len(clusters),
                      "modularity": round(clusters.modularity, 4), "seconds": steps}))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: notebook.py CITATIONS.csv OUT.csv")
    main(sys.argv[1], sys.argv[2])
