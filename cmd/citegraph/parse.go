package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/export"
)

const parseUsage = `Usage: citegraph parse [flags] [FILE|-]

Parses free-text references into CSL-JSON on stdout, one item per input
reference in input order: author as [{family, given}] or [{literal}],
issued.date-parts, title, container-title, volume, issue, page, publisher,
publisher-place, DOI, URL, type, and the reference as written in note.

The input is a reference list as copied from a paper (numbered "1.", "[1]",
"1)", "(1)" or one per line; numbered references may wrap), or with
--format lines exactly one reference per line, whatever it starts with.
With no FILE, or "-", it reads standard input.

--parser chooses who finds the fields. "hybrid" (the default) reads a
Web of Science cited reference ("Ruffini PB, 2020, HAGUE J DIPLOM, V15,
P371") by its fixed shape and any other reference with the CRF, the
sequence labeller learnt from AnyStyle's and GROBID's labelled references
and CSL renderings (see train-parser), which reads the many styles of
real lists far more often right; the hand-written rules then fill the
year, volume, issue and pages the CRF left empty, give the DOI, and mend
a few readings the rules are proven to get right (an author list the CRF
ran into the title, a locator read as one run). "crf" is the CRF alone,
"rules" the rules alone (written for the styles of Web of Science, Scopus
and GB/T 7714 lists such as the seed list's). analyze and the other
commands that read inputs take --parser too. --explain adds to each item
"parser": which reader read it (wos, scopus for Scopus's old fixed shape,
crf, crf+rules when the rules mended it, or rules for Crossref's
"degraded" rendering, a fixed shape the rules read; with --parser crf or
rules, that parser).

Examples:
  citegraph parse refs.txt > refs.json
  pbpaste | citegraph parse --format lines -
  citegraph parse --parser crf refs.txt > refs.json
  citegraph parse --explain refs.txt
`

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("parse", parseUsage, stdout)
	format := fs.String("format", "reflist", "input `format`: reflist or lines")
	enc := fs.String("encoding", "", "input `encoding`, detected when empty ("+strings.Join(reader.Encodings, ", ")+")")
	parser := fs.String("parser", "hybrid", parserUsage)
	explain := fs.Bool("explain", false, "say in each item which reader read it (\"parser\")")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	parse, err := referenceParser(*parser)
	if err != nil {
		return err
	}
	readBy := func(string) string { return *parser }
	if *parser == "hybrid" {
		_, readBy, err = refparse.HybridReferenceParser()
		if err != nil {
			return err
		}
	}
	if *format != string(reader.FormatRefList) && *format != string(reader.FormatLines) {
		return usagef("parse: --format must be reflist or lines, not %q", *format)
	}
	if fs.NArg() > 1 {
		return usagef("parse takes one FILE (or - for standard input), got %d", fs.NArg())
	}
	file := "-"
	if fs.NArg() == 1 {
		file = fs.Arg(0)
	}
	recs, _, err := readFile(file, stdin, readOptions{format: reader.Format(*format), encoding: *enc, strict: true, parse: parse})
	if err != nil {
		return err
	}
	var items []export.CSLItem
	var by []string
	for _, rec := range recs {
		for _, ref := range rec.References {
			items = append(items, export.NewCSLItem("ref"+strconv.Itoa(len(items)+1), &ref.Work, ref.Raw))
			if *explain {
				by = append(by, readBy(ref.Raw))
			}
		}
	}
	if *explain {
		return writeExplained(stdout, items, by)
	}
	if err := export.WriteCSLJSON(stdout, items); err != nil {
		return fmt.Errorf("writing CSL-JSON: %w", err)
	}
	return nil
}

// explainedItem is a CSL item with the reader that read it.
type explainedItem struct {
	export.CSLItem
	Parser string `json:"parser"`
}

// writeExplained writes the items as CSL-JSON, each with its reader.
func writeExplained(w io.Writer, items []export.CSLItem, by []string) error {
	out := make([]explainedItem, len(items))
	for k := range items {
		out[k] = explainedItem{items[k], by[k]}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ") // as export.WriteCSLJSON writes them
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("writing CSL-JSON: %w", err)
	}
	return nil
}
