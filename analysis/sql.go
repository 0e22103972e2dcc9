package analysis

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/template"

	"github.com/citegraph/citegraph/graph"
)

// SQL dialects NetworkSQL writes.
const (
	DuckDB = "duckdb"
	Spark  = "spark"
)

// SQLDialects lists the dialects.
var SQLDialects = []string{DuckDB, Spark}

// SQLOptions choose the network NetworkSQL builds and where its tables are.
type SQLOptions struct {
	// Kind (co-citation or coupling), Level (documents, authors or
	// sources), Counting, Normalize, MinOccurrences and MinStrength mean
	// what they mean to BuildNetwork; the other network options have no
	// SQL form and must be left at their zero values.
	NetworkOptions
	Dialect string // DuckDB or Spark
	// Tables is the folder (or URI: hdfs://, s3a://, …) holding the Parquet
	// tables of analyze --export parquet; Output the one the engine writes
	// the network into.
	Tables, Output string
}

// ErrNoSQL is wrapped by NetworkSQL's error for a network it cannot write.
var ErrNoSQL = errors.New("no SQL form")

//go:embed sql.tmpl
var sqlText string

var sqlTemplate = template.Must(template.New("sql").Funcs(template.FuncMap{
	// Replaced by each dialect's functions in NetworkSQL.
	"read": func(string) string { return "" }, "table": func(string) string { return "" },
	"write": func(string) string { return "" }, "writeEnd": func(string) string { return "" },
}).Parse(sqlText))

// NetworkSQL writes the SQL script that builds a co-citation or coupling
// network of documents, authors or sources from the Parquet tables
// (citations.parquet, and authorships.parquet or work_sources.parquet for
// the author and source levels), for DuckDB or Spark SQL. The script
// writes NAME_nodes (id, occurrences) and NAME_links (a, b, weight,
// normalized; a < b), NAME being KIND_LEVEL: files for DuckDB, folders of
// Parquet files for Spark. The links and weights are BuildNetwork's, with
// the same counting, threshold and normalisation; fractional sums differ
// only in the order of addition.
//
// Each statement ends a line with ";" and comments hold neither ";" nor
// quotes, so the script splits into statements at ";\n".
func NetworkSQL(w io.Writer, o SQLOptions) error {
	d, err := newSQLData(o)
	if err != nil {
		return err
	}
	t, err := sqlTemplate.Clone()
	if err != nil {
		return err
	}
	t.Funcs(d.funcs())
	return t.Execute(w, d)
}

// sqlIncidence is how each network reads its incidence of items and
// members from the tables.
type sqlIncidence struct {
	item, member string // the citations.parquet columns of items and members
	group        string // the group table of the level, "" for documents
	key          string // its key column
	firstAuthor  bool   // only the first author of a work counts
	comment      string
}

var sqlIncidences = map[[2]string]sqlIncidence{
	{CoCitationKind, DocumentLevel}: {item: "citing", member: "cited", comment: `Co-citation of documents:
--    the items are the citing records, the members the works they cite.`},
	{CoCitationKind, AuthorLevel}: {item: "citing", member: "cited", group: "authorships", key: "author_key", firstAuthor: true,
		comment: `Co-citation of authors:
--    the items are the citing records, the members the first authors of the
--    works they cite, by author_key (folded family name and first initial).
--    DISTINCT: a record citing two works of an author counts the author once.
--    Works without an author count for no one.`},
	{CoCitationKind, SourceLevel}: {item: "citing", member: "cited", group: "work_sources", key: "source_key",
		comment: `Co-citation of sources:
--    the items are the citing records, the members the sources of the works
--    they cite, by source_key. DISTINCT: a record citing two papers of a
--    journal counts the journal once. Works without a source are nowhere.`},
	{CouplingKind, DocumentLevel}: {item: "cited", member: "citing", comment: `Bibliographic coupling of
--    documents: the items are the cited works, the members the records citing
--    them.`},
	{CouplingKind, AuthorLevel}: {item: "cited", member: "citing", group: "authorships", key: "author_key",
		comment: `Bibliographic coupling of
--    authors: the items are the cited works, the members every author of the
--    records citing them (every citing work is a record of the corpus), by
--    author_key. DISTINCT: an author citing a work in two records cites it once.`},
	{CouplingKind, SourceLevel}: {item: "cited", member: "citing", group: "work_sources", key: "source_key",
		comment: `Bibliographic coupling of
--    sources: the items are the cited works, the members the sources of the
--    records citing them, by source_key. DISTINCT: a journal citing a work in
--    two papers cites it once.`},
}

// sqlNormalizations give each normalisation's comment and the numerator
// and denominator of its index, in the order of operations of
// graph.Network.Normalize (so that integer weights give the same bits).
var sqlNormalizations = map[graph.Normalization]struct{ text, num, den string }{
	graph.NoNormalization: {text: "none, normalized is the weight.", num: "l.weight"},
	graph.AssociationStrength: {text: `association strength
--    a_ij 2m / (s_i s_j), 2m the sum of all s_i (van Eck and Waltman 2009,
--    doi:10.1002/asi.21075).`, num: "l.weight * m.m2", den: "sa.s * sb.s"},
	graph.Cosine:      {text: "Salton cosine c_ij / sqrt(c_i c_j).", num: "l.weight", den: "sqrt(na.occurrences * nb.occurrences)"},
	graph.Jaccard:     {text: "Jaccard c_ij / (c_i + c_j - c_ij).", num: "l.weight", den: "na.occurrences + nb.occurrences - l.weight"},
	graph.Inclusion:   {text: "inclusion c_ij / min(c_i, c_j).", num: "l.weight", den: "least(na.occurrences, nb.occurrences)"},
	graph.Equivalence: {text: "equivalence c_ij^2 / (c_i c_j).", num: "l.weight * l.weight", den: "na.occurrences * nb.occurrences"},
}

// sqlData is what sql.tmpl is executed with.
type sqlData struct {
	Name, Dialect, Flags, IO, Command, Level string
	Title                                    string
	About                                    []string
	Tables, Output, Ext                      string
	Spark, Fractional, FirstAuthor           bool
	Group, IncidenceText, CreateIncidence    string
	Incidence                                string   // the name of the incidence table
	Created                                  []string // the tables and views the script makes
	ItemColumn, MemberColumn, MemberExpr     string
	Min                                      int
	MinStrength                              string
	Normalize, NormalizeText, NormalizedExpr string
	NodesPath, LinksPath                     string
}

func newSQLData(o SQLOptions) (*sqlData, error) {
	inc, ok := sqlIncidences[[2]string{o.Kind, o.Level}]
	if !ok {
		return nil, fmt.Errorf("%w for the %s network of %s: citegraph sql writes co-citation and coupling networks of documents, authors and sources", ErrNoSQL, o.Kind, o.Level)
	}
	if o.Top != 0 || o.Thesaurus != nil {
		return nil, fmt.Errorf("%w for --top or a thesaurus: apply them when importing the links", ErrNoSQL)
	}
	if !slices.Contains(SQLDialects, o.Dialect) {
		return nil, fmt.Errorf("unknown SQL dialect %q (%s)", o.Dialect, strings.Join(SQLDialects, " or "))
	}
	for _, p := range []string{o.Tables, o.Output} {
		if p == "" || strings.ContainsAny(p, ";'\"`\\\n\r") {
			return nil, fmt.Errorf("folder %q: it must be given and hold none of ; ' \" ` \\ or a line break (they would need quoting in SQL)", p)
		}
	}
	norm, ok := sqlNormalizations[o.Normalize]
	if !ok {
		return nil, fmt.Errorf("%w for normalisation %v", ErrNoSQL, o.Normalize)
	}
	name := o.Kind + "_" + o.Level
	d := &sqlData{
		Name: name, Dialect: o.Dialect, Command: map[string]string{CoCitationKind: "cocite", CouplingKind: "couple"}[o.Kind], Level: o.Level,
		Tables: strings.TrimSuffix(o.Tables, "/"), Output: strings.TrimSuffix(o.Output, "/"), Ext: ".parquet",
		Spark: o.Dialect == Spark, Fractional: o.Counting == graph.FractionalCounting,
		Group: inc.group, FirstAuthor: inc.firstAuthor, IncidenceText: inc.comment,
		ItemColumn: inc.item, MemberColumn: inc.member, MemberExpr: "c." + inc.member,
		Min: max(1, o.MinOccurrences), Normalize: o.Normalize.String(), NormalizeText: norm.text,
	}
	d.Flags = fmt.Sprintf(" --counting %s --normalize %s --min-citations %d", o.Counting, o.Normalize, d.Min)
	if o.MinStrength > 0 {
		d.MinStrength = "CAST(" + strconv.FormatFloat(o.MinStrength, 'g', -1, 64) + " AS DOUBLE)"
		d.Flags += " --min-strength " + strconv.FormatFloat(o.MinStrength, 'g', -1, 64)
	}
	d.IO = " --tables " + d.Tables
	if d.Output != d.Tables {
		d.IO += " --output " + d.Output
	}
	if d.Spark {
		d.Ext = "/"
	}
	d.NodesPath = d.Output + "/" + name + "_nodes"
	d.LinksPath = d.Output + "/" + name + "_links"
	if !d.Spark {
		d.NodesPath += ".parquet"
		d.LinksPath += ".parquet"
	}
	if inc.group != "" {
		d.MemberExpr = "g." + inc.key
	}
	d.NormalizedExpr = norm.num
	if norm.den != "" {
		d.NormalizedExpr = fmt.Sprintf("CASE WHEN %s = 0 THEN 0 ELSE %s / (%s) END", norm.den, norm.num, norm.den)
	}
	// The incidence of documents is the citations table as it is, a view;
	// that of a level is a DISTINCT join, read three times, so it is kept,
	// under another name (DuckDB does not replace a view by a table).
	d.Incidence, d.CreateIncidence = "incidence", d.view()+" incidence"
	if inc.group != "" {
		d.Incidence = "group_incidence"
		d.CreateIncidence = d.table(d.Incidence)
	}
	d.Created = []string{d.Incidence, "nodes", "kept", "links"}
	if d.Fractional {
		d.Created = append(d.Created, "items")
	}
	if o.Normalize == graph.AssociationStrength {
		d.Created = append(d.Created, "strength")
	}
	d.describe(o)
	return d, nil
}

// describe writes the title and the lines about counting and nodes.
func (d *sqlData) describe(o SQLOptions) {
	what := map[string]string{DocumentLevel: "works", AuthorLevel: "first authors", SourceLevel: "sources"}[o.Level]
	if o.Kind == CoCitationKind {
		d.Title = fmt.Sprintf("The co-citation network of %s (Small 1973, doi:10.1002/asi.4630240406):", o.Level)
		d.About = []string{fmt.Sprintf("%s are linked once for every record citing both, and are nodes when", capitalize(what)),
			fmt.Sprintf("cited by at least %d records.", d.Min)}
	} else {
		if o.Level == AuthorLevel {
			what = "authors"
		}
		d.Title = fmt.Sprintf("The bibliographic coupling network of %s (Kessler 1963, doi:10.1002/asi.5090140103):", o.Level)
		d.About = []string{fmt.Sprintf("%s are linked once for every work both cite, and are nodes when they", capitalize(what)),
			fmt.Sprintf("cite at least %d works.", d.Min)}
	}
	if d.Fractional {
		d.About = append(d.About, "Fractional counting.")
	} else {
		d.About = append(d.About, "Full counting.")
	}
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// Step numbers the steps after the link table: 1 strength (association
// only), 2 the nodes written, 3 the links written.
func (d *sqlData) Step(k int) int {
	last := 4
	if d.Fractional {
		last = 5
	}
	if d.Normalize != graph.AssociationStrength.String() && k > 1 {
		k--
	}
	return last + k
}

// view starts a statement that names a query without running it.
func (d *sqlData) view() string {
	if d.Spark {
		return "CREATE OR REPLACE TEMPORARY VIEW"
	}
	return "CREATE OR REPLACE TEMP VIEW"
}

// table starts a statement that runs a query and keeps its rows: a
// temporary table in DuckDB (spilled to temp_directory when it outgrows
// memory_limit), a cached table in Spark. Spark keeps the pre-filtered
// incidence a view, so that the two sides of the self-join share one
// exchange, and the links on disk only.
func (d *sqlData) table(name string) string {
	if !d.Spark {
		return "CREATE OR REPLACE TEMP TABLE " + name
	}
	switch name {
	case "kept":
		return d.view() + " " + name
	case "links":
		return "CACHE TABLE " + name + " OPTIONS ('storageLevel' 'DISK_ONLY')"
	}
	return "CACHE TABLE " + name
}

func (d *sqlData) funcs() template.FuncMap {
	return template.FuncMap{
		"read": func(table string) string {
			p := d.Tables + "/" + table + ".parquet"
			if d.Spark {
				return "parquet.`" + p + "`"
			}
			return "read_parquet('" + p + "')"
		},
		"table": d.table,
		"write": func(path string) string {
			if d.Spark {
				return "INSERT OVERWRITE DIRECTORY '" + path + "' USING parquet"
			}
			return "COPY ("
		},
		"writeEnd": func(path string) string {
			if d.Spark {
				return ""
			}
			return "\n) TO '" + path + "' (FORMAT parquet)"
		},
	}
}
