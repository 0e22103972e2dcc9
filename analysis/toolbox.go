package analysis

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// TableFile is an output file holding a CSV table.
func TableFile(name string, t *export.Table) export.File {
	return export.File{Name: name, Write: func(w io.Writer) error { return export.WriteCSV(w, t) }}
}

// DOTFile is an output file holding a DOT graph.
func DOTFile(name string, d *export.DOTGraph) export.File {
	return export.File{Name: name, Write: func(w io.Writer) error { return export.WriteDOT(w, d) }}
}

// Files are a built network's output files: KIND_LEVEL_nodes.csv,
// _links.csv, _clusters.csv, _distribution.csv and KIND_LEVEL.dot.
func (r *NetworkResult) Files() []export.File {
	base := r.Name()
	return []export.File{
		TableFile(base+"_nodes.csv", r.NodesTable()),
		TableFile(base+"_links.csv", r.LinksTable()),
		TableFile(base+"_clusters.csv", r.ClustersTable()),
		TableFile(base+"_distribution.csv", r.DistributionTable()),
		DOTFile(base+".dot", r.DOT()),
	}
}

// NetworkNames lists every network by its file stem, KIND_LEVEL.
func NetworkNames() []string {
	var names []string
	for _, kind := range []string{CoCitationKind, CouplingKind, CoauthorshipKind, CowordKind} {
		for _, level := range NetworkLevels[kind] {
			names = append(names, kind+"_"+level)
		}
	}
	return names
}

// NetworkFiles builds the named networks (KIND_LEVEL, see NetworkNames)
// with the default network options, the given seed, minimum occurrences,
// DOT size and thesaurus (nil for none), and returns their files.
func NetworkFiles(c *graph.Corpus, names []string, seed uint64, minOccurrences, dotMaxEdges int, thesaurus *graph.Thesaurus) ([]export.File, error) {
	var files []export.File
	for _, name := range names {
		kind, level, _ := strings.Cut(name, "_")
		if !slices.Contains(NetworkLevels[kind], level) {
			return nil, fmt.Errorf("unknown network %q (networks: %s)", name, strings.Join(NetworkNames(), ", "))
		}
		opts := DefaultNetworkOptions()
		opts.Kind, opts.Level = kind, level
		opts.MinOccurrences = minOccurrences
		opts.Leiden.Seed = seed
		opts.DOTMaxEdges = dotMaxEdges
		opts.Thesaurus = thesaurus
		r, err := BuildNetwork(c, opts)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		files = append(files, r.Files()...)
	}
	return files, nil
}

// IndicatorNames lists the indicators IndicatorFiles computes.
var IndicatorNames = []string{"historiograph", "mainpath", "bursts", "rpys"}

// historiographDrawn is how many records the historiograph's DOT draws by default.
const historiographDrawn = 30

// IndicatorFiles computes the named indicators with their defaults (those of
// the historiograph, mainpath, bursts and rpys commands) and returns their files.
func IndicatorFiles(c *graph.Corpus, names []string) ([]export.File, error) {
	var files []export.File
	for _, name := range names {
		switch name {
		case "historiograph":
			full := graph.NewHistoriograph(c)
			files = append(files,
				TableFile("historiograph.csv", HistoriographTable(c, full.Top(c, 0, 0))),
				DOTFile("historiograph.dot", HistoriographDOT(c, full.Top(c, historiographDrawn, 0))))
		case "mainpath":
			m := MainPath(c, false, 10)
			files = append(files, TableFile("mainpath.csv", m.Table()), DOTFile("mainpath.dot", m.DOT()))
		case "bursts":
			rows, err := CitationBursts(c, 2, metrics.DefaultBurstOptions())
			if err != nil {
				return nil, fmt.Errorf("bursts: %w", err)
			}
			files = append(files, TableFile("bursts.csv", BurstsTable(c, rows, false)))
		case "rpys":
			files = append(files, TableFile("rpys.csv", RPYSTable(c, 0, 0)))
		default:
			return nil, fmt.Errorf("unknown indicator %q (indicators: %s)", name, strings.Join(IndicatorNames, ", "))
		}
	}
	return files, nil
}
