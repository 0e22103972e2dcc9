package fetch

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
	"github.com/citegraph/citegraph/fetch/fetchtest"
	"golang.org/x/time/rate"
)

const recordings = "../testdata/api"

const testEmail = "tester@example.org"

// newTest starts a replay server and a client for it: no rate limit, short
// backoff, a fresh cache; sleeps are recorded, not slept.
func newTest(t *testing.T, opts ...Option) (*fetchtest.Server, *Client, *[]time.Duration) {
	t.Helper()
	srv := fetchtest.NewServer(t, recordings)
	srv.Email = testEmail
	c, waits := newClient(t, srv, t.TempDir(), opts...)
	return srv, c, waits
}

func newClient(t *testing.T, srv *fetchtest.Server, cacheDir string, opts ...Option) (*Client, *[]time.Duration) {
	t.Helper()
	base := []Option{WithURLs(srv.OpenAlexURL(), srv.CrossrefURL()), WithEmail(testEmail), WithCache(cacheDir, false),
		WithRates(float64(rate.Inf), float64(rate.Inf)), WithRetries(4, 10*time.Millisecond, time.Minute), WithTimeout(5 * time.Second)}
	c := NewClient(append(base, opts...)...)
	var waits []time.Duration
	c.sleep = func(ctx context.Context, d time.Duration) error {
		waits = append(waits, d)
		return ctx.Err()
	}
	return c, &waits
}

// recorded reads the OpenAlex works in the recording files, by DOI.
func recordedDOIs(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(recordings, "openalex", "works_doi_*.json"))
	var dois []string
	for _, f := range files {
		w, err := describeFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dois = append(dois, w.DOI)
	}
	return dois
}

func describeFile(path string) (*bib.Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rr, _, err := reader.NewReader("", f, path)
	if err != nil {
		return nil, err
	}
	return rr.Read()
}

func seeds(t *testing.T, values ...string) []Seed {
	var out []Seed
	for _, v := range values {
		s, err := ParseSeed(v, "argument")
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	return out
}

// readBack reads fetched files with citegraph's readers, as analyze does.
func readBack(t *testing.T, res *Result) []*bib.Record {
	t.Helper()
	files, err := res.Files()
	if err != nil {
		t.Fatal(err)
	}
	var recs []*bib.Record
	for _, f := range files {
		if f.Name == ReportFile {
			continue
		}
		rr, format, err := reader.NewReader("", bytes.NewReader(f.Data), f.Name)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]reader.Format{WorksFile: reader.FormatOpenAlex, CrossrefFile: reader.FormatCrossref}[f.Name]
		if format != want {
			t.Errorf("%s read as %s, want %s", f.Name, format, want)
		}
		got, err := reader.ReadAll(rr, nil)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, got...)
	}
	return recs
}

// query returns a request's decoded query.
func query(t *testing.T, u string) url.Values {
	p, err := url.Parse(u)
	if err != nil {
		t.Fatal(err)
	}
	return p.Query()
}

// TestFetchSeedsRoundTrip: seeds by DOI and id are asked in batches of at
// most the batch size, with select= and mailto=; what is written reads
// back with bib's readers as exactly the records of the recorded answers
// (so select= asks for every field the reader uses), references included.
func TestFetchSeedsRoundTrip(t *testing.T) {
	srv, c, _ := newTest(t, WithBatchSize(4))
	dois := recordedDOIs(t)
	if len(dois) != 12 {
		t.Fatalf("%d recorded works with a DOI, want 12", len(dois))
	}
	values := append(slices.Clone(dois[:10]), "https://openalex.org/"+srv.IDByDOI(dois[10]), srv.IDByDOI(dois[11]))
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, values...)})
	if err != nil {
		t.Fatal(err)
	}
	// 10 DOIs in batches of 4: 4, 4, 2; 2 ids in one batch.
	var sizes []int
	for _, u := range srv.Requests() {
		q := query(t, u)
		if q.Get("select") != openAlexFields {
			t.Errorf("%s: select=%q", u, q.Get("select"))
		}
		key, values, _ := strings.Cut(q.Get("filter"), ":")
		sizes = append(sizes, len(strings.Split(values, "|")))
		if key != "doi" && key != "openalex" {
			t.Errorf("%s: filter %q", u, key)
		}
	}
	if !reflect.DeepEqual(sizes, []int{2, 4, 4, 2}) {
		t.Errorf("batch sizes %v, want ids [2] then DOIs [4 4 2]", sizes)
	}
	got := readBack(t, res)
	if len(got) != 12 || len(res.Rows) != 12 {
		t.Fatalf("%d records, %d rows; want 12 and 12", len(got), len(res.Rows))
	}
	byDOI := map[string]*bib.Record{}
	for _, r := range got {
		byDOI[r.DOI] = r
	}
	files, _ := filepath.Glob(filepath.Join(recordings, "openalex", "works_doi_*.json"))
	refs := 0
	for _, f := range files {
		want, err := describeFile(f)
		if err != nil {
			t.Fatal(err)
		}
		g := byDOI[want.DOI]
		if g == nil {
			t.Errorf("%s: not fetched", want.DOI)
			continue
		}
		refs += len(g.References)
		for _, r := range []*bib.Record{want, g} {
			r.File, r.Line = "", 0
			for i := range r.References {
				r.References[i].Line = 0
			}
		}
		if !reflect.DeepEqual(want, g) {
			t.Errorf("%s: fetched record differs from the recorded one:\n got %+v\nwant %+v", want.DOI, g, want)
		}
	}
	if refs < 300 {
		t.Errorf("%d references in all; the recorded works cite more than 300", refs)
	}
	for _, row := range res.Rows {
		if row.How != HowDOI && row.How != HowID || row.Work == "" {
			t.Errorf("row %+v", row)
		}
	}
}

// TestCrossrefFallbackAnd404: a DOI OpenAlex does not know (a single work,
// answered 404 with the recorded HTML page) is asked of Crossref; one
// Crossref knows goes to crossref.jsonl with its references, one neither
// knows (Crossref's recorded plain-text 404) is listed with the reason.
func TestCrossrefFallbackAnd404(t *testing.T) {
	srv, c, _ := newTest(t)
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, "10.1371/journal.pone.0033693", "doi:10.1371/NOTAREALDOI")})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 3 || !strings.Contains(reqs[0], "filter=doi") || !strings.HasPrefix(reqs[1], "/crossref/works/10.1371/journal.pone.0033693") || !strings.HasPrefix(reqs[2], "/crossref/works/10.1371/notarealdoi") {
		t.Errorf("requests %q", reqs)
	}
	if len(res.Works) != 0 || len(res.Crossref) != 1 {
		t.Fatalf("%d OpenAlex and %d Crossref works", len(res.Works), len(res.Crossref))
	}
	if r := res.Rows[0]; r.How != HowCrossrefDOI || r.Work != "doi:10.1371/journal.pone.0033693" {
		t.Errorf("row %+v", r)
	}
	if r := res.Rows[1]; r.How != HowNotFound || !strings.Contains(r.Reason, "neither") {
		t.Errorf("row %+v", r)
	}
	recs := readBack(t, res)
	if len(recs) != 1 || len(recs[0].References) != 70 {
		t.Fatalf("read back %d records; want 1 with 70 references", len(recs))
	}

	// One DOI alone is asked as a single work: the recorded 404 page.
	srv2, c2, _ := newTest(t)
	res, err = c2.Fetch(context.Background(), Request{Seeds: seeds(t, "10.1046/j.1365-2699.2003.00795")})
	if err != nil {
		t.Fatal(err)
	}
	reqs = srv2.Requests()
	if len(reqs) != 2 || !strings.HasPrefix(reqs[0], "/openalex/works/https://doi.org/10.1046/j.1365-2699.2003.00795?") {
		t.Errorf("requests %q", reqs)
	}
	if r := res.Rows[0]; r.How != HowNotFound {
		t.Errorf("row %+v", r)
	}
	_ = io.Discard
}
