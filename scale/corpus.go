package scale

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// CorpusTables reads a generated corpus, the edge list of bench/gen
// -corpus (records "R…" citing works "W…"), writes its Parquet tables
// into dir as citegraph analyze --export parquet names them
// (citations.parquet, authorships.parquet, work_sources.parquet), and
// returns it as citegraph's corpus. Without groups it writes
// citations.parquet alone, all that the networks of documents read, and
// gives the works no authors or sources.
//
// The records and the works they cite get authors and sources drawn from
// fixed pools by their number, so that the author and source levels have
// groups: a cited work one author of 30,000 and one source of 3,000; a
// record one to three authors of 20,000 and one source of 500. These are
// made-up names for a made-up corpus, to exercise the SQL at scale.
func CorpusTables(edges io.Reader, dir string, groups bool) (*graph.Corpus, error) {
	ids, g, err := graph.LoadEdgeList(edges)
	if err != nil {
		return nil, err
	}
	works := make([]resolve.Work, len(ids))
	for i, id := range ids {
		n, _ := strconv.Atoi(id[1:])
		w := &works[i]
		w.ID = id
		if w.InCorpus = id[0] == 'R'; w.InCorpus {
			w.Record = &bib.Record{ID: id}
		}
		switch {
		case !groups:
		case w.InCorpus:
			for k := range 1 + n%3 {
				w.Authors = append(w.Authors, madeUpAuthor(n*7+k*104729, 20000))
			}
			w.ContainerShort = madeUpName("J ", n*31, 500)
		default:
			w.Authors = []bib.Name{madeUpAuthor(n, 30000)}
			w.ContainerShort = madeUpName("J ", n/7, 3000)
		}
	}
	c := &graph.Corpus{Corpus: resolve.Corpus{Works: works}, Citations: g}
	res := &analysis.Result{Corpus: c}
	for _, tab := range []struct {
		name  string
		table func() *export.Table
	}{
		{"citations", res.CitationsTable},
		{"authorships", func() *export.Table { return analysis.AuthorshipsTable(c) }},
		{"work_sources", func() *export.Table { return analysis.WorkSourcesTable(c) }},
	} {
		if !groups && tab.name != "citations" {
			continue
		}
		err := export.WriteFile(dir, tab.name+".parquet", func(w io.Writer) error {
			t := tab.table()
			return export.WriteParquet(w, tab.name, t.Header, slices.Values(t.Rows), analysis.Columns(t.Header))
		})
		if err != nil {
			return nil, err
		}
	}
	return c, nil
}

// madeUpAuthor is author number n mod pool, named by letters (names of
// digits fold to nothing).
func madeUpAuthor(n, pool int) bib.Name {
	return bib.Name{Family: madeUpName("", n, pool), Given: "A"}
}

// madeUpName is prefix and number n mod pool written in letters.
func madeUpName(prefix string, n, pool int) string {
	n %= pool
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('Q')
	for {
		b.WriteByte(byte('a' + n%26))
		if n /= 26; n == 0 {
			return b.String()
		}
	}
}
