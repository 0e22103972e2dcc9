package graph

import (
	"cmp"
	"slices"

	"github.com/citegraph/citegraph/bib/resolve"
)

// Historiograph is the direct-citation network among the citing records of
// the corpus (Garfield, Pudovkin & Istomin 2003, "Why do we need
// algorithmic historiography?", J. Am. Soc. Inf. Sci. Technol.
// 54(5):400–412, doi:10.1002/asi.10226; HistCite): who in the corpus cites
// whom, its nodes ordered by publication year.
type Historiograph struct {
	// Works are the records' works, by year (unknown years last), then by
	// order of appearance.
	Works []int32
	// Citations links nodes (indices into Works), citing → cited.
	Citations *Directed
	// LCS, the local citation score, counts the corpus records citing each
	// node; GCS, the global citation score, is the database's count
	// (Record.TimesCited, 0 when the input has none); LCR counts the corpus
	// records each node cites.
	LCS, GCS, LCR []int
	// Reduced says that Citations are the transitive reduction of the
	// citations among Works (Reduce).
	Reduced bool
}

// NewHistoriograph builds the historiograph of a corpus.
func NewHistoriograph(c *Corpus) *Historiograph {
	var works []int32
	for i := range c.Works {
		if c.Works[i].InCorpus {
			works = append(works, int32(i))
		}
	}
	slices.SortStableFunc(works, func(a, b int32) int {
		return cmp.Compare(historiographYear(&c.Works[a]), historiographYear(&c.Works[b]))
	})
	return historiographOf(c, works)
}

// historiographYear is the year a record is ordered by: its publication
// year, unknown years last.
func historiographYear(w *resolve.Work) int {
	if w.Year != 0 {
		return w.Year
	}
	return 1 << 30
}

func historiographOf(c *Corpus, works []int32) *Historiograph {
	node := make(map[int32]int32, len(works))
	for i, w := range works {
		node[w] = int32(i)
	}
	var edges []Edge
	for i, w := range works {
		for _, v := range c.Citations.Out(int(w)) {
			if j, ok := node[v]; ok && j != int32(i) {
				edges = append(edges, Edge{int32(i), j})
			}
		}
	}
	h := &Historiograph{Works: works, Citations: NewDirected(len(works), edges)}
	h.LCS = make([]int, len(works))
	h.LCR = make([]int, len(works))
	h.GCS = make([]int, len(works))
	for i, w := range works {
		h.LCS[i] = h.Citations.InDegree(i)
		h.LCR[i] = h.Citations.OutDegree(i)
		if r := c.Works[w].Record; r != nil {
			h.GCS[i] = r.TimesCited
		}
	}
	return h
}

// Top keeps the records with a local citation score of at least minLCS and,
// when top > 0, only the top of them by LCS (ties by year order), as
// HistCite draws its historiograph of the 30 most locally cited records.
// Citations among the kept records are kept.
func (h *Historiograph) Top(c *Corpus, top, minLCS int) *Historiograph {
	var keep []int
	for i := range h.Works {
		if h.LCS[i] >= minLCS {
			keep = append(keep, i)
		}
	}
	if top > 0 && len(keep) > top {
		slices.SortStableFunc(keep, func(a, b int) int { return cmp.Compare(h.LCS[b], h.LCS[a]) })
		keep = keep[:top]
		slices.Sort(keep)
	}
	works := make([]int32, len(keep))
	for i, k := range keep {
		works[i] = h.Works[k]
	}
	sub := historiographOf(c, works)
	// Scores stay those of the whole corpus.
	for i, k := range keep {
		sub.LCS[i], sub.LCR[i] = h.LCS[k], h.LCR[k]
	}
	return sub
}
