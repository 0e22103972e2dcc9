package graph

import (
	"runtime"
	"slices"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// SourceKey is the normalised source of a work, the unit of source
// (journal) co-citation and coupling: its abbreviation (the Web of Science
// J9 of a record, the source field of a cited reference) when it has one,
// else its full container title, folded with bib.Fold, so that "J. Appl.
// Phys." and "J APPL PHYS" are one source. It returns "" for a work without
// a source, and the form to display.
func SourceKey(w *bib.Work) (key, name string) {
	name = w.ContainerShort
	if bib.Fold(name) == "" {
		name = w.Container
	}
	return bib.Fold(name), name
}

// SourceGroups groups works by SourceKey: each work's group (-1 for a work
// without a source) and each group's display name, taken from the first
// work that names it. With Regroup it gives source co-citation: two sources
// are linked once per record citing both.
func SourceGroups(works []resolve.Work) (group []int32, names []string) {
	return groupWorks(works, func(w *resolve.Work) (string, string) { return SourceKey(&w.Work) })
}

// groupWorks groups works by a key: each work's group (-1 where the key is
// "") and each group's display name, taken from the first work of the group.
func groupWorks(works []resolve.Work, key func(*resolve.Work) (key, name string)) (group []int32, names []string) {
	// The keys, folded names, are made on every core; numbering them
	// in order is serial.
	keys, display := make([]string, len(works)), make([]string, len(works))
	k := min(runtime.GOMAXPROCS(0), max(1, len(works)/10000))
	parallel(k, func(w int) {
		for i := w * len(works) / k; i < (w+1)*len(works)/k; i++ {
			keys[i], display[i] = key(&works[i])
		}
	})
	// The map is made at its largest size, as many groups as works (as
	// many first authors nearly, in a large corpus): growing it would copy
	// it over and over. The names take the place of the display forms,
	// never more groups than works seen.
	group = make([]int32, len(works))
	index := make(map[string]int32, len(works))
	names = display[:0]
	for i := range works {
		k, name := keys[i], display[i]
		if k == "" {
			group[i] = -1
			continue
		}
		g, ok := index[k]
		if !ok {
			g = int32(len(names))
			index[k] = g
			names = append(names, name)
		}
		group[i] = g
	}
	return group, slices.Clip(names)
}

// Singletons turns a one-group-per-work assignment (as SourceGroups and
// AuthorGroups return) into per-work group lists for GroupCoupling and
// GroupCooccurrence; -1 gives an empty list.
func Singletons(group []int32) [][]int32 {
	out := make([][]int32, len(group))
	for i, g := range group {
		if g >= 0 {
			out[i] = []int32{g}
		}
	}
	return out
}

// CorpusOnly empties the lists of works that are not citing records of the
// corpus, so that only records count as items.
func CorpusOnly(works []resolve.Work, lists [][]int32) [][]int32 {
	out := make([][]int32, len(lists))
	for i := range lists {
		if works[i].InCorpus {
			out[i] = lists[i]
		}
	}
	return out
}
