package graph

import (
	"strconv"

	"github.com/citegraph/citegraph/bib"
)

// Match names the rule that resolved a reference to its work.
type Match string

// The resolution rules, in the order they are tried.
const (
	MatchID     Match = "id"     // the input named the work's id (edge lists, OpenAlex)
	MatchRecord Match = "record" // the reference denotes a citing record of the corpus
	MatchDOI    Match = "doi"    // same DOI as an earlier reference
	MatchKey    Match = "key"    // same author, year and locator or title words
	MatchNew    Match = "new"    // first reference to a work
)

// Work is a resolved work: a node of the citation graph.
type Work struct {
	bib.Work
	ID       string // stable id: the input's id, or "W" and a number in order of first appearance
	Label    string // short human label, "Ruffini 2020a"
	InCorpus bool   // the work is a citing record of the corpus
	Record   *bib.Record
}

// Ref is one input reference and the work it resolved to.
type Ref struct {
	Citing   int32 // index of the citing work
	Position int
	Raw      string
	File     string
	Line     int
	Work     int32 // index of the cited work
	Match    Match
}

// Corpus is the outcome of resolution: the works, every input reference
// with its resolution, and the citation graph over the works.
type Corpus struct {
	Works     []Work
	Refs      []Ref
	Records   int // citing records read, duplicates included
	Citations *Directed
}

// resolver indexes works by id and match key as they are created.
type resolver struct {
	c     *Corpus
	byID  map[string]int32
	byKey map[string]int32
}

// Resolve turns records into works and a citation graph. Records are
// resolved first, so that a reference to a paper of the corpus joins that
// paper's record. Records sharing an id or a DOI are one work (the same
// paper exported twice); their references are all kept in Refs and their
// citations counted once. A reference joins the first work that shares its
// id, DOI or a match key (see bib.MatchKeys); otherwise it starts a new
// work. Fields a later reference adds to a work fill the gaps of the first.
func Resolve(records []*bib.Record) *Corpus {
	r := &resolver{c: &Corpus{Records: len(records)}, byID: map[string]int32{}, byKey: map[string]int32{}}
	citing := make([]int32, len(records))
	for i, rec := range records {
		citing[i] = r.addRecord(rec)
	}
	var edges []Edge
	for i, rec := range records {
		for _, ref := range rec.References {
			w, m := r.resolve(&ref)
			r.c.Refs = append(r.c.Refs, Ref{
				Citing: citing[i], Position: ref.Position, Raw: ref.Raw,
				File: rec.File, Line: ref.Line, Work: w, Match: m,
			})
			edges = append(edges, Edge{citing[i], w})
		}
	}
	r.assignIDs()
	assignLabels(r.c.Works)
	r.c.Citations = NewDirected(len(r.c.Works), edges)
	return r.c
}

// addRecord makes a record a work, or joins it to an earlier record with the
// same id, DOI or key.
func (r *resolver) addRecord(rec *bib.Record) int32 {
	if w, _, ok := r.lookup(rec.ID, &rec.Work); ok && r.sameRecord(w, rec) {
		fillMissing(&r.c.Works[w].Work, &rec.Work)
		return w
	}
	w := r.newWork(Work{Work: rec.Work, ID: rec.ID, InCorpus: true, Record: rec, Label: rec.Label})
	r.index(w, rec.ID, &rec.Work)
	return w
}

// resolve finds or makes the work a reference denotes.
func (r *resolver) resolve(ref *bib.Reference) (int32, Match) {
	if w, m, ok := r.lookup(ref.ID, &ref.Work); ok {
		fillMissing(&r.c.Works[w].Work, &ref.Work)
		r.index(w, ref.ID, &ref.Work)
		if r.c.Works[w].InCorpus {
			m = MatchRecord
		}
		return w, m
	}
	w := r.newWork(Work{Work: ref.Work, ID: ref.ID})
	if ref.ID == "" && bib.DOIKey(&ref.Work) == "" && len(bib.MatchKeys(&ref.Work)) == 0 {
		// Nothing to match on: the raw text is the only description.
		r.c.Works[w].Title = fallbackTitle(ref)
	}
	r.index(w, ref.ID, &ref.Work)
	return w, MatchNew
}

// fallbackTitle labels a work the parser could not describe with its raw text.
func fallbackTitle(ref *bib.Reference) string {
	if ref.Title != "" {
		return ref.Title
	}
	return ref.Raw
}

// lookup finds an indexed work sharing the id or a match key, and says which rule matched.
func (r *resolver) lookup(id string, w *bib.Work) (int32, Match, bool) {
	if id != "" {
		if i, ok := r.byID[id]; ok {
			return i, MatchID, true
		}
	}
	doi := bib.DOIKey(w)
	for _, k := range bib.MatchKeys(w) {
		if i, ok := r.byKey[k]; ok && !conflicting(&r.c.Works[i].Work, w) {
			if k == doi {
				return i, MatchDOI, true
			}
			return i, MatchKey, true
		}
	}
	return 0, "", false
}

func (r *resolver) index(i int32, id string, w *bib.Work) {
	if id != "" {
		if _, ok := r.byID[id]; !ok {
			r.byID[id] = i
		}
	}
	for _, k := range bib.MatchKeys(w) {
		if _, ok := r.byKey[k]; !ok {
			r.byKey[k] = i
		}
	}
}

func (r *resolver) newWork(w Work) int32 {
	r.c.Works = append(r.c.Works, w)
	return int32(len(r.c.Works) - 1)
}

// assignIDs gives every work without an input id "W" and its 1-based index,
// skipping any number an input id already takes.
func (r *resolver) assignIDs() {
	n := 0
	for i := range r.c.Works {
		if r.c.Works[i].ID != "" {
			continue
		}
		for {
			n++
			id := "W" + strconv.Itoa(n)
			if _, taken := r.byID[id]; !taken {
				r.c.Works[i].ID = id
				break
			}
		}
	}
}

// conflicting reports whether two descriptions that share a key cannot be
// one work: both carry DOIs, and they differ.
func conflicting(a, b *bib.Work) bool {
	da, db := bib.DOIKey(a), bib.DOIKey(b)
	return da != "" && db != "" && da != db
}

// sameRecord reports whether rec is a second copy of the record that is work
// w: the same paper exported twice. Two records of one file with different
// ids are different papers to their database, however alike they look.
func (r *resolver) sameRecord(w int32, rec *bib.Record) bool {
	first := r.c.Works[w]
	if !first.InCorpus {
		return false
	}
	return first.ID == "" || rec.ID == "" || first.ID == rec.ID || first.Record.File != rec.File
}

// fillMissing copies into dst the fields src has and dst lacks.
func fillMissing(dst, src *bib.Work) {
	if len(dst.Authors) == 0 {
		dst.Authors = src.Authors
	}
	fill := func(d *string, s string) {
		if *d == "" {
			*d = s
		}
	}
	if dst.Year == 0 {
		dst.Year = src.Year
	}
	fill(&dst.Type, src.Type)
	fill(&dst.Title, src.Title)
	fill(&dst.Container, src.Container)
	fill(&dst.ContainerShort, src.ContainerShort)
	fill(&dst.Volume, src.Volume)
	fill(&dst.Issue, src.Issue)
	fill(&dst.Pages, src.Pages)
	fill(&dst.Publisher, src.Publisher)
	fill(&dst.Place, src.Place)
	fill(&dst.DOI, src.DOI)
	fill(&dst.URL, src.URL)
	fill(&dst.Original, src.Original)
}
