package analysis

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
)

// wosParquet analyses the WoS sample and writes its Parquet tables (as
// analyze --export parquet) into a new folder.
func wosParquet(t *testing.T) (*graph.Corpus, string) {
	t.Helper()
	rr, _, err := reader.NewReader("", bytes.NewReader(citegraph.WoSSample), "savedrecs.txt")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.Measures = Measures{}
	res, err := Run(recs, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	files, err := res.FormatFiles([]string{"parquet"})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := export.WriteDir(dir, files); err != nil {
		t.Fatal(err)
	}
	return res.Corpus, dir
}

// groupKeys are the keys of the groups BuildNetwork numbers at a level,
// found apart from the tables: the first author's or source's key of each
// work (co-citation), every author's or the source's of each record
// (coupling), numbered by first appearance.
func groupKeys(c *graph.Corpus, kind, level string) []string {
	var keys []string
	seen := map[string]bool{}
	for i := range c.Works {
		w := &c.Works[i]
		var ks []string
		switch {
		case kind == CouplingKind && !w.InCorpus:
		case level == SourceLevel:
			k, _ := graph.SourceKey(&w.Work)
			ks = append(ks, k)
		case kind == CoCitationKind:
			k, _ := graph.AuthorKey(w.FirstAuthor())
			ks = append(ks, k)
		default:
			for _, a := range w.Authors {
				k, _ := graph.AuthorKey(a)
				ks = append(ks, k)
			}
		}
		for _, k := range ks {
			if k != "" && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	return keys
}

// writeSQLTables writes a network as NetworkSQL's nodes and links tables,
// its members named by id.
func writeSQLTables(t *testing.T, dir string, r *NetworkResult, id func(member int32) string) (nodes, links string) {
	t.Helper()
	nt := &export.Table{Header: NodesHeaderSQL}
	for v, m := range r.Raw.Members {
		nt.Rows = append(nt.Rows, []string{id(m), export.Float(r.Raw.Occurrences[v])})
	}
	lt := &export.Table{Header: LinksHeaderSQL}
	norm := r.Net.Edges()
	for i, e := range r.Raw.Edges() {
		a, b := id(r.Raw.Members[e.A]), id(r.Raw.Members[e.B])
		if b < a {
			a, b = b, a
		}
		lt.Rows = append(lt.Rows, []string{a, b, export.Float(e.Weight), export.Float(norm[i].Weight)})
	}
	// An engine writes rows in any order.
	slices.Reverse(nt.Rows)
	slices.Reverse(lt.Rows)
	name := r.Name()
	for _, f := range []struct {
		stem string
		t    *export.Table
	}{{name + "_nodes", nt}, {name + "_links", lt}} {
		cols := make([]export.Column, len(f.t.Header))
		for i, h := range f.t.Header {
			cols[i] = export.Column{Name: h, Type: export.TypeDouble}
			if h == "id" || h == "a" || h == "b" {
				cols[i].Type = export.TypeString
			}
		}
		err := export.WriteFile(dir, f.stem+".parquet", func(w io.Writer) error {
			return export.WriteParquet(w, f.stem, f.t.Header, slices.Values(f.t.Rows), cols)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, name+"_nodes.parquet"), filepath.Join(dir, name+"_links.parquet")
}

// TestImportNetworkMatchesBuild: a network written as NetworkSQL's tables
// and imported against the Parquet tables of its corpus gives the nodes,
// links, distribution, clusters and DOT of the network BuildNetwork made,
// at every level; only the cluster labels differ (the tables keep titles,
// not abstracts and keywords), so they are left out.
func TestImportNetworkMatchesBuild(t *testing.T) {
	c, dir := wosParquet(t)
	for k := range sqlIncidences {
		kind, level := k[0], k[1]
		t.Run(kind+"_"+level, func(t *testing.T) {
			opts := DefaultNetworkOptions()
			opts.Kind, opts.Level, opts.MinOccurrences, opts.LabelTerms = kind, level, 3, 0
			if kind == CouplingKind {
				opts.Counting, opts.Normalize = graph.FractionalCounting, graph.Cosine
			}
			want, err := BuildNetwork(c, opts)
			if err != nil {
				t.Fatal(err)
			}
			id := func(m int32) string { return want.IDs[m] }
			if level != DocumentLevel {
				keys := groupKeys(c, kind, level)
				id = func(m int32) string { return keys[m] }
			}
			nodes, links := writeSQLTables(t, t.TempDir(), want, id)
			got, err := ImportNetwork(dir, nodes, links, opts)
			if err != nil {
				t.Fatal(err)
			}
			if got.Raw.Order() != want.Raw.Order() || got.Raw.Size() != want.Raw.Size() || want.Raw.Size() == 0 {
				t.Fatalf("%d nodes and %d links, citegraph %d and %d", got.Raw.Order(), got.Raw.Size(), want.Raw.Order(), want.Raw.Size())
			}
			for _, tab := range []struct {
				name      string
				got, want *export.Table
			}{
				{"nodes", got.NodesTable(), want.NodesTable()},
				{"links", got.LinksTable(), want.LinksTable()},
				{"distribution", got.DistributionTable(), want.DistributionTable()},
				{"clusters", got.ClustersTable(), want.ClustersTable()},
			} {
				if !slices.EqualFunc(tab.got.Rows, tab.want.Rows, slices.Equal) {
					t.Errorf("%s table differs: %v…, citegraph %v…", tab.name, tab.got.Rows[0], tab.want.Rows[0])
				}
			}
			var gd, wd bytes.Buffer
			if err := export.WriteDOT(&gd, got.DOT()); err != nil {
				t.Fatal(err)
			}
			if err := export.WriteDOT(&wd, want.DOT()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gd.Bytes(), wd.Bytes()) {
				t.Error("DOT differs")
			}
			for v := range got.Records {
				if !slices.Equal(got.Records[v], want.Records[v]) {
					t.Fatalf("node %d: records %v, citegraph %v", v, got.Records[v], want.Records[v])
				}
			}
		})
	}
}

// TestImportNetworkErrors: tables that do not fit each other are refused
// with the file and the id.
func TestImportNetworkErrors(t *testing.T) {
	c, dir := wosParquet(t)
	opts := DefaultNetworkOptions()
	opts.MinOccurrences, opts.LabelTerms = 5, 0
	r, err := BuildNetwork(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		id   func(m int32) string
		opts func(*NetworkOptions)
		want string
	}{
		{"unknown work", func(m int32) string { return "X" + strconv.Itoa(int(m)) }, nil, "is not in the tables"},
		{"co-authorship", func(m int32) string { return r.IDs[m] }, func(o *NetworkOptions) { o.Kind, o.Level = CoauthorshipKind, AuthorLevel }, "no SQL form"},
	} {
		nodes, links := writeSQLTables(t, t.TempDir(), r, tc.id)
		o := opts
		if tc.opts != nil {
			tc.opts(&o)
		}
		_, err := ImportNetwork(dir, nodes, links, o)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(tc.want)) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}
