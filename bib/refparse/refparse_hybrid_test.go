package refparse

import (
	"errors"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The default parser reads the seed list field for field, as the rules do.
func TestHybridSeed(t *testing.T) {
	parse, _, err := HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	for i, raw := range rpSeedReferences(t) {
		rpCheckWork(t, i+1, parse(raw), rpSeedWant[i+1])
	}
}

// Every CR entry of the Web of Science sample has the fixed shape, and the
// default parser reads it as the Web of Science reader does; free-text
// references of other styles do not have it.
func TestIsWoSCitedReference(t *testing.T) {
	parse, explain, err := HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	n, missed := 0, 0
	for _, cr := range wosCREntries(t, "../../testdata/exports/wos-bit-pattern-savedrecs.txt") {
		n++
		if explain(cr) != ReadByWoS {
			missed++
			if missed <= 15 {
				t.Logf("not read as a WoS CR: %q", cr)
			}
			continue
		}
		if got, want := parse(cr), ParseWoSCitedReference(cr); got.Year != want.Year || got.Volume != want.Volume || got.Pages != want.Pages {
			t.Errorf("%q: %+v, want %+v", cr, got, want)
		}
	}
	// Entries without a year or a source ("Smith J") are free text to it.
	if n < 13000 || float64(missed) > 0.02*float64(n) {
		t.Errorf("%d of %d CR entries not read as CR entries", missed, n)
	}
	for _, s := range append(rpSeedReferences(t),
		"Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.",
		"Chapman D. Planning for conjunctive goals[J]. Artificial Intelligence, 1987, 32.",
		"Smith J, 2001, Nature, 410, 12.",
		"臧红岩. 建构主义视角下科技外交范式研究. 广西社会科学, 2020, (7): 69-73.",
	) {
		if isWoSCitedReference(s) {
			t.Errorf("%q read as a WoS CR", s)
		}
	}
}

// Crossref's degraded style writes an unsigned item with its empty author
// list, and runs volume, issue and pages together with stops: a fixed
// shape, which the rules read alone, and say so.
func TestHybridMends(t *testing.T) {
	parse, explain, err := HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		raw  string
		want bib.Work
	}{
		{". CONCENTRATES. Chemical & Engineering News. 1976. 54. 37. 20",
			bib.Work{Title: "CONCENTRATES", Container: "Chemical & Engineering News", Year: 1976, Volume: "54", Issue: "37", Pages: "20"}},
		{"Wang, Xiaoxiao. Synthesis of Hβ (core)/SAPO-11 (shell) Composite Molecular Sieve and its Catalytic Performances in the Methylation of Naphthalene with Methanol. Bulletin of the Korean Chemical Society. 2013. 34. 12. 3829-3834",
			bib.Work{Year: 2013, Volume: "34", Issue: "12", Pages: "3829-3834"}},
	} {
		w := parse(tc.raw)
		if w.Year != tc.want.Year || w.Volume != tc.want.Volume || w.Issue != tc.want.Issue || w.Pages != tc.want.Pages ||
			tc.want.Title != "" && (w.Title != tc.want.Title || w.Container != tc.want.Container || len(w.Authors) != 0) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.raw, w, tc.want)
		}
		if by := explain(tc.raw); by != ReadByRulesAlone {
			t.Errorf("%s: read by %q, want %q", tc.raw, by, ReadByRulesAlone)
		}
	}
}

// Crossref's degraded rendering is told by its end: the year and three
// locator fields, any of them empty, after ". ".
func TestIsCrossrefDegraded(t *testing.T) {
	for _, tc := range []struct {
		raw  string
		want bool
	}{
		{"Shea, M. J.. Surface-plasmon ejection. Physical Review B. 1993. 47. 15. 9967-9970", true},
		{". Callis, Robert (fl 1634). Oxford Dictionary of National Biography. 2018. . .", true},
		{"Torrey, Glenn E.. The Revolutionary Russian Army and Romania, 1917. The Carl Beck Papers in Russian and East European Studies. 1995. . 1103. 98", true},
		{"Maeder, André. Transport Processes: Diffusion and Advection. Physics, Formation and Evolution of Rotating Stars. . . . 215-247", true},
		{"Cooper, L.N.. THEORY OF THE KNIGHT SHIFT AND FLUX QUANTIZATION IN SUPERCONDUCTORS. . 1962. . .", true},
		{"R. T. POLLARD. Dans Comprehensive chemical kinetics. Vol. 17. Elsevier, Amsterdam. 1977. p. 249.", false},
		{"歐素瑛, 2012. 近代臺灣工業敎育之濫觴. 敎育資料與硏究. 2012. Vol. 104.", false},
		{"Shea, M. J., & Compton, R. N. (1993). Surface-plasmon ejection. Physical Review B, 47(15), 9967–9970.", false},
		{"Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371", false},
		{"ROBINSON R. 1941. Elenchus[M]//Prior, ed. 1996. 3. 9-19.", false},
	} {
		if got := isCrossrefDegraded(tc.raw); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.raw, got, tc.want)
		}
	}
}

// A reference that names one thing, in styles without titles (the
// Crossref-styles set), is read as the rules read it, which the matcher
// compares across styles; so are a four-digit volume after the year and a
// doubled full stop. Elsevier's "Author, Journal Vol (Year) Page" is no Web
// of Science entry.
func TestHybridLoneNames(t *testing.T) {
	parse, _, err := HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		raw  string
		want bib.Work
	}{
		{"Zhang, Y.; Herndon, J. W. ChemInform 2003, 34.", bib.Work{Container: "ChemInform", Year: 2003, Volume: "34"}},
		{"PsycEXTRA Dataset (1993).", bib.Work{Title: "PsycEXTRA Dataset", Year: 1993}},
		{"Rawlinson, M. (2010). Pat Barker.", bib.Work{Title: "Pat Barker", Year: 2010}},
		{"Reactions Weekly 2015, 1561, 75–75.", bib.Work{Container: "Reactions Weekly", Year: 2015, Volume: "1561", Pages: "75-75"}},
		{". Docetaxel. Reactions Weekly. 2015. 1561. 1. 75-75", bib.Work{Title: "Docetaxel", Container: "Reactions Weekly", Year: 2015, Volume: "1561", Pages: "75-75"}},
		{"F.E. Shipway, BMJ 2 (1919) 90.", bib.Work{Container: "BMJ", Year: 1919, Volume: "2", Pages: "90"}},
		{"Polymer 86 (2016) v.", bib.Work{Container: "Polymer", Year: 2016, Volume: "86", Pages: "v"}},
		{"Zhang, Yanshi. Synthesis of Pyrroles Through Coupling of Enyne-Hydrazones with Fischer Carbene Complexes.. ChemInform. 2003. 34. 40.",
			bib.Work{Title: "Synthesis of Pyrroles Through Coupling of Enyne-Hydrazones with Fischer Carbene Complexes", Container: "ChemInform", Year: 2003, Volume: "34", Issue: "40"}},
	} {
		w := parse(tc.raw)
		if w.Title != tc.want.Title || w.Container != tc.want.Container || w.Year != tc.want.Year || w.Volume != tc.want.Volume || w.Issue != tc.want.Issue && tc.want.Issue != "" || w.Pages != tc.want.Pages || w.Publisher != "" {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.raw, w, tc.want)
		}
	}
}

// Names before an editor's or translator's mark are not authors.
func TestCRFEditorsNotAuthors(t *testing.T) {
	for _, tc := range []struct {
		text   string
		labels string // a letter per token: a author, e editor, o other, t title
		want   string
	}{
		{"Wappler, F., Tonner, P. H. (Eds.). Title", "aaaaaaaaaaaooooot", "eeeeeeeeeeeooooot"},
		{"Smith, J., & Doe, K. (Ed.). Title", "aaaaaaeeeeooooot", "eeeeeeeeeeooooot"},
		{"谭汝谦, 译", "aao", "eeo"},
		{"王小明, 编著", "aao", "aao"},
		{"Smith, J. Title", "aaaat", "aaaat"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfEditorsNotAuthors); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

// After [M], [D], [R] or [S] a container is the imprint; after [J] a
// publisher is the journal; after "//" nothing changes.
func TestCRFTypeCodeFields(t *testing.T) {
	for _, tc := range []struct {
		text   string
		labels string // a author, t title, o other, c container, p publisher, l location, y year, v volume, g pages
		want   string
	}{
		{"王小明. 题名[M]. 北京: 人民出版社, 2019.", "aotoooocccoyo", "aotoooolopoyo"},
		{"王小明. 题名[D]. 北京: 人民出版社, 2019.", "aotoooopppoyo", "aotoooopppoyo"},
		{"Li X. Title[J]. Acta Physica, 2019, 3: 1-2.", "aaotooooppoyovogo", "aaotooooccoyovogo"},
		{"Li X. Title[C]//Proc. X. Beijing: Pub, 2019.", "aaotoooocccolopoyo", "aaotoooocccolopoyo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfTypeCodeFields); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

// crfRelabelled labels text's tokens by the letters of labels, runs mend on
// them and returns the letters of the result.
func crfRelabelled(t *testing.T, text, labels string, mend func(string, []CRFTok, []CRFLabel)) string {
	t.Helper()
	code := map[byte]CRFLabel{'a': CRFAuthor, 'e': CRFEditor, 'o': CRFOther, 't': CRFTitle, 'c': CRFContainer,
		'p': CRFPublisher, 'l': CRFLocation, 'y': CRFDate, 'v': CRFVolume, 'g': CRFPages, 'k': CRFGenre, 'n': CRFNote,
		'#': CRFCitNum}
	toks := CRFTokenize(text, nil)
	if len(toks) != len(labels) {
		t.Fatalf("%q: %d tokens, %d labels", text, len(toks), len(labels))
	}
	got := make([]CRFLabel, len(toks))
	for i := range toks {
		got[i] = code[labels[i]]
	}
	mend(text, toks, got)
	var b strings.Builder
	for _, l := range got {
		for c, cl := range code {
			if cl == l {
				b.WriteByte(c)
			}
		}
	}
	return b.String()
}

// One number after the year that ends a journal reference is its volume
// when no comma stands between journal and year (ACS) or the reference is
// GB/T 7714's; not after a day, nor in a book.
func TestVolumeAfterYear(t *testing.T) {
	for _, tc := range []struct {
		text          string
		w             bib.Work
		volume, pages string
	}{
		{"Zhang, Y.; Herndon, J. W. ChemInform 2003, 34.", bib.Work{Container: "ChemInform", Year: 2003, Pages: "34"}, "34", ""},
		{"歐素瑛. 題名. 敎育資料與硏究, 2012, 104.", bib.Work{Container: "敎育資料與硏究", Year: 2012, Pages: "104"}, "104", ""},
		{"Bawer, B. Bad Company. New York Times Book Review, June 21, 1998, 11.", bib.Work{Container: "New York Times Book Review", Year: 1998, Pages: "11"}, "", "11"},
		{"A. Oroi, Mana, in New Mana, Canberra: ANU Press, 2016, 185.", bib.Work{Container: "New Mana", Publisher: "ANU Press", Year: 2016, Pages: "185"}, "", "185"},
		{"Smith, J. Nature 2003, 34-36.", bib.Work{Container: "Nature", Year: 2003, Pages: "34-36"}, "", "34-36"},
		{"Krummenauer, F. Cost Effectiveness. BMC Health Serv. Res, 2011, 338.", bib.Work{Container: "BMC Health Serv. Res", Year: 2011, Pages: "338"}, "", "338"},
		{"M. Henningson, J. High Energy Phys, 1998, 12pp.", bib.Work{Container: "J. High Energy Phys", Year: 1998, Pages: "12pp"}, "", "12pp"},
	} {
		w := tc.w
		volumeAfterYear(&w, tc.text)
		if w.Volume != tc.volume || w.Pages != tc.pages {
			t.Errorf("%q: volume %q pages %q, want %q %q", tc.text, w.Volume, w.Pages, tc.volume, tc.pages)
		}
	}
}

func TestRomanPages(t *testing.T) {
	for _, tc := range []struct {
		text          string
		w             bib.Work
		volume, pages string
	}{
		{"Netter’s Concise Orthopaedic Anatomy 2010, vii–viii.", bib.Work{Year: 2010, Volume: "vii–viii"}, "", "vii-viii"},
		{"Radiation Measurements 40 (2005) I.", bib.Work{Year: 2005, Volume: "40"}, "40", "I"},
		{"Polymer 86 (2016) v.", bib.Work{Year: 2016, Volume: "86", Pages: "12"}, "86", "12"},
		{"Smith, J. (2016) Part II.", bib.Work{Year: 2016}, "", ""},
		{"History of Rome, vol. XII.", bib.Work{Volume: "XII"}, "XII", ""},
	} {
		w := tc.w
		romanPages(&w, tc.text)
		if w.Volume != tc.volume || w.Pages != tc.pages {
			t.Errorf("%q: volume %q pages %q, want %q %q", tc.text, w.Volume, w.Pages, tc.volume, tc.pages)
		}
	}
}

// A range written with a wave dash (GB/T 7714-1987, Japanese lists) is a
// range: its first page is the page other sources give.
func TestWaveDashPages(t *testing.T) {
	for _, p := range []string{"7～22", "7~22", "7〜22", "7 – 22"} {
		if got := normalizePages(p); got != "7-22" {
			t.Errorf("normalizePages(%q) = %q, want 7-22", p, got)
		}
	}
	parse := rpHybridParse(t)
	raw := "Forsé M, Tronca L. Interazionismo strutturale e capitale sociale. Sociologia e Politiche Sociali, 2005, 8(1): 7～22"
	if w := parse(raw); w.Pages != "7-22" || w.FirstPage() != "7" || w.Volume != "8" || w.Issue != "1" {
		t.Errorf("%s:\n got %+v, want pages 7-22 (first page 7), volume 8, issue 1", raw, w)
	}
}

// The default parser does not take the year of a GB/T journal without
// volumes ('刊名, 2020(5)') for the volume too, and reads a page range
// with 'pp' glued to it. Renderings of CSL styles (testdata/refparse/csl).
func TestHybridGBTYearNotVolume(t *testing.T) {
	parse := rpHybridParse(t)
	raw := "[405] 顾云婧, 朱平. 卵巢癌基因共表达网络及预后标志物的研究[J/OL]. 生物学杂志, 2020(5)[2025-02-12]. http://jour.ucdrs.superlib.net/views/specific/2929/JourDetail.jsp?dxNumber=100287199277"
	if w := parse(raw); w.Year != 2020 || w.Volume != "" || w.Issue != "5" || w.Container != "生物学杂志" || w.Title != "卵巢癌基因共表达网络及预后标志物的研究" {
		t.Errorf("%s:\n got %+v, want year 2020, no volume, issue 5", raw, w)
	}
	raw = "[199] HAASE Q, WITTE A and B W with K H and J 2002 The Internet in Everyday Life, 2002 pp291–324"
	if w := parse(raw); w.Pages != "291-324" || w.Container != "The Internet in Everyday Life" {
		t.Errorf("%s:\n got %+v, want pages 291-324 in The Internet in Everyday Life", raw, w)
	}
}

// A DOI written with spaces in it (GROBID's labelled references) is read
// whole.
func TestCRFBrokenDOI(t *testing.T) {
	parse := rpHybridParse(t)
	raw := `Zhou, Zhifeng et al. (2011). "Substance-specific and shared transcription and epigenetic changes in the human hippocampus chronically exposed to cocaine and alcohol". eng. In: Proceedings of the National Academy of Sciences of the United States of America 108. 16. PMID: 21464311 PMCID: PMC3081016, pp. 6626-6631. issn: 1091-6490. doi: 10 . 1073 / pnas . 1018514108.`
	if w := parse(raw); w.DOI != "10.1073/pnas.1018514108" {
		t.Errorf("DOI %q, want 10.1073/pnas.1018514108", w.DOI)
	}
}

// rpHybridParse is the default parser.
func rpHybridParse(t testing.TB) bib.ReferenceParser {
	t.Helper()
	parse, _, err := HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	return parse
}

// TestReadScopusOldShape checks which references the default parser gives
// to the Scopus reader: the old fixed shape, not the styles that look like
// it.
func TestReadScopusOldShape(t *testing.T) {
	for _, tc := range []struct {
		raw       string
		container string // "" when the reference is not of the shape
	}{
		// Scopus's old style (the WoS–Scopus pairs of bib/resolve's testdata).
		{"Xiao, S., Yang, X., Lee, K.Y., Hwu, J.J., Wago, K., Kuo, D., Directed self-assembly for high-density bit-patterned media fabrication using spherical block copolymers (2013) J. Micro/Nanolithogr. MEMS and MOEMS, 12. ,  031110", "J. Micro/Nanolithogr. MEMS and MOEMS"},
		{"Lenz, J., Edelstein, A.S., Magnetic sensors and their applications (2006) IEEE Sensors Journal, 6 (3), pp. 631-649", "IEEE Sensors Journal"},
		// The year after the authors (APA), or closing the reference.
		{"Lenz, J., & Edelstein, A. S. (2006). Magnetic sensors and their applications. IEEE Sensors Journal, 6(3), 631-649.", ""},
		{"Kang W., Huang Y., Title of the paper, Proc. IEEE, 104, 2, pp. 2040-2061, (2016)", ""},
		// Authors read on into the title, pages for the volume (a real
		// reference of the development set).
		{"Venette, R.C., Darren J. Kriticos, Roger D. Magarey and John Pedlar (2010) Pest risk maps for invasive alien species: a roadmap for improvement. BioScience 60, 349–362.", ""},
		// Two references run together in one Scopus cell.
		{"Edelstein, A.S., Fischer, G.A., (2008); Lenz, J., Edelstein, A.S., Magnetic sensors and their applications (2006) IEEE Sensors Journal, 6 (3), pp. 631-649", ""},
	} {
		w, ok := readScopusOldShape(tc.raw)
		if ok != (tc.container != "") || ok && w.Container != tc.container {
			t.Errorf("%s:\n read %v, container %q; want %v, %q", tc.raw, ok, w.Container, tc.container != "", tc.container)
		}
	}
}

// The hybrid parser asks for the model only for a reference the CRF
// labels: a Web of Science cited reference is read without it.
func TestReadHybridModelOnlyForCRF(t *testing.T) {
	asked := 0
	model := func() *CRFModel { asked++; return crfTestModel(t) }
	if _, by := readHybrid(model, "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191X-BJA10004"); by != ReadByWoS || asked != 0 {
		t.Errorf("a WoS cited reference: read by %q, model asked for %d times; want %q, 0", by, asked, ReadByWoS)
	}
	if _, by := readHybrid(model, "Copeland, D. (2009). Guerrilla diplomacy: Rethinking international relations. Lynne Rienner."); asked != 1 {
		t.Errorf("an APA reference: read by %q, model asked for %d times; want 1", by, asked)
	}
}

// A model whose header is not this build's is the hybrid parser's error;
// one whose weights cannot be read makes the parser panic with their
// error on the first reference the CRF labels, not read it with no model.
func TestHybridDamagedModel(t *testing.T) {
	if err := checkCRFDefaultHeader(); err != nil {
		t.Fatalf("the embedded model's header: %v", err)
	}
	if err := (&crfModelReader{b: CRFEmbeddedModel[:len(crfMagic)+3]}).header(); err == nil {
		t.Error("a header cut short: no error")
	}
	damaged := errors.New("reference model: truncated")
	defer func() {
		if r := recover(); r != damaged {
			t.Errorf("recovered %v, want %v", r, damaged)
		}
	}()
	parseNeverPanics("Copeland, D. (2009). Guerrilla diplomacy.", func(string) bib.Work { panic(crfModelPanic{damaged}) })
	t.Error("parseNeverPanics hid the model's error")
}
