package fetch

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

// citingIDs are recorded works served as the works citing the seed. No
// recording of a cites: filter exists: the answer is composed of recorded
// records (which do not in fact cite it), split into cursor pages of 3.
var citingIDs = []string{"W2026325500", "W97658052", "W2157853701", "W930857754", "W2955786964", "W2581393460", "W2030857676", "W4408732759"}

// TestCitingCursorPaging: --citing asks filter=cites: of the seeds, most
// cited first, with the years asked, and follows next_cursor to the last
// page.
func TestCitingCursorPaging(t *testing.T) {
	srv, c, _ := newTest(t)
	srv.Cites, srv.PageSize = citingIDs, 3
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI), Citing: true, FromYear: 2000, ToYear: 2025})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	if len(reqs) != 4 {
		t.Fatalf("%d requests, want the seed and 3 pages: %q", len(reqs), reqs)
	}
	var cursors []string
	for _, u := range reqs[1:] {
		q := query(t, u)
		cursors = append(cursors, q.Get("cursor"))
		if f := q.Get("filter"); f != "cites:W2109415576,from_publication_date:2000-01-01,to_publication_date:2025-12-31" {
			t.Errorf("filter %q", f)
		}
		if q.Get("sort") != "cited_by_count:desc" || q.Get("mailto") != testEmail {
			t.Errorf("request %s", u)
		}
	}
	if !reflect.DeepEqual(cursors, []string{"*", "page-3", "page-6"}) {
		t.Errorf("cursors %q", cursors)
	}
	var ids []string
	for _, line := range res.Works {
		w, _ := decodeWork(line)
		ids = append(ids, w.id)
	}
	if want := append([]string{"W2109415576"}, citingIDs...); !reflect.DeepEqual(ids, want) {
		t.Errorf("works %q, want %q", ids, want)
	}
	if res.Summary.Citing != 8 || len(res.Summary.LeftOut) != 0 {
		t.Errorf("summary %+v", res.Summary)
	}

	// --max-works 6: the seed and the 5 most cited citing works; the
	// summary says 3 were left out, and paging stops when the corpus is full.
	srv2, c2, _ := newTest(t)
	srv2.Cites, srv2.PageSize = citingIDs, 3
	res, err = c2.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI), Citing: true, MaxWorks: 6})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Works) != 6 || len(srv2.Requests()) != 3 || !reflect.DeepEqual(res.Summary.LeftOut, []string{"3 works citing the seeds (the least cited)"}) {
		t.Errorf("%d works after %d requests; left out %q", len(res.Works), len(srv2.Requests()), res.Summary.LeftOut)
	}
}

// TestDepthBatches: --depth 1 asks for the works the seeds cite, 50 ids a
// request (filter=openalex:W1|W2|…), and counts those OpenAlex did not
// return; with --max-works it asks for the most cited ones only.
func TestDepthBatches(t *testing.T) {
	srv, c, _ := newTest(t)
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI), Depth: 1})
	if err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	var sizes []int
	seen := map[string]bool{}
	for _, u := range reqs[1:] {
		key, values, _ := strings.Cut(query(t, u).Get("filter"), ":")
		if key != "openalex" {
			t.Errorf("filter %q", key)
		}
		for _, id := range strings.Split(values, "|") {
			seen[id] = true
		}
		sizes = append(sizes, len(strings.Split(values, "|")))
	}
	// The seed cites 73 works (referenced_works of the recorded record),
	// none of which the recordings hold.
	if !reflect.DeepEqual(sizes, []int{50, 23}) || len(seen) != 73 {
		t.Errorf("batches %v of %d ids, want [50 23] of 73", sizes, len(seen))
	}
	if !reflect.DeepEqual(res.Summary.Layers, []int{0}) || res.Summary.Missing != 73 {
		t.Errorf("summary %+v", res.Summary)
	}

	srv2, c2, _ := newTest(t)
	res, err = c2.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI), Depth: 1, MaxWorks: 11})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(srv2.Requests()); n != 2 || !reflect.DeepEqual(res.Summary.LeftOut, []string{"63 works at depth 1 (the least cited by the corpus)"}) {
		t.Errorf("%d requests, left out %q", n, res.Summary.LeftOut)
	}
}

// TestCacheHitAndResume: a run interrupted (its context cancelled) after
// two requests resumes from the cache, asking only what it had not; a
// finished run runs again without a request, to the same files.
func TestCacheHitAndResume(t *testing.T) {
	dois := recordedDOIs(t)
	req := Request{Seeds: seeds(t, dois...), Citing: true}
	srv, c, _ := newTest(t, WithBatchSize(3))
	srv.Cites, srv.PageSize = citingIDs[:4], 2
	full, err := c.Fetch(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	total := len(srv.Requests()) // 4 batches of DOIs, 2 pages of citing works

	cache := t.TempDir()
	srv2, _, _ := newTest(t)
	srv2.Cites, srv2.PageSize = citingIDs[:4], 2
	ctx, cancel := context.WithCancel(context.Background())
	srv2.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 3 {
			cancel() // Ctrl-C while the third request is under way
			<-r.Context().Done()
			return true
		}
		return false
	}
	c2, _ := newClient(t, srv2, cache, WithBatchSize(3))
	if _, err := c2.Fetch(ctx, req); !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted fetch: %v", err)
	}
	srv2.Intercept = nil
	c3, _ := newClient(t, srv2, cache, WithBatchSize(3))
	resumed, err := c3.Fetch(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if st := c3.Stats(); st.OpenAlex.Cached != 2 || st.OpenAlex.Requests != total-2 {
		t.Errorf("resumed: %d from the cache, %d asked; want 2 and %d", st.OpenAlex.Cached, st.OpenAlex.Requests, total-2)
	}
	before := len(srv2.Requests())
	c4, _ := newClient(t, srv2, cache, WithBatchSize(3))
	again, err := c4.Fetch(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if len(srv2.Requests()) != before || c4.Stats().OpenAlex.Cached != total {
		t.Errorf("a finished run asked %d requests again", len(srv2.Requests())-before)
	}
	for _, r := range []*Result{resumed, again} {
		if !reflect.DeepEqual(r.Works, full.Works) || !reflect.DeepEqual(r.Rows, full.Rows) {
			t.Errorf("a resumed or cached run gives another corpus")
		}
	}
	// --refresh asks again.
	c5, _ := newClient(t, srv2, cache, WithBatchSize(3), WithCache(cache, true))
	if _, err := c5.Fetch(context.Background(), req); err != nil || c5.Stats().OpenAlex.Requests != total {
		t.Errorf("--refresh: %v, %d requests, want %d", err, c5.Stats().OpenAlex.Requests, total)
	}
}
