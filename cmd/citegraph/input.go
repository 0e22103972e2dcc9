package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/citegraph/citegraph"
	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/fetch"
	flag "github.com/spf13/pflag"
)

// input is what the reading stage made of the command line's inputs.
type input struct {
	records     []*bib.Record
	diagnostics []analysis.Diagnostic // what lenient mode passed over or repaired
	name        string                // what was read, for the summary
}

// readOptions say how to read the inputs.
type readOptions struct {
	format   reader.Format       // "" detects
	encoding string              // "" detects
	strict   bool                // the first problem is an error
	parse    bib.ReferenceParser // reads free-text references
}

// parserUsage describes the --parser flag.
const parserUsage = "who reads free-text references: hybrid (the default: the CRF, the Web of Science reader for CR-shaped strings, the rules where proven better), crf (the learnt CRF alone, see train-parser) or rules (hand-written)"

// referenceParser returns the reference parser a --parser value names.
func referenceParser(name string) (bib.ReferenceParser, error) {
	switch name {
	case "hybrid":
		parse, _, err := refparse.HybridReferenceParser()
		return parse, err
	case "rules":
		return refparse.ParseReference, nil
	case "crf":
		return refparse.CRFReferenceParser()
	}
	return nil, usagef("--parser must be hybrid, crf or rules, not %q", name)
}

// samples are the embedded inputs, by --sample name.
var samples = map[string]struct {
	file string
	data []byte
	what string
}{
	"seed": {"seed-references.txt", citegraph.SeedReferences, "the science-diplomacy reference list (17 references of an article in the Bulletin of Chinese Academy of Sciences)"},
	"wos":  {"wos-bit-pattern-savedrecs.txt", citegraph.WoSSample, "a Web of Science export of 500 records on bit-patterned media"},
}

// readSample reads an embedded sample.
func readSample(name string, opts readOptions) (*input, error) {
	s, ok := samples[name]
	if !ok {
		return nil, usagef("unknown sample %q (samples: seed, wos)", name)
	}
	rr, _, err := reader.NewReader("", bytes.NewReader(s.data), s.file, reader.WithReferenceParser(opts.parse))
	if err != nil {
		return nil, err
	}
	recs, err := reader.ReadAll(rr, nil)
	if err != nil {
		return nil, err
	}
	return &input{records: recs, name: "the embedded sample " + name + ": " + s.what}, nil
}

// readInputs reads every file named in paths (a folder stands for the files
// below it, "-" for standard input). In strict mode the first unreadable
// record is an error; otherwise it is skipped and listed.
func readInputs(paths []string, stdin io.Reader, opts readOptions) (*input, error) {
	files, outputs, err := expandInputs(paths)
	if err != nil {
		return nil, err
	}
	in := &input{name: strings.Join(paths, ", ")}
	for _, dir := range outputs {
		in.diagnostics = append(in.diagnostics, analysis.Diagnostic{File: dir, Skipped: "folder", Reason: "a citegraph output folder: its tables are not read as input"})
	}
	for _, f := range files {
		recs, diags, err := readFile(f, stdin, opts)
		if err != nil {
			return nil, err
		}
		in.records = append(in.records, recs...)
		in.diagnostics = append(in.diagnostics, diags...)
	}
	return in, nil
}

// readFile reads the records of one file ("-" for stdin), decoding it to
// UTF-8 first.
func readFile(file string, stdin io.Reader, opts readOptions) ([]*bib.Record, []analysis.Diagnostic, error) {
	r, name := stdin, "<stdin>"
	if file != "-" {
		fh, err := os.Open(file)
		if err != nil {
			return nil, nil, err
		}
		defer fh.Close()
		r, name = fh, file
	}
	// What the raw bytes are: text, a workbook to read, or a file that
	// is no export at all.
	raw := bufio.NewReaderSize(r, 64<<10)
	head, _ := raw.Peek(8 << 10)
	r = raw
	switch c := reader.Container(head); {
	case c == "xlsx":
		data, err := io.ReadAll(raw)
		if err != nil {
			return nil, nil, err
		}
		text, err := reader.XLSXText(data, name)
		if err != nil {
			return nil, nil, err
		}
		r = bytes.NewReader(text)
	case c != "" && (c != "binary" || opts.encoding == ""):
		return nil, nil, reader.ContainerError(name, c)
	}
	text, err := reader.Decode(r, opts.encoding)
	if err != nil {
		return nil, nil, usagef("%s: %v", name, err)
	}
	rr, _, err := reader.NewReader(opts.format, text, name, reader.WithReferenceParser(opts.parse))
	if err != nil {
		return nil, nil, err
	}
	var diags []analysis.Diagnostic
	skip := func(pe *bib.ParseError) {
		diags = append(diags, analysis.Diagnostic{File: pe.File, Line: pe.Line, Skipped: "record", Reason: pe.Err.Error()})
	}
	if opts.strict {
		skip = nil
	}
	recs, err := reader.ReadAll(rr, skip)
	if err != nil {
		return nil, nil, err
	}
	for _, rec := range recs {
		for _, rp := range rec.Repairs {
			line := rp.Line
			if line == 0 {
				line = rec.Line
			}
			diags = append(diags, analysis.Diagnostic{File: rec.File, Line: line, Reason: rp.Reason})
		}
	}
	for _, line := range text.InvalidLines() {
		if opts.strict {
			return nil, nil, &bib.ParseError{File: name, Line: line, Err: errors.New("bytes that are not UTF-8 (give the file's encoding with --encoding)")}
		}
		diags = append(diags, analysis.Diagnostic{File: name, Line: line, Reason: "bytes that are not UTF-8, read as U+FFFD"})
	}
	return recs, diags, nil
}

// expand replaces each folder by the files below it (see expandInputs).
func expand(paths []string) ([]string, error) {
	files, _, err := expandInputs(paths)
	return files, err
}

// expandInputs replaces each folder by the files below it, sorted, leaving
// out hidden files and folders and citegraph's output folders (an output
// folder inside an input folder is not read back as input), which it
// returns.
func expandInputs(paths []string) (files, outputs []string, err error) {
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, nil, fmt.Errorf("%s: no such file or folder", p)
			}
			return nil, nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		if export.IsOutputFolder(p) {
			return nil, nil, fmt.Errorf("%s: a citegraph output folder, not input (give its files by name to read them)", p)
		}
		var found []string
		// fetch's report, beside the corpus it wrote, is no input.
		report := ""
		if _, err := os.Stat(filepath.Join(p, export.Marker)); err == nil {
			report = filepath.Join(p, fetch.ReportFile)
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path == report {
				return nil
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() && export.IsOutputFolder(path) {
				outputs = append(outputs, path)
				return filepath.SkipDir
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
		if len(found) == 0 {
			return nil, nil, fmt.Errorf("%s: the folder holds no files", p)
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return files, outputs, nil
}

// readFlags adds the flags that say how to read inputs; the function it
// returns checks them once parsed.
func readFlags(fs *flag.FlagSet) func() (readOptions, error) {
	format := fs.String("format", "", "input `format`, detected from the content when empty ("+formatNames()+")")
	enc := fs.String("encoding", "", "input `encoding`, detected when empty ("+strings.Join(reader.Encodings, ", ")+")")
	strict := fs.Bool("strict", false, "stop at the first problem in the input instead of skipping it")
	parser := fs.String("parser", "hybrid", parserUsage)
	return func() (readOptions, error) {
		f, err := formatFlag(*format)
		if err != nil {
			return readOptions{}, err
		}
		parse, err := referenceParser(*parser)
		return readOptions{format: f, encoding: *enc, strict: *strict, parse: parse}, err
	}
}

func formatNames() string {
	var names []string
	for _, f := range reader.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ")
}

// formatFlag checks a --format value.
func formatFlag(s string) (reader.Format, error) {
	if s == "" {
		return "", nil
	}
	for _, f := range reader.Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	return "", usagef("unknown format %q (formats: %s)", s, formatNames())
}
