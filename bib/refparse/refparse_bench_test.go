package refparse

import (
	"runtime"
	"testing"
	"time"

	"github.com/citegraph/citegraph/bib"
)

// BenchmarkParseReference parses the seed list and the Crossref-styles
// excerpt (17 + 800 strings in five styles), one reference an operation,
// on one goroutine. Besides ns/op it reports references per second of
// wall-clock time (refs/s) and, on Linux, per second of the thread's CPU
// time (refs/cpu-s), which stays meaningful on a loaded machine.
func BenchmarkParseReference(b *testing.B) {
	benchmarkParse(b, rpBenchReferences(b), ParseReference)
}

// rpBenchReferences are the seed list and the Crossref-styles excerpt.
func rpBenchReferences(b testing.TB) []string {
	refs := rpSeedReferences(b)
	for _, c := range rpLoadCrossref(b, "../../testdata/refparse/crossref-styles-excerpt.jsonl") {
		refs = append(refs, c.ref)
	}
	return refs
}

// benchmarkParse parses refs with parse, one reference an operation, on
// one locked thread, and reports references per second of wall-clock and
// of the thread's CPU time.
func benchmarkParse(b *testing.B, refs []string, parse func(string) bib.Work) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	n := 0
	var start time.Time
	var cpu0 time.Duration
	for b.Loop() {
		if n == 0 {
			start = time.Now()
			cpu0, _ = rpThreadCPU()
		}
		parse(refs[n%len(refs)])
		n++
	}
	b.ReportMetric(float64(n)/time.Since(start).Seconds(), "refs/s")
	if cpu1, ok := rpThreadCPU(); ok && cpu1 > cpu0 {
		b.ReportMetric(float64(n)/(cpu1-cpu0).Seconds(), "refs/cpu-s")
	}
}

// BenchmarkHybridParse: the default parser (HybridReferenceParser), on the
// strings of BenchmarkParseReference.
func BenchmarkHybridParse(b *testing.B) {
	refs := rpBenchReferences(b)
	parse, _, err := HybridReferenceParser()
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range refs {
		parse(r) // fill the CRF's cache as a long run would
	}
	benchmarkParse(b, refs, parse)
}

// BenchmarkHybridVsCRF measures the default parser and the CRF alone in
// one run, interleaved: each operation parses the strings of
// BenchmarkParseReference once with each, in alternating order, on one
// locked thread, and the rates are those passes' references per second of
// the thread's CPU time (hybrid-refs/cpu-s, crf-refs/cpu-s) and their
// ratio, which a loaded machine slows alike.
func BenchmarkHybridVsCRF(b *testing.B) {
	refs := rpBenchReferences(b)
	hybrid, _, err := HybridReferenceParser()
	if err != nil {
		b.Fatal(err)
	}
	crf, err := CRFReferenceParser()
	if err != nil {
		b.Fatal(err)
	}
	for _, r := range refs {
		hybrid(r) // fill the CRF's cache as a long run would
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var spent [2]time.Duration
	pass := func(k int, parse bib.ReferenceParser) {
		cpu0, _ := rpThreadCPU()
		for _, r := range refs {
			parse(r)
		}
		cpu1, _ := rpThreadCPU()
		spent[k] += cpu1 - cpu0
	}
	n := 0
	for b.Loop() {
		if n%2 == 0 {
			pass(0, hybrid)
			pass(1, crf)
		} else {
			pass(1, crf)
			pass(0, hybrid)
		}
		n++
	}
	if spent[0] > 0 && spent[1] > 0 {
		refsDone := float64(n * len(refs))
		b.ReportMetric(refsDone/spent[0].Seconds(), "hybrid-refs/cpu-s")
		b.ReportMetric(refsDone/spent[1].Seconds(), "crf-refs/cpu-s")
		b.ReportMetric(spent[1].Seconds()/spent[0].Seconds(), "hybrid/crf")
	}
}
