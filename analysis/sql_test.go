package analysis

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/graph"
)

var sqlUpdate = flag.Bool("update-sql", false, "rewrite testdata/sql/*.sql from NetworkSQL")

// sqlOptions are the options of a network's SQL with the default network
// options.
func sqlOptions(kind, level, dialect string, counting graph.Counting, norm graph.Normalization) SQLOptions {
	o := SQLOptions{NetworkOptions: DefaultNetworkOptions(), Dialect: dialect, Tables: "citegraph-out", Output: "networks"}
	o.Kind, o.Level, o.Counting, o.Normalize = kind, level, counting, norm
	return o
}

// TestNetworkSQLSplits checks the promise that lets spark-sql, PySpark and
// the scale tests split a script without parsing it: every statement ends
// a line with ";", no other line holds a ";", and no comment holds a quote
// (spark-sql's splitter once read quotes and ";" inside comments). It
// also checks that each dialect's script uses only its own forms.
func TestNetworkSQLSplits(t *testing.T) {
	for _, kind := range []string{CoCitationKind, CouplingKind} {
		for _, level := range NetworkLevels[kind] {
			for _, dialect := range SQLDialects {
				for _, counting := range []graph.Counting{graph.FullCounting, graph.FractionalCounting} {
					for _, norm := range []graph.Normalization{graph.NoNormalization, graph.AssociationStrength, graph.Cosine, graph.Jaccard, graph.Inclusion, graph.Equivalence} {
						var b strings.Builder
						o := sqlOptions(kind, level, dialect, counting, norm)
						o.MinOccurrences, o.MinStrength = 3, 0.5
						if err := NetworkSQL(&b, o); err != nil {
							t.Fatal(err)
						}
						script := b.String()
						name := kind + "_" + level + " " + dialect + " " + counting.String() + " " + norm.String()
						if !strings.HasSuffix(script, ";\n") {
							t.Errorf("%s: the script does not end a statement", name)
						}
						statements := 0
						for i, line := range strings.Split(script, "\n") {
							comment := strings.HasPrefix(strings.TrimSpace(line), "--")
							switch {
							case comment && strings.ContainsAny(line, ";'\"`"):
								t.Errorf("%s: line %d: a comment holds ; or a quote: %s", name, i+1, line)
							case !comment && strings.Contains(strings.TrimSuffix(line, ";"), ";"):
								t.Errorf("%s: line %d: ; inside a line: %s", name, i+1, line)
							case strings.HasSuffix(line, ";"):
								statements++
							}
						}
						if statements < 5 {
							t.Errorf("%s: %d statements", name, statements)
						}
						for _, form := range map[string][]string{
							DuckDB: {"CACHE TABLE", "TEMPORARY VIEW", "parquet.`", "INSERT OVERWRITE", "REPARTITION"},
							Spark:  {"read_parquet", "COPY", "TEMP TABLE", "TEMP VIEW", "SET "},
						}[dialect] {
							if strings.Contains(script, form) {
								t.Errorf("%s: %q is not %s", name, form, dialect)
							}
						}
						for _, want := range []string{"networks/" + kind + "_" + level + "_links", "networks/" + kind + "_" + level + "_nodes", "citegraph-out/citations.parquet", "HAVING count(*) >= 3", ">= CAST(0.5 AS DOUBLE)"} {
							if !strings.Contains(script, want) {
								t.Errorf("%s: no %q", name, want)
							}
						}
					}
				}
			}
		}
	}
}

// TestNetworkSQLGolden compares two scripts, one per dialect, with the
// files reviewed by eye in testdata/sql (go test -update-sql rewrites them).
func TestNetworkSQLGolden(t *testing.T) {
	for _, c := range []struct {
		file string
		o    SQLOptions
	}{
		{"cocitation_authors_fractional_association.duckdb.sql", sqlOptions(CoCitationKind, AuthorLevel, DuckDB, graph.FractionalCounting, graph.AssociationStrength)},
		{"coupling_documents_full_cosine.spark.sql", sqlOptions(CouplingKind, DocumentLevel, Spark, graph.FullCounting, graph.Cosine)},
	} {
		var b bytes.Buffer
		if err := NetworkSQL(&b, c.o); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "sql", c.file)
		if *sqlUpdate {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), want) {
			t.Errorf("%s: NetworkSQL wrote another script (go test -update-sql ./analysis, then read the diff):\n%s", path, b.String())
		}
	}
}

func TestNetworkSQLRefuses(t *testing.T) {
	ok := sqlOptions(CoCitationKind, DocumentLevel, DuckDB, graph.FullCounting, graph.AssociationStrength)
	for _, c := range []struct {
		name   string
		change func(*SQLOptions)
		noSQL  bool
	}{
		{"co-authorship", func(o *SQLOptions) { o.Kind, o.Level = CoauthorshipKind, AuthorLevel }, true},
		{"co-word", func(o *SQLOptions) { o.Kind, o.Level = CowordKind, KeywordLevel }, true},
		{"top", func(o *SQLOptions) { o.Top = 100 }, true},
		{"thesaurus", func(o *SQLOptions) { o.Thesaurus = &graph.Thesaurus{} }, true},
		{"dialect", func(o *SQLOptions) { o.Dialect = "sqlite" }, false},
		{"quote in a folder", func(o *SQLOptions) { o.Tables = "o'brien" }, false},
		{"semicolon in a folder", func(o *SQLOptions) { o.Output = "a;b" }, false},
		{"no folder", func(o *SQLOptions) { o.Output = "" }, false},
	} {
		o := ok
		c.change(&o)
		var b strings.Builder
		err := NetworkSQL(&b, o)
		if err == nil || errors.Is(err, ErrNoSQL) != c.noSQL {
			t.Errorf("%s: %v", c.name, err)
		}
		if b.Len() > 0 {
			t.Errorf("%s: wrote %d bytes before failing", c.name, b.Len())
		}
	}
}
