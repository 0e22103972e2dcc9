package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// parsedLists makes one reference list per text, each parsed by the
// default parser, and resolves them.
func parsedLists(texts ...string) *Corpus {
	lists := make([][]bib.Reference, len(texts))
	for i, s := range texts {
		lists[i] = []bib.Reference{{Raw: s, Work: refparse.ParseReference(s)}}
	}
	return corpusOf(lists...)
}

// TestSamePlaceOutweighsMisspeltName: a noisy copy of an article whose
// first author OCR misspelt beyond nearFamily ("Pelfka", "Pofka") joins
// the article, as compare links it: the year, volume and first page are
// the same. Constructed.
func TestSamePlaceOutweighsMisspeltName(t *testing.T) {
	c := parsedLists(
		"Pelfka, S. R., Dornby, D., & Waterson, G. R. (2001). Nitrogen in sugarbeet rotations on loess soils. Farming Reports Quarterly, 55(3), 42–48.",
		"Pofka, S. R.; Dornby D.; Waterson, L. R. Farming Reports Quarterly 2O01, 55, 42–48.",
	)
	if !sameWork(c, 0, 1) {
		t.Errorf("a noisy copy with the same year, volume and page is apart: %+v", c.Refs)
	}
}

// TestSamePlaceWithoutVolume: a noisy copy of a chapter, cited by its
// book's year and pages and no volume, whose first author OCR misspelt
// two edits off joins the chapter on a firm link. Constructed: two nodes
// and their link.
func TestSamePlaceWithoutVolume(t *testing.T) {
	m := &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 2016, page: "23", fams: []string{"evaans"}, noisy: true, tight: "evaanskj2016qualityparametersforwalnutsactahorticulturae2328"}},
		{work: -1, citing: []int32{1}, p: profile{year: 2016, page: "23", fams: []string{"evens"}, noisy: true, tight: "evenskjactahorticulturae20162328"}},
	}}
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 5.5, rule: MatchFuzzy}}}); roots[0] != roots[1] {
		t.Error("a misspelt copy of a chapter of the same year and page apart")
	}
}

// TestSamePlaceShortName: a noisy copy of an article whose text lost its
// first letter ("am, J.T. M. (1996)" of Lam) joins a copy of the same
// year, volume and first page on a firm link: a name of two or three
// letters one edit off is misread there (misplacedFamily). Constructed:
// two nodes and their link.
func TestSamePlaceShortName(t *testing.T) {
	m := &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 1996, vol: "11", page: "30", fams: []string{"am"}, noisy: true,
			tight: "amjtm1996decentralizationinpublicadministrationhongkongsexperiencepublicpolicyandadministration1113044"}},
		{work: -1, citing: []int32{1}, p: profile{year: 1996, vol: "11", page: "30", fams: []string{"lam"}, noisy: true,
			tight: "jtmlampublicolicyandadminisfration11199630"}},
	}}
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}}); roots[0] != roots[1] {
		t.Error("a copy that lost its first letter apart from one of the same year, volume and page")
	}
	// Two edits off, it is another name.
	m.nodes[1].p.fams, m.nodes[1].p.tight = []string{"kim"}, "jtmkimpublicolicyandadminisfration11199630"
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}}); roots[0] == roots[1] {
		t.Error("short names two edits apart joined")
	}
}

// TestSamePlaceNames: where two noisy copies name one place of print
// (year, volume and first page) and a firm link joins them, first authors
// that differ are one misread, unless the place is no place or the
// sources say two journals. Constructed: two nodes and their link each.
func TestSamePlaceNames(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b profile
		one  bool
	}{
		{
			// Noise left little of the name ("Bseok" of Borsook, three
			// edits off): one work (misplacedFamily).
			"misread name",
			profile{year: 1978, vol: "34", page: "70", fams: []string{"bseok"},
				tight: "bseokdwoolfcjveletad1978teinperatureacclimationandlearninginfishexperientiia3417071"},
			profile{year: 1978, vol: "34", page: "70", fams: []string{"borsook"}, tight: "dborpookcjwoklfadve1letexperientia34197870"},
			true,
		},
		{
			// A volume read from a scan with a look-alike letter for a
			// digit ("S5" for 55) is the place's volume (samePlace).
			"look-alike volume",
			profile{year: 1986, vol: "s5", page: "532", fams: []string{"hambrickstoue"}, tight: "hambrickstouechurchhissory1986s5532"},
			profile{year: 1986, vol: "55", page: "532", fams: []string{"stow"}, tight: "cestowhambrickchnrcshistory551986532"},
			true,
		},
		{
			// Every article of a volume of a journal that numbers its
			// articles begins on page 1 ("Sci. Rep., 6, pp. 1-10").
			"page 1",
			profile{year: 2016, vol: "6", page: "1", fams: []string{"lequeux"},
				tight: "lequeuxsetalamagneticsynapsemultilevelspintorquememristorscirep6117"},
			profile{year: 2016, vol: "6", page: "1", fams: []string{"behinaein"},
				tight: "behinaeinbdiepvdattasabuildingblockforhardwarebeliefnetworksscirep6l102016"},
			false,
		},
		{
			// One year, volume and first page in two journals ("IEEE
			// Trans. Magn., 35, p. 806" and "Electron. Lett., 35 (10),
			// pp. 806-808"): another journal's place.
			"sources apart",
			profile{year: 1999, vol: "35", page: "806", fams: []string{"fontana"}, src: [][]string{{"ieee", "trans", "magn"}}, srcIDs: []int32{0},
				tight: "fontanaremacdonaldsa1999ieeetransmagn35p8O6"},
			profile{year: 1999, vol: "35", page: "806", fams: []string{"brink"}, src: [][]string{{"electron", "lett"}}, srcIDs: []int32{1},
				tight: "brinkstconvergenceofiterativedecoding1999electronlett3510806808"},
			false,
		},
		{
			// The placeholder "no" ("no–no") of an abstracts journal is
			// no place (samePlace).
			"placeholder page",
			profile{year: 2015, vol: "46", page: "no", fams: []string{"wang"}, tight: "wanghjcamarafhaberjcjmangettjheminform201546nono"},
			profile{year: 2015, vol: "46", page: "no", fams: []string{"uyanik"}, tight: "uyanikmsasakuranchemlnform4633nono2015"},
			false,
		},
	} {
		tc.a.noisy, tc.b.noisy = true, true
		m := &matcher{srcSim: map[uint64]float64{}, nodes: []node{
			{work: -1, citing: []int32{0}, p: tc.a},
			{work: -1, citing: []int32{1}, p: tc.b},
		}}
		roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}})
		if one := roots[0] == roots[1]; one != tc.one {
			t.Errorf("%s: one work %v, want %v", tc.name, one, tc.one)
		}
	}
}

// TestSamePlaceOutweighsMisreadTitle: a noisy copy whose parser took a
// misread phrase for its title ("Bock Revievs") joins, through a copy
// without a title, the article of the same year, volume and page.
// Constructed.
func TestSamePlaceOutweighsMisreadTitle(t *testing.T) {
	c := parsedLists(
		"Hartley, J. (1985). Regional security after the accords. Affairs Review, 22(1), 90–97.",
		"Hartley, J. Affairs Review 1985, 22, 90–97.",
		"Hartley, Joan. Bock Revievs 0f tlie year. Affairs Review. I985. 22. 1. 90-97",
	)
	if !sameWork(c, 0, 1) || !sameWork(c, 1, 2) {
		t.Errorf("works %d %d %d: copies with the same year, volume and page apart", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work)
	}
}

// TestVagueLinkNeedsOneYear: a noisy reference that names only a year and
// an author or a source, vaguely linked to two works of one list, joins
// the work of its year, not the one of the next year, which a vague link a
// year apart would make as likely. Constructed: three nodes and their
// links.
func TestVagueLinkNeedsOneYear(t *testing.T) {
	ref := func(year int, citing int32) node {
		return node{work: -1, refs: []int32{0}, citing: []int32{citing}, p: profile{year: year, noisy: true}}
	}
	m := &matcher{nodes: []node{ref(2002, 0), ref(2003, 0), ref(2002, 1)}}
	vague := verdict{evidence: matchThreshold, rule: MatchFuzzy, vague: true}
	roots := m.cluster([]link{{0, 2, vague}, {1, 2, vague}})
	if roots[2] != roots[0] || roots[2] == roots[1] {
		t.Errorf("roots %v: the reference of 2002 must join the work of 2002 alone", roots)
	}
}

// TestSourceReadAsAuthor: a front matter cited without its author, whose
// parser took the first words of the source for a name ("Progressin
// Optcal and Laser Materals (2011) vii", no source left), stays apart from
// another author's front matter of the year before, whose source has that
// word, on a firm link. Constructed: two nodes and their link.
func TestSourceReadAsAuthor(t *testing.T) {
	m := &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 2010, page: "vii", fams: []string{"merton"}, noisy: true,
			src: [][]string{{"progress", "optical", "laser", "materials"}}, tight: "mertonkl2010forewordprogressinopticalandlasermaterialsviiviii"}},
		{work: -1, citing: []int32{1}, p: profile{year: 2011, page: "vii", fams: []string{"optcal"}, noisy: true,
			tight: "progressinoptcalandlasermaterals2011vii"}},
	}}
	roots := m.cluster([]link{{0, 1, verdict{evidence: 6.8, rule: MatchFuzzy}}})
	if roots[0] == roots[1] {
		t.Error("a source read as an author joined another author's work")
	}
	// A poet's collected works name the author in the source; the
	// misspelt copy, which has its source, still joins.
	m = &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 1648, page: "247", fams: []string{"herrick"}, noisy: true,
			src: [][]string{{"poetical", "works", "robert", "herrick"}}, tight: "herrickr1648goodpreceptspoeticalworksofrobertherrick247247"}},
		{work: -1, citing: []int32{1}, p: profile{year: 1648, page: "247", fams: []string{"herik"}, noisy: true,
			src: [][]string{{"poetical", "works", "roberrt", "herrick"}}, tight: "herikrthepoeticalworksofroberrtherrick1648247247"}},
	}}
	roots = m.cluster([]link{{0, 1, verdict{evidence: 8.2, rule: MatchFuzzy}}})
	if roots[0] != roots[1] {
		t.Error("a misspelt copy of collected works named after their author apart")
	}
}

// TestPartApartFromWhole: a chapter cited with its pages and without a
// year stays apart from its book cited by its year, on a firm link (their
// titles and author alike). Constructed: two nodes and their link.
func TestPartApartFromWhole(t *testing.T) {
	m := &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 2006, fams: []string{"moreau"}}},
		{work: -1, citing: []int32{1}, p: profile{page: "1", fams: []string{"moreau"}}},
	}}
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 9.5, rule: MatchFuzzy}}}); roots[0] == roots[1] {
		t.Error("a chapter without a year joined its book cited by year")
	}
}

// TestUnsignedNameApart: a program cited by its name alone, with no
// author, year or page, stays apart from a dated article whose title
// names the program and whose first author its text does not name, on a
// firm link. Constructed: two nodes and their link.
func TestUnsignedNameApart(t *testing.T) {
	m := &matcher{nodes: []node{
		{work: -1, citing: []int32{0}, p: profile{year: 2023, fams: []string{"zhang"}, tight: "zhangjafrequencydomainsimulationmodulebasedoncomsolmultiphysicsaipadv1352023"}},
		{work: -1, citing: []int32{1}, p: profile{tight: "comsolmultiphysicsversion61"}},
	}}
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}}); roots[0] == roots[1] {
		t.Error("a program's name joined an article about it")
	}
	// Its author's name in the text joins it.
	m.nodes[1].p.tight = "zhangcomsolmultiphysicsmodule"
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}}); roots[0] != roots[1] {
		t.Error("an undated description naming the author apart")
	}
}

// TestNearTitleInText: a noisy paper of a proceedings and its copy whose
// parser took the proceedings for the title, whose texts are near
// (verdict.near), join as each other's likeliest: the one title is found
// whole in the other text, not another work's. Constructed: two nodes
// and their link.
func TestNearTitleInText(t *testing.T) {
	paper := "zhangx2017analysisofcurrencyinternationalizationwithtradestructureproceedingsofthe20173rdinternationalconferenceonsocialscienceandhighereducation"
	proceedings := "zhangxproceedingsofthe20173rdinternationalconferenceonsocialsciemceandhighereducation2017"
	described := func(citing int32, title, text string) node {
		return node{work: -1, citing: []int32{citing}, p: profile{year: 2017, fams: []string{"zhang"}, noisy: true,
			title: TightGrams(title), tight: text, textGrams: TightGrams(text)}}
	}
	m := &matcher{nodes: []node{
		described(0, "analysisofcurrencyinternationalizationwithtradestructure", paper),
		described(1, "proceedingsofthe20173rdinternationalconferenceonsocialsciemceandhighereducation", proceedings),
	}}
	m.countGrams()
	near := verdict{evidence: matchThreshold, rule: MatchFuzzy, near: true, vague: true}
	if roots := m.cluster([]link{{0, 1, near}}); roots[0] != roots[1] {
		t.Error("a copy whose title is the other's proceedings apart")
	}
}

// TestShortNoisyTitle: a noisy copy whose parser took a word or two for
// its title ("Bock Revievs") joins, on a firm link, the copy that gives
// the article's title: so short a title of a noisy text tells no two works
// apart. Constructed: two nodes and their link.
func TestShortNoisyTitle(t *testing.T) {
	described := func(citing int32, title, text string) node {
		return node{work: -1, citing: []int32{citing}, p: profile{year: 1985, fams: []string{"hartley"}, noisy: true,
			title: TightGrams(title), tight: text, textGrams: TightGrams(text)}}
	}
	m := &matcher{nodes: []node{
		described(0, "regionalsecurityaftertheaccords", "hartleyj1985regionalsecurityaftertheaccordsaffairsreview22"),
		described(1, "bockrevievs", "hartleyjoanbockrevievsaffairsreviev198522"),
	}}
	if len(m.nodes[1].p.title) >= 12 || len(m.nodes[1].p.title) < 4 {
		t.Fatalf("the short title has %d trigrams", len(m.nodes[1].p.title))
	}
	if roots := m.cluster([]link{{0, 1, verdict{evidence: 7, rule: MatchFuzzy}}}); roots[0] != roots[1] {
		t.Error("a noisy copy with a short misread title apart")
	}
}

// TestSignedLinkLikeliest: a noisy reference that names an author, a
// year and an online source ("B. Kernfeld, Oxford Music Onliuo (2003).")
// joins its author's other copy, whose text it shares less of than it
// shares of two unsigned descriptions of the source alone: of its
// vague links, the one to its author's work is its likeliest
// (sameSigner). The two unsigned ones, of other pages, keep the reference
// from joining by agreement alone (joinClearVague). Constructed: four
// nodes and their links.
func TestSignedLinkLikeliest(t *testing.T) {
	described := func(citing int32, fams []string, page, text string) node {
		return node{work: -1, citing: []int32{citing}, p: profile{year: 2003, fams: fams, page: page, noisy: true,
			tight: text, textGrams: TightGrams(text)}}
	}
	m := &matcher{nodes: []node{
		described(0, []string{"kernfeld"}, "", "bkernfeldoxfordmusiconliuo2003"),
		described(1, []string{"kcrnfeld"}, "", "kcrnfeldbarryadderleyccannonballoxfnrdmusiconline2003"),
		described(2, nil, "100", "oxfordmusiconline2003100"),
		described(3, nil, "200", "oxfordmusiconline2003200"),
	}}
	m.countGrams()
	share := func(a, b int) float64 { return m.gramShare(m.nodes[a].p.textGrams, m.nodes[b].p.textGrams) }
	if s := share(0, 1); s >= share(0, 2) || s >= share(0, 3) {
		t.Fatalf("the author's copy shares %.2f of the text, the unsigned ones %.2f and %.2f", s, share(0, 2), share(0, 3))
	}
	vague := verdict{evidence: matchThreshold, rule: MatchFuzzy, vague: true}
	roots := m.cluster([]link{{0, 1, vague}, {0, 2, vague}, {0, 3, vague}})
	if roots[0] != roots[1] {
		t.Errorf("roots %v: the signed reference must join its author's copy", roots)
	}
}

// TestLikeliestOfTwoCopies: a noisy reference whose texts are near two
// groups' about equally, two copies of one work that nothing linked, joins
// them: its likeliest is clear by no margin, but the next could be the
// same work (joinMutualBest). Constructed: three nodes and their links.
func TestLikeliestOfTwoCopies(t *testing.T) {
	described := func(citing int32, fam, text string) node {
		return node{work: -1, citing: []int32{citing}, p: profile{year: 2016, vol: "9", fams: []string{fam}, noisy: true,
			tight: text, textGrams: TightGrams(text)}}
	}
	m := &matcher{nodes: []node{
		described(0, "harinath", "harinathplavanyasindianjournlofscienceandtechnology20169"),
		described(1, "harinath", "harinathpurnimaindianjournalofscienceandtechnolgy2016943"),
		described(2, "harinoth", "pharinothslavanyainclianjournlofscienceandtechnology92016"),
	}}
	m.countGrams()
	share := func(a, b int) float64 { return m.gramShare(m.nodes[a].p.textGrams, m.nodes[b].p.textGrams) }
	if d := share(0, 1) - share(0, 2); d >= 0.05 || d <= -0.05 {
		t.Fatalf("shares %.3f and %.3f: one copy is the likelier by a margin", share(0, 1), share(0, 2))
	}
	near := verdict{evidence: matchThreshold, rule: MatchFuzzy, near: true, vague: true}
	if roots := m.cluster([]link{{0, 1, near}, {0, 2, near}}); roots[0] != roots[1] || roots[0] != roots[2] {
		t.Errorf("roots %v: the reference and both copies must be one work", roots)
	}
	// Copies of two volumes are two works: it joins neither.
	m.nodes[2].p.vol = "10"
	if roots := m.cluster([]link{{0, 1, near}, {0, 2, near}}); roots[0] == roots[1] || roots[0] == roots[2] {
		t.Errorf("roots %v: a reference as near to two works joined one", roots)
	}
}

// TestPartsApart: parts of one book whose pages the parser missed stay
// apart from the book and from each other. Constructed.
func TestPartsApart(t *testing.T) {
	for _, tc := range []struct{ why, a, b string }{
		// An undated chapter whose page range noise ran into its title,
		// before a misread "(n.d.)" (no page parsed nor read at its end,
		// trailingPage), and its book cited by year, whose text prints no
		// number besides it (partAndWhole).
		{"an undated chapter joined its book",
			"Rossi, M. Lost Voices of the Western Front38–42 (n,d.).",
			"Rossi, M. (2006). Lost Voices of the Western Front."},
		// Two chapters of one undated book, one cited by a page its parser
		// missed after a misread "(n.d.)" (trailingPage).
		{"chapters at pages 1 and 167 joined",
			"M. Rossi, Lost Voices of the Western Front (n,d,) 1.",
			"Rossi, M. (n.d.). Conclusion. Lost Voices of the Western Front, 167–176."},
	} {
		if c := parsedLists(tc.a, tc.b); sameWork(c, 0, 1) {
			t.Errorf("%s: %+v", tc.why, c.Refs)
		}
	}
}
