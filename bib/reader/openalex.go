package reader

import (
	"bytes"
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// OpenAlex API JSON: a single work (/works/{id}), a list response ({"meta",
// "results": [...]}), or JSON Lines, one work a line (as the snapshot
// files). Records are identified by their OpenAlex work id in short form
// ("W2741809807"); "referenced_works" lists the ids of the cited works,
// which become references by id (Reference.ID) with no description.

func detectOpenAlex(head []byte) bool {
	return cslJSONHead(head) != "" && bytes.Contains(head, []byte("openalex.org/W"))
}

type openAlexReader struct {
	js *cslStream
}

func newOpenAlexReader(r io.Reader, file string) RecordReader {
	return &openAlexReader{js: newCSLStream(r, file)}
}

// openAlexWork is the part of an OpenAlex work that is read.
type openAlexWork struct {
	ID              cslText `json:"id"`
	DOI             cslText `json:"doi"`
	Title           cslText `json:"title"`
	DisplayName     cslText `json:"display_name"`
	PublicationYear cslText `json:"publication_year"`
	PublicationDate cslText `json:"publication_date"`
	Type            cslText `json:"type"`
	Authorships     []struct {
		Author struct {
			DisplayName cslText `json:"display_name"`
		} `json:"author"`
		RawAuthorName  cslText   `json:"raw_author_name"`
		RawAffiliation []cslText `json:"raw_affiliation_strings"`
		Institutions   []struct {
			DisplayName cslText `json:"display_name"`
		} `json:"institutions"`
	} `json:"authorships"`
	PrimaryLocation struct {
		Source struct {
			DisplayName      cslText `json:"display_name"`
			AbbreviatedTitle cslText `json:"abbreviated_title"`
			Type             cslText `json:"type"`
			HostOrganization cslText `json:"host_organization_name"`
		} `json:"source"`
		LandingPage cslText `json:"landing_page_url"`
	} `json:"primary_location"`
	Biblio struct {
		Volume    cslText `json:"volume"`
		Issue     cslText `json:"issue"`
		FirstPage cslText `json:"first_page"`
		LastPage  cslText `json:"last_page"`
	} `json:"biblio"`
	CitedByCount    cslText           `json:"cited_by_count"`
	AbstractIndex   map[string][]int  `json:"abstract_inverted_index"`
	ReferencedWorks []cslText         `json:"referenced_works"`
	Keywords        []openAlexKeyword `json:"keywords"`
}

// openAlexKeyword is a keyword object or, in older responses, a string.
type openAlexKeyword struct{ name string }

func (k *openAlexKeyword) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '{' {
		var v struct {
			DisplayName cslText `json:"display_name"`
			Keyword     cslText `json:"keyword"`
		}
		if err := json.Unmarshal(b, &v); err != nil {
			return err
		}
		k.name = exportFirst(string(v.DisplayName), string(v.Keyword))
		return nil
	}
	var t cslText
	if err := t.UnmarshalJSON(b); err != nil {
		return err
	}
	k.name = string(t)
	return nil
}

func (o *openAlexReader) Read() (*bib.Record, error) {
	raw, line, err := o.js.next()
	if err != nil {
		return nil, err
	}
	var w openAlexWork
	if err := cslUnmarshal(raw, &w); err != nil {
		return nil, &bib.ParseError{File: o.js.file, Line: line, Err: err}
	}
	rec := &bib.Record{ID: openAlexID(string(w.ID)), File: o.js.file, Line: line}
	seen := map[string]bool{}
	for _, a := range w.Authorships {
		name := exportFirst(string(a.Author.DisplayName), string(a.RawAuthorName))
		if n := refparse.ParseName(name); !n.IsZero() {
			rec.Authors = append(rec.Authors, n)
		}
		affs := a.RawAffiliation
		if len(affs) == 0 {
			for _, in := range a.Institutions {
				affs = append(affs, in.DisplayName)
			}
		}
		for _, af := range affs {
			if s := string(af); s != "" && !seen[s] {
				seen[s] = true
				rec.Affiliations = append(rec.Affiliations, s)
			}
		}
	}
	src := w.PrimaryLocation.Source
	rec.Type = openAlexType(string(w.Type), string(src.Type))
	rec.Title = exportSpace(exportFirst(string(w.Title), string(w.DisplayName)))
	setYear(rec, string(w.PublicationYear))
	if rec.Year == 0 {
		rec.Year = exportYear(string(w.PublicationDate))
	}
	rec.Container = string(src.DisplayName)
	rec.ContainerShort = string(src.AbbreviatedTitle)
	rec.Publisher = string(src.HostOrganization)
	rec.Volume = string(w.Biblio.Volume)
	rec.Issue = string(w.Biblio.Issue)
	rec.Pages = exportPages(string(w.Biblio.FirstPage), string(w.Biblio.LastPage))
	rec.DOI = bib.NormalizeDOI(string(w.DOI))
	rec.URL = string(w.PrimaryLocation.LandingPage)
	rec.TimesCited = exportInt(string(w.CitedByCount))
	rec.Abstract = openAlexAbstract(w.AbstractIndex)
	for _, k := range w.Keywords {
		if k.name != "" {
			rec.Keywords = append(rec.Keywords, k.name)
		}
	}
	var lines []int
	if len(w.ReferencedWorks) > 0 {
		lines = o.js.elementLines(raw, "referenced_works", line)
	}
	for i, id := range w.ReferencedWorks {
		if id == "" {
			continue
		}
		ref := bib.Reference{Raw: string(id), ID: openAlexID(string(id)), Position: len(rec.References) + 1, Line: line}
		if i < len(lines) {
			ref.Line = lines[i]
		}
		rec.References = append(rec.References, ref)
	}
	return rec, nil
}

// openAlexID returns the short form of an OpenAlex id:
// "https://openalex.org/W2741809807" → "W2741809807".
func openAlexID(id string) string {
	id = strings.TrimSpace(id)
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	return id
}

// openAlexAbstract rebuilds an abstract from its inverted index: each word
// with the positions it takes.
func openAlexAbstract(index map[string][]int) string {
	if len(index) == 0 {
		return ""
	}
	type placed struct {
		pos  int
		word string
	}
	var words []placed
	for w, ps := range index {
		for _, p := range ps {
			if p >= 0 {
				words = append(words, placed{p, w})
			}
		}
	}
	sort.Slice(words, func(i, j int) bool {
		if words[i].pos != words[j].pos {
			return words[i].pos < words[j].pos
		}
		return words[i].word < words[j].word
	})
	var b strings.Builder
	for i, w := range words {
		if i > 0 && w.pos == words[i-1].pos {
			continue // two words claim one position: keep one
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.word)
	}
	return exportSpace(b.String())
}

// openAlexType maps an OpenAlex work type, and its source's type, to CSL.
func openAlexType(t, source string) string {
	switch t {
	case "book-chapter":
		return "chapter"
	case "book", "monograph", "edited-book", "reference-book":
		return "book"
	case "dissertation":
		return "thesis"
	case "report":
		return "report"
	case "dataset":
		return "dataset"
	case "preprint", "posted-content":
		return "article"
	case "standard":
		return "standard"
	case "paratext", "other", "":
		return "document"
	}
	if source == "conference" {
		return "paper-conference"
	}
	return "article-journal"
}
