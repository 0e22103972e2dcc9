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
// references carry the same DOI.

// evalRef is one reference of an evaluation corpus and its true identity.
type evalRef struct {
	citing string // the list (citing paper) it belongs to
	raw    string
	truth  string // DOI
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
	// Resolve lists the references record by record.
	var inOrder []evalRef
	for _, rec := range records {
		for _, r := range refs {
			if r.citing == rec.ID {
				inOrder = append(inOrder, r)
			}
		}
	}
	c := Resolve(records)
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
	byList := map[string]pairCounts{}
	tally := func(m map[cell]count, f func(pc *pairCounts, n, seen float64)) {
		for k, x := range m {
			all := m[cell{"", k.work, k.truth}]
			if k.list == "" {
				f(&total, pairs(x.n), pairs(x.seen))
				continue
			}
			pc := byList[k.list]
			f(&pc, pairsWith(all.n, x.n), pairsWith(all.seen, x.seen))
			byList[k.list] = pc
		}
	}
	tally(byWork, func(pc *pairCounts, n, seen float64) { pc.pred += n; pc.reachPred += seen })
	tally(byTruth, func(pc *pairCounts, n, seen float64) { pc.real += n; pc.reach += seen })
	tally(byCell, func(pc *pairCounts, n, seen float64) { pc.both += n; pc.reachFound += seen })
	return evaluation{
		precision: total.both / total.pred, recall: total.both / total.real,
		reachable: total.reachFound / total.reach, ceiling: total.reach / total.real,
		reachPrecision: total.reachFound / total.reachPred,
		byList:         byList, works: len(c.Works),
	}, c
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
		refs = append(refs, evalRef{citing: x.Style, raw: raw, truth: strings.ToLower(x.DOI), parse: refparse.ParseReference})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	markBlind(refs)
	return refs
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
// matcher that does not guess (evalRef.blind): 393 of the 11,997 true pairs
// involve a reference whose text, once its DOI is removed, repeats
// identically in the same list for another DOI ("(1) Pletnev, S.; Pletneva,
// N.; Pletnev, V. 2008." twice) or has no word at all ("(1) ."), so recall
// over all pairs cannot pass 0.967. Recall is asserted over the others,
// and so is precision: a wording repeated in one list with an author,
// year, source, volume and page is one citation (one work cited twice),
// which joins the repeated wordings of two DOIs (Kolay 2016 registered
// twice). Measured: precision 0.9925 over all pairs (main 0.9924), of the
// reachable pairs precision 0.9990 and recall 0.9839 (0.9790 before the
// matcher read noisy text, 0.9834 before vague links were joined where
// they are unambiguous, joinClearVague); the issue asks 0.99.
const (
	crossrefMinPrecision          = 0.99
	crossrefMinReachablePrecision = 0.995
	crossrefMinReachable          = 0.98
)

func TestCrossrefStyles(t *testing.T) {
	for _, withDOI := range []bool{false, true} {
		refs := crossrefStyles(t, withDOI)
		e, _ := pairwise(refs)
		logEvaluation(t, "crossref styles, DOIs "+map[bool]string{true: "kept", false: "removed"}[withDOI], refs, e)
		minP, minRP, minR := crossrefMinPrecision, crossrefMinReachablePrecision, crossrefMinReachable
		if withDOI {
			minP, minRP, minR = 0.999, 0.999, 0.999
		}
		if e.precision < minP || e.reachPrecision < minRP || e.reachable < minR {
			t.Errorf("precision %.4f, of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f %.3f", e.precision, e.reachPrecision, e.reachable, minP, minRP, minR)
		}
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
// 10% 0.9853 / 0.7650 (main 0.9810 / 0.5562). The issue asks 0.995 and
// 0.95 at 5%. Half of the false pairs left at 5% join one article
// registered under two DOIs (the same authors, year, volume and pages:
// Cangià 2014, Pilas 1997, Slack 1997), whose noisy copies pair with the
// wrong twin; most of the pairs missed are references with no volume or
// page ("Shashirekha, H. L.; Wani, A, H. 2015 InternationaI onferenceon
// ...") whose names and venue noise has misspelt on both sides.
// The floors are those figures, rounded down.
const noiseSeed = 1

func TestCrossrefStylesNoisy(t *testing.T) {
	clean := crossrefStyles(t, false)
	for _, tc := range []struct{ rate, minPrecision, minReachPrecision, minReachable float64 }{
		{0.02, 0.985, 0.993, 0.95},
		{0.05, 0.983, 0.991, 0.895},
		{0.10, 0.984, 0.991, 0.76},
	} {
		refs := degraded(clean, tc.rate, noiseSeed)
		e, _ := pairwise(refs)
		logEvaluation(t, fmt.Sprintf("crossref styles, %.0f%% noise", 100*tc.rate), refs, e)
		if e.precision < tc.minPrecision || e.reachPrecision < tc.minReachPrecision || e.reachable < tc.minReachable {
			t.Errorf("%.0f%% noise: precision %.4f, of the reachable pairs precision %.4f recall %.4f, want at least %.3f %.3f %.3f",
				100*tc.rate, e.precision, e.reachPrecision, e.reachable, tc.minPrecision, tc.minReachPrecision, tc.minReachable)
		}
	}
}

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
		refs = append(refs, evalRef{citing: f[0], raw: raw, truth: f[1], parse: parse})
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
// reader), and 1.0000, 1.0000. The floors are those figures less a margin.
func TestMatchingDefaultParser(t *testing.T) {
	parse, _, err := refparse.HybridReferenceParser()
	if err != nil {
		t.Fatal(err)
	}
	for _, withDOI := range []bool{false, true} {
		for _, set := range []struct {
			name       string
			refs       []evalRef
			minP, minR float64
		}{
			{"crossref styles", crossrefStyles(t, withDOI), 0.992, 0.967},
			{"wos vs scopus", wosScopus(t, withDOI), 0.99, 0.98},
		} {
			for k := range set.refs {
				if set.refs[k].citing != "wos" {
					set.refs[k].parse = parse
				}
			}
			if withDOI {
				set.minP, set.minR = 0.999, 0.995
			}
			e, _ := pairwise(set.refs)
			p, r := e.precision, e.recall
			t.Logf("%s, default parser, DOIs kept %v: pairwise precision %.4f recall %.4f", set.name, withDOI, p, r)
			if p < set.minP || r < set.minR {
				t.Errorf("%s, DOIs kept %v: precision %.4f recall %.4f, want at least %.3f %.3f", set.name, withDOI, p, r, set.minP, set.minR)
			}
		}
	}
}
