package graph

import (
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// RecordAuthors lists the authors of every citing record of the corpus
// (other works get an empty list), each author once per record, grouped as
// AuthorGroups groups first authors (folded family name and first initial).
// With GroupCooccurrence it gives the co-authorship network, with
// GroupCoupling author bibliographic coupling.
func RecordAuthors(works []resolve.Work) (lists [][]int32, names []string) {
	return recordGroups(works, func(w *resolve.Work) []groupKey {
		var ks []groupKey
		for _, a := range w.Authors {
			if key, name := AuthorKey(a); key != "" {
				ks = append(ks, groupKey{key, name})
			}
		}
		return ks
	})
}

// RecordCountries lists the countries of the addresses of every citing
// record (Web of Science C1; see ParseAffiliation), each once per record.
// Records without addresses have none.
func RecordCountries(works []resolve.Work) (lists [][]int32, names []string) {
	return recordGroups(works, func(w *resolve.Work) []groupKey {
		var ks []groupKey
		for _, a := range w.Record.Affiliations {
			if _, c := ParseAffiliation(a); c != "" {
				ks = append(ks, groupKey{bib.Fold(c), c})
			}
		}
		return ks
	})
}

// RecordInstitutions lists the institutions of the addresses of every
// citing record (see ParseAffiliation), each once per record.
func RecordInstitutions(works []resolve.Work) (lists [][]int32, names []string) {
	return recordGroups(works, func(w *resolve.Work) []groupKey {
		var ks []groupKey
		for _, a := range w.Record.Affiliations {
			if inst, _ := ParseAffiliation(a); inst != "" {
				ks = append(ks, groupKey{bib.Fold(inst), inst})
			}
		}
		return ks
	})
}

// RecordSources lists the source of every citing record (see SourceKey).
func RecordSources(works []resolve.Work) (lists [][]int32, names []string) {
	return recordGroups(works, func(w *resolve.Work) []groupKey {
		if key, name := SourceKey(&w.Work); key != "" {
			return []groupKey{{key, name}}
		}
		return nil
	})
}

type groupKey struct{ key, name string }

// recordGroups numbers the groups that keys finds in each corpus record in
// order of first appearance.
func recordGroups(works []resolve.Work, keys func(*resolve.Work) []groupKey) ([][]int32, []string) {
	lists := make([][]int32, len(works))
	index := map[string]int32{}
	var names []string
	for i := range works {
		w := &works[i]
		if !w.InCorpus || w.Record == nil {
			continue
		}
		var list []int32
		for _, k := range keys(w) {
			g, ok := index[k.key]
			if !ok {
				g = int32(len(names))
				index[k.key] = g
				names = append(names, k.name)
			}
			dup := false
			for _, h := range list {
				dup = dup || h == g
			}
			if !dup {
				list = append(list, g)
			}
		}
		lists[i] = list
	}
	return lists, names
}

// ParseAffiliation reads one address as the Web of Science writes it (C1):
// "[Sun, Zhiwei; Russell, Thomas P.] Univ Massachusetts Amherst, Dept
// Polymer Sci & Engn, Amherst, MA 01003 USA." The institution is the first
// comma-separated field after the bracketed names, the country the last
// field, with US addresses ("MA 01003 USA") reduced to "USA" and the Web of
// Science's "Peoples R China" written "China", as bibliometrix does.
// Either is "" when the address has too few fields.
func ParseAffiliation(s string) (institution, country string) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "[") {
		if i := strings.Index(s, "]"); i >= 0 {
			s = s[i+1:]
		}
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	fields := strings.Split(s, ",")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	if len(fields) < 2 {
		return "", ""
	}
	institution = fields[0]
	country = fields[len(fields)-1]
	words := strings.Fields(country)
	switch {
	case len(words) > 0 && words[len(words)-1] == "USA":
		country = "USA"
	case strings.EqualFold(country, "Peoples R China"):
		country = "China"
	}
	return institution, country
}
