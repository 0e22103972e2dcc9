package resolve

import (
	"strconv"

	"github.com/citegraph/citegraph/bib"
)

// Match names the rule that resolved a reference to its work.
type Match string

// The resolution rules.
const (
	MatchID     Match = "id"     // the input named the work's id (edge lists, OpenAlex)
	MatchRecord Match = "record" // the reference denotes a citing record of the corpus
	MatchDOI    Match = "doi"    // same DOI as another reference
	MatchKey    Match = "key"    // same author, year and locator or title words, confirmed by the other fields
	MatchFuzzy  Match = "fuzzy"  // the fields agree by score without an exact key (abbreviated source, title variant, …)
	MatchNew    Match = "new"    // first reference to a work
)

// Work is a resolved work: a node of the citation graph (package graph).
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
	// Score is the strength of the match that joined the reference to its
	// work, in (0, 1]: 1 for an id or a DOI, above 0.5 for a scored match;
	// 0 for the first reference to a work.
	Score float64
	// Via is the index in Refs of the reference this one was matched with,
	// or -1 when it matched the work's record or is the work's first.
	Via int
	// Agreed lists the fields that agreed in that match, "author+year+page".
	Agreed string
}

// Corpus is the outcome of resolution: the works and every input reference
// with its resolution, citing work → cited work (graph.NewCorpus loads the
// citation graph from them).
type Corpus struct {
	Works   []Work
	Refs    []Ref
	Records int // citing records read, duplicates included
}

// resolver indexes works by id and match key as they are created.
type resolver struct {
	c     *Corpus
	byID  map[string]int32
	byKey map[string]int32
}

// Resolve turns records into works, and each reference into a citation of
// one of them by the work of its record. Records are
// resolved first, so that a reference to a paper of the corpus joins that
// paper's record. Records sharing an id or a DOI are one work (the same
// paper exported twice); their references are all kept in Refs and their
// citations counted once.
//
// References are then matched (see match.go, match_cluster.go and
// block.go): candidate pairs come from cheap blocking keys, each is scored
// on every field both sides have, and matched pairs are clustered into
// works, links to a corpus record first and then the strongest, a merge
// allowed only when the two groups agree on their strong fields (DOI, id,
// year within one, volume, first page, first author, title), so that a
// vague reference cannot chain two works together. A reference that names
// only a year with an author or a source joins a work only where nothing
// else in the corpus could be it.
// Two references of one citing paper are two works unless an identifier
// joins them (or one without an identifier repeats the exact key of one
// with it); two records are never one work, and no reference joins its own
// record. A work takes its fields from its record, or its first reference,
// with gaps filled by the others in input order. Each Ref says which rule
// joined it, with what score, through which other reference and on which
// agreeing fields (analysis writes them to matches.csv).
func Resolve(records []*bib.Record) *Corpus {
	r := &resolver{c: &Corpus{Records: len(records)}, byID: make(map[string]int32, len(records)), byKey: map[string]int32{}}
	r.c.Works = make([]Work, 0, len(records)) // every record is a work, most a work of their own
	citing := make([]int32, len(records))
	for i, rec := range records {
		citing[i] = r.addRecord(rec)
	}
	total := 0
	for _, rec := range records {
		total += len(rec.References)
	}
	refs := make([]*bib.Reference, 0, total)
	r.c.Refs = make([]Ref, 0, total)
	for i, rec := range records {
		for k := range rec.References {
			ref := &rec.References[k]
			refs = append(refs, ref)
			r.c.Refs = append(r.c.Refs, Ref{
				Citing: citing[i], Position: ref.Position, Raw: ref.Raw,
				File: rec.File, Line: ref.Line, Via: -1,
			})
		}
	}
	r.matchReferences(refs)
	r.assignIDs()
	assignLabels(r.c.Works)
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

// fallbackTitle labels a work the parser could not describe with its raw
// text. A reference with an author or a source is described, however
// little ("Kohler RE, 2002, LANDSCAPES LABSCAPES"): its title stays empty.
func fallbackTitle(ref *bib.Reference) string {
	if ref.Title != "" || len(ref.Authors) > 0 || ref.Container != "" || ref.ContainerShort != "" {
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
// w: the same paper exported twice. Records sharing a DOI are one paper;
// otherwise two records of one file with different ids are different papers
// to their database, however alike they look.
func (r *resolver) sameRecord(w int32, rec *bib.Record) bool {
	first := r.c.Works[w]
	if !first.InCorpus {
		return false
	}
	if doi := bib.DOIKey(&rec.Work); doi != "" && doi == bib.DOIKey(&first.Work) {
		return true // one DOI is one work, however many times a database lists it
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
