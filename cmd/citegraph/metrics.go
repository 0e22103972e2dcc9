package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

const metricsUsage = `Usage: citegraph metrics [flags] [FILE|DIR ...]

Computes the centrality of every work of a citation graph and writes the
works.csv table (to stdout, or to -o FILE): citations received (in-degree),
references made (out-degree), PageRank (damping 0.85, dangling mass spread
uniformly, summing to 1), HITS hub and authority (each summing to 1), and
betweenness (raw Brandes counts on the directed graph). Columns of measures
not chosen with --measures are left empty.

Edge lists (--format edgelist, or detected) take a fast path built for
graphs of millions of works: ids are read straight into the graph without
resolving references, and only the id and measure columns are filled.
Exact betweenness costs a breadth-first search from every work: on large
graphs leave it out with --measures citations,pagerank,hits.

Examples:
  citegraph metrics savedrecs.txt > works.csv
  citegraph metrics --format edgelist --measures pagerank,hits edges.txt -o works.csv
`

func runMetrics(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("metrics", metricsUsage, stdout)
	out := fs.StringP("output", "o", "", "output `file` (default: stdout)")
	read := readFlags(fs)
	measures := fs.String("measures", "citations,pagerank,hits,betweenness", "comma-separated `list` of citations, pagerank, hits, betweenness")
	csvSafe := csvSafeFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usagef("metrics needs an input FILE or DIR (or - for standard input)")
	}
	ms, err := parseMeasures(*measures)
	if err != nil {
		return err
	}
	ro, err := read()
	if err != nil {
		return err
	}
	files, err := expand(fs.Args())
	if err != nil {
		return err
	}
	// Standard input can be read once only: buffer it so that detection
	// can look at its head and either path read it whole.
	stdinBuf := bufio.NewReaderSize(stdin, edgeListHead)
	edges, err := allEdgeLists(files, stdinBuf, ro)
	if err != nil {
		return err
	}
	var write func(io.Writer) error
	if edges {
		write, err = metricsEdgeList(files, stdinBuf, ro, ms, stderr)
	} else {
		write, err = metricsRecords(fs.Args(), stdinBuf, ro, ms)
	}
	if err != nil {
		return err
	}
	if *csvSafe {
		write = export.FormulaSafe(write)
	}
	if *out == "" {
		return write(stdout)
	}
	dir, name := filepath.Split(*out)
	if dir == "" {
		dir = "."
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return export.WriteFile(dir, name, write)
}

// parseMeasures reads --measures: a comma-separated list of citations
// (and references: the degrees, always there), pagerank, hits and
// betweenness.
func parseMeasures(list string) (analysis.Measures, error) {
	var ms analysis.Measures
	for _, m := range strings.Split(list, ",") {
		switch strings.TrimSpace(m) {
		case "citations", "references", "":
		case "pagerank":
			ms.PageRank = true
		case "hits":
			ms.HITS = true
		case "betweenness":
			ms.Betweenness = true
		default:
			return ms, usagef("unknown measure %q (measures: citations, pagerank, hits, betweenness)", m)
		}
	}
	return ms, nil
}

// metricsRecords is the general path: records, resolution, analysis.Run.
// It returns the writer of works.csv.
func metricsRecords(paths []string, stdin io.Reader, ro readOptions, ms analysis.Measures) (func(io.Writer) error, error) {
	opts := analysis.DefaultOptions()
	opts.CoCitation = false
	opts.Measures = ms
	in, err := readInputs(paths, stdin, ro)
	if err != nil {
		return nil, err
	}
	res, err := analysis.Run(in.records, in.diagnostics, opts)
	if err != nil {
		return nil, err
	}
	table := res.WorksTable()
	return func(w io.Writer) error { return export.WriteCSV(w, table) }, nil
}

// edgeListHead is how much of an input is looked at to detect an edge list
// and its encoding (bib.Decode's detection window).
const edgeListHead = 64 << 10

// allEdgeLists reports whether every input is an edge list: forced with
// --format edgelist, or detected from its first bytes when no format is
// given.
func allEdgeLists(files []string, stdin *bufio.Reader, ro readOptions) (bool, error) {
	switch ro.format {
	case reader.FormatEdgeList:
		return true, nil
	case "":
	default:
		return false, nil
	}
	head := make([]byte, 8<<10)
	for _, f := range files {
		var h []byte
		if f == "-" {
			h, _ = stdin.Peek(len(head))
		} else {
			fh, err := os.Open(f)
			if err != nil {
				return false, err
			}
			n, err := io.ReadFull(fh, head)
			fh.Close()
			if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
				return false, fmt.Errorf("%s: %w", f, err)
			}
			h = head[:n]
		}
		if reader.Detect(h) != reader.FormatEdgeList {
			return false, nil
		}
	}
	return true, nil
}

// metricsEdgeList is the fast path for edge lists: graph.EdgeListLoader
// reads every input into one CSR graph and the measures run on it. It
// returns the writer of works.csv, which formats the rows as it goes.
func metricsEdgeList(files []string, stdin *bufio.Reader, ro readOptions, ms analysis.Measures, stderr io.Writer) (func(io.Writer) error, error) {
	var l graph.EdgeListLoader
	problems, first := 0, ""
	if !ro.strict {
		l.OnError = func(pe *bib.ParseError) {
			if problems == 0 {
				first = pe.Error()
			}
			problems++
		}
	}
	for _, f := range files {
		if err := loadEdgeFile(&l, f, stdin, ro.encoding); err != nil {
			return nil, err
		}
	}
	ids, g := l.Graph()
	if problems > 0 {
		fmt.Fprintf(stderr, "citegraph: %d problems in the input were skipped or repaired (the first: %s)\n", problems, first)
	}
	if g.Size() == 0 {
		return nil, fmt.Errorf("%s: the input holds no citations", strings.Join(files, ", "))
	}
	var pr, hub, auth, btw []float64
	var err error
	if ms.PageRank {
		if pr, err = metrics.PageRank(g); err != nil {
			return nil, fmt.Errorf("pagerank: %w", err)
		}
	}
	if ms.HITS {
		if hub, auth, err = metrics.HITS(g); err != nil {
			return nil, fmt.Errorf("hits: %w", err)
		}
	}
	if ms.Betweenness {
		if g.Order() > 100_000 {
			fmt.Fprintf(stderr, "citegraph: exact betweenness of %d works needs a breadth-first search from each: this may take hours (--measures citations,pagerank,hits leaves it out)\n", g.Order())
		}
		btw = metrics.Betweenness(g)
	}
	return func(w io.Writer) error { return writeWorksRows(w, ids, g, pr, hub, auth, btw) }, nil
}

// loadEdgeFile reads one input ("-" for standard input) into l. UTF-8 input
// (the usual case, told from its first 64 KiB unless --encoding names
// another) is read as it is; anything else is converted first.
func loadEdgeFile(l *graph.EdgeListLoader, file string, stdin *bufio.Reader, enc string) error {
	var br *bufio.Reader
	name := "<stdin>"
	if file == "-" {
		br = stdin
	} else {
		fh, err := os.Open(file)
		if err != nil {
			return err
		}
		defer fh.Close()
		br, name = bufio.NewReaderSize(fh, edgeListHead), file
	}
	var r io.Reader = br
	switch strings.ToLower(enc) {
	case "utf-8", "utf8":
	case "":
		if head, _ := br.Peek(edgeListHead); utf8Text(head) {
			break
		}
		fallthrough
	default:
		d, err := reader.Decode(br, enc)
		if err != nil {
			return usagef("%s: %v", name, err)
		}
		r = d
	}
	return l.Read(r, name)
}

// utf8Text reports whether head, the start of an input, reads as UTF-8
// without a UTF-16 byte-order mark (a multi-byte sequence may be cut at the
// end).
func utf8Text(head []byte) bool {
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	for range utf8.UTFMax {
		if utf8.Valid(head) {
			return true
		}
		if len(head) == 0 {
			break
		}
		head = head[:len(head)-1]
	}
	return false
}

// writeWorksRows writes works.csv (analysis.WorksHeader) with the id,
// degree and measure columns filled, one row per node in id order. Rows are
// formatted straight into the buffer as encoding/csv (which WriteCSV uses)
// would write them; a nil measure leaves its column empty.
func writeWorksRows(w io.Writer, ids []string, g *graph.Directed, pr, hub, auth, btw []float64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	col := map[string]int{}
	for i, h := range analysis.WorksHeader {
		col[h] = i
	}
	type cell func(b []byte, v int) []byte
	float := func(xs []float64) cell {
		if xs == nil {
			return nil
		}
		return func(b []byte, v int) []byte { return strconv.AppendFloat(b, xs[v], 'g', -1, 64) }
	}
	cells := make([]cell, len(analysis.WorksHeader))
	set := func(name string, c cell) {
		if i, ok := col[name]; ok {
			cells[i] = c
		}
	}
	set("id", func(b []byte, v int) []byte { return appendCSVField(b, ids[v]) })
	set("citations", func(b []byte, v int) []byte { return strconv.AppendInt(b, int64(g.InDegree(v)), 10) })
	set("references", func(b []byte, v int) []byte { return strconv.AppendInt(b, int64(g.OutDegree(v)), 10) })
	set("pagerank", float(pr))
	set("hub", float(hub))
	set("authority", float(auth))
	set("betweenness", float(btw))

	var b []byte
	for i, h := range analysis.WorksHeader {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCSVField(b, h)
	}
	b = append(b, '\n')
	for v := range ids {
		if _, err := bw.Write(b); err != nil {
			return err
		}
		b = b[:0]
		for i, c := range cells {
			if i > 0 {
				b = append(b, ',')
			}
			if c != nil {
				b = c(b, v)
			}
		}
		b = append(b, '\n')
	}
	if _, err := bw.Write(b); err != nil {
		return err
	}
	return bw.Flush()
}

// appendCSVField appends s as encoding/csv writes a field: quoted (quotes
// doubled) when it holds a comma, quote or line end, is `\.`, or starts
// with a space.
func appendCSVField(b []byte, s string) []byte {
	quote := s == `\.` || strings.ContainsAny(s, ",\"\r\n")
	if !quote && s != "" {
		r, _ := utf8.DecodeRuneInString(s)
		quote = unicode.IsSpace(r)
	}
	if !quote {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}
