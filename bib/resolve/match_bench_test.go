package resolve

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/bib/refparse"
	"github.com/citegraph/citegraph/internal/ocrnoise"
)

// benchRecords builds a corpus of about n references from the Crossref
// styles set: each copy of each style's list is one citing record, and
// every copy after the first perturbs its strings (case, punctuation,
// a dropped word) so that resolution cannot lean on identical texts.
func benchRecords(b testing.TB, n int) []*bib.Record {
	refs := crossrefStyles(b, false)
	parsed := map[string]bib.Work{}
	parse := func(s string) bib.Work {
		w, ok := parsed[s]
		if !ok {
			w = refparse.ParseReference(s)
			parsed[s] = w
		}
		return w
	}
	var records []*bib.Record
	total := 0
	for copyNo := 0; total < n; copyNo++ {
		byStyle := map[string]*bib.Record{}
		for _, r := range refs {
			if total == n {
				break
			}
			rec := byStyle[r.citing]
			if rec == nil {
				rec = &bib.Record{ID: fmt.Sprintf("%s-%d", r.citing, copyNo), File: "bench"}
				byStyle[r.citing] = rec
				records = append(records, rec)
			}
			raw := perturb(r.raw, copyNo+len(rec.References))
			rec.References = append(rec.References, bib.Reference{Raw: raw, Position: len(rec.References) + 1, Work: parse(raw)})
			total++
		}
	}
	return records
}

func perturb(s string, k int) string {
	switch k % 4 {
	case 1:
		return strings.ToLower(s)
	case 2:
		return strings.Replace(s, ", ", " ", 1)
	case 3:
		if i := strings.LastIndexByte(s, ' '); i > 0 {
			return s[:i]
		}
	}
	return s
}

// BenchmarkResolve100k resolves 100,000 references
// (go test -run '^$' -bench Resolve100k ./bib/resolve).
func BenchmarkResolve100k(b *testing.B) { benchmarkResolve(b, benchRecords(b, 100000)) }

// BenchmarkResolve1M resolves 1,000,000 references.
func BenchmarkResolve1M(b *testing.B) { benchmarkResolve(b, benchRecords(b, 1000000)) }

// BenchmarkResolve100kNoisy resolves 100,000 references whose every copy
// after the first has 5% OCR noise (ocrnoise), so that hardly two texts
// are alike and blocking cannot lean on exact words and names.
func BenchmarkResolve100kNoisy(b *testing.B) {
	records := benchRecords(b, 100000)
	k := 0
	for _, rec := range records[4:] {
		for i := range rec.References {
			ref := &rec.References[i]
			ref.Raw = ocrnoise.Degrade(ref.Raw, 0.05, rand.New(rand.NewPCG(noiseSeed, uint64(k))))
			ref.Work = refparse.ParseReference(ref.Raw)
			k++
		}
	}
	benchmarkResolve(b, records)
}

// benchmarkResolve resolves the records, and reports the references
// resolved a second and the CPU time an operation.
func benchmarkResolve(b *testing.B, records []*bib.Record) {
	n := 0
	for _, rec := range records {
		n += len(rec.References)
	}
	cpu0 := cpuSeconds()
	b.ResetTimer()
	for b.Loop() {
		if c := Resolve(records); len(c.Refs) != n {
			b.Fatalf("%d refs, want %d", len(c.Refs), n)
		}
	}
	// CPU time tells the cost apart from a busy machine's waiting.
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "refs/s")
}

// cpuSeconds is the process's user and system CPU time so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// BenchmarkResolveWoSx8 resolves the Web of Science sample's 13,444 cited
// references eight times over (107,552 references): each copy of a record
// is another citing paper, so every cited work is cited eight times as often.
func BenchmarkResolveWoSx8(b *testing.B) {
	f, err := os.Open("../../testdata/exports/wos-bit-pattern-savedrecs.txt")
	if err != nil {
		b.Fatal(err)
	}
	rr, _, err := reader.NewReader(reader.FormatWoS, f, "wos.txt")
	if err != nil {
		b.Fatal(err)
	}
	sample, err := reader.ReadAll(rr, nil)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var records []*bib.Record
	for k := range 8 {
		for _, r := range sample {
			c := *r
			c.ID = fmt.Sprintf("%s-%d", r.ID, k)
			if k > 0 {
				c.DOI = "" // a copy is another paper
			}
			records = append(records, &c)
		}
	}
	benchmarkResolve(b, records)
}
