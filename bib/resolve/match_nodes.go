package resolve

import "slices"

// referenceGroups is the references that share a node of matching:
// group g's references are refs[start[g]:start[g+1]], in input order,
// and their citing works, sorted, are citing[start[g]:start[g+1]]. The
// groups are kept in three flat arrays, not two slices each: 150,000
// groups of 400,000 references in 500 generated reviews.
type referenceGroups struct {
	start, refs, citing []int32
}

// len is the number of groups.
func (g *referenceGroups) len() int { return len(g.start) - 1 }

// members is group k's references and their citing works, each capped
// at its length so that an append copies it instead of overwriting the
// next group's.
func (g *referenceGroups) members(k int) (refs, citing []int32) {
	lo, hi := g.start[k], g.start[k+1]
	return g.refs[lo:hi:hi], g.citing[lo:hi:hi]
}

// groupReferences groups the references whose citing[i] is a citing
// work (the others, -1, have no node): references with the same
// description key (keys[i] of count, -1 for none) share a group unless
// one list cites them both, and the others have a group of their own.
// One list names a work once, so the j-th reference of a key in a list
// joins the key's j-th group, as it would joining the key's first group
// that its list is not in yet. Groups are numbered in the order of their
// first reference; node[i] is set to reference i's group, or -1. works
// bounds the citing works.
func groupReferences(keys []int32, count int, citing []int32, works int, node []int32) referenceGroups {
	// The references of each citing list, in input order (a counting
	// sort by citing work).
	listStart := make([]int32, works+1)
	for _, c := range citing {
		if c >= 0 {
			listStart[c+1]++
		}
	}
	for c := range works {
		listStart[c+1] += listStart[c]
	}
	byList := make([]int32, listStart[works])
	next := slices.Clone(listStart[:works])
	for i, c := range citing {
		if c >= 0 {
			byList[next[c]] = int32(i)
			next[c]++
		}
	}
	// Each keyed reference's rank among its list's references of its key,
	// in node until its group replaces it; the key's groups are
	// slots[k] to slots[k+1]-1.
	list := make([]int32, count) // the list seen[k] counts in
	seen := make([]int32, count)
	slots := make([]int32, count+1)
	for k := range list {
		list[k] = -1
	}
	for c := range int32(works) {
		for _, i := range byList[listStart[c]:listStart[c+1]] {
			k := keys[i]
			if k < 0 {
				continue
			}
			if list[k] != c {
				list[k], seen[k] = c, 0
			}
			node[i] = seen[k]
			seen[k]++
			slots[k+1] = max(slots[k+1], seen[k])
		}
	}
	for k := range count {
		slots[k+1] += slots[k]
	}
	// The groups, numbered in the order of their first reference.
	slotGroup := make([]int32, slots[count])
	for s := range slotGroup {
		slotGroup[s] = -1
	}
	groups := int32(0)
	for i, k := range keys {
		switch {
		case citing[i] < 0:
			node[i] = -1
		case k < 0:
			node[i] = groups
			groups++
		default:
			s := slots[k] + node[i]
			if slotGroup[s] < 0 {
				slotGroup[s] = groups
				groups++
			}
			node[i] = slotGroup[s]
		}
	}
	// Their members, in input order (a counting sort by group).
	g := referenceGroups{start: make([]int32, groups+1)}
	for _, k := range node {
		if k >= 0 {
			g.start[k+1]++
		}
	}
	for k := range groups {
		g.start[k+1] += g.start[k]
	}
	g.refs, g.citing = make([]int32, g.start[groups]), make([]int32, g.start[groups])
	at := slices.Clone(g.start[:groups])
	for i, k := range node {
		if k >= 0 {
			g.refs[at[k]], g.citing[at[k]] = int32(i), citing[i]
			at[k]++
		}
	}
	for k := range groups {
		if lo, hi := g.start[k], g.start[k+1]; hi-lo > 1 {
			slices.Sort(g.citing[lo:hi])
		}
	}
	return g
}
