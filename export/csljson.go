package export

import (
	"encoding/json"
	"io"

	"github.com/citegraph/citegraph/bib"
)

// CSLItem is one CSL-JSON item (the citation-style-language input format
// Zotero and citeproc read), with the fields citegraph parses.
type CSLItem struct {
	ID             string     `json:"id"`
	Type           string     `json:"type,omitempty"`
	Author         []bib.Name `json:"author,omitempty"`
	Issued         *CSLDate   `json:"issued,omitempty"`
	Title          string     `json:"title,omitempty"`
	ContainerTitle string     `json:"container-title,omitempty"`
	ContainerShort string     `json:"container-title-short,omitempty"`
	Volume         string     `json:"volume,omitempty"`
	Issue          string     `json:"issue,omitempty"`
	Page           string     `json:"page,omitempty"`
	Publisher      string     `json:"publisher,omitempty"`
	PublisherPlace string     `json:"publisher-place,omitempty"`
	DOI            string     `json:"DOI,omitempty"`
	URL            string     `json:"URL,omitempty"`
	OriginalTitle  string     `json:"original-title,omitempty"` // the original-language form of a translated reference
	Note           string     `json:"note,omitempty"`           // the reference as written
}

// CSLDate is a CSL date: date-parts [[year]].
type CSLDate struct {
	DateParts [][]int `json:"date-parts"`
}

// NewCSLItem describes w as a CSL item; raw, if given, is kept as the note.
func NewCSLItem(id string, w *bib.Work, raw string) CSLItem {
	it := CSLItem{
		ID: id, Type: w.Type, Author: w.Authors, Title: w.Title, ContainerTitle: w.Container,
		Volume: w.Volume, Issue: w.Issue, Page: w.Pages, Publisher: w.Publisher, PublisherPlace: w.Place,
		DOI: w.DOI, URL: w.URL, OriginalTitle: w.Original, Note: raw,
	}
	if w.ContainerShort != w.Container {
		it.ContainerShort = w.ContainerShort
	}
	if it.Type == "" {
		it.Type = "document"
	}
	if w.Year != 0 {
		it.Issued = &CSLDate{DateParts: [][]int{{w.Year}}}
	}
	return it
}

// WriteCSLJSON writes items as an indented CSL-JSON array.
func WriteCSLJSON(w io.Writer, items []CSLItem) error {
	if items == nil {
		items = []CSLItem{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(true)
	return enc.Encode(items)
}
