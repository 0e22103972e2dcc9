package graph

import "github.com/citegraph/citegraph/bib/resolve"

// Label is an item of a record to group on: a key (a folded or stemmed
// keyword, a term's stems) and the form to show.
type Label struct{ Key, Form string }

// RecordLabels lists, for every citing record of the corpus (other works
// get an empty list), the groups of the labels labels finds in it, each
// group once per record, numbered in order of first appearance. A group is
// named by its most frequent form, counted once per record (the first seen
// on ties): "neural networks" rather than "neural network" when more
// records write it so. With GroupCooccurrence it gives the co-word network
// of keywords or terms.
func RecordLabels(works []resolve.Work, labels func(*resolve.Work) []Label) (lists [][]int32, names []string) {
	type form struct {
		count, first int
	}
	var forms []map[string]*form // per group, in order of first appearance
	group := map[string]int{}
	seen := 0
	lists, names = recordGroups(works, func(w *resolve.Work) []groupKey {
		ls := labels(w)
		ks := make([]groupKey, 0, len(ls))
		counted := map[[2]string]bool{}
		for _, l := range ls {
			if l.Key == "" {
				continue
			}
			g, ok := group[l.Key]
			if !ok {
				g = len(forms)
				group[l.Key] = g
				forms = append(forms, map[string]*form{})
			}
			if !counted[[2]string{l.Key, l.Form}] {
				counted[[2]string{l.Key, l.Form}] = true
				f := forms[g][l.Form]
				if f == nil {
					f = &form{first: seen}
					seen++
					forms[g][l.Form] = f
				}
				f.count++
			}
			ks = append(ks, groupKey{l.Key, l.Form})
		}
		return ks
	})
	// recordGroups numbers keys in the order they first appear, as group does.
	for g, fs := range forms {
		var best *form
		for name, f := range fs {
			if best == nil || f.count > best.count || f.count == best.count && f.first < best.first {
				best, names[g] = f, name
			}
		}
	}
	return lists, names
}
