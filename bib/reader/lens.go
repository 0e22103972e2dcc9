package reader

import (
	"bytes"
	"io"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Lens.org scholarly CSV: one record a row under a header line ("Lens ID",
// "Title", "Publication Year", "Source Title", "Author/s", …, "References",
// "Citing Works Count"). The References cell lists the Lens ids of the
// cited works, separated by "; "; they become references by id
// (Reference.ID), as do the records' own Lens ids (Record.ID), so a Lens
// export links up into a citation graph by itself.

func detectLens(head []byte) bool {
	return bytes.Contains(headFirstLine(head), []byte("Lens ID"))
}

type lensReader struct {
	t    *csvTable
	cols struct {
		id, title, year, date, pubType, source, publisher, authors, abstract,
		volume, issue, start, end, keywords, doi, url, references, citedBy int
	}
	started bool
}

func newLensReader(r io.Reader, file string) RecordReader {
	return &lensReader{t: newCSVTable(r, file)}
}

func (l *lensReader) Read() (*bib.Record, error) {
	row, line, err := l.t.next()
	if err != nil {
		return nil, err
	}
	c, t := &l.cols, l.t
	if !l.started {
		l.started = true
		c.id = t.col("Lens ID")
		c.title = t.col("Title")
		c.year = t.col("Publication Year")
		c.date = t.col("Date Published")
		c.pubType = t.col("Publication Type")
		c.source = t.col("Source Title")
		c.publisher = t.col("Publisher")
		c.authors = t.col("Author/s", "Authors")
		c.abstract = t.col("Abstract")
		c.volume = t.col("Volume")
		c.issue = t.col("Issue Number", "Issue")
		c.start = t.col("Start Page")
		c.end = t.col("End Page")
		c.keywords = t.col("Keywords")
		c.doi = t.col("DOI")
		c.url = t.col("External URL")
		c.references = t.col("References")
		c.citedBy = t.col("Citing Works Count", "Scholarly Citation Count")
	}
	rec := &bib.Record{ID: csvField(row, c.id), File: t.file, Line: line}
	for _, a := range exportList(csvField(row, c.authors), ";") {
		if n := refparse.ParseName(a); !n.IsZero() {
			rec.Authors = append(rec.Authors, n)
		}
	}
	rec.Type = lensType(csvField(row, c.pubType))
	rec.Title = exportSpace(csvField(row, c.title))
	setYear(rec, csvField(row, c.year))
	if rec.Year == 0 {
		rec.Year = exportYear(csvField(row, c.date))
	}
	rec.Container = csvField(row, c.source)
	rec.Publisher = csvField(row, c.publisher)
	rec.Abstract = csvField(row, c.abstract)
	rec.Volume = csvField(row, c.volume)
	rec.Issue = csvField(row, c.issue)
	rec.Pages = exportPages(csvField(row, c.start), csvField(row, c.end))
	rec.Keywords = splitKeywords(csvField(row, c.keywords))
	rec.DOI = bib.NormalizeDOI(csvField(row, c.doi))
	rec.URL = csvField(row, c.url)
	rec.TimesCited = exportInt(csvField(row, c.citedBy))
	if c.references >= 0 && c.references < len(row) {
		cell := row[c.references]
		refLine, _ := t.r.FieldPos(c.references)
		start := 0
		for i := 0; i <= len(cell); i++ {
			if i < len(cell) && cell[i] != ';' {
				continue
			}
			if id := strings.TrimSpace(cell[start:i]); id != "" {
				id = exportText(id)
				rec.References = append(rec.References, bib.Reference{
					Raw: id, ID: id, Position: len(rec.References) + 1,
					Line: refLine + strings.Count(cell[:start], "\n"),
				})
			}
			start = i + 1
		}
	}
	return rec, nil
}

// lensType maps a Lens publication type to CSL.
func lensType(t string) string {
	switch strings.ToLower(t) {
	case "conference proceedings article", "conference proceedings":
		return "paper-conference"
	case "book chapter":
		return "chapter"
	case "book":
		return "book"
	case "dissertation":
		return "thesis"
	case "report":
		return "report"
	case "dataset":
		return "dataset"
	case "preprint":
		return "article"
	}
	return "article-journal"
}
