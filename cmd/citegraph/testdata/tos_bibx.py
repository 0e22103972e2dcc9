"""Runs python-bibx's Tree of Science (Sap) on a citation graph given as files.

Usage: tos_bibx.py SAP_PY EDGES YEARS

SAP_PY is src/bibx/algorithms/sap.py of a python-bibx checkout
(github.com/coreofscience/python-bibx, MIT); it is loaded from there, not
copied. Its imports of bibx's models only serve type hints, so they are
stubbed and only networkx is needed. EDGES holds "citing cited" node
numbers, a pair a line; YEARS one year a line per node (empty: unknown).
Nodes are added in number order first, so that python-bibx's ties (its
graph's insertion order) fall as citegraph's (node order).

Prints "kept N" and, for every node with a role, "node role score sap".
"""

import importlib.util
import sys
import types

import networkx as nx


def load_sap(path):
    for name in ("bibx", "bibx.models", "bibx.models.article", "bibx.models.collection"):
        sys.modules.setdefault(name, types.ModuleType(name))
    sys.modules["bibx.models.article"].Article = object
    sys.modules["bibx.models.collection"].Collection = object
    spec = importlib.util.spec_from_file_location("bibx_sap", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.Sap


def main():
    sap_py, edges_path, years_path = sys.argv[1:4]
    Sap = load_sap(sap_py)
    g = nx.DiGraph()
    with open(years_path) as f:
        for i, line in enumerate(f):
            line = line.strip()
            g.add_node(i, year=int(line) if line else None)
    with open(edges_path) as f:
        for line in f:
            u, v = line.split()
            g.add_edge(int(u), int(v))
    g.remove_edges_from(list(nx.selfloop_edges(g)))  # as Sap.create_graph does
    s = Sap()
    g = s.clean_graph(g)
    # Sap.tree without its last step, the branches (Louvain, random).
    g = s._compute_root(g)
    g = s._compute_leaves(g)
    g = s._compute_sap(g)
    g = s._compute_trunk(g)
    print("kept", g.number_of_nodes())
    for n, d in g.nodes(data=True):
        for role in ("root", "trunk", "leaf"):
            if d.get(role, 0) > 0:
                print(n, role, d[role], d["_sap"])


if __name__ == "__main__":
    main()
