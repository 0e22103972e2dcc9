package export

import (
	"bytes"
	"io"
	"strconv"
	"strings"
)

// FormulaSafe wraps the writer of a CSV file so that no cell reads as a
// spreadsheet formula: a cell that begins with =, +, -, @, a tab or a
// carriage return, and is not a number, gets a leading apostrophe, which
// Excel, LibreOffice and Google Sheets show as text (OWASP's advice
// against CSV injection). Without it cells are written as data, exactly.
func FormulaSafe(write func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		fw := &formulaSafeWriter{w: w, start: true}
		if err := write(fw); err != nil {
			return err
		}
		return fw.emit()
	}
}

// formulaSafeWriter rewrites RFC 4180 CSV a cell at a time.
type formulaSafeWriter struct {
	w       io.Writer
	cell    []byte // the current cell as written, quotes included
	start   bool   // at the start of a cell
	quoted  bool   // inside a quoted cell
	closing bool   // a quote seen inside a quoted cell: an escape or the end
}

func (f *formulaSafeWriter) Write(p []byte) (int, error) {
	for i, c := range p {
		if f.closing {
			f.closing = false
			if c == '"' { // an escaped quote
				f.cell = append(f.cell, c)
				continue
			}
			f.quoted = false
		}
		switch {
		case f.start && c == '"':
			f.quoted = true
		case f.quoted && c == '"':
			f.closing = true
		case !f.quoted && (c == ',' || c == '\n'):
			if err := f.emit(); err != nil {
				return i, err
			}
			if _, err := f.w.Write([]byte{c}); err != nil {
				return i, err
			}
			f.start = true
			continue
		}
		f.start = false
		f.cell = append(f.cell, c)
	}
	return len(p), nil
}

// emit writes the current cell, with an apostrophe before a formula.
func (f *formulaSafeWriter) emit() error {
	cell := f.cell
	f.cell = f.cell[:0]
	content, prefix := cell, 0
	if len(cell) >= 2 && cell[0] == '"' {
		content, prefix = bytes.ReplaceAll(cell[1:len(cell)-1], []byte(`""`), []byte(`"`)), 1
	}
	if !readsAsFormula(string(content)) {
		_, err := f.w.Write(cell)
		return err
	}
	_, err := io.WriteString(f.w, string(cell[:prefix])+"'"+string(cell[prefix:]))
	return err
}

// readsAsFormula reports whether a spreadsheet would read the cell as a
// formula: it begins with a formula's sign and is not a plain decimal
// number (-0.25, +1e-3).
func readsAsFormula(s string) bool {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return false
	}
	_, err := strconv.ParseFloat(s, 64)
	return err != nil || strings.Trim(s, "0123456789.eE+-") != ""
}
