package main

import (
	"fmt"
	"io"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/metrics"
)

const tosUsage = `Usage: citegraph tos [flags] [FILE|DIR ...]

Grows the Tree of Science of the corpus (Robledo, Osorio & López 2014;
the SAP algorithm of Valencia-Hernández, Robledo, Pinilla, Duque-Méndez &
Olmedo-Ortiz 2020, doi:10.15446/ing.investig.v40n1.77718), with the roles
and defaults of python-bibx (github.com/coreofscience/python-bibx, Sap),
on the citation graph of records and cited works (u → v: u cites v):

  1. clean: drop self-citations; keep the largest weakly connected
     component; drop the works cited once that cite nothing; drop the
     citations inside each strongly connected component (citation loops)
  2. roots: works citing nothing, the --roots most cited (score: citations)
  3. leaves: uncited works with at least --min-leaf-paths paths to the
     roots, published at most --max-leaf-age years before the newest such
     leaf, the --leaves with most paths (score: paths); if none is left,
     every uncited work is a candidate
  4. SAP(v) = leaf_paths(v) · root_sap(v) + root_paths(v) · leaf_sap(v),
     root_paths(v) counting the paths from v to the roots and root_sap(v)
     summing the roots' scores over them, leaf_paths(v) and leaf_sap(v)
     likewise for the paths from the leaves to v
  5. trunk: the --trunk works of largest SAP that are neither root nor leaf

Roots are the classics a field builds on, the trunk the works that gave it
its structure, leaves its current perspectives. Ties go to the work that
came first in the input. Writes

  tos.csv   id, label, year, title, source, doi, role (root, trunk, leaf),
            score (a root's citations in the cleaned graph, a trunk work's
            SAP, a leaf's paths to the roots), sap, root_connections,
            leaf_connections, citations (in the corpus); roots first
  tos.dot   the tree for Graphviz (dot -Tsvg): leaves above, trunk, roots
            below, and the citations among them

--thesaurus FILE merges or drops works (by label or id, VOSviewer's
thesaurus format, as in analyze) before the tree is grown.

Examples:
  citegraph tos savedrecs.txt
  citegraph tos --roots 10 --trunk 10 --leaves 30 scopus.csv
`

func runTreeOfScience(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("tos", tosUsage, stdout)
	in := addInputFlags(fs, "citegraph-out")
	opts := metrics.DefaultTreeOfScienceOptions()
	fs.IntVar(&opts.MaxRoots, "roots", opts.MaxRoots, "the most roots")
	fs.IntVar(&opts.MaxTrunk, "trunk", opts.MaxTrunk, "the most trunk works")
	fs.IntVar(&opts.MaxLeaves, "leaves", opts.MaxLeaves, "the most leaves")
	fs.IntVar(&opts.MinLeafConnections, "min-leaf-paths", opts.MinLeafConnections, "leaves need at least this many paths to the roots")
	fs.IntVar(&opts.MaxLeafAge, "max-leaf-age", opts.MaxLeafAge, "leaves are at most this many years older than the newest")
	in.addWorksThesaurus()
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if opts.MaxRoots < 1 || opts.MaxTrunk < 1 || opts.MaxLeaves < 1 || opts.MinLeafConnections < 0 || opts.MaxLeafAge < 0 {
		return usagef("--roots, --trunk and --leaves must be at least 1, --min-leaf-paths and --max-leaf-age not negative")
	}
	c, what, err := in.corpus(fs, stdin, stderr)
	if err != nil {
		return err
	}
	t := analysis.NewTreeOfScience(c, opts)
	kept := 0
	for _, k := range t.Kept {
		if k {
			kept++
		}
	}
	fmt.Fprintf(stdout, "citegraph tos: %s\nTree of Science on %d of %d works: %d roots, %d trunk, %d leaves\n",
		what, kept, len(c.Works), t.Count(analysis.RootRole), t.Count(analysis.TrunkRole), t.Count(analysis.LeafRole))
	in.reportMerged(stdout)
	if t.Count(analysis.RootRole) == 0 {
		fmt.Fprintln(stdout, "(no root: once the works cited only once are dropped, no work cites nothing and is cited; a single reference list has no tree)")
	} else if t.LeafFallback {
		fmt.Fprintln(stdout, "(no uncited work met the leaf filters, so every uncited work was a candidate leaf)")
	}
	return in.write(stdout, analysis.TableFile("tos.csv", t.Table()), analysis.DOTFile("tos.dot", t.DOT()))
}
