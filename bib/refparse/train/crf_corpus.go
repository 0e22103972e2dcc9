package train

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// The data sets of the reference CRF, and the two entry points of
// `citegraph train-parser`: TrainRefParser and EvaluateRefParser.
//
//   - real: the AnyStyle and GROBID references (crf_data.go), split by a
//     hash of their text into training (8/10), development (1/10) and
//     held-out (1/10; 3/10 of those in Chinese characters) sets.
//   - gbt: GB/T 7714 renderings of the records read from the real
//     references (crf_gbt.go), each in its source reference's split.
//   - styles: renderings of the training and development records in six
//     common styles (crf_styles.go), trained on and never scored.
//   - seed: the seed article's reference list, labelled by this project
//     (testdata/refparse/seed-references-labelled.xml), each bilingual
//     pair as its two halves. Never trained on.

// crfDataset is everything the CRF is trained and scored on.
type crfDataset struct {
	real, gbt, styles, seed []crfExample
	csl                     []crfExample // renderings by citeproc-js in real CSL styles (crf_csl.go)
}

// How many GB/T renderings: each Chinese record this many times, other
// records at this rate.
const (
	crfGBTPerChinese = 6
	crfGBTShare      = 0.3
	crfStyleShare    = 1.0 // records rendered in another style
)

// crfLoadDataset reads the labelled data under dir.
func crfLoadDataset(dir string) (*crfDataset, error) {
	c, err := crfLoadCorpus(dir)
	if err != nil {
		return nil, err
	}
	d := &crfDataset{real: c.real}
	var recs []crfRecord
	for k := range d.real {
		if rec, ok := crfRecordOf(&d.real[k]); ok {
			recs = append(recs, rec)
		}
	}
	d.gbt = crfGBTExamples(recs, crfGBTPerChinese, crfGBTShare)
	d.styles = crfStyleExamples(recs, crfStyleShare)
	if d.csl, err = crfLoadCSL(dir); err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "seed-references-labelled.xml"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	d.seed, err = crfReadAnystyle(f, "seed")
	if err != nil {
		return nil, fmt.Errorf("seed-references-labelled.xml: %w", err)
	}
	for k := range d.seed {
		d.seed[k].split = crfSplitTest
	}
	return d, nil
}

// training returns the examples to train on: the training split, and the
// development split unless it is kept for scoring.
func (d *crfDataset) training(withDev bool) []crfExample {
	var out []crfExample
	for _, set := range [][]crfExample{d.real, d.gbt, d.styles, d.csl} {
		for _, e := range set {
			if e.split == crfSplitTrain || withDev && e.split == crfSplitDev {
				out = append(out, e)
			}
		}
	}
	return out
}

// crfSelect returns the examples of a split that pass keep.
func crfSelect(set []crfExample, split crfSplit, keep func(*crfExample) bool) []crfExample {
	var out []crfExample
	for k := range set {
		if set[k].split == split && (keep == nil || keep(&set[k])) {
			out = append(out, set[k])
		}
	}
	return out
}

// RefParserTraining are the settings of TrainRefParser.
type RefParserTraining struct {
	DataDir    string           // the labelled data (testdata/refparse)
	Iterations int              // most L-BFGS iterations (0: 600)
	Models     []RefParserModel // the models trained and averaged (nil: the built-in ensemble)
	Dev        bool             // keep the development split out of training, to tune on it
	Log        io.Writer        // progress, if not nil
}

// RefParserModel are the settings of one model of the ensemble.
type RefParserModel struct {
	L2       float64 // L2 penalty (0: 1.0)
	MinCount int     // least occurrences of a feature (0: 2)
	Margin   float64 // cost of a wrong label (crf_margin.go; 0: plain likelihood)
}

// crfEnsemble are the models averaged into the built-in one
// (crf_average.go): plain likelihood, softmax-margin, and a stronger L2
// penalty. Chosen on the development split, where the three score 0.9480,
// 0.9477 and 0.9469 alone, the first two averaged 0.9486, all three
// 0.9495. The margin model is the one whose mistakes differ: averages
// without it (the first and the third with models trained keeping the
// features seen once and counting the ugly set twice) score 0.9482 to
// 0.9485.
var crfEnsemble = []RefParserModel{{}, {Margin: 1}, {L2: 2}}

// Defaults of a training run, chosen on the development split.
const (
	crfDefaultIterations = 600
	crfDefaultL2         = 1.0
	crfDefaultMinCount   = 2
)

// TrainRefParser trains the reference parser's CRFs on the labelled data
// and returns their average in the form the binary embeds
// (bib/refparse/crfmodel/refparse.crf). The held-out references are never
// trained on; the development references are unless opts.Dev is set.
// Training is deterministic.
func TrainRefParser(opts RefParserTraining) ([]byte, error) {
	d, err := crfLoadDataset(opts.DataDir)
	if err != nil {
		return nil, err
	}
	train := d.training(!opts.Dev)
	models := opts.Models
	if models == nil {
		models = crfEnsemble
	}
	for _, o := range models {
		if o.L2 < 0 || o.MinCount < 0 || o.Margin < 0 {
			return nil, fmt.Errorf("negative setting in %+v", o)
		}
	}
	var trained []*refparse.CRFWeights
	for k, o := range models {
		if opts.Log != nil {
			fmt.Fprintf(opts.Log, "model %d of %d: %+v\n", k+1, len(models), o)
		}
		m, err := crfTrain(train, crfTrainOptions{
			Iterations: opts.Iterations, L2: o.L2, MinCount: o.MinCount, Margin: o.Margin, Log: opts.Log,
		})
		if err != nil {
			return nil, err
		}
		w := m.CRFWeights
		crfAddBias(&w, refparse.CRFOther, crfOtherBias)
		trained = append(trained, &w)
	}
	avg := crfAverage(trained...)
	var buf bytes.Buffer
	if err := refparse.WriteCRFModel(&buf, &avg); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RefParserScores are the figures of an evaluation: token-level micro F1
// over the scored fields.
type RefParserScores struct {
	HeldOut      float64 // real references never trained on, words
	HeldOutAll   float64 // the same, all tokens
	Chinese      float64 // GB/T 7714 renderings of held-out records, and the seed list
	ChineseCJK   float64 // … of the records written in Chinese
	Seed         float64 // the seed list (real references, both halves of the bilingual pairs)
	LoadTime     time.Duration
	ModelBytes   int
	Features     int
	Dev          bool // scored on the development split instead of the held-out one
	RefsPerSec   float64
	HeldOutRefs  int
	ChineseRefs  int
	ChineseKinds map[string]int     // GB/T renderings per pattern
	CSL          map[string]float64 // renderings in CSL styles: "gbt/heldout", "western/heldout" …, words
	// Default is the default parser's (refparse.ReadHybrid), its work put
	// back on the words: per compared set, the CSL renderings per group.
	Default map[string]float64
}

// RefParserEvaluation are the settings of EvaluateRefParser.
type RefParserEvaluation struct {
	DataDir  string // the labelled data (testdata/refparse)
	Model    []byte // the model to score (nil: the embedded one)
	Dev      bool   // score on the development split instead of the held-out one
	TuneBias bool   // with Dev: also try biases of other on it (crf_bias.go)
}

// EvaluateRefParser scores a model on the references under opts.DataDir
// it was not trained on, and writes the tables to w: per field precision,
// recall and F1 on the held-out real references, on the GB/T 7714
// renderings of held-out records, and on the seed list. With opts.Dev it
// scores the development split instead.
func EvaluateRefParser(w io.Writer, opts RefParserEvaluation) (*RefParserScores, error) {
	model, dataDir, dev := opts.Model, opts.DataDir, opts.Dev
	if model == nil {
		model = refparse.CRFEmbeddedModel
	}
	began := time.Now()
	m, err := refparse.ReadCRFModel(model)
	if err != nil {
		return nil, err
	}
	sc := &RefParserScores{LoadTime: time.Since(began), ModelBytes: len(model), Features: len(m.RowOff) - 1, Dev: dev}
	d, err := crfLoadDataset(dataDir)
	if err != nil {
		return nil, err
	}
	split := crfSplitTest
	name := "held-out"
	if dev {
		split, name = crfSplitDev, "development"
	}
	real := crfSelect(d.real, split, nil)
	if len(real) == 0 {
		return nil, errors.New("no " + name + " references under " + dataDir)
	}
	began = time.Now()
	eachAll, eachWords := crfScoreEach(m, real)
	sc.RefsPerSec = float64(len(real)) / time.Since(began).Seconds()
	all, words := crfSumWhere(eachAll, nil), crfSumWhere(eachWords, nil)
	sc.HeldOutRefs = len(real)
	_, _, sc.HeldOut = words.micro()
	_, _, sc.HeldOutAll = all.micro()
	fmt.Fprintf(w, "Model: %d bytes, %d features, read in %v.\n\n", sc.ModelBytes, sc.Features, sc.LoadTime.Round(time.Millisecond))
	words.write(w, "Real references, "+name+" split (AnyStyle and GROBID), words")
	fmt.Fprintln(w)
	all.write(w, "The same, all tokens (words and marks)")
	fmt.Fprintln(w)
	sets := map[string]bool{"anystyle": true}
	for _, e := range real {
		sets[e.corpus] = true
	}
	for _, s := range slices.Sorted(maps.Keys(sets)) {
		wd := crfSumWhere(eachWords, func(k int) bool { return strings.HasPrefix(real[k].corpus, s) })
		p, r, f := wd.micro()
		fmt.Fprintf(w, "  %-14s %5d references: micro P %.4f R %.4f F1 %.4f (words)\n", s, wd.refs, p, r, f)
	}
	fmt.Fprintln(w)

	gbt := crfSelect(d.gbt, split, nil)
	sc.ChineseKinds = map[string]int{}
	// Each rendering is labelled once; the groups sum its counts.
	_, gbtWords := crfScoreEach(m, gbt)
	_, seedWords := crfScoreEach(m, d.seed)
	variantOf := make([]string, len(gbt))
	for k, e := range gbt {
		kind, variant, _ := strings.Cut(strings.TrimPrefix(e.corpus, "gbt7714-"), "/")
		sc.ChineseKinds[kind]++
		variantOf[k] = variant
	}
	cw := crfSumWhere(gbtWords, nil)
	sw := crfSumWhere(seedWords, nil)
	cw.plus(&sw)
	sc.ChineseRefs = len(gbt) + len(d.seed)
	_, _, sc.Chinese = cw.micro()
	cw.write(w, "GB/T 7714 and bilingual: renderings of "+name+" records and the seed list, words")
	fmt.Fprintf(w, "  renderings per pattern: %s\n", crfKindsString(sc.ChineseKinds))
	type group struct {
		name string
		keep func(k int) bool
	}
	groups := []group{
		{"author-year system", func(k int) bool { return strings.Contains(variantOf[k], "a") }},
		{"full-width punctuation", func(k int) bool { return strings.Contains(variantOf[k], "f") }},
		{"numeric system", func(k int) bool { return !strings.Contains(variantOf[k], "a") }},
	}
	for _, kind := range slices.Sorted(maps.Keys(sc.ChineseKinds)) {
		groups = append(groups, group{"pattern " + kind, func(k int) bool { return strings.HasPrefix(gbt[k].corpus, "gbt7714-"+kind+"/") }})
	}
	groups = append(groups,
		group{"with type markers", func(k int) bool { return strings.Contains(variantOf[k], "m") }},
		group{"without type markers", func(k int) bool { return !strings.Contains(variantOf[k], "m") }})
	for _, g := range groups {
		vw := crfSumWhere(gbtWords, g.keep)
		if vw.refs == 0 {
			continue
		}
		p, r, f := vw.micro()
		fmt.Fprintf(w, "  %-24s %5d renderings: micro P %.4f R %.4f F1 %.4f\n", g.name, vw.refs, p, r, f)
	}
	fmt.Fprintln(w)
	cjkw := crfSumWhere(gbtWords, func(k int) bool { return bib.HasHan(gbt[k].text) })
	_, _, sc.ChineseCJK = cjkw.micro()
	cjkw.write(w, "  of which written in Chinese characters")
	fmt.Fprintln(w)
	_, _, sc.Seed = sw.micro()
	sw.write(w, "  of which the seed list (real; bilingual pairs as two halves)")
	fmt.Fprintln(w)
	crfWriteCSLScores(w, m, d.csl, split, sc)
	sc.Default = crfWriteParserComparison(w, m, crfComparedSets(d, split))
	if opts.TuneBias && dev {
		fmt.Fprintln(w, "\nBiases of other, on the development split:")
		best, f := crfTuneBias(m, real, w)
		fmt.Fprintf(w, "best: %+.2f (micro F1 over words %.4f); add it to crfOtherBias\n", best, f)
	}
	return sc, nil
}

// crfSumWhere sums the counts of the examples that pass keep (nil: all).
func crfSumWhere(counts []crfCounts, keep func(k int) bool) (c crfCounts) {
	for k := range counts {
		if keep == nil || keep(k) {
			c.plus(&counts[k])
		}
	}
	return c
}

func crfKindsString(kinds map[string]int) string {
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(kinds)) {
		parts = append(parts, fmt.Sprintf("%s %d", k, kinds[k]))
	}
	return strings.Join(parts, ", ")
}
