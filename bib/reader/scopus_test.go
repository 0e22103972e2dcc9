package reader

import (
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The reference counts of the Scopus CSV files were taken apart from the
// reader, with Python's csv module:
//
//	python3 -c 'import csv,sys; csv.field_size_limit(1<<30)
//	rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
//	h = rows[0]; i = h.index("References")
//	print(len(rows)-1, sum(len(c.split("; ")) for r in rows[1:] for c in [r[i+len(r)-len(h)]] if c.strip()))' FILE
//
// which gives the records and the "; "-separated pieces of the References
// cells (the cell is looked up from the right in rows with more cells than
// the header; see TestScopusCSVLitstudy). Every piece that starts with a
// lower-case letter, holds no comma or is a bare name was then read by
// hand; those that continue the reference before them are listed below
// and subtracted.

func TestScopusCSVBibx(t *testing.T) {
	// 581 records; 16,380 pieces, of which 4 continue a title cut at a
	// "; " ("…annealing temperature on the; microstructure…", "…Fe3O4
	// nanoparticles; comparing two magnetization methods…", "…acoustical
	// figures; and on certain forms…", "Magnetic Domains; the Analysis of
	// Magnetic Microstructures"): 16,376 references.
	e := readExport(t, "scopus-bibx.csv", FormatScopus)
	if len(e.recs) != 581 || e.refs() != 16376 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 581, 16376, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[0]
	want := bib.Record{ID: "2-s2.0-85183479140", Line: 2, TimesCited: 0}
	if r.ID != want.ID || r.Line != want.Line || r.TimesCited != want.TimesCited {
		t.Errorf("record 1: id %q line %d cited %d", r.ID, r.Line, r.TimesCited)
	}
	exportCheckWork(t, "record 1", &r.Work, bib.Work{
		Type: "article-journal", Year: 2024,
		Title:     "Optimizing skyrmionium movement and stability via stray magnetic fields in trilayer nanowire constructs",
		Container: "Physical Chemistry Chemical Physics", ContainerShort: "Phys. Chem. Chem. Phys.",
		Volume: "26", Issue: "5", Pages: "4716-4723", DOI: "10.1039/d3cp05340g", Publisher: "Royal Society of Chemistry",
	})
	if len(r.Authors) != 8 || r.Authors[0] != (bib.Name{Family: "Gong", Given: "Bin"}) || r.Authors[7] != (bib.Name{Family: "Zhang", Given: "Yue"}) {
		t.Errorf("record 1 authors: %v", r.Authors)
	}
	if len(r.References) != 50 ||
		r.References[0].Raw != "Kang W., Huang Y., Zhang X., Zhou Y., Zhao W., Proc. IEEE, 104, pp. 2040-2061, (2016)" ||
		r.References[49].Raw != "Prezioso M., Mahmoodi M., Bayat F.M., Nili H., Kim H., Vincent A., Strukov D., Nat. Commun., 9, (2018)" ||
		r.References[49].Position != 50 || r.References[49].Line != 2 {
		t.Errorf("record 1: %d references, first %+v, last %+v", len(r.References), r.References[0], r.References[len(r.References)-1])
	}
	// Record 3 has an article number and no pages, and the reference with
	// "; " in its title, joined.
	r = e.recs[2]
	if r.Pages != "125109" || len(r.References) != 43 {
		t.Errorf("record 3: pages %q, %d references (want 125109, 44 pieces less one continuation)", r.Pages, len(r.References))
	}
	if got := r.References[7].Raw; !strings.HasSuffix(got, "annealing temperature on the; microstructure and magnetic properties of FeCo thin films, J. Mater. Sci.: Mater. Electron., 28, 16, pp. 11733-11737, (2017)") {
		t.Errorf("record 3 reference 8: %q", got)
	}
	if r := e.recs[580]; r.ID != "2-s2.0-7644229909" || r.TimesCited != 72 || r.Year != 2000 || len(r.References) != 42 {
		t.Errorf("last record: %q cited %d year %d, %d references", r.ID, r.TimesCited, r.Year, len(r.References))
	}
}

func TestScopusCSVLitstudy(t *testing.T) {
	// 58 records. The header names one "Funding Text 1" column, but 56
	// rows have a second funding text and so one cell more than the
	// header: their References (and every later cell) sit one column
	// right. 48 References cells, 2,452 pieces, of which 34 continue the
	// reference before them: 30 in record 1 (editor lists "Deuflhard, P.;
	// Hermans, J.; …; Skeel, R. D., Eds.", each followed by "Springer-
	// Verlag: Berlin"-style publishers, and "…, Technical Paper 301; IEEE
	// Press: Piscataway, NJ"), and 4 titles cut at a "; " (records 2, 11,
	// 37 and 42: "…coloured Petri nets; application to…", "…in cancer;
	// implications in…", "…in eucaryotes; steady states…", "Laboratory
	// investigation; a journal of technical methods and pathology"):
	// 2,418 references.
	e := readExport(t, "scopus-litstudy.csv", FormatScopus)
	if len(e.recs) != 58 || e.refs() != 2418 || len(e.errs) != 0 {
		t.Fatalf("got %d records, %d references, %d errors; want 58, 2418, 0", len(e.recs), e.refs(), len(e.errs))
	}
	r := e.recs[0]
	if r.ID != "2-s2.0-27344436659" || r.TimesCited != 13169 || r.Pages != "1781-1802" || len(r.References) != 128 {
		t.Errorf("record 1: %q cited %d pages %q, %d references", r.ID, r.TimesCited, r.Pages, len(r.References))
	}
	if len(r.Authors) != 10 || r.Authors[0] != (bib.Name{Family: "Phillips", Given: "J.C."}) {
		t.Errorf("record 1 authors: %v", r.Authors)
	}
	want := "Izrailev, S., Stepaniants, S., Isralewitz, B., Kosztin, D., Lu, H., Molnar, F., Wriggers, W., Schulten, K., (1998) Computational Molecular Dynamics: Challenges, Methods, Ideas, 4, p. 39. , Lecture Notes in Computational Science and Engineering; Deuflhard, P.; Hermans, J.; Leimkuhler, B.; Mark, A. E.; Reich, S.; Skeel, R. D., Eds.; Springer-Verlag: Berlin"
	found := false
	for _, ref := range r.References {
		found = found || ref.Raw == want
	}
	if !found {
		t.Errorf("record 1: no reference %q", want)
	}
	// Record 3 is the first with the extra cell.
	r = e.recs[2]
	if r.ID != "2-s2.0-85123480963" || r.ContainerShort != "Sci. Rep." || r.Type != "article-journal" || r.Line != 4 ||
		len(r.References) != 42 || !strings.HasPrefix(r.References[0].Raw, "Edelstein-Keshet, L., (2005) Mathematical Models in Biology") {
		t.Errorf("record 3: %q %q %q line %d, %d references", r.ID, r.ContainerShort, r.Type, r.Line, len(r.References))
	}
}

func TestScopusCSVEdgeCases(t *testing.T) {
	e := exportGoldenEdge(t, "scopus-edge.csv", FormatScopus, false)
	if len(e.recs) != 3 || e.refs() != 6 || len(e.errs) != 1 || e.errs[0].Line != 6 {
		t.Errorf("scopus-edge.csv: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
	e = exportGoldenEdge(t, "scopus-edge-old.csv", FormatScopus, false)
	if len(e.recs) != 1 || e.refs() != 3 || len(e.errs) != 0 {
		t.Errorf("scopus-edge-old.csv: %d records, %d references, errors %v", len(e.recs), e.refs(), e.errs)
	}
}

func TestSplitScopusReferences(t *testing.T) {
	for _, c := range []struct {
		cell string
		want []string
	}{
		{"", nil},
		{"A B., T, J, 1, (2001); C D., U, K, 2, (2002)", []string{"A B., T, J, 1, (2001)", "C D., U, K, 2, (2002)"}},
		{"A B., T, J, 1, (2001);", []string{"A B., T, J, 1, (2001)"}},
		// A bare name among complete references is a reference.
		{"A B., T, J, (2001); Maxwell J.; C D., U, K, (2002)", []string{"A B., T, J, (2001)", "Maxwell J.", "C D., U, K, (2002)"}},
		// Authors separated by ";".
		{"Kang W.; Huang Y.; Zhang X., Title one, J, 1, (2016); Nagaosa N.; Tokura Y., Title two, K, 8, (2013)",
			[]string{"Kang W.; Huang Y.; Zhang X., Title one, J, 1, (2016)", "Nagaosa N.; Tokura Y., Title two, K, 8, (2013)"}},
		// Authors separated by "; " without dots, the list closed by a dot.
		{"Braga TV; Evangelista FCG; Santoni de Sio F., Title one, J, 1, (2020); Nagaosa N; Tokura Y., Title two, K, 8, (2013)",
			[]string{"Braga TV; Evangelista FCG; Santoni de Sio F., Title one, J, 1, (2020)", "Nagaosa N; Tokura Y., Title two, K, 8, (2013)"}},
		// A title holding "; ".
		{"A B., Magnetic Domains; the Analysis of Microstructures, (1998); van der Walt S., Numpy, (2011)",
			[]string{"A B., Magnetic Domains; the Analysis of Microstructures, (1998)", "van der Walt S., Numpy, (2011)"}},
		// After a complete reference, a lower-case piece starts a new one.
		{"A B., J, 96, pp. 972-979, (2016); pp. 2605-2611, (2017)", []string{"A B., J, 96, pp. 972-979, (2016)", "pp. 2605-2611, (2017)"}},
		// Older style: an editor list and a publisher.
		{"Lu, H., (2000) Elastic Filaments, p. 143. , Pollack, J.; Granzier, H., Eds.; Kluwer: New York; de Jong, H., (2002) J Comp Biol, 9, p. 67; http://example.invalid/x",
			[]string{"Lu, H., (2000) Elastic Filaments, p. 143. , Pollack, J.; Granzier, H., Eds.; Kluwer: New York", "de Jong, H., (2002) J Comp Biol, 9, p. 67", "http://example.invalid/x"}},
		// "Publisher: Place" after a reference without a year is one of its own.
		{"Codecov LLC Dashboard; Fidimag Tutorial: A basic simulation", []string{"Codecov LLC Dashboard", "Fidimag Tutorial: A basic simulation"}},
	} {
		var got []string
		for _, sp := range splitScopusReferences(c.cell) {
			got = append(got, sp.text)
			if c.cell[sp.offset:sp.offset+len(sp.text)] != sp.text {
				t.Errorf("%q: piece %q is not at offset %d", c.cell, sp.text, sp.offset)
			}
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", c.cell, got, c.want)
		}
	}
}

func TestScopusAuthors(t *testing.T) {
	for _, c := range []struct {
		full, short string
		want        []bib.Name
	}{
		{"Gong, Bin (57321683800); Wang, Luowen (58115311900)", "Gong B.; Wang L.", []bib.Name{{Family: "Gong", Given: "Bin"}, {Family: "Wang", Given: "Luowen"}}},
		{"", "Gong B.; Wang L.", []bib.Name{{Family: "Gong", Given: "B."}, {Family: "Wang", Given: "L."}}},
		{"", "Phillips J.C., Braun R.", []bib.Name{{Family: "Phillips", Given: "J.C."}, {Family: "Braun", Given: "R."}}},
		{"", "Phillips, J.C., Braun, R.", []bib.Name{{Family: "Phillips", Given: "J.C."}, {Family: "Braun", Given: "R."}}},
		{"", "[No author name available]", nil},
	} {
		got := scopusAuthors(c.full, c.short)
		if len(got) != len(c.want) {
			t.Errorf("%q %q: %v", c.full, c.short, got)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q %q: %v, want %v", c.full, c.short, got, c.want)
			}
		}
	}
}

func TestScopusDetectFewColumns(t *testing.T) {
	for _, h := range []string{"Authors,Title,Year,EID\n", "\"Author(s) ID\",\"Title\",\"EID\"\n", "Authors,Title,Source title\n"} {
		if got := Detect([]byte(h)); got != FormatScopus {
			t.Errorf("Detect(%q) = %q", h, got)
		}
	}
}

func TestScopusCSVLongLine(t *testing.T) {
	title := strings.Repeat("long ", exportLongLine/5)
	in := "\ufeffAuthors,Title,Year,Source title,References,EID\r\n" +
		"A B.,\"" + title + "\",2020,J,\"C D., T, J, (2001); E F., U, K, (2002)\",2-s2.0-1\r\n"
	e := readExportData(t, "long.csv", []byte(in), FormatScopus)
	if len(e.recs) != 1 || e.recs[0].Title != strings.TrimSpace(title) || e.refs() != 2 {
		t.Fatalf("long line: %d records, %d references", len(e.recs), e.refs())
	}
}

func FuzzScopusCSV(f *testing.F) {
	exportFuzzSeeds(f, "scopus-edge.csv", "scopus-edge-old.csv", "scopus-bibx.csv", "scopus-litstudy.csv")
	f.Fuzz(func(t *testing.T, data []byte) { exportFuzz(t, data, newScopusReader) })
}

// exportCheckWork compares the bibliographic fields of got with want (authors
// aside).
func exportCheckWork(t *testing.T, what string, got *bib.Work, want bib.Work) {
	t.Helper()
	g := *got
	g.Authors, want.Authors = nil, nil
	if g.URL != "" && want.URL == "" {
		g.URL = ""
	}
	if g.Publisher != "" && want.Publisher == "" {
		g.Publisher = ""
	}
	var gb, wb strings.Builder
	exportWriteWork(&gb, "", &g)
	exportWriteWork(&wb, "", &want)
	if gb.String() != wb.String() {
		t.Errorf("%s:\n%s", what, exportLineDiff(wb.String(), gb.String()))
	}
}
