package reader

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotReferences: files that are no export and no reference list are
// named for what they are, never read as references: real files scholars
// give by mistake (testdata/exports/other), random bytes, and a table as
// pandas writes one.
func TestNotReferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	for _, c := range []struct {
		name string
		data []byte
		says string
	}{
		{"other/fellinger-protocol-head.pdf", nil, "a PDF document"},
		{"other/fellinger-wos-head.xls", nil, "an Excel 97–2003 workbook (.xls)"},
		{"other/fellinger-publish-or-perish.csv", nil, "a Publish or Perish table of search results (Cites, Authors, Title, Year"},
		{"other/fellinger-ieee.csv", nil, "an IEEE Xplore CSV export, which holds no references"},
		{"other/fellinger-google-results.xlsx", nil, "an Excel worksheet: a table with columns Source, Title, Link, Snippet, Email but no references column"},
		{"other/umbrella-abstract.xlsx", nil, "an Excel worksheet: a table with columns AU, AB but no references column"},
		{"random.bin", random, "binary data"},
		{"worksheet.csv", []byte("Unnamed: 0,Unnamed: 0.9,Title,Year\n0,0,A title,2020\n1,1,Another title,2021\n"), "a table with columns Unnamed: 0, Unnamed: 0.9, Title, Year but no references column"},
		{"notes.txt", []byte("Meeting notes\nWe discussed the project.\nNext steps: write the paper.\n"), "text that is no reference list: 0 of the 3"},
	} {
		data := c.data
		if data == nil {
			var err error
			if data, err = os.ReadFile(filepath.Join(exportsDir, c.name)); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		switch k := Container(data[:min(len(data), headSize)]); k {
		case "xlsx":
			_, err = XLSXText(data, c.name)
		case "":
			_, _, err = NewReader("", bytes.NewReader(data), c.name)
		default:
			err = ContainerError(c.name, k)
		}
		if !errors.Is(err, ErrNotReferences) || !strings.HasPrefix(err.Error(), c.name+": ") || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%s: %v\nwant it to say %q", c.name, err, c.says)
		}
	}
}

// TestXLSXText: an export saved as an Excel workbook reads as the export:
// scopus-umbrella.xlsx and wos-umbrella-excel.xlsx are scopus-umbrella.csv
// and wos-umbrella-savedrecs.txt written by xlsx_from_table.py (the second
// in the layout of Web of Science's Excel export).
func TestXLSXText(t *testing.T) {
	for _, c := range []struct {
		xlsx, text string
		format     Format
	}{
		{"scopus-umbrella.xlsx", "scopus-umbrella.csv", FormatScopus},
		{"wos-umbrella-excel.xlsx", "wos-umbrella-savedrecs.txt", FormatWoSTab},
	} {
		data, err := os.ReadFile(filepath.Join(exportsDir, c.xlsx))
		if err != nil {
			t.Fatal(err)
		}
		text, err := XLSXText(data, c.xlsx)
		if err != nil {
			t.Fatal(err)
		}
		got := readExportData(t, c.xlsx, text, c.format)
		want := readExport(t, c.text, Detect(mustHead(t, c.text)))
		if len(got.recs) != len(want.recs) || got.refs() != want.refs() || len(got.errs) != 0 {
			t.Fatalf("%s: %d records, %d references, errors %v; %s has %d, %d", c.xlsx, len(got.recs), got.refs(), got.errs, c.text, len(want.recs), want.refs())
		}
		for i := range got.recs {
			g, w := got.recs[i], want.recs[i]
			if g.ID != w.ID || g.Title != w.Title || len(g.References) != len(w.References) {
				t.Errorf("%s record %d: %q %q, %d references; want %q %q, %d", c.xlsx, i+1, g.ID, g.Title, len(g.References), w.ID, w.Title, len(w.References))
				continue
			}
			for k := range g.References {
				if g.References[k].Raw != w.References[k].Raw {
					t.Errorf("%s record %d reference %d: %q, want %q", c.xlsx, i+1, k+1, g.References[k].Raw, w.References[k].Raw)
				}
			}
		}
	}
}

func mustHead(t *testing.T, name string) []byte {
	data, err := os.ReadFile(filepath.Join(exportsDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return bytes.TrimPrefix(data[:min(len(data), headSize)], []byte("\ufeff"))
}

// TestContainerUTF16: UTF-16 text without a byte-order mark, Latin or
// Chinese, is text; random bytes are not.
func TestContainerUTF16(t *testing.T) {
	for _, c := range []struct {
		text string
		be   bool
	}{{"PT J\nAU Ruffini, PB\nTI Science diplomacy\n", false}, {"1. 赵刚, 科技外交的理论与实践[M]. 北京: 时事出版社, 2007.\n", true}} {
		var b []byte
		for _, r := range c.text {
			hi, lo := byte(r>>8), byte(r)
			if c.be {
				b = append(b, hi, lo)
			} else {
				b = append(b, lo, hi)
			}
		}
		if k := Container(b); k != "" {
			t.Errorf("%q in UTF-16: %q, want text", c.text, k)
		}
	}
}
