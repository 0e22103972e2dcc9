package graph

import (
	"testing"

	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/bib/resolve"
)

// A Web of Science CR entry's full name groups with the same author's
// initials ("Kohler Robert E." and "Kohler RE" are "Kohler R"); a
// corporate author marked "*" is one of its own.
func TestAuthorGroupsFullNames(t *testing.T) {
	works := []resolve.Work{
		{Work: refparse.ParseWoSCitedReference("Kohler Robert E., 2002, LANDSCAPES LABSCAPES")},
		{Work: refparse.ParseWoSCitedReference("Kohler RE, 1994, LORDS FLY DROSOPHILA")},
		{Work: refparse.ParseWoSCitedReference("*CLAR VALL COUNC, 2018, CLAR VALL CLIM CHANG")},
	}
	group, names := AuthorGroups(works)
	if group[0] != group[1] || names[group[0]] != "Kohler R" || names[group[2]] != "CLAR VALL COUNC" {
		t.Errorf("author groups %v %q", group, names)
	}
}
