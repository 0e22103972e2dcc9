package resolve

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
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
}

// pairwise resolves the references, one record per citing list in order of
// first appearance, and scores the resolution.
func pairwise(refs []evalRef) (precision, recall float64, c *Corpus) {
	var records []*bib.Record
	index := map[string]*bib.Record{}
	var truth []string
	for _, r := range refs {
		rec := index[r.citing]
		if rec == nil {
			rec = &bib.Record{ID: r.citing, File: r.citing}
			index[r.citing] = rec
			records = append(records, rec)
		}
		rec.References = append(rec.References, bib.Reference{Raw: r.raw, Position: len(rec.References) + 1, Work: r.parse(r.raw)})
	}
	for _, rec := range records {
		for _, r := range refs {
			if r.citing == rec.ID {
				truth = append(truth, r.truth)
			}
		}
	}
	c = Resolve(records)
	type cell struct {
		work  int32
		truth string
	}
	byWork, byTruth, byCell := map[int32]int{}, map[string]int{}, map[cell]int{}
	for i, ref := range c.Refs {
		byWork[ref.Work]++
		byTruth[truth[i]]++
		byCell[cell{ref.Work, truth[i]}]++
	}
	pairs := func(n int) float64 { return float64(n) * float64(n-1) / 2 }
	var pred, real, both float64
	for _, n := range byWork {
		pred += pairs(n)
	}
	for _, n := range byTruth {
		real += pairs(n)
	}
	for _, n := range byCell {
		both += pairs(n)
	}
	return both / pred, both / real, c
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
	return refs
}

// Measured on the Crossref styles set (go test -run TestCrossrefStyles -v):
// precision 0.998, recall 0.961 with the DOIs removed. The thresholds are
// those figures less a margin for changes of the reference parser. Some
// recall is out of reach of any matcher that does not guess (recallCeiling):
// 393 of the 11,997 true pairs involve a reference whose text, once its DOI
// is removed, repeats identically in the same list for another DOI ("(1)
// Pletnev, S.; Pletneva, N.; Pletnev, V. 2008." twice) or has no word at
// all ("(1) ."), so recall cannot pass 0.967.
const (
	crossrefMinPrecision = 0.99
	crossrefMinRecall    = 0.95
)

// recallCeiling is the pairwise recall of a matcher that joins every true
// pair it can tell from the texts: all but the pairs with a reference that
// cannot be told apart from another work's in its own list (the same text)
// or that says nothing (no letter or digit).
func recallCeiling(refs []evalRef) float64 {
	type listText struct{ list, raw string }
	truths := map[listText]map[string]bool{}
	for _, r := range refs {
		k := listText{r.citing, r.raw}
		if truths[k] == nil {
			truths[k] = map[string]bool{}
		}
		truths[k][r.truth] = true
	}
	blind := func(r evalRef) bool {
		return len(truths[listText{r.citing, r.raw}]) > 1 || !strings.ContainsFunc(r.raw, func(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) })
	}
	byTruth := map[string][]evalRef{}
	for _, r := range refs {
		byTruth[r.truth] = append(byTruth[r.truth], r)
	}
	all, reachable := 0, 0
	for _, g := range byTruth {
		for i, a := range g {
			for _, b := range g[i+1:] {
				all++
				if !blind(a) && !blind(b) {
					reachable++
				}
			}
		}
	}
	return float64(reachable) / float64(all)
}

func TestCrossrefStyles(t *testing.T) {
	for _, withDOI := range []bool{false, true} {
		refs := crossrefStyles(t, withDOI)
		p, r, c := pairwise(refs)
		t.Logf("crossref styles, %d references, DOIs %v: %d works, pairwise precision %.4f recall %.4f (at most %.4f without guessing)", len(refs), map[bool]string{true: "kept", false: "removed"}[withDOI], len(c.Works), p, r, recallCeiling(refs))
		minP, minR := crossrefMinPrecision, crossrefMinRecall
		if withDOI {
			minP, minR = 0.999, 0.999
		}
		if p < minP || r < minR {
			t.Errorf("precision %.4f recall %.4f, want at least %.3f %.3f", p, r, minP, minR)
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
	return refs
}

// Measured on the WoS-vs-Scopus set (go test -run TestWoSScopus -v):
// precision 1.000, recall 0.972 with the DOIs removed. The recall floor is
// the 0.97: of the 26 pairs still missed, 4 are Scopus entries that
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
		p, r, c := pairwise(refs)
		t.Logf("wos vs scopus, %d references, DOIs %v: %d works, pairwise precision %.4f recall %.4f", len(refs), map[bool]string{true: "kept", false: "removed"}[withDOI], len(c.Works), p, r)
		minP, minR := wosScopusMinPrecision, wosScopusMinRecall
		if withDOI {
			minP, minR = 0.999, 0.999
		}
		if p < minP || r < minR {
			t.Errorf("precision %.4f recall %.4f, want at least %.3f %.3f", p, r, minP, minR)
		}
	}
}

// The same sets read by the default parser (refparse.HybridReferenceParser)
// instead of the rules, which they were tuned with. Measured: Crossref
// styles with the DOIs removed precision 0.9900, recall 0.9559 (the rules
// 0.9924, 0.9605: the CRF reads Crossref's renderings of unsigned items and
// of references without titles less well; the precision lost is pairs the
// rules join too: the same authors, journal and volume under two DOIs, an
// unsigned "Jet Propulsion Engines." and the book of that title), with
// the DOIs kept 1.0000, 1.0000 (the rules 1.0000, 0.9997); WoS against
// Scopus 1.0000, 0.9718 and 1.0000, 1.0000 (the rules the same). The floors
// are those figures less a margin.
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
			{"crossref styles", crossrefStyles(t, withDOI), 0.985, 0.95},
			{"wos vs scopus", wosScopus(t, withDOI), 0.99, 0.965},
		} {
			for k := range set.refs {
				if set.refs[k].citing != "wos" {
					set.refs[k].parse = parse
				}
			}
			if withDOI {
				set.minP, set.minR = 0.999, 0.995
			}
			p, r, _ := pairwise(set.refs)
			t.Logf("%s, default parser, DOIs kept %v: pairwise precision %.4f recall %.4f", set.name, withDOI, p, r)
			if p < set.minP || r < set.minR {
				t.Errorf("%s, DOIs kept %v: precision %.4f recall %.4f, want at least %.3f %.3f", set.name, withDOI, p, r, set.minP, set.minR)
			}
		}
	}
}
