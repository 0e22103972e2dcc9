package resolve

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// A node of matching is a description: a citing record's work (an anchor
// that references may join) or a reference, with the references whose
// text and fields are identical to it in other citing lists.
type node struct {
	work   int32   // the record's work, or -1 for references
	refs   []int32 // indices in Corpus.Refs, the first first; nil for a record
	citing []int32 // sorted citing works of refs
	self   verdict // how identical references of the node match each other
	p      profile
}

// matcher holds the descriptions of one resolution.
type matcher struct {
	tok       *tokens
	nodes     []node
	records   int     // nodes[:records] are the records' works
	refNode   []int32 // each reference's node
	srcSim    map[uint64]float64
	srcGrams  map[int32][]uint32 // trigram sketches of sources by id (sourceInText)
	gramIDF   []float32          // rarity of each trigram bucket (countGrams)
	gramShift uint               // a trigram's bucket is its hash >> gramShift
}

// link is a matched pair of nodes.
type link struct {
	a, b int32
	v    verdict
}

// group is the agreed description of a cluster of nodes, kept to check
// that a merge agrees with the whole cluster, not just one member.
type group struct {
	size             int
	record           int32 // the record's work, or -1
	id, doi          string
	yearMin, yearMax int
	vol, page        string
	volNode          int32 // the nodes vol and page come from
	pageNode         int32
	fams, nameWords  []string // first author's family variants and name words
	famNode          int32    // the node fams come from, or -1
	sectionNode      int32    // the first node whose source names a section (sectionsDiffer), or -1
	numbered         bool     // some node's text prints a number that is not a year
	titles           []int32  // the first few nodes with a title (maxTitles)
	citing           []int32  // sorted citing works of the member references
}

func newGroup(i int32, n *node) group {
	g := group{size: 1, record: n.work, id: n.p.id, doi: n.p.doi, yearMin: n.p.year, yearMax: n.p.year,
		vol: n.p.vol, page: n.p.page, fams: n.p.fams, nameWords: n.p.nameWords, famNode: -1, sectionNode: -1}
	if len(n.p.fams) > 0 {
		g.famNode = i
	}
	if n.p.hasSection() {
		g.sectionNode = i
	}
	g.numbered = n.p.numbered
	g.volNode, g.pageNode = i, i
	g.citing = n.citing
	if len(n.p.title) >= 4 {
		g.titles = []int32{i}
	}
	return g
}

// agrees reports whether two groups can be one work, given the verdict of
// the pair that links them.
func (m *matcher) agrees(g, h *group, v verdict) bool {
	if g.record >= 0 && h.record >= 0 {
		return false
	}
	if g.id != "" && h.id != "" && g.id != h.id || g.doi != "" && h.doi != "" && g.doi != h.doi {
		return false
	}
	if v.rule == MatchDOI || v.rule == MatchID {
		// An identifier outweighs what the texts say, even when a paper
		// names itself (its supplementary material under its own DOI): the
		// self-citation is kept and reported, not made a second work.
		return true
	}
	// Without an identifier, a look-alike in a paper's own list is another
	// work: a reference never joins its own record.
	if g.record >= 0 && slices.Contains(h.citing, g.record) || h.record >= 0 && slices.Contains(g.citing, h.record) {
		return false
	}
	if g.yearMin != 0 && h.yearMin != 0 && max(g.yearMax, h.yearMax)-min(g.yearMin, h.yearMin) > 1 {
		return false
	}
	if g.vol != "" && h.vol != "" && g.vol != h.vol && m.locatorsDiffer(g.volNode, h.volNode, volumeLocator) {
		return false
	}
	if g.page != "" && h.page != "" && !samePage(g.page, h.page) && m.locatorsDiffer(g.pageNode, h.pageNode, pageLocator) {
		return false
	}
	if m.unsigned(g, h) || m.unsigned(h, g) {
		return false
	}
	if partAndWhole(g, h) || partAndWhole(h, g) {
		return false
	}
	if v.located {
		// Names and titles of noisy texts may be misread beyond
		// recognition; the volume and page of the link speak for them.
		return m.sameCitations(g, h, v)
	}
	placed := !v.vague && samePlace(g, h)
	if len(g.fams) > 0 && len(h.fams) > 0 && !firstAuthorsAlike(g, h) {
		if g.famNode < 0 || h.famNode < 0 {
			return false
		}
		if a, b := &m.nodes[g.famNode].p, &m.nodes[h.famNode].p; !authorIn(a, b, placed) && !authorIn(b, a, placed) &&
			!((a.noisy || b.noisy) && (misreadFamily(a.fams, b.fams) || placed && m.misplacedFamily(a, b, g.page))) {
			return false
		}
	}
	if len(g.titles) > 0 && len(h.titles) > 0 && !m.titlesAgree(g.titles, h.titles, v, placed) {
		return false
	}
	if g.sectionNode >= 0 && h.sectionNode >= 0 && sectionsDiffer(&m.nodes[g.sectionNode].p, &m.nodes[h.sectionNode].p) {
		return false
	}
	return m.sameCitations(g, h, v)
}

// samePlace reports whether two groups name one year, one first page and
// one volume (a look-alike letter read as its digit: "S5" of a scan and
// 55) or none (a chapter's book names none): the place a work is
// printed. A compare verdict that is not
// vague found the pair alike; there names and titles that differ are
// misspelt or misread (as compare reads names whose year, volume and page
// are the same). A first page without a digit ("no–no", "n/a") is a
// placeholder that every abstract of a volume may print, not a place.
func samePlace(g, h *group) bool {
	return g.yearMin != 0 && g.yearMin == g.yearMax && h.yearMin == g.yearMin && h.yearMax == g.yearMin &&
		(g.vol == h.vol || sameLookAlike(g.vol, h.vol)) && g.page != "" && h.page != "" && samePage(g.page, h.page) && digitsOf(g.page) > 0
}

// authorIn reports whether a's first author is written in b's text
// (familyIn), or misspelt (familyNear), and not only as a word of b's
// source where a has no source of its own: a parser that finds no author
// takes the first words of the text for one, the source's ("Advancesin
// Imging and Electron Physics (2011)"), which the other text has in its
// source, not as its author. Where the groups name one place of print
// (placed) the name needs no such care.
func authorIn(a, b *profile, placed bool) bool {
	return (familyIn(a, b) || familyNear(a, b)) && (placed || len(a.src) > 0 || !familiesWithin(a.fams, sourceWordsOf(b), nameEdits))
}

// sourceWordsOf lists the words of p's source forms.
func sourceWordsOf(p *profile) []string {
	var ws []string
	for _, form := range p.src {
		ws = append(ws, form...)
	}
	return ws
}

// unsigned reports whether g names no first author, no year and no
// place of print (a title or a source alone: a journal, a program, a
// project) and h a first author and a year, whom g's text does not name:
// the work h names is another, which may have g's name in its title ("A
// micromagnetic module based on COMSOL Multiphysics" and "COMSOL
// Multiphysics Version 6.1"; an article and "Spravochnik. Inzhenernyi
// zhurnal.", its journal).
func (m *matcher) unsigned(g, h *group) bool {
	if len(g.fams) > 0 || g.yearMin != 0 || g.vol != "" || g.page != "" || h.famNode < 0 || h.yearMin == 0 {
		return false
	}
	a, b := &m.nodes[h.famNode].p, &m.nodes[g.volNode].p
	return !familyIn(a, b) && !familyNear(a, b)
}

// partAndWhole reports whether g names a part of a work and h the whole:
// g a first page but no year, h a year but no volume nor page. A chapter
// cited without its year ("(n.d.). … Unknown Boundaries, 1–38") and its
// book cited by year ("(2006). Unknown Boundaries.") share a title and an
// author, and nothing that places them together. A page the parser missed
// is still a number of g's text besides a year, where h's texts print
// none and g names no volume: a range run into the title by lost spaces
// ("… Unknown Boundaries38–42."), a page after a misread "(n.d.)".
func partAndWhole(g, h *group) bool {
	return (g.page != "" || g.numbered && g.vol == "" && !h.numbered) && g.yearMin == 0 && h.yearMin != 0 && h.page == "" && h.vol == ""
}

// misplacedFamily reports whether the first authors' family names of two
// noisy texts that name one place of print (samePlace, first page page)
// are one misread. Noise may leave little of a name ("Bseok" of Borsook,
// "Liri" of Lin, "Soky" of Savey) that another work's author could have,
// but hardly one of the same year, volume and first page in a source that
// may be the same (sourcesMeet): names are one misread there unless both
// are of two or three letters ("am" and "Kim", short names many authors
// have), or the first page is 1, where every article of a journal that
// numbers its articles begins ("Sci. Rep., 6, pp. 1-10"). Short names
// are one misread one edit apart in their OCR skeletons ("am" of a text
// whose first letter was lost and "Lam", "Gng" and "Gnüg"), and longer
// ones on page 1 or in sources apart two edits apart ("Kalfka" and
// "Kofka"), or one more than misreadFamily allows for longer ones.
func (m *matcher) misplacedFamily(a, b *profile, page string) bool {
	long := max(utf8.RuneCountInString(a.fams[0]), utf8.RuneCountInString(b.fams[0])) >= 4
	if long && strings.TrimLeft(page, "0") != "1" && m.sourcesMeet(a, b) {
		return true
	}
	return familiesWithin(a.fams, b.fams, func(n int) int {
		switch {
		case n < 2:
			return 0
		case n < 4:
			return 1
		}
		return max(2, nameEdits(n)+1)
	})
}

// sameCitations reports whether two groups may be one work as their
// citing lists say. One reference list names a work once: two of its
// entries are two works ("2015a" and "2015b", two chapters of one book,
// parts I and II) unless an identifier joins them, or an entry without
// one repeats the exact key of one that has it (a short citation of an
// identified work).
func (m *matcher) sameCitations(g, h *group, v verdict) bool {
	return v.rule == MatchKey && v.anchored || !sharesSorted(g.citing, h.citing)
}

// locatorsDiffer reports whether the volumes or first pages (kind) of
// nodes i and j differ (matcher.locator), and the two texts' numbers do
// not say that a parser misread one of them (in a noisy text): the
// numbers of one text, two or more, all in the other.
func (m *matcher) locatorsDiffer(i, j int32, kind locatorKind) bool {
	a, b := &m.nodes[i].p, &m.nodes[j].p
	if m.locator(a, b, kind) != locDiffer {
		return false
	}
	if !a.noisy && !b.noisy {
		return true
	}
	agree, _ := numbersAgree(a.nums, b.nums)
	return agree <= 0
}

// maxTitles is how many of its titles a group keeps to compare.
const maxTitles = 4

// titlesAgree reports whether some title of one group is like some title
// of the other, or found in its text (as compare finds them for the link
// v): under noise one member's title may be a parser's misreading. Of a
// noisy pair, titles agree where the groups name one place of print
// (placed), or one has fewer than 12 trigrams (a word or two, too short
// to tell, as compare has it): a misread name or source word ("Bock
// Revievs", "Easth" of "Earth, Planets and Space").
func (m *matcher) titlesAgree(gs, hs []int32, v verdict, placed bool) bool {
	for _, x := range gs {
		for _, y := range hs {
			a, b := &m.nodes[x].p, &m.nodes[y].p
			sim, inText := 0.5, v.titleInText()
			if a.noisy || b.noisy {
				if placed || min(len(a.title), len(b.title)) < 12 {
					return true
				}
				sim, inText = noisyTitleSim, noisyTitleInText
			}
			if titleSim(a.title, b.title) >= sim || a.hanTitle != b.hanTitle || max(m.titleInText(a, b), m.titleInText(b, a)) >= inText {
				return true
			}
		}
	}
	return false
}

// titlesAlike reports whether some title of one group and some of the
// other are alike as wholes (titlesApart), or one is found whole in the
// other's text (titleInText, 0.8 as compare asks): a parser that took a
// paper's proceedings for its title.
func (m *matcher) titlesAlike(gs, hs []int32) bool {
	for _, x := range gs {
		for _, y := range hs {
			a, b := &m.nodes[x].p, &m.nodes[y].p
			if !titlesApart(a, b) || max(m.titleInText(a, b), m.titleInText(b, a)) >= 0.8 {
				return true
			}
		}
	}
	return false
}

// merge folds h into g.
func (g *group) merge(h *group) {
	g.size += h.size
	if g.record < 0 {
		g.record = h.record
	}
	g.id = cmp.Or(g.id, h.id)
	g.doi = cmp.Or(g.doi, h.doi)
	if g.yearMin == 0 {
		g.yearMin, g.yearMax = h.yearMin, h.yearMax
	} else if h.yearMin != 0 {
		g.yearMin, g.yearMax = min(g.yearMin, h.yearMin), max(g.yearMax, h.yearMax)
	}
	if g.vol == "" {
		g.vol, g.volNode = h.vol, h.volNode
	}
	if g.page == "" {
		g.page, g.pageNode = h.page, h.pageNode
	}
	if len(g.fams) == 0 {
		g.fams, g.nameWords, g.famNode = h.fams, h.nameWords, h.famNode
	}
	if g.sectionNode < 0 {
		g.sectionNode = h.sectionNode
	}
	g.numbered = g.numbered || h.numbered
	g.titles = append(g.titles, h.titles[:min(len(h.titles), maxTitles-len(g.titles))]...)
	g.citing = mergeSorted(g.citing, h.citing)
}

func sharesSorted(a, b []int32) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			return true
		}
	}
	return false
}

func mergeSorted(a, b []int32) []int32 {
	if len(b) == 0 {
		return a
	}
	out := make([]int32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			out = append(out, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	return out
}

// cluster links nodes into groups, the strongest links first, each merge
// checked against both groups (group.agrees). It returns each node's root.
func (m *matcher) cluster(links []link) []int32 {
	n := len(m.nodes)
	parent := make([]int32, n)
	groups := make([]group, n)
	parallelFor(n, func(i int) {
		parent[i] = int32(i)
		groups[i] = newGroup(int32(i), &m.nodes[i])
	})
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	// Links to a record's work go first: a corpus paper's own description
	// is complete, and a group of references formed before it could take a
	// field from one noisy member (a DOI cut from a publisher's URL, pages
	// with a digit too many) that keeps the rest from the record.
	toRecord := func(l link) int {
		if l.a < int32(m.records) || l.b < int32(m.records) {
			return 0
		}
		return 1
	}
	slices.SortFunc(links, func(x, y link) int {
		return cmp.Or(cmp.Compare(toRecord(x), toRecord(y)), cmp.Compare(y.v.evidence, x.v.evidence), cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b))
	})
	join := func(ra, rb int32) {
		// The larger group absorbs the smaller; ties keep the earlier root.
		if groups[ra].size < groups[rb].size || groups[ra].size == groups[rb].size && rb < ra {
			ra, rb = rb, ra
		}
		groups[ra].merge(&groups[rb])
		groups[rb] = group{}
		parent[rb] = ra
	}
	// A link with rivals (rivalLinks) waits while a rival could join its
	// node's group and the node's text does not choose between them.
	rivals := m.rivalLinks(links)
	waits := func(i int32) bool {
		return slices.ContainsFunc(rivals[i], func(j int32) bool {
			x := sharedEnd(links[i], links[j])
			to, rival := links[i].other(x), links[j].other(x)
			rx, rr := find(x), find(rival)
			return rx != rr && find(to) != rr && !m.prefers(x, to, rival) && m.agrees(&groups[rx], &groups[rr], links[j].v)
		})
	}
	var waiting []int32
	firm := func(i int32) {
		l := links[i]
		ra, rb := find(l.a), find(l.b)
		if ra == rb {
			return
		}
		if waits(i) {
			waiting = append(waiting, i)
			return
		}
		if m.agrees(&groups[ra], &groups[rb], l.v) {
			join(ra, rb)
		}
	}
	for i, l := range links {
		if !l.v.vague {
			firm(int32(i))
		}
	}
	// A rival that has since joined another group (its own twin in the
	// node's list took it) no longer holds a link back.
	for n := -1; n != len(waiting); {
		n = len(waiting)
		held := waiting
		waiting = nil
		for _, i := range held {
			firm(i)
		}
	}

	// Vague links (a year with an author or a source, nothing more) join
	// groups only where they are unambiguous: all the groups they connect
	// must make one consistent work, else none of them is joined.
	comp := make([]int32, n)
	for i := range comp {
		comp[i] = int32(i)
	}
	var findComp func(int32) int32
	findComp = func(x int32) int32 {
		for comp[x] != x {
			comp[x] = comp[comp[x]]
			x = comp[x]
		}
		return x
	}
	var vague, near []link
	for _, l := range links {
		if a, b := &m.nodes[l.a].p, &m.nodes[l.b].p; l.v.vague && (a.noisy || b.noisy) && yearsDiffer(a, b) {
			// A year and an author or a source are all a vague link
			// of a noisy text shares, whose look-alike digits are read
			// back: one a year apart is as likely the author's next
			// work in that source. Online-first and print years one
			// apart join on firmer evidence.
			continue
		}
		if l.v.near {
			near = append(near, l)
			continue
		}
		if !l.v.vague {
			continue
		}
		ra, rb := find(l.a), find(l.b)
		if ra == rb {
			continue
		}
		vague = append(vague, l)
		ca, cb := findComp(ra), findComp(rb)
		if ca != cb {
			comp[max(ca, cb)] = min(ca, cb)
		}
	}
	members := map[int32][]int32{}
	for _, l := range vague {
		for _, x := range []int32{find(l.a), find(l.b)} {
			c := findComp(x)
			if !slices.Contains(members[c], x) {
				members[c] = append(members[c], x)
			}
		}
	}
	order := make([]int32, 0, len(members))
	for c := range members {
		order = append(order, c)
	}
	slices.Sort(order)
	consistent := func(ms []int32) bool {
		trial := groups[ms[0]]
		for _, x := range ms[1:] {
			if !m.agrees(&trial, &groups[x], verdict{rule: MatchFuzzy, vague: true}) {
				return false
			}
			trial.merge(&groups[x])
		}
		return true
	}
	split := map[int32]bool{} // components that are not one work
	for _, c := range order {
		ms := members[c]
		slices.Sort(ms)
		if !consistent(ms) {
			split[c] = true
			continue
		}
		for _, x := range ms[1:] {
			join(find(ms[0]), x)
		}
	}
	m.joinClearVague(vague, split, groups, find, findComp, consistent, join)
	// Noisy pairs turned down whose texts are near, each other's likeliest.
	m.joinMutualBest(near, nil, groups, find, findComp, join)
	roots := make([]int32, n)
	for i := range roots {
		roots[i] = find(int32(i))
	}
	return roots
}

// yearsDiffer reports whether two descriptions both name a year, and
// not the same.
func yearsDiffer(a, b *profile) bool {
	return a.year != 0 && b.year != 0 && a.year != b.year
}

// vagueEnds are the groups a vague link joins, and its verdict.
type vagueEnds struct {
	a, b int32
	v    verdict
}

// joinClearVague joins, in a component of vague links that is not one
// work (split), the links that are unambiguous where they stand: each end
// makes one consistent work with every group it has a vague link to. A
// reference naming only a year, an author and a journal that two works
// could be stays apart from both; the four noisy copies of one conference
// paper join although a fifth reference of the component is another work.
func (m *matcher) joinClearVague(vague []link, split map[int32]bool, groups []group, find, findComp func(int32) int32, consistent func([]int32) bool, join func(a, b int32)) {
	if len(split) == 0 {
		return
	}
	var inSplit []vagueEnds
	near := map[int32][]int32{}
	for _, l := range vague {
		ra, rb := find(l.a), find(l.b)
		if ra == rb || !split[findComp(ra)] {
			continue
		}
		inSplit = append(inSplit, vagueEnds{ra, rb, l.v})
		near[ra] = append(near[ra], rb)
		near[rb] = append(near[rb], ra)
	}
	clear := make(map[int32]bool, len(near))
	for r, ns := range near {
		ms := append([]int32{r}, ns...)
		slices.Sort(ms)
		clear[r] = consistent(slices.Compact(ms))
	}
	for _, e := range inSplit {
		if !clear[e.a] || !clear[e.b] {
			continue
		}
		if ra, rb := find(e.a), find(e.b); ra != rb && m.agrees(&groups[ra], &groups[rb], e.v) {
			join(ra, rb)
		}
	}
	m.joinWholeWorks(inSplit, groups, find, join)
	m.joinMutualBest(vague, split, groups, find, findComp, join)
}

// joinMutualBest joins two groups each of which is the other's likeliest,
// where a text of the link is noisy: the link between them shares the
// most text (gramShare, which misspellings leave mostly whole) of each
// end's links, by a margin over the next. It reads the vague links of a
// component that is not one work (split): noise turns the title, names
// and numbers that would have made a link firm into a vague one, so that
// the four noisy copies of one paper of a proceedings are vaguely linked
// to its other papers as well; each copy still shares the most text with
// its own. Links of clean texts stay as joinClearVague leaves them. It
// reads, too, the pairs compare turned down whose texts are near
// (nearTexts, split nil): there two groups that both have titles join
// only when some of their titles are alike (titlesAlike). A likeliest by
// no margin is still clear where the next could be the same work, and
// the group with both: two copies of one work that nothing linked.
func (m *matcher) joinMutualBest(vague []link, split map[int32]bool, groups []group, find, findComp func(int32) int32, join func(a, b int32)) {
	if m.gramIDF == nil {
		return
	}
	type scored struct {
		a, b  int32 // nodes
		share float64
	}
	var links []scored
	for _, l := range vague {
		if ra, rb := find(l.a), find(l.b); ra != rb && (split == nil || split[findComp(ra)]) && (m.nodes[l.a].p.noisy || m.nodes[l.b].p.noisy) {
			links = append(links, scored{l.a, l.b, m.gramShare(m.nodes[l.a].p.textGrams, m.nodes[l.b].p.textGrams)})
		}
	}
	type best struct {
		to, next      int32 // the likeliest group and the next
		first, second float64
	}
	const margin = 0.05
	// clearBest reports whether group r's likeliest (b) is clear: by the
	// margin, or where the next could be one work with it and with r.
	clearBest := func(r int32, b *best) bool {
		if b.first-b.second >= margin {
			return true
		}
		if b.next < 0 {
			return false
		}
		to, next := find(b.to), find(b.next)
		if to == next || next == r {
			return false
		}
		vague := verdict{rule: MatchFuzzy, vague: true}
		return m.agrees(&groups[to], &groups[next], vague) && m.agrees(&groups[r], &groups[next], vague)
	}
	// A group joined takes its members' links: another pass may find it
	// the likeliest of a group whose likeliest it was not.
	for joined := true; joined; {
		joined = false
		bests := map[int32]*best{}
		note := func(r, to int32, s float64) {
			b := bests[r]
			if b == nil {
				b = &best{to: -1, next: -1}
				bests[r] = b
			}
			switch {
			case to == b.to:
				b.first = max(b.first, s)
			case s > b.first:
				b.to, b.next, b.first, b.second = to, b.to, s, b.first
			case s > b.second:
				b.next, b.second = to, s
			}
		}
		for _, l := range links {
			if ra, rb := find(l.a), find(l.b); ra != rb {
				s := l.share
				if sameSigner(&groups[ra], &groups[rb]) {
					s += signedRank
				}
				note(ra, rb, s)
				note(rb, ra, s)
			}
		}
		for _, l := range links {
			ra, rb := find(l.a), find(l.b)
			x, y := bests[ra], bests[rb]
			if ra == rb || x == nil || y == nil || x.to != rb || y.to != ra || !clearBest(ra, x) || !clearBest(rb, y) ||
				split == nil && len(groups[ra].titles) > 0 && len(groups[rb].titles) > 0 && !m.titlesAlike(groups[ra].titles, groups[rb].titles) {
				continue
			}
			if m.agrees(&groups[ra], &groups[rb], verdict{rule: MatchFuzzy, vague: true}) {
				join(ra, rb)
				joined = true
			}
		}
	}
}

// signedRank ranks a link whose groups name one first author
// (sameSigner) above every link that does not: shares are at most 1.
const signedRank = 1

// sameSigner reports whether two groups both name a first author, and
// the same one, misspelt or not (as agrees reads names). Of the links of a
// noisy reference naming an author, a year and a source, the one to its
// author's work is likelier than one to an unsigned description of the
// source alone ("Oxford Music Online 2003.", a proceedings cited by its
// title), which shares more of the text when the source's name is long.
func sameSigner(g, h *group) bool {
	return len(g.fams) > 0 && len(h.fams) > 0 && firstAuthorsAlike(g, h)
}

// firstAuthorsAlike reports whether two groups' first authors have one
// family name (sameFamily) or near ones (nearFamily).
func firstAuthorsAlike(g, h *group) bool {
	return sameFamily(g.fams, g.nameWords, h.fams, h.nameWords) || nearFamily(g.fams, h.fams)
}

// joinWholeWorks joins a reference that names no part of a work (no
// title, volume or page: an author and a year) to the one work it could
// be that is itself cited without a volume or page, when the others it
// could be each name their pages: a book, not its chapters ("Rawlinson,
// M. 2010." and "Rawlinson, M. (2010). Pat Barker.", not "… Timeline. Pat
// Barker, 1–11."); a report, not its author's article of that year. A
// citation of a chapter or an article gives its pages.
func (m *matcher) joinWholeWorks(inSplit []vagueEnds, groups []group, find func(int32) int32, join func(a, b int32)) {
	near := map[int32][]int32{}
	var ends []int32
	for _, e := range inSplit {
		for _, x := range [][2]int32{{e.a, e.b}, {e.b, e.a}} {
			if _, ok := near[x[0]]; !ok {
				ends = append(ends, x[0])
			}
			near[x[0]] = append(near[x[0]], x[1])
		}
	}
	slices.Sort(ends)
	bare := func(g *group) bool { return g.vol == "" && g.page == "" }
	for _, r := range ends {
		rr := find(r)
		if g := &groups[rr]; !bare(g) || len(g.titles) > 0 {
			continue
		}
		whole, parts := int32(-1), 0
		for _, x := range near[r] {
			rx := find(x)
			switch h := &groups[rx]; {
			case rx == rr || rx == whole:
			case !bare(h):
				parts++
			case len(h.titles) == 0:
				// Another reference that names no part: no evidence.
			case whole >= 0:
				parts, whole = -1, -1
			default:
				whole = rx
			}
			if parts < 0 {
				break
			}
		}
		if whole >= 0 && parts > 0 && m.agrees(&groups[rr], &groups[whole], verdict{rule: MatchFuzzy, vague: true}) {
			join(rr, whole)
		}
	}
}

// newMatcher profiles the corpus's record works and the references. A
// reference whose parsed fields repeat those of a reference of another
// citing list, and identify a work by themselves, shares its node: resolution then compares each distinct description once. Repeats
// within one list stay apart (one list names a work once).
// References that name their work by id have no node (see resolveByID);
// with none of the others, the records have none either.
func (r *resolver) newMatcher(refs []*bib.Reference) *matcher {
	m := &matcher{tok: newTokens(), refNode: make([]int32, len(refs)), srcSim: map[uint64]float64{}}
	// The citing work of each reference that has a node, -1 for those
	// that name their work by id.
	citing := make([]int32, len(refs))
	fuzzy := false
	for i, ref := range refs {
		if ref.ID != "" {
			m.refNode[i], citing[i] = -1, -1
		} else {
			citing[i] = r.c.Refs[i].Citing
			fuzzy = true
		}
	}
	if !fuzzy {
		return m
	}
	keys, count := descriptionKeys(refs)
	// The references' nodes are grouped first and the nodes, large with
	// their profiles, made at their exact number.
	groups := groupReferences(keys, count, citing, len(r.c.Works), m.refNode)
	records := int32(len(r.c.Works))
	for i, k := range m.refNode {
		if k >= 0 {
			m.refNode[i] = records + k
		}
	}
	// One node per distinct record work, then one per group, set with
	// their profiles on every core (the nodes, large, are first written
	// there: 78 MB on 500 generated reviews citing 800 works each).
	m.records = len(r.c.Works)
	m.nodes = make([]node, m.records+groups.len())
	// Profiles on every core, a worker to a run of nodes, their tokens
	// interned in the run's vocabulary; then the vocabularies merged in
	// order and the words no other description uses mended (corrector),
	// on every core again.
	describe := func(k int) (id string, w *bib.Work, raw string) {
		n := &m.nodes[k]
		if n.work >= 0 {
			wk := &r.c.Works[n.work]
			return wk.ID, &wk.Work, ""
		}
		ref := refs[n.refs[0]]
		return ref.ID, &ref.Work, ref.Raw
	}
	runs := make([]*vocabulary, min(runtime.GOMAXPROCS(0), max(1, len(m.nodes)/1000)))
	forRanges(len(m.nodes), len(runs), func(run, lo, hi int) {
		v := newVocabulary(lo, hi)
		var pd textTokens
		for k := lo; k < hi; k++ {
			n := &m.nodes[k]
			if k < m.records {
				n.work = int32(k)
			} else {
				n.work = -1
				n.refs, n.citing = groups.members(k - m.records)
			}
			id, w, raw := describe(k)
			prepareProfile(&n.p, &pd, id, w, raw)
			v.add(&pd)
		}
		runs[run] = v
	})
	// The texts' sketches need only the profiles: they are made while the
	// tokens are merged and mended, which is partly serial.
	var sketching sync.WaitGroup
	sketching.Go(m.sketchTexts)
	words := 0
	for _, v := range runs {
		m.tok.merge(v)
		v.wordsBefore = words
		words += len(v.words)
	}
	// Node k's words, in the order of its text, are seq[ends[k]:ends[k+1]].
	seq := make([]int32, words)
	ends := make([]int, len(m.nodes)+1)
	forRanges(len(m.nodes), len(runs), func(run, _, _ int) { runs[run].finishProfiles(m.tok, m.nodes, seq, ends) })
	runs = nil // their tokens are the corpus's now
	m.tok.countDocuments(m.nodes)
	c := newCorrector(m.tok)
	parallelFor(len(m.nodes), func(k int) {
		p := &m.nodes[k].p
		var room [64]int32 // the mended words, on the stack for most texts
		if words := c.correct(room[:0], seq[ends[k]:ends[k+1]]); !slices.Equal(words, seq[ends[k]:ends[k+1]]) {
			p.words = sortedSet(words)
			p.noisy = true
		}
	})
	m.tok.countDocuments(m.nodes)
	m.readSources(func(k int) *bib.Work {
		_, w, _ := describe(k)
		return w
	}, c)
	m.tok.finish(len(m.nodes))
	sketching.Wait()
	for k := m.records; k < len(m.nodes); k++ {
		if n := &m.nodes[k]; len(n.refs) > 1 {
			n.self = m.compare(&n.p, &n.p)
		}
	}
	return m
}

// parallelFor calls f(0) … f(n-1) on every core.
func parallelFor(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), max(1, n/1000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < n; i += workers {
				f(i)
			}
		})
	}
	wg.Wait()
}

// forRanges splits 0 … n-1 into workers runs of consecutive indices and
// calls f(w, lo, hi) for each run on a goroutine of its own: for work
// whose results keep the order of the indices, worker w's after w-1's.
func forRanges(n, workers int, f func(w, lo, hi int)) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { f(w, w*n/workers, (w+1)*n/workers) })
	}
	wg.Wait()
}

// identifying reports whether a reference's fields identify a work without
// the help of the rest of the corpus: an id, a DOI, or a year with two of a
// first author, a title, a source and a volume with a page.
func identifying(ref *bib.Reference) bool {
	w := &ref.Work
	if ref.ID != "" || w.DOI != "" {
		return true
	}
	if w.Year == 0 {
		return false
	}
	n := 0
	for _, ok := range []bool{len(w.Authors) > 0, len(w.Title) >= 12, w.Container != "" || w.ContainerShort != "", w.Volume != "" && w.Pages != "" || w.Pages != "" && w.Container != ""} {
		if ok {
			n++
		}
	}
	return n >= 2
}

// appendContainerKey appends a source's letters and digits, folded to
// lower case, its one-letter words kept: they name a journal's section
// ("Phys Rev B").
func appendContainerKey(dst []byte, s string) []byte {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// descriptionKeys numbers the description keys of the references without
// an id whose fields identify a work: references with the same key get the
// same number (of count), the others -1. A work cited by many papers of the corpus is
// worded and read alike in each (150,229 wordings of 400,000 references
// in 500 generated reviews): its key is made and looked up once, by its
// hash (hashedKeys).
func descriptionKeys(refs []*bib.Reference) (number []int32, count int) {
	seed := maphash.MakeSeed()
	hash := make([]uint64, len(refs)) // each reference's wording's hash, then its key's
	parallelFor(len(refs), func(i int) { hash[i] = maphash.String(seed, refs[i].Raw) })
	// Each reference's first earlier reference worded alike, by the hash
	// of its wording; the wording and fields are compared next, on every
	// core.
	same := make([]int32, len(refs))
	first := make(map[uint64]int32, len(refs)/2)
	for i, h := range hash {
		j, ok := first[h]
		if !ok {
			j = int32(i)
			first[h] = j
		}
		same[i] = j
	}
	// number[i] is -1 for a reference first worded alike whose fields
	// identify no work, until the numbering below.
	number = make([]int32, len(refs))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(refs)/1000))
	forRanges(len(refs), workers, func(_, lo, hi int) {
		keys := describer(seed)
		for i := lo; i < hi; i++ {
			j := same[i]
			if j != int32(i) && (refs[j].Raw != refs[i].Raw || !sameFields(refs[j], refs[i])) {
				same[i] = int32(i)
			}
			if same[i] == int32(i) && refs[i].ID == "" && identifying(refs[i]) {
				hash[i] = keys.hash(refs[i])
			} else {
				number[i] = -1
			}
		}
	})
	keys := describer(seed)
	numbers := make(map[uint64]int32, len(refs)/2)
	var firsts []int32 // the first reference of each number
	for i, j := range same {
		switch {
		case j != int32(i):
			number[i] = number[j]
		case number[i] >= 0:
			var n int32
			var held bool
			key := probe(hash[i], func(key uint64) bool {
				n, held = numbers[key]
				return !held || keys.same(refs[firsts[n]], refs[i])
			})
			if !held {
				n = int32(len(firsts))
				numbers[key] = n
				firsts = append(firsts, int32(i))
			}
			number[i] = n
		}
	}
	return number, len(firsts)
}

// describer hashes and compares description keys (appendDescriptionKey)
// with a splitter of its own.
func describer(seed maphash.Seed) *hashedKeys[*bib.Reference] {
	var sp splitter
	return &hashedKeys[*bib.Reference]{seed: seed, appendKey: func(dst []byte, ref *bib.Reference) []byte {
		return appendDescriptionKey(dst, &sp, ref)
	}}
}

// sameFields reports whether two references have the same id and fields
// (TestSameFieldsEveryField keeps it to every field of bib.Work).
func sameFields(a, b *bib.Reference) bool {
	x, y := &a.Work, &b.Work
	return a.ID == b.ID && x.Type == y.Type && x.Year == y.Year && x.Title == y.Title &&
		x.Container == y.Container && x.ContainerShort == y.ContainerShort &&
		x.Volume == y.Volume && x.Issue == y.Issue && x.Pages == y.Pages &&
		x.Publisher == y.Publisher && x.Place == y.Place && x.DOI == y.DOI && x.URL == y.URL &&
		x.Original == y.Original && slices.Equal(x.Authors, y.Authors)
}

// appendDescriptionKey appends a reference's parsed fields, folded, to
// dst, split by sp: references that differ only in case, punctuation or
// style but were parsed to the same fields have the same key.
func appendDescriptionKey(dst []byte, sp *splitter, ref *bib.Reference) []byte {
	w := &ref.Work
	field := func(s string) {
		dst = append(dst, s...)
		dst = append(dst, 0)
	}
	// The tight forms are written straight in (tightOf without its string).
	write := func(p []byte) { dst = append(dst, p...) }
	tight := func(s string) {
		sp.split(s, write, write)
		dst = append(dst, 0)
	}
	source := func(s string) {
		dst = appendContainerKey(dst, s)
		dst = append(dst, 0)
	}
	fa := w.FirstAuthor()
	field(ref.ID)
	field(bib.DOIKey(w))
	sp.split(fa.Family, write, write) // "Family Literal" made tight: each name's words in turn
	tight(fa.Literal)
	field(string(FirstInitial(fa)))
	dst = strconv.AppendInt(dst, int64(w.Year), 10)
	dst = append(dst, 0)
	tight(w.Title)
	source(w.Container)
	source(w.ContainerShort)
	field(normLocator(w.Volume))
	field(normLocator(w.Issue))
	field(normLocator(w.Pages))
	tight(w.Original)
	return dst
}

// link compares the candidate pairs and returns those that match, in
// the order of the pairs. The comparisons run on every core, each worker
// with its own source-similarity memo.
func (m *matcher) link() []link {
	pairs := m.candidates()
	m.countGrams()
	workers := max(1, min(runtime.GOMAXPROCS(0), len(pairs)/20000))
	parts := make([][]link, workers)
	forRanges(len(pairs), workers, func(w, lo, hi int) {
		wm := *m
		wm.srcSim, wm.srcGrams = map[uint64]float64{}, nil
		parts[w] = make([]link, 0, (hi-lo)/2)
		for _, pr := range pairs[lo:hi] {
			a, b := &m.nodes[pr[0]], &m.nodes[pr[1]]
			v := wm.compare(&a.p, &b.p)
			if v.rule == "" && (a.p.noisy || b.p.noisy) {
				v = wm.compareText(&a.p, &b.p)
			}
			if v.rule != "" && !v.vague && (a.p.noisy || b.p.noisy) {
				v.located = wm.locate(&a.p, &b.p)
			}
			if v.rule != "" {
				parts[w] = append(parts[w], link{pr[0], pr[1], v})
			} else if (a.p.noisy || b.p.noisy) && wm.nearTexts(&a.p, &b.p) {
				parts[w] = append(parts[w], link{pr[0], pr[1], verdict{evidence: matchThreshold, rule: MatchFuzzy, near: true, vague: true, agreed: agreeText}})
			}
		}
	})
	return slices.Concat(parts...)
}

// sketchTexts computes every node's text sketch (titleInText), on every
// core, so that comparisons only read the nodes. newMatcher runs it.
func (m *matcher) sketchTexts() {
	parallelFor(len(m.nodes), func(i int) {
		p := &m.nodes[i].p
		if p.textGrams = TightGrams(p.tight); p.textGrams == nil {
			p.textGrams = []uint32{}
		}
	})
}

// matchReferences resolves every reference of refs (parallel to r.c.Refs)
// to a work: a record's, another reference's, or a new one.
func (r *resolver) matchReferences(refs []*bib.Reference) {
	m := r.newMatcher(refs)
	links := m.link()
	roots := m.cluster(links)

	// Works in order of first appearance: a group with a record is its work.
	// workOf holds each group's work by its root, -1 until it has one.
	workOf := make([]int32, len(m.nodes))
	for k := range workOf {
		workOf[k] = -1
	}
	for i := 0; i < m.records; i++ {
		workOf[roots[i]] = m.nodes[i].work
	}
	// The groups without a record are new works: room for them at once.
	fresh := 0
	for k, root := range roots {
		if workOf[root] < 0 && int(root) == k {
			fresh++
		}
	}
	r.c.Works = slices.Grow(r.c.Works, fresh)
	// Each node's best link inside its group, to an earlier node if any.
	best := make([]int, len(m.nodes))
	for i := range best {
		best[i] = -1
	}
	better := func(i int32, k int, other int32) {
		cur := best[i]
		if cur < 0 {
			best[i] = k
			return
		}
		c := links[cur]
		curOther := c.a
		if curOther == i {
			curOther = c.b
		}
		// Prefer an earlier partner, then stronger evidence.
		if (other < i) != (curOther < i) {
			if other < i {
				best[i] = k
			}
			return
		}
		if links[k].v.evidence > c.v.evidence {
			best[i] = k
		}
	}
	for k, l := range links {
		if roots[l.a] != roots[l.b] {
			continue
		}
		better(l.a, k, l.b)
		better(l.b, k, l.a)
	}
	// Each reference's work, in input order: works are numbered, and their
	// gaps filled, in the order of their references. The new works are
	// only numbered here and written below.
	firstRef := map[int32]int{} // the first reference to each work resolved by id
	firstNew := int32(len(r.c.Works))
	for i, ref := range refs {
		k := m.refNode[i]
		if k < 0 {
			r.resolveByID(i, ref, firstRef)
			continue
		}
		out := &r.c.Refs[i]
		w := workOf[roots[k]]
		if w < 0 {
			w = r.reserveWork()
			workOf[roots[k]] = w
			out.Work, out.Match = w, MatchNew
			continue
		}
		if w < firstNew {
			fillMissing(&r.c.Works[w].Work, &ref.Work)
		}
		out.Work = w
	}
	r.writeNewWorks(m, refs, firstNew)
	// How each reference joined an earlier one's work, on every core.
	parallelFor(len(refs), func(i int) {
		k, out := m.refNode[i], &r.c.Refs[i]
		if k < 0 || out.Match == MatchNew {
			return
		}
		switch n := &m.nodes[k]; {
		case n.refs[0] != int32(i) && n.self.rule != "":
			// A repeat of the node's first reference.
			out.Match, out.Score, out.Via, out.Agreed = n.self.rule, n.self.score(), int(n.refs[0]), n.self.agreed.String()
		case best[k] >= 0:
			l := links[best[k]]
			other := l.a
			if other == k {
				other = l.b
			}
			out.Match, out.Score, out.Agreed = l.v.rule, l.v.score(), l.v.agreed.String()
			if o := &m.nodes[other]; o.refs != nil {
				out.Via = int(o.refs[0])
			}
		}
		if r.c.Works[out.Work].InCorpus {
			out.Match = MatchRecord
		}
	})
}

// writeNewWorks writes the works matchReferences made, from firstNew on,
// for the groups without a record: each from its first reference, its gaps
// filled from the others in input order. It runs on every core, a worker
// to a run of works, so that their fresh memory (35 MB on 500 generated
// reviews citing 800 works each) is faulted in on every core.
func (r *resolver) writeNewWorks(m *matcher, refs []*bib.Reference, firstNew int32) {
	added := len(r.c.Works) - int(firstNew)
	forRanges(added, min(runtime.GOMAXPROCS(0), max(1, added/1000)), func(_, lo, hi int) {
		for i, ref := range refs {
			k, out := m.refNode[i], &r.c.Refs[i]
			if k < 0 || int(out.Work-firstNew) < lo || int(out.Work-firstNew) >= hi {
				continue // resolved by id, to a record's work or another worker's
			}
			w := &r.c.Works[out.Work]
			if out.Match != MatchNew {
				fillMissing(&w.Work, &ref.Work)
				continue
			}
			// The reference has no id (it has a node), and the node's
			// profile is its (the first of its node, as of its group):
			// its keys are bib.MatchKeys.
			*w = Work{Work: ref.Work}
			if len(m.nodes[k].p.keys) == 0 {
				// Nothing to match on: the raw text is the only description.
				w.Title = fallbackTitle(ref)
			}
		}
	})
}

// resolveByID resolves reference i, which names its work by id (an edge
// list, OpenAlex's referenced_works): to the work with that id, a record's
// or an earlier reference's, or to a new one. It is never matched on its
// fields, so that it costs a map lookup and a million references of an edge
// list resolve in linear time; firstRef holds the first reference to each
// work it made.
func (r *resolver) resolveByID(i int, ref *bib.Reference, firstRef map[int32]int) {
	out := &r.c.Refs[i]
	w, ok := r.byID[ref.ID]
	if !ok {
		w = r.newWork(Work{Work: ref.Work, ID: ref.ID})
		r.byID[ref.ID] = w
		firstRef[w] = i
		out.Work, out.Match = w, MatchNew
		return
	}
	fillMissing(&r.c.Works[w].Work, &ref.Work)
	out.Work, out.Match, out.Score, out.Agreed = w, MatchID, 1, agreeID.String()
	switch first, ok := firstRef[w]; {
	case r.c.Works[w].InCorpus:
		out.Match = MatchRecord
	case ok:
		out.Via = first
	}
}
