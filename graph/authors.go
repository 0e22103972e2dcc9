package graph

import (
	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/resolve"
)

// AuthorGroups groups works by first author, the unit of author
// co-citation analysis: works whose first authors share a folded family name
// and first initial are one author ("Ruffini P B", "RUFFINI PB" and
// "Ruffini, Pierre-Bruno" are all "Ruffini P"). It returns each work's group
// (-1 for a work with no author) and each group's display name, taken from
// the first work that names it.
func AuthorGroups(works []resolve.Work) (group []int32, names []string) {
	return groupWorks(works, func(w *resolve.Work) (string, string) { return AuthorKey(w.FirstAuthor()) })
}

// AuthorKey is the unit of author co-citation, coupling and co-authorship:
// the comparison key of an author (folded family name and first initial,
// "ruffini|P"; the folded name of an organisation) and the form to display
// ("Ruffini P"). The key is "" for a name without a family name.
func AuthorKey(a bib.Name) (key, name string) {
	fam := bib.FamilyKey(a)
	if fam == "" {
		return "", ""
	}
	if a.Literal != "" {
		return fam, a.Literal
	}
	initial := ""
	if r, ok := bib.FirstInitial(a.Given); ok {
		initial = string(r)
	}
	if initial == "" {
		// A family name alone is the corporate author written so
		// elsewhere: "INSIC" and "*INSIC" in Web of Science.
		return fam, a.Family
	}
	return fam + "|" + initial, a.Family + " " + initial
}
