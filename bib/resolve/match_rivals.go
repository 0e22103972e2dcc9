package resolve

import (
	"cmp"
	"slices"
	"strings"
)

// rivalMargin is how much stronger one firm link of a node must be than
// another to a rival (rivalLinks) to choose between them: a year's worth
// of evidence, less than noise takes from a pair by a misread word.
const rivalMargin = wYear

// rivalLinks finds the firm links of a noisy node that cannot choose
// between rivals: two nodes that one reference list names apart (a list
// cites a work once) and that differ (differ), each linked to the node by
// evidence within rivalMargin of the other's. Twins that differ in one
// field (a last page, an editorial's label, a review's heading) and a text
// whose style or noise lost that field: joined by the stronger link, the
// node takes one twin's group as likely as the other's, and the other's
// citations with it. Only a node whose own text is noisy (PDF extraction
// or OCR) waits: its evidence for either twin is the noise's; a clean
// text's stronger link is a closer description. It returns each such
// link's rival links, by index in links.
func (m *matcher) rivalLinks(links []link) map[int32][]int32 {
	// Each noisy end of a firm link, by node and the strongest link first;
	// counted first, as the ends are about as many as the links.
	type end struct{ x, i int32 }
	noisyEnds := func(yield func(end) bool) {
		for i, l := range links {
			if l.v.vague || l.v.rule == MatchDOI || l.v.rule == MatchID {
				continue // identifiers decide
			}
			for _, x := range [2]int32{l.a, l.b} {
				if m.nodes[x].p.noisy && !yield(end{x, int32(i)}) {
					return
				}
			}
		}
	}
	n := 0
	for range noisyEnds {
		n++
	}
	ends := make([]end, 0, n)
	for e := range noisyEnds {
		ends = append(ends, e)
	}
	slices.SortFunc(ends, func(e, f end) int {
		return cmp.Or(cmp.Compare(e.x, f.x), cmp.Compare(links[f.i].v.evidence, links[e.i].v.evidence), cmp.Compare(e.i, f.i))
	})
	rivals := map[int32][]int32{}
	for len(ends) > 0 {
		x := ends[0].x
		n := 1
		for n < len(ends) && ends[n].x == x {
			n++
		}
		ls := ends[:n]
		ends = ends[n:]
		citing := m.nodes[x].citing
		for p, e := range ls {
			i := e.i
			a := links[i].other(x)
			if sharesSorted(m.nodes[a].citing, citing) {
				continue
			}
			for _, f := range ls[p+1:] {
				j := f.i
				if links[i].v.evidence-links[j].v.evidence >= rivalMargin {
					break
				}
				b := links[j].other(x)
				if b == a || sharesSorted(m.nodes[b].citing, citing) || !sharesSorted(m.nodes[a].citing, m.nodes[b].citing) || !m.differ(a, b) {
					continue
				}
				rivals[i] = append(rivals[i], j)
				rivals[j] = append(rivals[j], i)
			}
		}
	}
	return rivals
}

// other is the end of l that is not x.
func (l link) other(x int32) int32 {
	if l.a == x {
		return l.b
	}
	return l.a
}

// sharedEnd is the end that links l and r share.
func sharedEnd(l, r link) int32 {
	if l.a == r.a || l.a == r.b {
		return l.a
	}
	return l.b
}

// prefers reports whether x's text holds words or numbers of a's that b
// lacks, and none of b's that a lacks: the field that tells twins apart
// ("106" of "79–106", "review" of a review's heading).
func (m *matcher) prefers(x, a, b int32) bool {
	px, pa, pb := &m.nodes[x].p, &m.nodes[a].p, &m.nodes[b].p
	return m.ownTokens(px, pa, pb) > 0 && m.ownTokens(px, pb, pa) == 0
}

// ownTokens counts the words and numbers of a that b lacks and x has. A
// word that b holds misspelt (one edit apart) or run into another
// ("withApplications") is noise, not a field of a's own.
func (m *matcher) ownTokens(x, a, b *profile) int {
	noise := func(t int32) bool {
		w := m.tok.strs[t]
		return strings.Contains(b.tight, w) || slices.ContainsFunc(b.words, func(u int32) bool { return oneEdit(w, m.tok.strs[u]) })
	}
	return ownOf(x.words, a.words, b.words, noise) + ownOf(x.nums, a.nums, b.nums, nil)
}

// ownOf counts the tokens of sorted a that sorted b lacks and sorted x
// has, but for those b holds in another form (held, when given).
func ownOf(x, a, b []int32, held func(int32) bool) int {
	n := 0
	for _, t := range a {
		if _, in := slices.BinarySearch(b, t); in {
			continue
		}
		if _, in := slices.BinarySearch(x, t); in && (held == nil || !held(t)) {
			n++
		}
	}
	return n
}

// differ reports whether a and b have words or numbers of their own
// that other descriptions use as well: a field that tells them apart, not
// a misspelling (a word of one text alone) that the corrector left. Twins
// that differ in nothing are one work named twice, and a link to either
// joins it.
func (m *matcher) differ(a, b int32) bool {
	pa, pb := &m.nodes[a].p, &m.nodes[b].p
	return m.sharedOwn(pa.words, pb.words) || m.sharedOwn(pb.words, pa.words) || m.sharedOwn(pa.nums, pb.nums) || m.sharedOwn(pb.nums, pa.nums)
}

// sharedOwn reports whether sorted a has a token that sorted b lacks and
// another description has.
func (m *matcher) sharedOwn(a, b []int32) bool {
	for _, t := range a {
		if _, in := slices.BinarySearch(b, t); !in && m.tok.df[t] >= 2 {
			return true
		}
	}
	return false
}
