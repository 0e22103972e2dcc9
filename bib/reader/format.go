package reader

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// RecordReader reads the records of one input, one at a time. Read returns
// io.EOF after the last record. A *ParseError means one record could not be
// read and was skipped: the caller may report it and call Read again. Any
// other error ends the input.
type RecordReader interface {
	Read() (*bib.Record, error)
}

// Format names an input format.
type Format string

// The input formats.
const (
	FormatRefList  Format = "reflist"  // a reference list copied from a paper
	FormatLines    Format = "lines"    // exactly one reference per line
	FormatWoS      Format = "wos"      // Web of Science plain text (field-tagged)
	FormatEdgeList Format = "edgelist" // "citing cited" id pairs
	FormatWoSTab   Format = "wostab"   // Web of Science tab-delimited
	FormatScopus   Format = "scopus"   // Scopus CSV
	FormatLens     Format = "lens"     // Lens.org scholarly CSV
	FormatRIS      Format = "ris"      // RIS (Scopus and generic)
	FormatBibTeX   Format = "bibtex"   // BibTeX (Web of Science, Scopus and generic)
	FormatPubMed   Format = "pubmed"   // PubMed/MEDLINE text
	FormatCrossref Format = "crossref" // Crossref REST API JSON
	FormatOpenAlex Format = "openalex" // OpenAlex API JSON or JSON Lines
	FormatCSLJSON  Format = "csljson"  // CSL-JSON
)

// format describes one reader: how to recognise its input and how to open
// it; parse reads the free-text references the input carries.
type format struct {
	name   Format
	detect func(head []byte) bool // nil: never chosen by detection
	open   func(r io.Reader, file string, parse bib.ReferenceParser) RecordReader
}

// structured opens a format whose references are structured (or absent):
// it has no use for a reference parser.
func structured(open func(r io.Reader, file string) RecordReader) func(io.Reader, string, bib.ReferenceParser) RecordReader {
	return func(r io.Reader, file string, _ bib.ReferenceParser) RecordReader { return open(r, file) }
}

// formats is ordered by detection priority: the most specific signature
// first, the catch-all reference list last.
var formats = []format{
	{FormatOpenAlex, detectOpenAlex, structured(newOpenAlexReader)},
	{FormatCrossref, detectCrossref, newCrossrefReader},
	{FormatCSLJSON, detectCSLJSON, newCSLJSONReader},
	{FormatWoSTab, detectWoSTab, structured(newWoSTabReader)},
	{FormatLens, detectLens, structured(newLensReader)},
	{FormatScopus, detectScopus, newScopusReader},
	{FormatRIS, detectRIS, newRISReader},
	{FormatPubMed, detectPubMed, structured(newPubMedReader)},
	{FormatWoS, detectWoS, structured(newWoSReader)},
	{FormatBibTeX, detectBibTeX, newBibTeXReader},
	{FormatEdgeList, detectEdgeList, structured(newEdgeListReader)},
	{FormatRefList, func([]byte) bool { return true }, newRefListReader},
	{FormatLines, nil, newLinesReader},
}

// Formats lists the known format names.
func Formats() []Format {
	names := make([]Format, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	slices.Sort(names)
	return names
}

// headSize is how much of an input Detect looks at.
const headSize = 8 << 10

// Detect names the format of an input from its first bytes.
func Detect(head []byte) Format {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	for _, f := range formats {
		if f.detect != nil && f.detect(head) {
			return f.name
		}
	}
	return FormatRefList
}

// A ReaderOption changes how NewReader reads.
type ReaderOption func(*readerConfig)

type readerConfig struct {
	parse bib.ReferenceParser
}

// WithReferenceParser makes the readers parse free-text references
// (reference lists, Scopus and RIS references, Crossref "unstructured",
// BibTeX cited-references fields) with p instead of ParseReference (p nil
// keeps ParseReference).
func WithReferenceParser(p bib.ReferenceParser) ReaderOption {
	return func(c *readerConfig) {
		if p != nil {
			c.parse = p
		}
	}
}

// NewReader opens r (named file in messages) in format f; an empty f is
// detected from the content, and an input that is no known format and does
// not look like a reference list is an error wrapping ErrNotReferences.
func NewReader(f Format, r io.Reader, file string, opts ...ReaderOption) (RecordReader, Format, error) {
	cfg := readerConfig{parse: refparse.ParseReference}
	for _, o := range opts {
		o(&cfg)
	}
	if f == "" {
		br := bufio.NewReaderSize(r, headSize)
		head, _ := br.Peek(headSize)
		f, r = Detect(head), br
		if c := Container(head); c != "" {
			return nil, "", ContainerError(file, c)
		}
		if f == FormatRefList {
			if ok, looks := looksLikeReferences(head); !ok {
				return nil, "", NotReferences(file, looks)
			}
		}
	}
	for _, fm := range formats {
		if fm.name == f {
			return fm.open(r, file, cfg.parse), f, nil
		}
	}
	return nil, "", fmt.Errorf("%s: %w %q (known: %s)", file, bib.ErrUnknownFormat, f, formatList())
}

func formatList() string {
	var s []string
	for _, f := range Formats() {
		s = append(s, string(f))
	}
	return strings.Join(s, ", ")
}

// ReadAll reads every record of rr. In lenient mode a *ParseError is handed
// to skip and reading goes on; otherwise it is returned. The references of
// a reader that can leave them unparsed (laterParser) are parsed on the
// other cores while reading goes on.
func ReadAll(rr RecordReader, skip func(*bib.ParseError)) ([]*bib.Record, error) {
	var parsed chan<- *bib.Record
	if lp, ok := rr.(laterParser); ok {
		records := make(chan *bib.Record, 64)
		var wg sync.WaitGroup
		makeReferences := lp.referencesLater()
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for rec := range records {
					makeReferences(rec)
				}
			})
		}
		defer wg.Wait()
		defer close(records)
		parsed = records
	}
	var recs []*bib.Record
	for {
		rec, err := rr.Read()
		if err == io.EOF {
			return recs, nil
		}
		if err != nil {
			var pe *bib.ParseError
			if skip != nil && errors.As(err, &pe) {
				skip(pe)
				continue
			}
			return recs, err
		}
		recs = append(recs, rec)
		if parsed != nil {
			parsed <- rec
		}
	}
}

// laterParser is a RecordReader that can leave its records' references
// to be made, and their raw text parsed, by the function it returns, so
// that ReadAll makes them on every core: the Web of Science reader, whose
// CR strings take as long to parse as the file to read (and whose
// reference lists, 110 MB for 500 reviews citing 800 works each, are
// first written there).
type laterParser interface {
	referencesLater() func(*bib.Record)
}
