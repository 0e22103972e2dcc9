package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestWoSPlainTextExport(t *testing.T) {
	// Counted apart from the reader:
	//
	//	grep -c '^ER' wos-bit-pattern-savedrecs.txt              → 500
	//	awk '/^NR /{s+=$2} END{print s}' wos-bit-pattern-savedrecs.txt → 13444
	//	awk '/^CR /{c=1;n++;next} /^   /{if(c)n++;next} {c=0} END{print n}' … → 13444
	e := readExport(t, "wos-bit-pattern-savedrecs.txt", FormatWoS)
	if len(e.recs) != 500 || e.refs() != 13444 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 500, 13444, 0", len(e.recs), e.refs(), len(e.errs))
	}
	if r := e.recs[0]; r.ID != "WOS:000401190100002" || len(r.References) != 37 {
		t.Errorf("record 1: %q, %d references (NR 37)", r.ID, len(r.References))
	}
}

func TestWoSTabEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "wostab-edge.txt", FormatWoSTab, true)
	if len(e.recs) != 3 || e.refs() != 6 || len(e.errs) != 0 {
		t.Fatalf("wostab-edge.txt: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	// The UTF-16LE export reads the same.
	u := readExport(t, "wostab-edge-utf16.txt", FormatWoSTab)
	if got, want := exportSummary(u, true), exportSummary(e, true); got != want {
		t.Errorf("UTF-16 export reads differently:\n%s", exportLineDiff(want, got))
	}
}

// The tab-delimited and plain-text exports of one record give one Record.
func TestWoSTabMatchesPlainText(t *testing.T) {
	plain := "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nAU Testperson, A\n   Examplova, BC\nAF Testperson, Alpha\n   Examplova, Beta C.\n" +
		"TI A synthetic record\n   that wraps\nSO JOURNAL OF TEST INPUTS\nDE one; two\n" +
		"C1 [Testperson, Alpha; Examplova, Beta C.] Univ Nowhere, Utopia.\n   [Examplova, Beta C.] Inst Fixtures, Utopia.\n" +
		"CR Testperson A, 2001, J TEST INPUTS, V1, P1, DOI 10.5555/test.0001\n   [Anonymous], 2002, TEST MANUAL\nNR 2\nTC 7\n" +
		"J9 J TEST INPUTS\nPY 2020\nVL 11\nIS 2\nBP 101\nEP 110\nDI 10.5555/test.1001\nUT WOS:000000000000009\nER\n\nEF\n"
	tab := "PT\tAU\tAF\tTI\tSO\tDE\tC1\tCR\tNR\tTC\tJ9\tPY\tVL\tIS\tBP\tEP\tDI\tUT\n" +
		"J\tTestperson, A; Examplova, BC\tTestperson, Alpha; Examplova, Beta C.\tA synthetic record that wraps\tJOURNAL OF TEST INPUTS\tone; two\t" +
		"[Testperson, Alpha; Examplova, Beta C.] Univ Nowhere, Utopia.; [Examplova, Beta C.] Inst Fixtures, Utopia.\t" +
		"Testperson A, 2001, J TEST INPUTS, V1, P1, DOI 10.5555/test.0001; [Anonymous], 2002, TEST MANUAL\t2\t7\tJ TEST INPUTS\t2020\t11\t2\t101\t110\t10.5555/test.1001\tWOS:000000000000009\n"
	p := readExportData(t, "r.txt", []byte(plain), FormatWoS)
	w := readExportData(t, "r.txt", []byte(tab), FormatWoSTab)
	// Line numbers differ between the two layouts.
	for _, e := range []*exportRead{p, w} {
		for _, r := range e.recs {
			r.Line = 0
			for i := range r.References {
				r.References[i].Line = 0
			}
		}
	}
	if got, want := exportSummary(w, true), exportSummary(p, true); got != want {
		t.Errorf("tab-delimited reads differently from plain text:\n%s", exportLineDiff(want, got))
	}
}

func TestWoSTabErrors(t *testing.T) {
	var errs []*bib.ParseError
	recs, err := ReadAll(newWoSTabReader(strings.NewReader("Title\tAuthor\nPT\tAU\tUT\n\t\t\nJ\tA, B\tWOS:1\n"), "bad.txt"),
		func(pe *bib.ParseError) { errs = append(errs, pe) })
	if err != nil || len(recs) != 1 || recs[0].Line != 4 || len(errs) != 1 || errs[0].Line != 1 {
		t.Errorf("%d records, errors %v %v", len(recs), errs, err)
	}
}

func TestWoSTabLongLine(t *testing.T) {
	ab := strings.Repeat("w", exportLongLine)
	e := readExportData(t, "long.txt", []byte("PT\tAB\tUT\nJ\t"+ab+"\tWOS:1\n"), FormatWoSTab)
	if len(e.recs) != 1 || e.recs[0].Abstract != ab {
		t.Fatalf("long line: %d records", len(e.recs))
	}
}

func FuzzWoSTab(f *testing.F) {
	exportFuzzSeeds(f, "wostab-edge.txt", "wostab-edge-utf16.txt")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, structured(newWoSTabReader)) })
}
