package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// TestTellApart: descriptions of two papers that share a year, a journal
// and a volume, and what a name or a section tells apart, beside the same
// paper written two ways. The Web of Science entries are from the
// bit-pattern sample (testdata/exports), the Scopus ones from
// scopus-bibx.ris; the section letters, the Scopus forms of WoS entries
// and the year 2006 are rewritten.
func TestTellApart(t *testing.T) {
	wos := func(raw string) bib.Reference {
		return bib.Reference{Raw: raw, Work: refparse.ParseWoSCitedReference(raw)}
	}
	scopus := func(raw string) bib.Reference { return bib.Reference{Raw: raw, Work: refparse.ParseReference(raw)} }
	for _, tc := range []struct {
		a, b bib.Reference
		same bool
	}{
		// A family name that is part of the other's is another name.
		{wos("Wang Y, 2014, IEEE T MAGN, V50"), wos("Hwang E, 2014, IEEE T MAGN, V50"), false},
		{wos("Shima T, 2006, J APPL PHYS, V99"), wos("Shimatsu T, 2006, J APPL PHYS, V99"), false},
		// A first author who is the other's co-author, or whose name is a
		// co-author's but a letter or is part of it (Chang, Hwang), is
		// another paper of the team: the records of the bit-pattern sample,
		// written as Scopus references.
		{wos("Zhang J, 2013, APPL PHYS LETT, V102"), scopus("Liao, J.W., Huang, K.F., Wang, L.W., Tsai, W.C., Wen, W.C., Chiang, C.C., Lin, H.J., Chang, F.H., Lai, C.H., (2013) Appl. Phys. Lett., 102"), false},
		{wos("Wang S, 2014, IEEE T MAGN, V50"), scopus("Mathew, G., Hwang, E., Park, J., Garfunkel, G., Hu, D., (2014) IEEE Trans. Magn., 50"), false},
		{wos("Park J, 2014, IEEE T MAGN, V50"), scopus("Mathew, G., Hwang, E., Park, J., Garfunkel, G., Hu, D., (2014) IEEE Trans. Magn., 50"), false},
		// Another section of one journal is another journal.
		{wos("Maggipinto T, 2000, PHYS REV E, V62, P8726"), wos("Maggipinto T, 2000, PHYS REV B, V62, P8726"), false},
		{wos("Maggipinto T, 2000, PHYS REV E, V62, P8726"), scopus("Maggipinto, T., (2000) Phys. Rev. E, 62, p. 8726"), true},
		{wos("Kim J, 2010, JPN J APPL PHYS, V49, P08KB04"), scopus("Kim, J., Wee, J.K., Lee, J., (2010) Jpn. J. Appl. Phys., 49, pp. 08KB04"), true},
		// First authors apart, the year, volume and page the same: one
		// article, its authors listed in another order (scopus-bibx.ris);
		// with another year, two.
		{scopus("Shen, X., Victora, R.H., (2005) IEEE Trans. Magn., 41, p. 2828"), scopus("Vaictora, R.H., Shen, X., (2005) IEEE Trans. Magn., 41, p. 2828"), true},
		{scopus("Shen, X., Victora, R.H., (2005) IEEE Trans. Magn., 41, p. 2828"), scopus("Vaictora, R.H., Shen, X., (2006) IEEE Trans. Magn., 41, p. 2828"), false},
	} {
		c := corpusOf([]bib.Reference{tc.a}, []bib.Reference{tc.b})
		if got := sameWork(c, 0, 1); got != tc.same {
			t.Errorf("%q and %q: one work %v, want %v", tc.a.Raw, tc.b.Raw, got, tc.same)
		}
	}
}
