package resolve

import (
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

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
	// MatchDuplicate marks a reference counted once already: it repeats
	// word for word one before it in its list, or it belongs to another
	// copy of a record given twice (two files, two databases), whose
	// references come from one copy. Its work is the one its twin
	// resolved to, or none (-1) when the other copy words it differently.
	MatchDuplicate Match = "duplicate"
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
	Work     int32 // index of the cited work; -1 for a duplicate worded differently from its record's counted copy (MatchDuplicate)
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
// paper exported twice, see sameRecord); the copy with the most
// references gives the work's references, the others' are kept in Refs as
// duplicates, and so is a reference that repeats one before it in its list
// word for word (where its wording names one work): each is counted once.
//
// References are then matched (see match.go, match_cluster.go and
// block.go): candidate pairs come from cheap blocking keys, each is scored
// on every field both sides have, and matched pairs are clustered into
// works, links to a corpus record first and then the strongest, a merge
// allowed only when the two groups agree on their strong fields (DOI, id,
// year within one, volume, first page, first author, title), so that a
// vague reference cannot chain two works together. A reference that names
// only a year with an author or a source joins a work only where nothing
// else in the corpus could be it, or where the others it could be name
// their pages and it names none (a book, not its chapters); a noisy one
// also joins the work whose text it shares the most, by a margin, when
// that work's text shares the most with it.
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
	all, twin := r.matchDistinct(records, citing)
	r.c.Refs = all
	for i, t := range twin {
		d := &all[i]
		d.Match, d.Via, d.Work = MatchDuplicate, t, -1
		root := t // a twin may be a duplicate itself, of a counted one
		for root >= 0 {
			next, dup := twin[root]
			if !dup {
				break
			}
			root = next
		}
		if root >= 0 {
			d.Work, d.Score = all[root].Work, 1
		}
	}
	r.assignIDs()
	assignLabels(r.c.Works)
	return r.c
}

// matchDistinct lists every reference of records, in input order, and
// resolves those counted: the references of the copy of each record that
// has the most (the first on a tie), each wording that identifies a work
// once. twin maps each duplicate to
// the index of the reference it repeats, or -1 when it has none.
func (r *resolver) matchDistinct(records []*bib.Record, citing []int32) (all []Ref, twin map[int]int) {
	giver := map[int32]int{}
	offset := make([]int, len(records)+1)
	for i, rec := range records {
		offset[i+1] = offset[i] + len(rec.References)
		if g, ok := giver[citing[i]]; !ok || len(rec.References) > len(records[g].References) {
			giver[citing[i]] = i
		}
	}
	rawAt := func(j int) string {
		i := sort.SearchInts(offset, j+1) - 1 // offset[i] ≤ j < offset[i+1]
		return records[i].References[j-offset[i]].Raw
	}
	// Each reference's wording, by the hash of its fold, on every core.
	seed := maphash.MakeSeed()
	wording := make([]uint64, offset[len(records)])
	forRecordRuns(offset, func(lo, hi int) {
		f := hashedKeys[string]{seed: seed, appendKey: appendFolded}
		for i := lo; i < hi; i++ {
			for k := range records[i].References {
				wording[offset[i]+k] = f.hash(records[i].References[k].Raw)
			}
		}
	})
	// The places of each wording in the giving list of each paper given
	// twice, for its other copies.
	f := hashedKeys[string]{seed: seed, appendKey: appendFolded}
	places := map[int32]map[uint64][]int{}
	for i := range records {
		w := citing[i]
		if g := giver[w]; g != i && places[w] == nil {
			at := map[uint64][]int{}
			for k := range records[g].References {
				j := offset[g] + k
				key := probe(wording[j], placed(&f, at, rawAt(j), rawAt))
				at[key] = append(at[key], j)
			}
			places[w] = at
		}
	}
	// Each reference's Ref, and whether it is counted or the twin of
	// which (twinOf, -1 for none known; counted for counted), made on
	// every core, a worker to a run of whole records.
	const counted = -2
	all = make([]Ref, offset[len(records)])
	twinOf := make([]int, len(all))
	forRecordRuns(offset, func(lo, hi int) {
		f := hashedKeys[string]{seed: seed, appendKey: appendFolded}
		// Each wording's first reference in all, and its occurrences so
		// far in the list: one map for the run's lists, cleared for each.
		type seen struct{ first, n int }
		occ := map[uint64]seen{}
		for i := lo; i < hi; i++ {
			rec := records[i]
			clear(occ)
			for k := range rec.References {
				ref := &rec.References[k]
				idx := offset[i] + k
				all[idx] = Ref{Citing: citing[i], Position: ref.Position, Raw: ref.Raw, File: rec.File, Line: ref.Line, Via: -1}
				key := probe(wording[idx], func(key uint64) bool {
					o, ok := occ[key]
					return !ok || f.same(all[o.first].Raw, ref.Raw)
				})
				o, ok := occ[key]
				if !ok {
					o.first = idx
				}
				n := o.n
				o.n++
				occ[key] = o
				switch {
				case giver[citing[i]] != i:
					// The same place in the giving copy, if it words it alike.
					twinOf[idx] = -1
					if at := places[citing[i]]; len(at) > 0 {
						if js := at[probe(wording[idx], placed(&f, at, ref.Raw, rawAt))]; len(js) > 0 {
							twinOf[idx] = js[min(n, len(js)-1)]
						}
					}
				case n > 0 && len(appendFolded(nil, ref.Raw)) > 0 && wordingIdentifies(ref):
					twinOf[idx] = o.first
				default:
					twinOf[idx] = counted
				}
			}
		}
	})
	twin = map[int]int{}
	kept := make([]int, 0, len(all))
	refs := make([]*bib.Reference, 0, len(all))
	for i, rec := range records {
		for k := range rec.References {
			idx := offset[i] + k
			if t := twinOf[idx]; t != counted {
				twin[idx] = t
				continue
			}
			kept = append(kept, idx)
			refs = append(refs, &rec.References[k])
		}
	}
	if len(kept) == len(all) {
		// Nothing counted twice: the references matched are all of them.
		r.c.Refs = all
		r.matchReferences(refs)
		return all, twin
	}
	r.c.Refs = make([]Ref, len(kept))
	for j, idx := range kept {
		r.c.Refs[j] = all[idx]
	}
	r.matchReferences(refs)
	for j, idx := range kept {
		ref := r.c.Refs[j]
		if ref.Via >= 0 {
			ref.Via = kept[ref.Via]
		}
		all[idx] = ref
	}
	return all, twin
}

// placed tells probe whether a key of at, the places of wordings by
// their keys, is free or holds raw's wording (that of its first place).
func placed(f *hashedKeys[string], at map[uint64][]int, raw string, rawAt func(j int) string) func(key uint64) bool {
	return func(key uint64) bool {
		js, ok := at[key]
		return !ok || f.same(rawAt(js[0]), raw)
	}
}

// forRecordRuns calls f on runs of whole records [lo, hi) on every core,
// the runs holding about as many references each (record i's references
// are offset[i] to offset[i+1]).
func forRecordRuns(offset []int, f func(lo, hi int)) {
	n := len(offset) - 1
	workers := min(runtime.GOMAXPROCS(0), max(1, offset[n]/10000))
	var wg sync.WaitGroup
	lo := 0
	for w := range workers {
		hi := sort.SearchInts(offset, offset[n]*(w+1)/workers)
		hi = min(max(hi, lo), n)
		if w == workers-1 {
			hi = n
		}
		start := lo
		wg.Go(func() { f(start, hi) })
		lo = hi
	}
	wg.Wait()
}

// wordingIdentifies reports whether a reference's wording names one work,
// so that two references of one list worded alike are one citation: it
// gives a DOI, or a year and an author with a source, volume and page.
// "McDaniel TW, 2012, J APPL PHYS, V112" twice may be two articles of one
// volume; a reference by id (an edge list) resolves exactly, repeated or
// not.
func wordingIdentifies(ref *bib.Reference) bool {
	w := &ref.Work
	return ref.ID == "" && (w.DOI != "" ||
		w.Year != 0 && len(w.Authors) > 0 && (w.Container != "" || w.ContainerShort != "") && w.Volume != "" && w.Pages != "")
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

// reserveWork adds a work to be written later (writeNewWorks) and returns
// its index. It leaves the work's memory untouched: its slot may hold
// anything until then.
func (r *resolver) reserveWork() int32 {
	if len(r.c.Works) == cap(r.c.Works) {
		r.c.Works = slices.Grow(r.c.Works, 1)
	}
	r.c.Works = r.c.Works[:len(r.c.Works)+1]
	return int32(len(r.c.Works) - 1)
}

// assignIDs gives every work without an input id "W" and its 1-based index,
// skipping any number an input id already takes.
func (r *resolver) assignIDs() {
	n := 0
	var buf [24]byte
	for i := range r.c.Works {
		if r.c.Works[i].ID != "" {
			continue
		}
		for {
			n++
			id := strconv.AppendInt(append(buf[:0], 'W'), int64(n), 10) // "W" and n, made once
			if _, taken := r.byID[string(id)]; !taken {
				r.c.Works[i].ID = string(id)
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
// w: the same paper exported twice. Records from two files or two
// databases are one paper when they share a DOI (or, without ids, a match
// key). One database's records with their own ids are two papers, unless
// it indexed one paper twice: the same DOI and title, or in Scopus (which
// lists some conference abstracts two or four times) the same title, year
// and first author. A
// book and its review, an article and its erratum, share a DOI but not a
// title: two records.
func (r *resolver) sameRecord(w int32, rec *bib.Record) bool {
	first := r.c.Works[w]
	if !first.InCorpus {
		return false
	}
	sameTitle := sameTitleWords(first.Title, rec.Title)
	if doi := bib.DOIKey(&rec.Work); doi != "" && doi == bib.DOIKey(&first.Work) {
		return first.ID == "" || rec.ID == "" || first.ID == rec.ID || idScheme(first.ID) != idScheme(rec.ID) || sameTitle
	}
	if first.ID == "" || rec.ID == "" || first.ID == rec.ID || first.Record.File != rec.File {
		return true
	}
	return sameTitle && idScheme(first.ID) == scopusScheme && idScheme(rec.ID) == scopusScheme &&
		first.Year == rec.Year && bib.FamilyKey(first.FirstAuthor()) == bib.FamilyKey(rec.FirstAuthor())
}

// sameTitleWords reports whether two titles have the same significant
// words, and some.
func sameTitleWords(a, b string) bool {
	x := strings.Join(bib.TitleWords(a), " ")
	return x != "" && x == strings.Join(bib.TitleWords(b), " ")
}

// scopusScheme starts every Scopus EID.
const scopusScheme = "2-s2.0-"

// idScheme names the database a record id comes from: "WOS:" for Web of
// Science UTs, "2-s2.0-" for Scopus EIDs, what precedes the digits else.
func idScheme(id string) string {
	if strings.HasPrefix(id, scopusScheme) {
		return scopusScheme
	}
	return strings.ToUpper(strings.TrimRight(id, "0123456789"))
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
