package reader

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"strings"

	"github.com/thedatashed/xlsxreader"
)

// XLSXText turns the first worksheet of an Excel workbook (.xlsx) back into
// the text export it holds, for the readers: a Web of Science table
// (column headers as tags, "PT", "AU", …, or as Web of Science's Excel
// export names them, "Publication Type", "Authors", …) as tab-delimited
// text, a Scopus or Lens export saved from Excel as CSV. Any other sheet
// is an error wrapping ErrNotReferences that names its columns. file names
// the workbook in errors.
func XLSXText(data []byte, file string) ([]byte, error) {
	x, err := xlsxreader.NewReader(data)
	if err != nil {
		return nil, fmt.Errorf("%s: an Excel workbook that cannot be read: %v", file, err)
	}
	if len(x.Sheets) == 0 {
		return nil, NotReferences(file, "an Excel workbook without a worksheet")
	}
	var rows [][]string
	for row := range x.ReadRows(x.Sheets[0]) {
		if row.Error != nil {
			err = row.Error
			continue // drain the channel
		}
		var cells []string
		for _, c := range row.Cells {
			i := c.ColumnIndex()
			for len(cells) <= i {
				cells = append(cells, "")
			}
			cells[i] = c.Value
		}
		if len(cells) > 0 {
			rows = append(rows, cells)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: an Excel workbook that cannot be read: %v", file, err)
	}
	if len(rows) == 0 {
		return nil, NotReferences(file, "an Excel workbook whose first worksheet is empty")
	}
	if tags, ok := wosTags(rows[0]); ok {
		return wosTabText(tags, rows[1:]), nil
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	if f := Detect(headFirstLine(b.Bytes())); f != FormatScopus && f != FormatLens {
		return nil, NotReferences(file, "an Excel worksheet: "+tableKind(rows[0]))
	}
	return b.Bytes(), nil
}

// wosTags maps a header row to Web of Science field tags: the tags
// themselves, or the names of Web of Science's Excel export. ok is false
// when the header is no Web of Science header (no UT or no PT column).
func wosTags(header []string) (tags []string, ok bool) {
	var pt, ut bool
	for _, h := range header {
		h = strings.TrimSpace(h)
		tag := wosExcelColumns[h]
		if tag == "" && isWoSTag(h) {
			tag = h
		}
		pt = pt || tag == "PT"
		ut = ut || tag == "UT"
		tags = append(tags, tag)
	}
	return tags, pt && ut
}

// wosTabText writes rows under tags as Web of Science tab-delimited text,
// the PT column first (as the format starts), one record a line.
func wosTabText(tags []string, rows [][]string) []byte {
	order := make([]int, 0, len(tags))
	for i, t := range tags {
		if t == "PT" {
			order = append([]int{i}, order...)
		} else if t != "" {
			order = append(order, i)
		}
	}
	clean := strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")
	var b strings.Builder
	line := func(cell func(i int) string) {
		for k, i := range order {
			if k > 0 {
				b.WriteByte('\t')
			}
			b.WriteString(clean.Replace(cell(i)))
		}
		b.WriteByte('\n')
	}
	line(func(i int) string { return tags[i] })
	for _, row := range rows {
		line(func(i int) string {
			if i < len(row) {
				return row[i]
			}
			return ""
		})
	}
	return []byte(b.String())
}

// wosExcelColumns are the column names of Web of Science's Excel export and
// their field tags (those the Web of Science readers use, and the ones a
// header is recognised by).
var wosExcelColumns = map[string]string{
	"Publication Type": "PT", "Authors": "AU", "Author Full Names": "AF", "Group Authors": "CA",
	"Article Title": "TI", "Source Title": "SO", "Document Type": "DT", "Author Keywords": "DE",
	"Keywords Plus": "ID", "Abstract": "AB", "Addresses": "C1", "Cited References": "CR",
	"Cited Reference Count": "NR", "Times Cited, WoS Core": "TC", "Publisher": "PU",
	"Journal Abbreviation": "J9", "Journal ISO Abbreviation": "JI", "Publication Year": "PY",
	"Volume": "VL", "Issue": "IS", "Start Page": "BP", "End Page": "EP", "Article Number": "AR",
	"DOI": "DI", "UT (Unique WOS ID)": "UT", "Pubmed Id": "PM",
}
