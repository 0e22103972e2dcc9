package fetch

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Output file names.
const (
	WorksFile    = "works.jsonl"    // OpenAlex works, JSON Lines
	CrossrefFile = "crossref.jsonl" // Crossref works, JSON Lines
	ReportFile   = "fetch.csv"      // every seed and reference, and what it led to
)

// File is one output file.
type File struct {
	Name string
	Data []byte
}

// Files returns the corpus as files: works.jsonl and crossref.jsonl (each
// when it holds works) and fetch.csv.
func (res *Result) Files() ([]File, error) {
	var files []File
	if len(res.Works) > 0 {
		files = append(files, File{WorksFile, jsonLines(res.Works)})
	}
	if len(res.Crossref) > 0 {
		files = append(files, File{CrossrefFile, jsonLines(res.Crossref)})
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write([]string{"source", "query", "how", "work", "doi", "search_score", "match_score", "agreed", "reason"})
	for _, r := range res.Rows {
		w.Write([]string{r.Source, r.Query, r.How, r.Work, r.DOI, number(r.SearchScore, 4), number(r.MatchScore, 3), r.Agreed, r.Reason})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, err
	}
	return append(files, File{ReportFile, b.Bytes()}), nil
}

func jsonLines(lines [][]byte) []byte {
	var b bytes.Buffer
	for _, l := range lines {
		b.Write(l)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// number formats a score, empty for none.
func number(v float64, prec int) string {
	if v == 0 {
		return ""
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// WriteSummary says what the fetch added and left out, and what it cost.
func (res *Result) WriteSummary(w io.Writer, st Stats) {
	s := res.Summary
	if s.Seeds > 0 || s.References > 0 {
		fmt.Fprintf(w, "seeds: %d named, %d references looked up; %d found, %d not found (see %s)\n",
			s.Seeds, s.References, s.Found, s.Seeds+s.References-s.Found, ReportFile)
	}
	if s.Search > 0 {
		fmt.Fprintf(w, "search and filter: %d works\n", s.Search)
	}
	if s.Citing > 0 {
		fmt.Fprintf(w, "citing the seeds: %d works\n", s.Citing)
	}
	for d, n := range s.Layers {
		fmt.Fprintf(w, "cited at depth %d: %d works\n", d+1, n)
	}
	if s.Missing > 0 {
		fmt.Fprintf(w, "cited works OpenAlex did not return (merged or withdrawn): %d\n", s.Missing)
	}
	fmt.Fprintf(w, "corpus: %d works (%s)", len(res.Works), WorksFile)
	if len(res.Crossref) > 0 {
		fmt.Fprintf(w, " and %d from Crossref (%s)", len(res.Crossref), CrossrefFile)
	}
	fmt.Fprintln(w)
	if len(s.LeftOut) > 0 {
		fmt.Fprintf(w, "left out by --max-works: %s\n", strings.Join(s.LeftOut, "; "))
	}
	fmt.Fprintf(w, "requests: %s\n", st)
}

// String says what the requests were: "OpenAlex 12 (3 from the cache), Crossref 17; 4.1 s".
func (st Stats) String() string {
	var parts []string
	for _, s := range []struct {
		name string
		ServiceStats
	}{{"OpenAlex", st.OpenAlex}, {"Crossref", st.Crossref}} {
		p := fmt.Sprintf("%s %d", s.name, s.Requests)
		var notes []string
		if s.Cached > 0 {
			notes = append(notes, fmt.Sprintf("%d answered from the cache", s.Cached))
		}
		if s.Retries > 0 {
			notes = append(notes, fmt.Sprintf("%d retries", s.Retries))
		}
		if s.CostUSD > 0 {
			notes = append(notes, fmt.Sprintf("$%.4f", s.CostUSD))
		}
		if len(notes) > 0 {
			p += " (" + strings.Join(notes, ", ") + ")"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ", ") + fmt.Sprintf("; %.1f s", st.Elapsed.Seconds())
}
