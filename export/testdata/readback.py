"""Read citegraph's network files back with the target tools' own readers.

Usage: readback.py DIR STEM [STEM ...]

For each STEM it loads DIR/STEM.graphml (networkx.read_graphml and
igraph.Graph.Read_GraphML), STEM.gexf (networkx.read_gexf), STEM.net
(networkx.read_pajek and igraph.Graph.Read_Pajek), STEM.json
(networkx.node_link_graph) and STEM.cyjs (networkx.cytoscape_graph), when
present, and prints one JSON object:

  {STEM: {READER: {"directed", "nodes", "edges", "weight", "attrs"}}}

where weight is the sum of the edge weights and attrs maps each node id
(the Pajek label for Pajek) to its attributes, for at most LIMIT nodes: the
first LIMIT ids in sorted order, plus any id named in the CITEGRAPH_IDS
environment variable (comma-separated). The Go test (readback_test.go)
checks the values.
"""

import json
import math
import os
import sys
import warnings

import networkx as nx

try:
    import igraph
except ImportError:  # the Go test decides whether igraph is required
    igraph = None

LIMIT = 50


def _patch_gexf13():
    """networkx before 3.0 knows GEXF 1.1draft and 1.2draft only; 1.3 differs
    from 1.2draft in its namespace for what citegraph writes."""
    from networkx.readwrite import gexf

    if "1.3" in gexf.GEXF.versions:
        return
    d = dict(gexf.GEXF.versions["1.2draft"])
    d.update(
        NS_GEXF="http://gexf.net/1.3",
        NS_VIZ="http://gexf.net/1.3/viz",
        SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        VERSION="1.3",
    )
    gexf.GEXF.versions["1.3"] = d


def clean(v):
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    if isinstance(v, dict):
        return {str(k): clean(x) for k, x in v.items()}
    return v


def pick(ids):
    wanted = [i for i in os.environ.get("CITEGRAPH_IDS", "").split(",") if i]
    chosen = sorted(ids)[:LIMIT]
    return chosen + [i for i in wanted if i in ids and i not in chosen]


def summary_nx(g):
    ids = {str(n): n for n in g.nodes}
    weight = sum(float(d.get("weight", 1)) for _, _, d in g.edges(data=True))
    attrs = {i: clean(dict(g.nodes[ids[i]])) for i in pick(list(ids))}
    return {
        "directed": g.is_directed(),
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "weight": weight,
        "attrs": attrs,
        "types": sorted({f"{k}:{type(v).__name__}" for d in attrs.values() for k, v in d.items()}),
    }


def summary_ig(g, key):
    ids = {str(v[key]): v.index for v in g.vs}
    weight = sum(g.es["weight"]) if "weight" in g.es.attributes() else float(g.ecount())
    attrs = {i: clean(g.vs[ids[i]].attributes()) for i in pick(list(ids))}
    return {
        "directed": g.is_directed(),
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "weight": weight,
        "attrs": attrs,
        "types": sorted({f"{k}:{type(v).__name__}" for d in attrs.values() for k, v in d.items()}),
    }


def main():
    warnings.simplefilter("ignore")
    _patch_gexf13()
    d, stems = sys.argv[1], sys.argv[2:]
    out = {"versions": {"networkx": nx.__version__, "igraph": igraph.__version__ if igraph else None}}
    for stem in stems:
        r = {}
        p = os.path.join(d, stem)
        if os.path.exists(p + ".graphml"):
            r["graphml_networkx"] = summary_nx(nx.read_graphml(p + ".graphml"))
            if igraph:
                r["graphml_igraph"] = summary_ig(igraph.Graph.Read_GraphML(p + ".graphml"), "id")
        if os.path.exists(p + ".gexf"):
            r["gexf_networkx"] = summary_nx(nx.read_gexf(p + ".gexf"))
        if os.path.exists(p + ".net"):
            r["pajek_networkx"] = summary_nx(nx.read_pajek(p + ".net"))
            if igraph:
                r["pajek_igraph"] = summary_ig(igraph.Graph.Read_Pajek(p + ".net"), "id")
        if os.path.exists(p + ".json"):
            with open(p + ".json", encoding="utf-8") as f:
                data = json.load(f)
            try:
                g = nx.node_link_graph(data, edges="links")
            except TypeError:  # networkx < 3.4 has no edges keyword
                g = nx.node_link_graph(data)
            r["json_networkx"] = summary_nx(g)
        if os.path.exists(p + ".cyjs"):
            with open(p + ".cyjs", encoding="utf-8") as f:
                r["cyjs_networkx"] = summary_nx(nx.cytoscape_graph(json.load(f)))
        out[stem] = r
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
