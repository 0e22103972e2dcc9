#!/usr/bin/python3
# Provenance of the golden values in this directory.
#
# Run once with /usr/bin/python3 (networkx 2.8.8, scipy 1.10.1, numpy 1.24.2,
# python-igraph 0.10.2) from metrics/testdata:
#
#     /usr/bin/python3 nx_golden.py
#
# It writes
#   nx_graph.txt        the seeded random digraph, one "from to" edge a line
#                       (60 nodes, with one dangling node and self-loops)
#   nx_expected.csv     node,pagerank,hub,authority,betweenness from
#                       networkx.pagerank(alpha=0.85, tol=1e-13),
#                       networkx.hits(tol=1e-13, normalized=True) and
#                       networkx.betweenness_centrality(normalized=False)
#   karate.txt          Zachary's karate club as networkx 2.8 ships it,
#                       "a b weight" a line (the weights are interaction counts)
#   karate_expected.csv name,value: networkx modularity of reference partitions
#                       and the Q networkx's own Louvain reaches
#
# and cross-checks PageRank, betweenness and modularity against igraph, so the
# golden values do not rest on one library. The Go tests read these files
# and need no python.
import csv

import igraph as ig
import networkx as nx

SEED = 20240611
N, M = 60, 300

G = nx.gnm_random_graph(N, M, seed=SEED, directed=True)
# Node 59 becomes dangling (cites nothing); nodes 7 and 23 cite themselves.
G.remove_edges_from(list(G.out_edges(59)))
G.add_edge(7, 7)
G.add_edge(23, 23)
assert G.out_degree(59) == 0 and G.in_degree(59) > 0

pr = nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=100000)
hubs, auths = nx.hits(G, max_iter=100000, tol=1e-13, normalized=True)
bc = nx.betweenness_centrality(G, normalized=False)

with open("nx_graph.txt", "w") as f:
    f.write("# %d nodes; networkx.gnm_random_graph(%d, %d, seed=%d, directed=True),\n" % (N, N, M, SEED))
    f.write("# out-edges of 59 removed, self-loops 7->7 and 23->23 added (see nx_golden.py)\n")
    for u, v in sorted(G.edges()):
        f.write("%d %d\n" % (u, v))

with open("nx_expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["node", "pagerank", "hub", "authority", "betweenness"])
    for v in range(N):
        w.writerow([v, repr(pr[v]), repr(hubs[v]), repr(auths[v]), repr(bc[v])])

# Cross-check with igraph (PRPACK PageRank, its own Brandes).
H = ig.Graph(n=N, edges=sorted(G.edges()), directed=True)
ipr = H.pagerank(damping=0.85)
ibc = H.betweenness(directed=True)
for v in range(N):
    assert abs(ipr[v] - pr[v]) <= 1e-9 * pr[v], (v, ipr[v], pr[v])
    assert abs(ibc[v] - bc[v]) <= 1e-9 * max(1, bc[v]), (v, ibc[v], bc[v])
ihub = H.hub_score(scale=False)
iauth = H.authority_score(scale=False)
sh, sa = sum(ihub), sum(iauth)
for v in range(N):
    assert abs(ihub[v] / sh - hubs[v]) <= 1e-9 * max(hubs[v], 1e-3), (v, ihub[v] / sh, hubs[v])
    assert abs(iauth[v] / sa - auths[v]) <= 1e-9 * max(auths[v], 1e-3), (v, iauth[v] / sa, auths[v])

K = nx.karate_club_graph()
with open("karate.txt", "w") as f:
    f.write("# Zachary's karate club, networkx.karate_club_graph() (networkx 2.8.8): a b weight\n")
    for a, b, d in sorted(K.edges(data=True)):
        f.write("%d %d %g\n" % (a, b, d["weight"]))

club = [0 if K.nodes[v]["club"] == "Mr. Hi" else 1 for v in K]
split = [{v for v in K if club[v] == c} for c in (0, 1)]
louv = nx.community.louvain_communities(K, weight="weight", resolution=1, seed=SEED)
louv_u = nx.community.louvain_communities(K, weight=None, resolution=1, seed=SEED)
rows = [
    ("club_split_Q_weighted", nx.community.modularity(K, split, weight="weight")),
    ("club_split_Q_unweighted", nx.community.modularity(K, split, weight=None)),
    ("club_split_Q_weighted_gamma0.5", nx.community.modularity(K, split, weight="weight", resolution=0.5)),
    ("louvain_Q_weighted", nx.community.modularity(K, louv, weight="weight")),
    ("louvain_Q_unweighted", nx.community.modularity(K, louv_u, weight=None)),
]
KI = ig.Graph(n=K.number_of_nodes(), edges=[(a, b) for a, b in K.edges()])
KI.es["weight"] = [d["weight"] for _, _, d in K.edges(data=True)]
assert abs(KI.modularity(club, weights="weight") - rows[0][1]) < 1e-12
assert abs(KI.modularity(club) - rows[1][1]) < 1e-12
rows.append(("igraph_multilevel_Q_weighted", KI.community_multilevel(weights="weight").q))
with open("karate_expected.csv", "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["name", "value"])
    w.writerow(["club_membership", " ".join(map(str, club))])
    for name, val in rows:
        w.writerow([name, repr(val)])
