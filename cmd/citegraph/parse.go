package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib/reader"
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

--parser chooses who finds the fields: "rules" (the default) are written
for the styles of Web of Science, Scopus and GB/T 7714 reference lists
such as the seed list's, and read those field for field; "crf" is the
sequence labeller learnt from AnyStyle's and GROBID's labelled references
(see train-parser), which reads the many other styles more often right.
analyze and the other commands that read inputs take --parser too.

Examples:
  citegraph parse refs.txt > refs.json
  pbpaste | citegraph parse --format lines -
  citegraph parse --parser crf refs.txt > refs.json
`

func runParse(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("parse", parseUsage, stdout)
	format := fs.String("format", "reflist", "input `format`: reflist or lines")
	enc := fs.String("encoding", "", "input `encoding`, detected when empty ("+strings.Join(reader.Encodings, ", ")+")")
	parser := fs.String("parser", "rules", parserUsage)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	parse, err := referenceParser(*parser)
	if err != nil {
		return err
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
	for _, rec := range recs {
		for _, ref := range rec.References {
			items = append(items, export.NewCSLItem("ref"+strconv.Itoa(len(items)+1), &ref.Work, ref.Raw))
		}
	}
	if err := export.WriteCSLJSON(stdout, items); err != nil {
		return fmt.Errorf("writing CSL-JSON: %w", err)
	}
	return nil
}
