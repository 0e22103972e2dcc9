package main

import (
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
	"github.com/citegraph/citegraph/bib"
)

// input is what the reading stage made of the command line's inputs.
type input struct {
	records []*bib.Record
	skipped []*bib.ParseError // what lenient mode passed over
	name    string            // what was read, for the summary
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
func readSample(name string) (*input, error) {
	s, ok := samples[name]
	if !ok {
		return nil, usagef("unknown sample %q (samples: seed, wos)", name)
	}
	rr, _, err := bib.NewReader("", bytes.NewReader(s.data), s.file)
	if err != nil {
		return nil, err
	}
	recs, err := bib.ReadAll(rr, nil)
	if err != nil {
		return nil, err
	}
	return &input{records: recs, name: "the embedded sample " + name + ": " + s.what}, nil
}

// readInputs reads every file named in paths (a folder stands for the files
// below it, "-" for standard input). In strict mode the first unreadable
// record is an error; otherwise it is skipped and listed.
func readInputs(paths []string, stdin io.Reader, format bib.Format, strict bool) (*input, error) {
	files, err := expand(paths)
	if err != nil {
		return nil, err
	}
	in := &input{name: strings.Join(paths, ", ")}
	skip := func(pe *bib.ParseError) { in.skipped = append(in.skipped, pe) }
	if strict {
		skip = nil
	}
	for _, f := range files {
		recs, err := readFile(f, stdin, format, skip)
		if err != nil {
			return nil, err
		}
		in.records = append(in.records, recs...)
	}
	return in, nil
}

// readFile reads the records of one file ("-" for stdin).
func readFile(file string, stdin io.Reader, format bib.Format, skip func(*bib.ParseError)) ([]*bib.Record, error) {
	r, name := stdin, "<stdin>"
	if file != "-" {
		fh, err := os.Open(file)
		if err != nil {
			return nil, err
		}
		defer fh.Close()
		r, name = fh, file
	}
	rr, _, err := bib.NewReader(format, r, name)
	if err != nil {
		return nil, err
	}
	return bib.ReadAll(rr, skip)
}

// expand replaces each folder by the files below it, sorted, leaving out
// hidden files and folders.
func expand(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil, fmt.Errorf("%s: no such file or folder", p)
			}
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && path != p {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if len(found) == 0 {
			return nil, fmt.Errorf("%s: the folder holds no files", p)
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	return files, nil
}

// formatFlag checks a --format value.
func formatFlag(s string) (bib.Format, error) {
	if s == "" {
		return "", nil
	}
	for _, f := range bib.Formats() {
		if string(f) == s {
			return f, nil
		}
	}
	var names []string
	for _, f := range bib.Formats() {
		names = append(names, string(f))
	}
	return "", usagef("unknown format %q (formats: %s)", s, strings.Join(names, ", "))
}
