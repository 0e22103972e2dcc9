package resolve

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/internal/ocrnoise"
)

// Evaluation of reference matching against known identities: pairwise
// precision and recall of "same work" over all pairs of references, a pair
// predicted-same when resolved to one work and truly-same when its two
// references are of one work: the same DOI, or in the Crossref set DOIs
// whose metadata are identical (sameMetadata).

// evalRef is one reference of an evaluation corpus and its true identity.
type evalRef struct {
	citing string // the list (citing paper) it belongs to
	raw    string
	doi    string
	truth  string // the work: its DOI, or the least DOI of identical metadata
	parse  func(string) bib.Work
	// blind marks a reference no matcher can place without guessing: its
	// text (before any noise) is another work's in its own list, or holds
	// no letter or digit.
	blind bool
}

// evaluation is how a resolution compares with the true identities, over
// pairs of references: a pair is predicted-same when resolved to one work,
// truly-same when it shares a DOI.
type evaluation struct {
	precision, recall float64
	// reachable is the recall over the true pairs of two references that
	// are not blind; ceiling is the share of true pairs that are.
	reachable, ceiling float64
	// reachPrecision is the precision over the pairs of two references
	// that are not blind.
	reachPrecision float64
	byList         map[string]pairCounts // pairs with a reference of the list
	works          int
}

// pairCounts counts the pairs of one list's references with any other:
// predicted, true, both; and of the true, reachable and found.
type pairCounts struct {
	pred, real, both, reach, reachFound float64
	reachPred                           float64 // predicted pairs of two references not blind
}

func (c pairCounts) precision() float64 { return c.both / c.pred }
func (c pairCounts) reachable() float64 { return c.reachFound / c.reach }

// pairwise resolves the references, one record per citing list in order of
// first appearance, and scores the resolution.
func pairwise(refs []evalRef) (evaluation, *Corpus) {
	c := Resolve(evalRecords(refs))
	return score(refs, c), c
}

// evalRecords makes one record per citing list, in order of first
// appearance.
func evalRecords(refs []evalRef) []*bib.Record {
	var records []*bib.Record
	index := map[string]*bib.Record{}
	for _, r := range refs {
		rec := index[r.citing]
		if rec == nil {
			rec = &bib.Record{ID: r.citing, File: r.citing}
			index[r.citing] = rec
			records = append(records, rec)
		}
		rec.References = append(rec.References, bib.Reference{Raw: r.raw, Position: len(rec.References) + 1, Work: r.parse(r.raw)})
	}
	return records
}

// score compares c, the resolution of evalRecords(refs), with the true
// identities of refs.
func score(refs []evalRef, c *Corpus) evaluation {
	// Resolve lists the references record by record.
	var lists []string
	byList := map[string][]evalRef{}
	for _, r := range refs {
		if byList[r.citing] == nil {
			lists = append(lists, r.citing)
		}
		byList[r.citing] = append(byList[r.citing], r)
	}
	var inOrder []evalRef
	for _, l := range lists {
		inOrder = append(inOrder, byList[l]...)
	}
	// A cell holds the references of one list (or all lists: "") resolved
	// to one work, of one truth; n counts them, seen those not blind.
	type cell struct {
		list  string
		work  int32
		truth string
	}
	type count struct{ n, seen float64 }
	byWork, byTruth, byCell := map[cell]count{}, map[cell]count{}, map[cell]count{}
	for i, ref := range c.Refs {
		r := inOrder[i]
		seen := 0.0
		if !r.blind {
			seen = 1
		}
		bump := func(m map[cell]count, k cell) { m[k] = count{m[k].n + 1, m[k].seen + seen} }
		for _, list := range []string{"", r.citing} {
			bump(byWork, cell{list, ref.Work, ""})
			bump(byTruth, cell{list, -1, r.truth})
			bump(byCell, cell{list, ref.Work, r.truth})
		}
	}
	// The pairs of n references; those with one of the k of a list.
	pairs := func(n float64) float64 { return n * (n - 1) / 2 }
	pairsWith := func(n, k float64) float64 { return pairs(n) - pairs(n-k) }
	var total pairCounts
	counts := map[string]pairCounts{}
	tally := func(m map[cell]count, f func(pc *pairCounts, n, seen float64)) {
		for k, x := range m {
			all := m[cell{"", k.work, k.truth}]
			if k.list == "" {
				f(&total, pairs(x.n), pairs(x.seen))
				continue
			}
			pc := counts[k.list]
			f(&pc, pairsWith(all.n, x.n), pairsWith(all.seen, x.seen))
			counts[k.list] = pc
		}
	}
	tally(byWork, func(pc *pairCounts, n, seen float64) { pc.pred += n; pc.reachPred += seen })
	tally(byTruth, func(pc *pairCounts, n, seen float64) { pc.real += n; pc.reach += seen })
	tally(byCell, func(pc *pairCounts, n, seen float64) { pc.both += n; pc.reachFound += seen })
	return evaluation{
		precision: total.both / total.pred, recall: total.both / total.real,
		reachable: total.reachFound / total.reach, ceiling: total.reach / total.real,
		reachPrecision: total.reachFound / total.reachPred,
		byList:         counts, works: len(c.Works),
	}
}

// doiText matches a DOI as references write it, with its resolver or "doi:".
var doiText = regexp.MustCompile(`(?i)(?:https?://(?:dx\.)?doi\.org/|doi:?\s*)?10\.\d{4,9}/\S+`)

// listNumber matches the number a reference list puts before a reference.
var listNumber = regexp.MustCompile(`^\s*(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s*`)

// crossrefStyles reads the Crossref styles set: 2,000 works, each
// formatted in four citation styles; each style is one citing list.
// withDOI appends each reference's DOI; otherwise DOI text is removed.
func crossrefStyles(t testing.TB, withDOI bool) []evalRef {
	f, err := os.Open("testdata/crossref-styles-train.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var refs []evalRef
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var x struct {
			Style string  `json:"style"`
			Ref   *string `json:"ref"`
			DOI   string  `json:"doi"`
		}
		if err := json.Unmarshal(sc.Bytes(), &x); err != nil {
			t.Fatal(err)
		}
		if x.Ref == nil {
			continue // one APA entry has no text
		}
		raw := listNumber.ReplaceAllString(*x.Ref, "")
		raw = strings.TrimSpace(doiText.ReplaceAllString(raw, ""))
		if withDOI {
			raw += " https://doi.org/" + x.DOI
		}
		doi := strings.ToLower(x.DOI)
		refs = append(refs, evalRef{citing: x.Style, raw: raw, doi: doi, truth: doi, parse: refparse.ParseReference})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	twins := sameMetadata(refs)
	for i := range refs {
		if w, ok := twins[refs[i].doi]; ok {
			refs[i].truth = w
		}
	}
	markBlind(refs)
	return refs
}

// sameMetadata maps each DOI of the Crossref set that shares its metadata
// with another to the least DOI of those: DOIs whose texts (without the
// DOI) are the same in every style, once every dash is one character, are
// one work, for each style renders some of the metadata and all four
// render them all: every author's surname and initials (APA), the first
// author's given names (degraded), year, title, container, volume, issue
// and pages. A citation cannot tell such DOIs apart, and Crossref holds
// the same article twice: Bruch 2002, "The relevance of mitigated and
// unmitigated agency …" (10.1037//0022-0167.49.4.449 and
// 10.1037/0022-0167.49.4.449), Kolay 2016 (10.1504/ijee.2016.10003280 and
// …082323), Pilas 1997, "A flow cytometric method …", Cytometry 28(4)
// 316–322 (Wiley's …3.0.co;2-9 and …3.3.co;2-j, whose titles differ only
// in "‐" for "-"); and two chapters whose records are identical, Alt 2005
// "Das Kinderpanel" and Herrick 1648 "Precepts". Twins whose metadata
// differ stay two works: Calvez 2009 (pages 79 or 79–106), Slack 1997
// ("Editorial: Care in the community", pages 123–123, or "Care in the
// community", 123), Cangià 2014 (Multicultural Education Review or
// Studies).
func sameMetadata(refs []evalRef) map[string]string {
	dash := func(r rune) rune {
		if unicode.Is(unicode.Pd, r) {
			return '-'
		}
		return r
	}
	renderings := map[string]map[string]string{} // DOI: style: text
	var styles []string
	for _, r := range refs {
		if renderings[r.doi] == nil {
			renderings[r.doi] = map[string]string{}
		}
		if !slices.Contains(styles, r.citing) {
			styles = append(styles, r.citing)
		}
		renderings[r.doi][r.citing] = strings.Map(dash, r.raw)
	}
	byMetadata := map[string][]string{}
	for doi, texts := range renderings {
		var key strings.Builder
		for _, s := range styles {
			text, ok := texts[s]
			fmt.Fprintf(&key, "%v%q", ok, text)
		}
		byMetadata[key.String()] = append(byMetadata[key.String()], doi)
	}
	out := map[string]string{}
	for _, dois := range byMetadata {
		if len(dois) > 1 {
			least := slices.Min(dois)
			for _, d := range dois {
				out[d] = least
			}
		}
	}
	return out
}

// TestSameMetadata checks which DOIs of the Crossref set are found one work:
// five pairs, among them an article whose titles differ only in a dash, and
// none of the twins whose metadata differ in a field.
func TestSameMetadata(t *testing.T) {
	twins := sameMetadata(crossrefStyles(t, false))
	if len(twins) != 10 {
		t.Errorf("%d DOIs share their metadata with another, want 10: %v", len(twins), twins)
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"10.1037//0022-0167.49.4.449", "10.1037/0022-0167.49.4.449", true},
		{"10.1002/(sici)1097-0320(19970801)28:4<316::aid-cyto7>3.0.co;2-9", "10.1002/(sici)1097-0320(19970801)28:4<316::aid-cyto7>3.3.co;2-j", true},
		{"10.3917/sss.272.0079", "10.3406/sosan.2009.1922", false},              // pages 79 or 79–106
		{"10.1080/2005615x.2014.11102911", "10.14328/mer.2014.09.30.25", false}, // Review or Studies
		{"10.1016/s0033-3506(97)00568-4", "10.1038/sj.ph.1900361", false},       // "Editorial: "
	} {
		if got := twins[tc.a] != "" && twins[tc.a] == twins[tc.b]; got != tc.same {
			t.Errorf("%s and %s one work: %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}

// byDOI returns a copy of refs whose truth is the DOI: the evaluation
// that counts twins of identical metadata as two works.
func byDOI(refs []evalRef) []evalRef {
	out := slices.Clone(refs)
	for i := range out {
		out[i].truth = out[i].doi
	}
	markBlind(out)
	return out
}

// markBlind marks the references no matcher can place without guessing
// (evalRef.blind): the pairs of the others are the reachable ones.
func markBlind(refs []evalRef) {
	type listText struct{ list, raw string }
	truths := map[listText]map[string]bool{}
	for _, r := range refs {
		k := listText{r.citing, r.raw}
		if truths[k] == nil {
			truths[k] = map[string]bool{}
		}
		truths[k][r.truth] = true
	}
	for i := range refs {
		r := &refs[i]
		r.blind = len(truths[listText{r.citing, r.raw}]) > 1 || !strings.ContainsFunc(r.raw, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) })
	}
}

// degraded returns a copy of refs with every text degraded by ocrnoise at
// the rate, each reference from its own stream of the seed; which
// references are blind stays as the clean texts say.
func degraded(refs []evalRef, rate float64, seed uint64) []evalRef {
	out := slices.Clone(refs)
	for i := range out {
		out[i].raw = ocrnoise.Degrade(out[i].raw, rate, rand.New(rand.NewPCG(seed, uint64(i))))
	}
	return out
}

// logEvaluation logs the figures of one resolution, overall and by list.
func logEvaluation(t *testing.T, what string, refs []evalRef, e evaluation) {
	t.Helper()
	t.Logf("%s, %d references: %d works, pairwise precision %.4f recall %.4f; of the reachable pairs precision %.4f recall %.4f (reachable %.4f)",
		what, len(refs), e.works, e.precision, e.recall, e.reachPrecision, e.reachable, e.ceiling)
	lists := slices.Sorted(maps.Keys(e.byList))
	for _, l := range lists {
		pc := e.byList[l]
		t.Logf("    %-26s precision %.4f, of the reachable pairs %.4f", l, pc.precision(), pc.reachable())
	}
}

// The Crossref styles set, DOIs removed: some pairs are out of reach of any
// matcher that does not guess (evalRef.blind): of the 11,997 pairs of
// references with one DOI, 393 involve a reference whose text, once its DOI
// is removed, repeats identically in the same list for another DOI ("(1)
// Pletnev, S.; Pletneva, N.; Pletnev, V. 2008." twice) or has no word at
// all ("(1) ."), so recall over all pairs cannot pass 0.967. Recall is
// asserted over the others, and so is precision. A work is what a citation
// can name: DOIs of identical metadata are one (sameMetadata), which makes
// the repeated wordings of Kolay 2016 and Bruch 2002 one work cited twice,
// as the matcher reads them, and the pairs of Alt 2005 and Herrick 1648,
// whose two records the matcher splits one copy a list, reachable misses.
// Measured, one work for identical metadata: precision 0.9959 over all
// pairs, of the reachable pairs (0.9723 of them) precision 0.9990 and
// recall 0.9803; each DOI a work: 0.9925, 0.9990 and 0.9839 (0.9790
// before the matcher read noisy text, 0.9834 before vague links were
// joined where they are unambiguous, joinClearVague); the issue asks 0.99.
// Since the rules parser reads "(n.d.)" where a year would be, a life's
// years before the year, and a chapter's book with its subtitle ("Book:
// Subtitle, 218–232", not "Place: Publisher"): one work for identical
// metadata 0.9962, 0.9997, 0.9833; each DOI a work 0.9927, 0.9997, 0.9869.
// Since a reference of only an author and a year joins the one work it
// could be that is cited without pages (a book, not its chapters;
// joinWholeWorks): 0.9962, 0.9997, 0.9865; each DOI a work 0.9928, 0.9997,
// 0.9901. Since noisy vague links join groups that are each other's
// likeliest (joinMutualBest; the clean set has texts the corrector
// mended): 0.9962, 0.9997, 0.9871; each DOI a work 0.9928, 0.9997, 0.9907.
// Since the parser and the matcher read noisy texts better (#24, session
// 15; TestCrossrefStylesNoisy): 0.9965, 0.9997, 0.9880; each DOI a work
// 0.9931, 0.9997, 0.9916.
const (
	crossrefMinPrecision          = 0.996
	crossrefMinReachablePrecision = 0.999
	crossrefMinReachable          = 0.987

	crossrefByDOIMinPrecision          = 0.993
	crossrefByDOIMinReachablePrecision = 0.999
	crossrefByDOIMinReachable          = 0.991
)

func TestCrossrefStyles(t *testing.T) {
	for _, withDOI := range []bool{false, true} {
		refs := crossrefStyles(t, withDOI)
		e, c := pairwise(refs)
		what := "crossref styles, DOIs " + map[bool]string{true: "kept", false: "removed"}[withDOI]
		logEvaluation(t, what, refs, e)
		minP, minRP, minR := crossrefMinPrecision, crossrefMinReachablePrecision, crossrefMinReachable
		if withDOI {
			minP, minRP, minR = 0.999, 0.999, 0.999
		}
		if e.precision < minP || e.reachPrecision < minRP || e.reachable < minR {
			t.Errorf("precision %.4f, of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f %.3f", e.precision, e.reachPrecision, e.reachable, minP, minRP, minR)
		}
		if !withDOI {
			checkByDOI(t, what, score(byDOI(refs), c), crossrefByDOIMinPrecision, crossrefByDOIMinReachablePrecision, crossrefByDOIMinReachable)
		}
	}
}

// checkByDOI logs the evaluation that counts twins of identical metadata
// as two works (byDOI), and checks its precision and reachable recall.
func checkByDOI(t *testing.T, what string, e evaluation, minPrecision, minReachPrecision, minReach float64) {
	t.Helper()
	t.Logf("%s, each DOI a work: pairwise precision %.4f recall %.4f; of the reachable pairs precision %.4f recall %.4f (reachable %.4f)",
		what, e.precision, e.recall, e.reachPrecision, e.reachable, e.ceiling)
	if e.precision < minPrecision || e.reachPrecision < minReachPrecision || e.reachable < minReach {
		t.Errorf("%s, each DOI a work: precision %.4f, of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f %.3f",
			what, e.precision, e.reachPrecision, e.reachable, minPrecision, minReachPrecision, minReach)
	}
}

// Noise as from PDF extraction and OCR (ocrnoise), at each rate, on the
// Crossref styles set with the DOIs removed; recall is over the pairs
// reachable in the clean texts. At 5% noise the matcher with exact keys
// measured precision 0.9769, recall of the reachable pairs 0.4294; the
// matcher that read noisy fields (main at 6010714) 0.9819 and 0.8027 (of
// the reachable pairs precision 0.9906); with the text verdict and the
// rules for noisy groups (textscore.go) 0.9836 and 0.8986 (of the
// reachable pairs precision 0.9914). By style at 5%: ACS 0.9847 / 0.8961,
// APA 0.9844 / 0.9039, degraded authors 0.9855 / 0.9010, Elsevier without
// titles 0.9797 / 0.8932; at 2% 0.9874 / 0.9503 (main 0.9874 / 0.9248), at
// 10% 0.9853 / 0.7650 (main 0.9810 / 0.5562): each DOI a work. With one
// work for identical metadata (sameMetadata; the floors' first three
// figures) 2% 0.9889 / 0.9939 / 0.9438, 5% 0.9857 / 0.9915 / 0.8919, 10%
// 0.9870 / 0.9916 / 0.7599 (precision, of the reachable pairs precision
// and recall): the twins' noisy copies joined count as found, those left
// apart as missed; since look-alike ordinals, years run into a word and
// supplement pages are read (readLookAlikes), and a noisy text's one year
// in brackets is its year (printedYear), 2% 0.9889 / 0.9939 / 0.9456, 5%
// 0.9858 / 0.9915 / 0.8943 (ACS 0.9864 / 0.8930, APA 0.9869 / 0.9010,
// degraded 0.9872 / 0.8972, Elsevier 0.9826 / 0.8890), 10% 0.9873 /
// 0.9918 / 0.7683; each DOI a work 2% 0.9874 / 0.9939 / 0.9521, 5% 0.9836
// / 0.9915 / 0.9010, 10% 0.9857 / 0.9918 / 0.7738. With the rules parser
// reading noisy text as clean (look-alike digits, names run together,
// locators that lost a stop or a bracket; e0f0924): 2% 0.9905 / 0.9949 /
// 0.9496, 5% 0.9878 / 0.9938 / 0.9007, 10% 0.9877 / 0.9917 / 0.7844; each
// DOI a work 2% 0.9881 / 0.9949 / 0.9563, 5% 0.9850 / 0.9936 / 0.9073, 10%
// 0.9861 / 0.9919 / 0.7902. The issue asks 0.995 and 0.95 at 5%. Of the false
// pairs left at 5%, most join a reference that is blind, or twins whose
// metadata differ in a field: Calvez 2009 (pages 79 or 79–106), Cangià
// 2014 (Multicultural Education Review or Studies), Doughty 2004 (Civil
// Engineering or Proceedings of the ICE – Civil Engineering); most of the
// pairs missed are references with no volume or page ("Shashirekha, H.
// L.; Wani, A, H. 2015 InternationaI onferenceon ...") whose names and
// venue noise has misspelt on both sides. The floors are those figures,
// rounded down.
//
// Since the rules parser reads "(n.d.)", life spans and a chapter's book
// with a subtitle (TestCrossrefStyles): 2% 0.9903 / 0.9951 / 0.9517, 5%
// 0.9887 / 0.9947 / 0.9033, 10% 0.9882 / 0.9923 / 0.7865; each DOI a
// work 2% 0.9879 / 0.9951 / 0.9585, 5% 0.9859 / 0.9944 / 0.9099, 10%
// 0.9866 / 0.9924 / 0.7924. At 2% precision over all pairs is 0.0002
// lower: blind "Oxford Dictionary of National Biography (2018)." copies
// join entries whose year is now read. Since a reference of only an
// author and a year joins the work cited without pages (joinWholeWorks):
// 2% 0.9903 / 0.9951 / 0.9551, 5% 0.9887 / 0.9947 / 0.9049, 10% 0.9881 /
// 0.9923 / 0.7873; each DOI a work 2% 0.9880 / 0.9951 / 0.9619, 5% 0.9859
// / 0.9945 / 0.9115, 10% 0.9864 / 0.9925 / 0.7931. Since the rules read
// the locator of a text whose last stop noise made a comma ("376–389,"):
// 2% 0.9904 / 0.9951 / 0.9555, 5% 0.9888 / 0.9947 / 0.9055, 10% 0.9886 /
// 0.9929 / 0.7894; each DOI a work 2% 0.9880 / 0.9951 / 0.9623, 5% 0.9860
// / 0.9945 / 0.9121, 10% 0.9869 / 0.9931 / 0.7952. Since a volume or
// page is the same as the other's digits read with their look-alikes
// ("1OS" and "105", sameLookAlike): 2% 0.9904 / 0.9951 / 0.9560, 5%
// 0.9888 / 0.9947 / 0.9065, 10% 0.9886 / 0.9929 / 0.7913; each DOI a work
// 2% 0.9880 / 0.9951 / 0.9628, 5% 0.9860 / 0.9945 / 0.9131, 10% 0.9869 /
// 0.9931 / 0.7972. Since a noisy vague link joins groups that are each
// other's likeliest (joinMutualBest): 2% 0.9902 / 0.9951 / 0.9596, 5%
// 0.9888 / 0.9947 / 0.9101, 10% 0.9885 / 0.9929 / 0.7930; each DOI a work
// 2% 0.9879 / 0.9951 / 0.9665, 5% 0.9861 / 0.9945 / 0.9168, 10% 0.9868 /
// 0.9930 / 0.7989. Since a noisy pair with the year and the first name,
// one side without a title and sources that align, needs half its text
// shared, not 0.6, for a vague link (compareText): 2% 0.9902 / 0.9951 /
// 0.9598, 5% 0.9888 / 0.9947 / 0.9103, 10% 0.9885 / 0.9929 / 0.7974; each
// DOI a work 2% 0.9879 / 0.9951 / 0.9666, 5% 0.9861 / 0.9945 / 0.9170,
// 10% 0.9869 / 0.9931 / 0.8034. Since a noisy pair of one year, sources
// that meet and titles not apart is vague with 0.6 of its words shared, not
// 0.9 (compare): 2% 0.9902 / 0.9951 / 0.9610, 5% 0.9889 / 0.9947 / 0.9118,
// 10% 0.9885 / 0.9929 / 0.7990; each DOI a work 2% 0.9879 / 0.9951 /
// 0.9679, 5% 0.9861 / 0.9945 / 0.9185, 10% 0.9870 / 0.9931 / 0.8051.
// Since a reference without a year is blocked under its first author
// with its first page: 2% 0.9902 / 0.9952 / 0.9617, 5% 0.9889 / 0.9947 /
// 0.9123, 10% 0.9886 / 0.9929 / 0.7993; each DOI a work 2% 0.9879 /
// 0.9951 / 0.9685, 5% 0.9861 / 0.9945 / 0.9190, 10% 0.9870 / 0.9931 /
// 0.8053. Since joinMutualBest takes another pass while it joins: 2%
// 0.9902 / 0.9952 / 0.9619, 5% 0.9889 / 0.9947 / 0.9129, 10% 0.9886 /
// 0.9929 / 0.7994; each DOI a work 2% 0.9879 / 0.9951 / 0.9688, 5% 0.9861
// / 0.9945 / 0.9196, 10% 0.9870 / 0.9931 / 0.8055. Since noisy pairs
// compare turns down but whose texts are near (nearTexts) join where each
// is the other's likeliest: 2% 0.9902 / 0.9952 / 0.9634, 5% 0.9890 /
// 0.9948 / 0.9204, 10% 0.9874 / 0.9927 / 0.8069; each DOI a work 2%
// 0.9878 / 0.9951 / 0.9703, 5% 0.9862 / 0.9945 / 0.9272, 10% 0.9859 /
// 0.9928 / 0.8131. At 10% precision over all pairs is 0.0012 lower (blind
// references joined) and over the reachable pairs 0.0003. Since the
// numbers of two noisy texts may disagree in nearTexts: 2% 0.9902 / 0.9952
// / 0.9636, 5% 0.9890 / 0.9948 / 0.9214, 10% 0.9875 / 0.9927 / 0.8094;
// each DOI a work 2% 0.9878 / 0.9951 / 0.9705, 5% 0.9862 / 0.9946 /
// 0.9282, 10% 0.9859 / 0.9929 / 0.8156. The issue asks 0.995 and 0.95 at
// 5%: the false pairs left over the reachable ones are twins whose
// metadata differ in a field (above) and a book's copies joined to its
// chapter's; the references missed are mostly without volume and page.
//
// Since the rules parser reads noisy author lists (names split, run into
// initials or read in lower case), noisy years, volumes and pages (lost
// brackets, look-alike letters in ranges, volumes run into sources), and
// the matcher blocks short and undated names, reads noisy pairs by their
// trigrams, tells initials misread from other people's, joins groups
// that name one place of print and a likeliest link that has a copy of
// itself for runner-up (#24, session 15): 2% 0.9922 / 0.9967 / 0.9723,
// 5% 0.9893 / 0.9953 / 0.9455, 10% 0.9891 / 0.9946 / 0.8597; each DOI a
// work 2% 0.9899 / 0.9967 / 0.9793, 5% 0.9867 / 0.9953 / 0.9523, 10%
// 0.9876 / 0.9946 / 0.8659. Each DOI a work at 5% meets the issue's
// 0.995 and 0.95, the floors of that row. One draw of the noise is luckier
// than another: over six (TestCrossrefStylesNoisyDraws) the mean is
// 0.9941 / 0.9512. Precision over all pairs stays under 0.99, held down
// by the blind references.
//
// Since a noisy text's firm link waits while its node could as well join
// a twin its list names apart (rivalLinks), noisy texts are blocked under
// their source's rarest words and read names misread where they name one
// place of print, and a noisy pair is no one work when it is a
// correction and its paper, an undated part and its dated whole, or an
// author's works of one source a year apart (#24, session 16): 2% 0.9921
// / 0.9969 / 0.9739, 5% 0.9905 / 0.9954 / 0.9509, 10% 0.9922 / 0.9968 /
// 0.8682; each DOI a work 2% 0.9896 / 0.9968 / 0.9810, 5% 0.9882 /
// 0.9953 / 0.9582, 10% 0.9900 / 0.9966 / 0.8743. The floors are these
// figures, rounded down.
const noiseSeed = 1

func TestCrossrefStylesNoisy(t *testing.T) {
	clean := crossrefStyles(t, false)
	for _, tc := range []struct {
		rate, minPrecision, minReachPrecision, minReachable float64
		byDOIMinPrecision, byDOIMinReachPrecision           float64
		byDOIMinReachable                                   float64
	}{
		{0.02, 0.992, 0.996, 0.973, 0.989, 0.996, 0.980},
		{0.05, 0.990, 0.995, 0.950, 0.988, 0.995, 0.958},
		{0.10, 0.992, 0.996, 0.868, 0.989, 0.996, 0.874},
	} {
		refs := degraded(clean, tc.rate, noiseSeed)
		e, c := pairwise(refs)
		what := fmt.Sprintf("crossref styles, %.0f%% noise", 100*tc.rate)
		logEvaluation(t, what, refs, e)
		if e.precision < tc.minPrecision || e.reachPrecision < tc.minReachPrecision || e.reachable < tc.minReachable {
			t.Errorf("%.0f%% noise: precision %.4f, of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f %.3f",
				100*tc.rate, e.precision, e.reachPrecision, e.reachable, tc.minPrecision, tc.minReachPrecision, tc.minReachable)
		}
		checkByDOI(t, what, score(degraded(byDOI(clean), tc.rate, noiseSeed), c), tc.byDOIMinPrecision, tc.byDOIMinReachPrecision, tc.byDOIMinReachable)
	}
}

// noiseDraws are the seeds of the draws TestCrossrefStylesNoisyDraws
// averages: one draw of the noise is one noisy set, and at 5% the
// figures of one draw differ from another's by up to 0.009 in recall and
// 0.003 in precision. The mean over six keeps a rule from being judged,
// or tuned, by the luck of one draw.
const noiseDraws = 6

// TestCrossrefStylesNoisyDraws measures the Crossref styles set with 5%
// noise in noiseDraws draws (seeds 1 to 6), each DOI a work, and checks
// the mean precision and recall over the reachable pairs.
func TestCrossrefStylesNoisyDraws(t *testing.T) {
	clean := byDOI(crossrefStyles(t, false))
	var precision, recall float64
	for seed := uint64(1); seed <= noiseDraws; seed++ {
		e, _ := pairwise(degraded(clean, 0.05, seed))
		t.Logf("5%% noise, seed %d, each DOI a work: of the reachable pairs precision %.4f recall %.4f", seed, e.reachPrecision, e.reachable)
		precision += e.reachPrecision / noiseDraws
		recall += e.reachable / noiseDraws
	}
	t.Logf("5%% noise, mean of %d draws: of the reachable pairs precision %.4f recall %.4f", noiseDraws, precision, recall)
	if precision < noisyDrawsMinPrecision || recall < noisyDrawsMinRecall {
		t.Errorf("5%% noise, mean of %d draws: of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f",
			noiseDraws, precision, recall, noisyDrawsMinPrecision, noisyDrawsMinRecall)
	}
}

// The means measured (TestCrossrefStylesNoisyDraws), rounded down: 0.9939
// and 0.9473 when the test was written, 0.9941 and 0.9512 since the
// matcher ranks a signed description first among vague links and joins a
// likeliest link whose runner-up is a copy of it, 0.9941 and 0.9511 since
// a text's lead is no co-author's name, 0.9951 and 0.9581 (draws from
// 0.9939 to 0.9962 and from 0.9547 to 0.9629) since the rules of session
// 16 (above TestCrossrefStylesNoisy). The issue asks 0.995 and 0.95.
// Of the false pairs left, most join DOI twins of one article (one first
// author, year, volume and first page) whose metadata differ in one
// field noise or a style hides.
const (
	noisyDrawsMinPrecision = 0.995
	noisyDrawsMinRecall    = 0.958
)

// wosScopus reads the WoS-vs-Scopus set: the same works cited by Web of
// Science (CR entries) and by Scopus (reference strings), one citing list
// each, with hard negatives. withDOI keeps each reference's DOI text.
func wosScopus(t testing.TB, withDOI bool) []evalRef {
	data, err := os.ReadFile("testdata/wos-scopus-pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var refs []evalRef
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.SplitN(line, "\t", 3)
		if len(f) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		raw, parse := f[2], refparse.ParseReference
		if f[0] == "wos" {
			parse = refparse.ParseWoSCitedReference
			if i := strings.Index(raw, ", DOI "); i >= 0 && !withDOI {
				raw = raw[:i]
			}
		} else if !withDOI {
			raw = strings.TrimRight(strings.TrimSpace(doiText.ReplaceAllString(raw, "")), " ,.")
		}
		refs = append(refs, evalRef{citing: f[0], raw: raw, doi: f[1], truth: f[1], parse: parse})
	}
	markBlind(refs)
	return refs
}

// Measured on the WoS-vs-Scopus set (go test -run TestWoSScopus -v):
// precision 1.000, recall 0.976 with the DOIs removed (main 0.972), 0.9805
// since the text verdict for noisy pairs (textscore.go). The
// recall floor is the 0.97: of the pairs still missed, 4 are Scopus entries that
// run two references together ("…, private communication; Brown, W.F.,
// (1963) …"), and most others disagree on a field (volume 320 for 278,
// "Appl. Phys. Lett." for "J. Appl. Phys.", the wrong first author).
const (
	wosScopusMinPrecision = 0.99
	wosScopusMinRecall    = 0.97
)

func TestWoSScopus(t *testing.T) {
	for _, withDOI := range []bool{false, true} {
		refs := wosScopus(t, withDOI)
		e, _ := pairwise(refs)
		logEvaluation(t, "wos vs scopus, DOIs "+map[bool]string{true: "kept", false: "removed"}[withDOI], refs, e)
		minP, minR := wosScopusMinPrecision, wosScopusMinRecall
		if withDOI {
			minP, minR = 0.999, 0.999
		}
		if e.precision < minP || e.recall < minR {
			t.Errorf("precision %.4f recall %.4f, want at least %.3f %.3f", e.precision, e.recall, minP, minR)
		}
	}
}

// The same sets read by the default parser (refparse.HybridReferenceParser)
// instead of the rules, which they were tuned with. Measured (with the
// text verdict, textscore.go): Crossref styles with the DOIs removed
// precision 0.9928, recall 0.9679 (the rules 0.9925, 0.9650; the default
// parser 0.9902, 0.9602 before it gave Crossref's "degraded" rendering to
// the rules and read the styles without titles as the rules do: the
// journal after the authors' initials, the proceedings a paper is in; most
// of the precision left is pairs the rules join too: the same authors,
// journal and volume under two DOIs, texts alike in one list), with the
// DOIs kept 1.0000, 1.0000; WoS against Scopus 1.0000, 0.9805, as the
// rules (0.9794 before it gave Scopus's old fixed shape to the Scopus
// reader), and 1.0000, 1.0000. With one work for identical metadata
// (sameMetadata), Crossref styles precision 0.9962, recall 0.9648; since
// the rules read "(n.d.)", life spans and a chapter's book with a subtitle
// (TestCrossrefStyles), 0.9964 and 0.9656, each DOI a work 0.9930 and
// 0.9687; since joinWholeWorks 0.9964 and 0.9683, each DOI a work 0.9930
// and 0.9714; since the matching of noisy texts of this issue (#24; the
// set has texts the corrector mended) 0.9964 and 0.9693, 0.9930 and
// 0.9724. The floors are those figures less a margin.
func TestMatchingDefaultParser(t *testing.T) {
	parse, _, err := refparse.HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	for _, withDOI := range []bool{false, true} {
		for _, set := range []struct {
			name       string
			refs       []evalRef
			minP, minR float64 // each DOI a work
			// one work for identical metadata (sameMetadata)
			workMinP, workMinR float64
		}{
			{"crossref styles", crossrefStyles(t, withDOI), 0.992, 0.972, 0.996, 0.969},
			{"wos vs scopus", wosScopus(t, withDOI), 0.99, 0.98, 0.99, 0.98},
		} {
			for k := range set.refs {
				if set.refs[k].citing != "wos" {
					set.refs[k].parse = parse
				}
			}
			if withDOI {
				set.minP, set.minR, set.workMinP, set.workMinR = 0.999, 0.995, 0.999, 0.995
			}
			e, c := pairwise(set.refs)
			d := score(byDOI(set.refs), c)
			t.Logf("%s, default parser, DOIs kept %v: pairwise precision %.4f recall %.4f; each DOI a work %.4f %.4f", set.name, withDOI, e.precision, e.recall, d.precision, d.recall)
			if e.precision < set.workMinP || e.recall < set.workMinR || d.precision < set.minP || d.recall < set.minR {
				t.Errorf("%s, DOIs kept %v: precision %.4f recall %.4f, each DOI a work %.4f %.4f; want at least %.3f %.3f, %.3f %.3f",
					set.name, withDOI, e.precision, e.recall, d.precision, d.recall, set.workMinP, set.workMinR, set.minP, set.minR)
			}
		}
	}
}
