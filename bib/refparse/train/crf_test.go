package train

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib/refparse"
)

// The reference CRF's tests. The figures asserted here are measured on
// the embedded model (bib/refparse/crfmodel/refparse.crf) and the labelled data
// under testdata/refparse; nothing is trained beyond a toy model. To
// print the full tables: go run ./cmd/citegraph train-parser --eval-only.

const crfDataDir = "../../../testdata/refparse"

// crfFloors are the least token-level micro F1 (words) the embedded model
// must keep: the measured figures less a small margin.
var crfFloors = struct {
	heldOut, chinese, seed float64
}{
	heldOut: 0.950, // measured 0.9515 (the criterion of issue 4)
	chinese: 0.965, // measured 0.9811
	seed:    0.960, // measured 0.9766
}

// crfTestModel is the embedded model.
func crfTestModel(t testing.TB) *refparse.CRFModel {
	t.Helper()
	m, err := refparse.ReadCRFModel(refparse.CRFEmbeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func crfTestDataset(t testing.TB) *crfDataset {
	t.Helper()
	d, err := crfLoadDataset(crfDataDir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// crfShow writes a labelled reference as "label[ tokens ]".
func crfShow(text string, toks []refparse.CRFTok, labels []refparse.CRFLabel) string {
	var b strings.Builder
	prev := refparse.CRFOther
	for i := range toks {
		l := labels[i]
		if l != prev {
			if prev != refparse.CRFOther {
				b.WriteString(" ]")
			}
			if l != refparse.CRFOther {
				b.WriteString(" " + l.String() + "[")
			}
		}
		b.WriteString(" " + refparse.CRFTokText(text, toks, i))
		prev = l
	}
	if prev != refparse.CRFOther {
		b.WriteString(" ]")
	}
	return strings.TrimSpace(b.String())
}

func TestCRFNormalizeLabels(t *testing.T) {
	tests := []struct{ xml, want string }{
		{ // AnyStyle: punctuation, keywords and the issue inside the tags.
			`<dataset><sequence><author>Solon, G.</author><date>(1999).</date><title>Chapter 29.</title>` +
				`<editor>In O. Card (Ed.),</editor><container-title>Handbook</container-title>` +
				`<volume>(Vol. 3,</volume><pages>pp. 1761–1800).</pages><journal>J. Phys.</journal>` +
				`<volume>15(3):</volume><volume>2014;35:</volume><doi>doi: 10.1/x</doi></sequence></dataset>`,
			"author[ Solon , G ] . ( year[ 1999 ] ) . title[ Chapter 29 ] . In editor[ O . Card ] ( Ed . ) , " +
				"container-title[ Handbook ] ( Vol . volume[ 3 ] , pp . pages[ 1761–1800 ] ) . container-title[ J . Phys ] . " +
				"volume[ 15 ] ( issue[ 3 ] ) : year[ 2014 ] ; volume[ 35 ] : doi : DOI[ 10.1/x ]",
		},
		{ // Quotation marks around the title; "and" between two author tags.
			`<dataset><sequence><author>Smith, J.</author><note>and</note><author>Jones, K.</author>` +
				`<title>“A title.”</title><url>http://dx.doi.org/10.1/y</url></sequence></dataset>`,
			"author[ Smith , J ] . note[ and ] author[ Jones , K ] . “ title[ A title ] . ” DOI[ http://dx.doi.org/10.1/y ]",
		},
	}
	for _, tt := range tests {
		ex, err := crfReadAnystyle(strings.NewReader(tt.xml), "test")
		if err != nil || len(ex) != 1 {
			t.Fatalf("read: %v, %d sequences", err, len(ex))
		}
		if got := crfShow(ex[0].text, ex[0].toks, ex[0].labels); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", ex[0].text, got, tt.want)
		}
	}
	grobid := `<TEI><listBibl><bibl><author>A. Smith</author>, <author>B. Jones</author> and <author>C. Li</author>, ` +
		`<title level="a">On things</title>, <title level="m">Big Book</title>, Vol. <biblScope unit="volume">5</biblScope>` +
		`<lb/>(<date>1999</date>) <idno type="DOI">10.2/z</idno>.</bibl></listBibl></TEI>`
	ex, err := crfReadGrobid([]byte(grobid), "grobid")
	if err != nil || len(ex) != 1 {
		t.Fatalf("grobid: %v, %d", err, len(ex))
	}
	want := "author[ A . Smith , B . Jones and C . Li ] , title[ On things ] , container-title[ Big Book ] , Vol . volume[ 5 ] ( year[ 1999 ] ) DOI[ 10.2/z ] ."
	if got := crfShow(ex[0].text, ex[0].toks, ex[0].labels); got != want {
		t.Errorf("grobid\n got %s\nwant %s", got, want)
	}
}

// crfToyExamples are six labelled references for toy trainings: two
// (English and Chinese), three times each.
func crfToyExamples(t *testing.T) []crfExample {
	t.Helper()
	xml := `<dataset>` + strings.Repeat(`<sequence><author>Smith, J.</author><date>(2020).</date><title>A title.</title>`+
		`<journal>Journal,</journal><volume>15(3),</volume><pages>1-10.</pages></sequence>`+
		`<sequence><author>赵刚.</author><title>科技外交的理论与实践.</title><location>北京:</location>`+
		`<publisher>时事出版社,</publisher><date>2007.</date></sequence>`, 3) + `</dataset>`
	ex, err := crfReadAnystyle(strings.NewReader(xml), "toy")
	if err != nil {
		t.Fatal(err)
	}
	return ex
}

// A toy model trained twice gives the same bytes, and reads back to the
// same labels.
func TestCRFTrainDeterministic(t *testing.T) {
	ex := crfToyExamples(t)
	var outs [2][]byte
	var models [2]*refparse.CRFModel
	for k := range outs {
		m, err := crfTrain(ex, crfTrainOptions{Iterations: 15, L2: 0.1, MinCount: 1, Workers: 1 + k})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := refparse.WriteCRFModel(&buf, &m.CRFWeights); err != nil {
			t.Fatal(err)
		}
		outs[k], models[k] = buf.Bytes(), m
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Errorf("two trainings (1 and 2 workers) gave different models: %d and %d bytes", len(outs[0]), len(outs[1]))
	}
	back, err := refparse.ReadCRFModel(outs[0])
	if err != nil {
		t.Fatal(err)
	}
	sc := new(refparse.CRFScratch)
	for _, e := range ex {
		a := append([]refparse.CRFLabel(nil), models[0].Label(e.text, e.toks, sc)...)
		b := back.Label(e.text, e.toks, sc)
		if crfShow(e.text, e.toks, a) != crfShow(e.text, e.toks, b) {
			t.Errorf("labels differ after writing and reading the model:\n%s\n%s", crfShow(e.text, e.toks, a), crfShow(e.text, e.toks, b))
		}
		if got, want := crfShow(e.text, e.toks, a), crfShow(e.text, e.toks, e.labels); got != want {
			t.Errorf("toy model does not learn its data:\n got %s\nwant %s", got, want)
		}
	}
	if _, err := refparse.ReadCRFModel(outs[0][:len(outs[0])/2]); err == nil {
		t.Error("a truncated model was read without error")
	}
}

// The gold tags of every labelled reference follow the structure the
// training and decoding search (refparse/crf_tags.go): a chain starts in
// other or a field, each tag goes on to a field or its own other, and each
// tag's label is the token's.
func TestCRFTags(t *testing.T) {
	d := crfTestDataset(t)
	for _, set := range [][]crfExample{d.real, d.gbt, d.styles, d.seed, d.csl} {
		for _, e := range set {
			tags := make([]uint8, len(e.labels))
			refparse.CRFTags(e.labels, tags)
			for i, y := range tags {
				switch {
				case refparse.CRFTagLabel[y] != e.labels[i]:
					t.Fatalf("%s: token %d: tag %d has label %v, want %v", e.text, i, y, refparse.CRFTagLabel[y], e.labels[i])
				case i == 0 && int(y) >= refparse.CRFNumLabels:
					t.Fatalf("%s: starts in tag %d", e.text, y)
				case i > 0 && !refparse.CRFAllowed(int(tags[i-1]), int(y)):
					t.Fatalf("%s: token %d: tag %d after tag %d", e.text, i, y, tags[i-1])
				}
			}
		}
	}
}

// The gradient of the training objective agrees with central differences
// of the objective, for transitions between tags, start and end weights
// and feature weights: the forward and backward passes over the tags are
// checked against the likelihood they differentiate.
func TestCRFGradient(t *testing.T) {
	xml := `<dataset><sequence><author>Smith, J.</author><date>(2020).</date><title>A title.</title>` +
		`<journal>Journal,</journal><volume>15(3),</volume><pages>1-10.</pages></sequence>` +
		`<sequence><author>赵刚.</author><title>科技外交的理论与实践.</title><location>北京:</location>` +
		`<publisher>时事出版社,</publisher><date>2007.</date></sequence></dataset>`
	ex, err := crfReadAnystyle(strings.NewReader(xml), "toy")
	if err != nil {
		t.Fatal(err)
	}
	d := crfFeaturize(ex, 1)
	dim := crfNumTrans + d.nPairs
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, dim)
	for i := range x {
		x[i] = rng.NormFloat64() * 0.5
	}
	var probes []int
	for p := 0; p < refparse.CRFNumTags; p++ {
		for y := 0; y < refparse.CRFNumTags; y++ {
			if refparse.CRFAllowed(p, y) && rng.IntN(8) == 0 {
				probes = append(probes, p*refparse.CRFNumTags+y)
			}
		}
	}
	for y := 0; y < refparse.CRFNumTags; y++ {
		probes = append(probes, refparse.CRFNumTags*refparse.CRFNumTags+y, refparse.CRFNumTags*refparse.CRFNumTags+refparse.CRFNumTags+y)
	}
	for k := 0; k < 40; k++ {
		probes = append(probes, crfNumTrans+rng.IntN(d.nPairs))
	}
	nSeq := len(d.seqOff) - 1
	var plain float64
	for _, margin := range []float64{0, 1} {
		cost := crfMarginCost(margin)
		w := &crfWorker{d: d, cost: &cost, grad: make([]float64, dim)}
		nll := w.run(x, 0, nSeq)
		if margin == 0 {
			plain = nll
		} else if nll <= plain {
			// Every labelling but the gold one is raised by its cost.
			t.Errorf("margin %g: objective %.6f, not above the likelihood's %.6f", margin, nll, plain)
		}
		grad := slices.Clone(w.grad)
		f := func() float64 { return w.run(x, 0, nSeq) }
		const h = 1e-5
		for _, i := range probes {
			v := x[i]
			x[i] = v + h
			up := f()
			x[i] = v - h
			down := f()
			x[i] = v
			if num := (up - down) / (2 * h); math.Abs(num-grad[i]) > 1e-5*max(1, math.Abs(num)) {
				t.Errorf("margin %g, parameter %d: gradient %.8f, central difference %.8f", margin, i, grad[i], num)
			}
		}
	}
}

// TestCRFHeldOut scores the embedded model on the held-out references
// (never trained on): token-level micro F1 over author, title,
// container-title, year, volume, issue, pages, publisher, DOI and URL.
func TestCRFHeldOut(t *testing.T) {
	d := crfTestDataset(t)
	m := crfTestModel(t)
	test := crfSelect(d.real, crfSplitTest, nil)
	all, words := crfScore(m, test)
	_, _, fw := words.micro()
	_, _, fa := all.micro()
	t.Logf("held-out: %d references, micro F1 %.4f (words), %.4f (all tokens)", len(test), fw, fa)
	if fw < crfFloors.heldOut {
		var b strings.Builder
		words.write(&b, "held-out, words")
		t.Errorf("held-out micro F1 %.4f fell below %.4f\n%s", fw, crfFloors.heldOut, b.String())
	}
}

// TestCRFChinese scores the embedded model on GB/T 7714 and bilingual
// references it was not trained on: renderings of held-out records
// (crf_gbt.go) and the seed list.
func TestCRFChinese(t *testing.T) {
	d := crfTestDataset(t)
	m := crfTestModel(t)
	test := append(crfSelect(d.gbt, crfSplitTest, nil), d.seed...)
	_, words := crfScore(m, test)
	_, _, f := words.micro()
	_, seed := crfScore(m, d.seed)
	_, _, fs := seed.micro()
	t.Logf("GB/T 7714 and bilingual: %d references, micro F1 %.4f; seed list %.4f", len(test), f, fs)
	if f < crfFloors.chinese {
		t.Errorf("GB/T 7714 micro F1 %.4f fell below %.4f", f, crfFloors.chinese)
	}
	if fs < crfFloors.seed {
		t.Errorf("seed list micro F1 %.4f fell below %.4f", fs, crfFloors.seed)
	}
}

// A label bias moves every token's score for the label: a large one takes
// every token, and taking it off gives back the labels. The search of the
// bias of other finds one no worse than none, and leaves the model as it
// was.
func TestCRFBias(t *testing.T) {
	m, err := refparse.ReadCRFModel(refparse.CRFEmbeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	text := "Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382."
	toks := refparse.CRFTokenize(text, nil)
	sc := new(refparse.CRFScratch)
	before := crfShow(text, toks, m.Label(text, toks, sc))
	w := m.CRFWeights
	crfAddBias(&w, refparse.CRFTitle, 100)
	for i, l := range refparse.NewCRFModel(w).Label(text, toks, sc) {
		if l != refparse.CRFTitle {
			t.Fatalf("token %d labelled %s under a bias of 100 for title", i, l)
		}
	}
	crfAddBias(&w, refparse.CRFTitle, -100)
	if after := crfShow(text, toks, refparse.NewCRFModel(w).Label(text, toks, sc)); after != before {
		t.Errorf("labels changed after the bias was taken off:\n%s\n%s", before, after)
	}
	dev := crfSelect(crfTestDataset(t).real, crfSplitDev, nil)[:200]
	f0 := crfWordsF1(m, dev)
	b, f := crfTuneBias(m, dev, nil)
	if f < f0 {
		t.Errorf("the best bias of other, %+.2f, scores %.4f, below no bias's %.4f", b, f, f0)
	}
	if f1 := crfWordsF1(m, dev); f1 != f0 {
		t.Errorf("the search left the model scoring %.4f, not %.4f", f1, f0)
	}
}

// TestCRFObjective checks the objective of a three-word reference against
// a sum over all its tag paths: the gold path's score against the
// log-sum-exp of every path's score plus its cost.
func TestCRFObjective(t *testing.T) {
	ex, err := crfReadAnystyle(strings.NewReader(
		`<dataset><sequence><author>Smith</author><date>2020</date><title>Peace</title></sequence></dataset>`), "toy")
	if err != nil {
		t.Fatal(err)
	}
	d := crfFeaturize(ex, 1)
	if n := len(d.tags); n != 3 {
		t.Fatalf("%d tokens, want 3", n)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, crfNumTrans+d.nPairs)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	var emit [3][refparse.CRFNumLabels]float64
	for t := range emit {
		for _, f := range d.feats[d.tokOff[t]:d.tokOff[t+1]] {
			for k := d.rowOff[f]; k < d.rowOff[f+1]; k++ {
				emit[t][d.rowLab[k]] += x[crfNumTrans+int(k)]
			}
		}
	}
	const T = refparse.CRFNumTags
	score := func(y [3]int) float64 {
		s := x[T*T+y[0]] + x[T*T+T+y[2]]
		for t := range y {
			s += emit[t][refparse.CRFTagLabel[y[t]]]
			if t > 0 {
				s += x[y[t-1]*T+y[t]]
			}
		}
		return s
	}
	gold := [3]int{int(d.tags[0]), int(d.tags[1]), int(d.tags[2])}
	for _, margin := range []float64{0, 0.5, 2} {
		cost := crfMarginCost(margin)
		for _, c := range []struct {
			gold, label refparse.CRFLabel
			want        float64
		}{
			{refparse.CRFTitle, refparse.CRFTitle, 0}, {refparse.CRFOther, refparse.CRFOther, 0},
			{refparse.CRFTitle, refparse.CRFOther, margin}, {refparse.CRFOther, refparse.CRFTitle, margin},
			{refparse.CRFTitle, refparse.CRFContainer, 2 * margin},
		} {
			if got := cost[c.gold][c.label]; got != c.want {
				t.Errorf("margin %g: cost of %s against %s %g, want %g", margin, c.label, c.gold, got, c.want)
			}
		}
		var paths []float64
		for a := 0; a < refparse.CRFNumLabels; a++ { // no path starts in an other after a field
			for b := 0; b < T; b++ {
				for c := 0; c < T; c++ {
					if !refparse.CRFAllowed(a, b) || !refparse.CRFAllowed(b, c) {
						continue
					}
					y := [3]int{a, b, c}
					s := score(y)
					for t := range y {
						s += cost[refparse.CRFTagLabel[gold[t]]][refparse.CRFTagLabel[y[t]]]
					}
					paths = append(paths, s)
				}
			}
		}
		mx := slices.Max(paths)
		sum := 0.0
		for _, s := range paths {
			sum += math.Exp(s - mx)
		}
		want := mx + math.Log(sum) - score(gold)
		w := &crfWorker{d: d, cost: &cost, grad: make([]float64, len(x))}
		if got := w.run(x, 0, 1); math.Abs(got-want) > 1e-9*max(1, math.Abs(want)) {
			t.Errorf("margin %g: objective %.12f, sum over paths %.12f", margin, got, want)
		}
	}
}
