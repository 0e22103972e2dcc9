package reader

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Recognising a reference list is positive: a file is read as one only
// when it looks like one. Anything else (a PDF, a spreadsheet of search
// results, random bytes) is an error that says what the file looks like,
// rather than hundreds of "references" read from it in silence.

// ErrNotReferences is wrapped by the error for an input that is neither a
// known export nor a reference list.
var ErrNotReferences = errors.New("not a bibliographic export or reference list")

// Container names the binary file format whose signature starts head, or
// "" for text: "xlsx" (Office Open XML workbook), "xls" (Excel 97–2003 or
// another OLE2 compound file), "pdf", "docx", "zip", "gzip", "image", or
// "binary" for other data that is no text.
func Container(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return "pdf"
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(head, []byte("xl/")):
			return "xlsx"
		case bytes.Contains(head, []byte("word/")):
			return "docx"
		}
		return "zip"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return "xls"
	case bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return "gzip"
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("GIF8")):
		return "image"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return "" // UTF-16 text
	}
	if utf16Shape(head) {
		return "" // UTF-16 text without a byte-order mark
	}
	control := 0
	for _, c := range head {
		if c == 0 {
			return "binary"
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control*20 > len(head) {
		return "binary"
	}
	return ""
}

// utf16Shape reports whether b reads as UTF-16 text without a byte-order
// mark: its zero bytes (the high bytes of ASCII characters, at least one
// character in ten) all on one side of the byte pairs.
func utf16Shape(b []byte) bool {
	var zeros [2]int
	for i, c := range b {
		if c == 0 {
			zeros[i%2]++
		}
	}
	pairs := len(b) / 2
	return pairs >= 8 && (zeros[0]*10 >= pairs && zeros[1] == 0 || zeros[1]*10 >= pairs && zeros[0] == 0)
}

// containerAdvice says what a binary file is and what to give instead.
var containerAdvice = map[string]string{
	"xlsx":   "an Excel workbook (.xlsx): give it to citegraph as a file, or save it as CSV",
	"pdf":    "a PDF document: export the references from the database (Web of Science, Scopus, …) instead, or copy the paper's reference list into a text file",
	"xls":    "an Excel 97–2003 workbook (.xls), which citegraph does not read: save it as .xlsx or CSV, or export the records again as tab-delimited or plain text (Web of Science) or CSV (Scopus)",
	"docx":   "a Word document: copy its reference list into a text file",
	"zip":    "a ZIP archive: unpack it and give the files inside",
	"gzip":   "a gzip-compressed file: uncompress it first",
	"image":  "an image",
	"binary": "binary data, not text",
}

// NotReferences returns the error for a file that is no export and no
// reference list, saying what it looks like.
func NotReferences(file, looks string) error {
	return fmt.Errorf("%s: %w: it looks like %s", file, ErrNotReferences, looks)
}

// ContainerError is the error for a binary file citegraph does not read
// (every Container but "" and "xlsx").
func ContainerError(file, container string) error {
	return NotReferences(file, containerAdvice[container])
}

// looksLikeReferences reports whether text (the head of an input) reads as
// a reference list: at least half of its references, numbered or one a
// line, carry a year, a DOI or a web address; and why not when it does not.
func looksLikeReferences(head []byte) (bool, string) {
	text := string(bytes.TrimPrefix(head, []byte("\ufeff")))
	if len(head) == headSize {
		if i := strings.LastIndexByte(text, '\n'); i > 0 {
			text = text[:i] // the last line may be cut
		}
	}
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	lines := strings.Split(strings.ReplaceAll(text, "\r", "\n"), "\n")
	if what := describeTable(lines); what != "" {
		return false, what
	}
	trimmed := strings.TrimSpace(text)
	switch {
	case strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "["):
		return false, "JSON that is no Crossref, OpenAlex or CSL-JSON export"
	case startsWithFold(trimmed, "<!doctype html") || startsWithFold(trimmed, "<html"):
		return false, "an HTML page: save the reference list as text, or export the references from the database"
	case strings.HasPrefix(trimmed, "<?xml") || strings.HasPrefix(trimmed, "<"):
		return false, "an XML document of a kind citegraph does not read"
	}
	// Group the lines into references: a numbered line starts one and
	// the lines after it continue it; unnumbered, an indented line
	// continues the one before.
	var refs []string
	numbered := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if _, _, ok := numberOf(t); ok {
			if !numbered {
				refs = refs[:0]
			}
			numbered = true
			refs = append(refs, t)
			continue
		}
		if len(refs) > 0 && (numbered || l != t) {
			refs[len(refs)-1] += " " + t
			continue
		}
		refs = append(refs, t)
	}
	if len(refs) == 0 {
		return false, "a file with no references in it"
	}
	dated := 0
	for _, r := range refs {
		if refEvidence.MatchString(r) {
			dated++
		}
	}
	if dated*2 >= len(refs) {
		return true, ""
	}
	return false, fmt.Sprintf("text that is no reference list: %d of the %d lines or entries read carry a year, a DOI or a web address", dated, len(refs))
}

// refEvidence matches what nearly every reference carries: a year, a DOI
// or a web address.
var refEvidence = regexp.MustCompile(`(?:^|[^\d])(?:1[5-9]\d\d|20\d\d)[a-z]?(?:[^\d]|$)|\b10\.\d{4,9}/|https?://|www\.|\b(?:n\.d\.|in press|forthcoming)`)

// describeTable says what a delimited table is, from its first lines, or
// "" when the text is no table: a header of three or more columns, the
// next lines with as many cells.
func describeTable(lines []string) string {
	var rows []string
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			rows = append(rows, l)
		}
		if len(rows) == 4 {
			break
		}
	}
	if len(rows) < 2 {
		return ""
	}
	for _, sep := range []rune{',', '\t', ';'} {
		r := csv.NewReader(strings.NewReader(strings.Join(rows, "\n")))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		recs, _ := r.ReadAll()
		if len(recs) < 2 || len(recs[0]) < 3 || !tableHeader(recs[0]) {
			continue
		}
		same := 0
		for _, rec := range recs[1:] {
			if len(rec) >= len(recs[0])-1 {
				same++
			}
		}
		if same == 0 {
			continue
		}
		return tableKind(recs[0])
	}
	return ""
}

// tableHeader reports whether a row reads as the header of a table:
// short names, no year, DOI or web address (a reference with commas is no
// header).
func tableHeader(row []string) bool {
	for _, c := range row {
		if utf8.RuneCountInString(c) > 50 || refEvidence.MatchString(c) {
			return false
		}
	}
	return true
}

// tableKind names a table by its header: an export citegraph knows to hold
// no references, or a table with these columns.
func tableKind(header []string) string {
	has := func(col string) bool {
		for _, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), col) {
				return true
			}
		}
		return false
	}
	var cols []string
	for _, h := range header[:min(len(header), 6)] {
		cols = append(cols, strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
	}
	list := strings.Join(cols, ", ")
	if len(header) > 6 {
		list += fmt.Sprintf(", … (%d columns)", len(header))
	}
	switch {
	case has("Document Title") && has("Reference Count"):
		return "an IEEE Xplore CSV export, which holds no references: export the records from Web of Science, Scopus or Lens with their cited references"
	case has("Cites") && has("GSRank"):
		return "a Publish or Perish table of search results (" + list + "), which holds no references"
	case has("Dimensions URL") || has("Publication ID") && has("Cited references"):
		return "a Dimensions export, whose cited references citegraph does not read yet: export the records from Web of Science, Scopus or Lens"
	}
	return "a table with columns " + list + " but no references column: export the records with their cited references (Web of Science, Scopus, Lens), or give a reference list"
}

func startsWithFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
