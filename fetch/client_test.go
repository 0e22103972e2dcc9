package fetch

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/citegraph/citegraph/bib/reader"
	"golang.org/x/time/rate"
)

// seedDOI is a recorded OpenAlex work: asked alone, it is one request.
const seedDOI = "10.1073/pnas.1414271111"

// Test429RetryAfter: a 429 with Retry-After is waited out for as long as
// it says, then asked again. No recording has one (the only recorded 429,
// Semantic Scholar's, has no Retry-After): the answer is that recorded
// body with a Retry-After header added.
func Test429RetryAfter(t *testing.T) {
	srv, c, waits := newTest(t)
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write(srv.Read("semanticscholar/error_429_paper_search_turing_try1.json"))
		return true
	}
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI)})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Works) != 1 || len(srv.Requests()) != 2 {
		t.Fatalf("%d works after %d requests", len(res.Works), len(srv.Requests()))
	}
	if !reflect.DeepEqual(*waits, []time.Duration{7 * time.Second}) {
		t.Errorf("waited %v, want the 7 s Retry-After asked", *waits)
	}
	if st := c.Stats(); st.OpenAlex.Requests != 2 || st.OpenAlex.Retries != 1 {
		t.Errorf("stats %+v", st.OpenAlex)
	}

	// Asked to wait longer than the client will (a day's allowance spent),
	// it gives up at once, saying so.
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		w.Header().Set("Retry-After", "64138")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Write(srv.Read("semanticscholar/error_429_paper_search_turing_try1.json"))
		return true
	}
	c, waits = newClient(t, srv, t.TempDir())
	_, err = c.Fetch(context.Background(), Request{Seeds: seeds(t, "10.1038/hdy.2013.26")})
	if !errors.Is(err, ErrGaveUp) || !strings.Contains(err.Error(), "429") || !strings.Contains(err.Error(), "17h48m58s") || len(*waits) != 0 {
		t.Errorf("error %v after waits %v; want to give up on a 17 h wait", err, *waits)
	}
}

// Test5xxThenSuccess: server errors are retried with exponential backoff
// and jitter (each wait in the upper half of the doubled backoff). The
// answers are recorded error bodies: Crossref's 500 exception JSON and its
// 504 HTML page.
func Test5xxThenSuccess(t *testing.T) {
	srv, c, waits := newTest(t)
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		switch n {
		case 1:
			w.WriteHeader(http.StatusInternalServerError)
			w.Write(srv.Read("crossref/error_500_works_cursor_5.json"))
		case 2:
			w.WriteHeader(http.StatusGatewayTimeout)
			w.Write(srv.Read("crossref/error_504_members_98_works.html"))
		default:
			return false
		}
		return true
	}
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI)})
	if err != nil || len(res.Works) != 1 {
		t.Fatalf("%v, %d works", err, len(res.Works))
	}
	w := *waits
	if len(w) != 2 || w[0] < 5*time.Millisecond || w[0] > 10*time.Millisecond || w[1] < 10*time.Millisecond || w[1] > 20*time.Millisecond {
		t.Errorf("waits %v; want one in [5ms, 10ms], then one in [10ms, 20ms]", w)
	}

	// Failing every time, it gives up after its attempts, naming the request.
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	}
	c, _ = newClient(t, srv, t.TempDir())
	_, err = c.Fetch(context.Background(), Request{Seeds: seeds(t, "10.1038/hdy.2013.26")})
	if !errors.Is(err, ErrGaveUp) || !strings.Contains(err.Error(), "after 4 attempts") || !strings.Contains(err.Error(), "/works/https://doi.org/10.1038/hdy.2013.26") {
		t.Errorf("error %v", err)
	}
	if strings.Contains(err.Error(), "mailto") {
		t.Errorf("the error shows the e-mail address: %v", err)
	}
}

// TestTimeout: an attempt that gets no answer within the timeout is
// abandoned and tried again.
func TestTimeout(t *testing.T) {
	srv, c, _ := newTest(t, WithTimeout(50*time.Millisecond))
	release := make(chan struct{})
	defer close(release)
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n > 1 {
			return false
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
		return true
	}
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI)})
	if err != nil || len(res.Works) != 1 || len(srv.Requests()) != 2 {
		t.Fatalf("%v, %d works, %d requests", err, len(res.Works), len(srv.Requests()))
	}
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		<-r.Context().Done()
		return true
	}
	c, _ = newClient(t, srv, t.TempDir(), WithTimeout(20*time.Millisecond))
	_, err = c.Fetch(context.Background(), Request{Seeds: seeds(t, "10.1038/hdy.2013.26")})
	if !errors.Is(err, ErrGaveUp) || !strings.Contains(err.Error(), "no answer within 20ms") {
		t.Errorf("error %v", err)
	}
}

// TestTruncatedBody: an answer cut short (the connection closed before
// Content-Length bytes, or a whole answer that is not whole JSON) is asked
// again, and never cached.
func TestTruncatedBody(t *testing.T) {
	srv, c, _ := newTest(t)
	body := srv.Read("openalex/works_doi_10.1073_pnas.1414271111.json")
	srv.Intercept = func(n int, w http.ResponseWriter, r *http.Request) bool {
		switch n {
		case 1: // the connection closes mid-body
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Write(body[:len(body)/2])
			panic(http.ErrAbortHandler)
		case 2: // a complete answer of half a body
			w.Header().Set("Content-Type", "application/json")
			w.Write(body[:len(body)/2])
		default:
			return false
		}
		return true
	}
	res, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI)})
	if err != nil || len(res.Works) != 1 || len(srv.Requests()) != 3 {
		t.Fatalf("%v, %d works, %d requests", err, len(res.Works), len(srv.Requests()))
	}
	if st := c.Stats(); st.OpenAlex.Retries != 2 {
		t.Errorf("%d retries, want 2", st.OpenAlex.Retries)
	}
	if _, err := describe(reader.FormatOpenAlex, res.Works[0]); err != nil {
		t.Errorf("the work kept is not whole: %v", err)
	}
}

// TestRateLimit: requests are spaced by the limiter, and Crossref's
// limiter follows the rate its headers announce (the replay server sends
// the recorded polite pool's 10 a second) but never speeds up past the
// rate it started at.
func TestRateLimit(t *testing.T) {
	l := newLimiter(50)
	h := http.Header{}
	h.Set("X-Rate-Limit-Limit", "5")
	h.Set("X-Rate-Limit-Interval", "1s")
	adaptRate(l, h, 50)
	if l.Limit() != 5 {
		t.Errorf("limit %v after a 5/1s header, want 5", l.Limit())
	}
	h.Set("X-Rate-Limit-Limit", "150")
	adaptRate(l, h, 10)
	if l.Limit() != 10 {
		t.Errorf("limit %v after a 150/1s header with a ceiling of 10, want 10", l.Limit())
	}
	h.Set("X-Rate-Limit-Interval", "bogus")
	adaptRate(l, h, 10)
	if l.Limit() != 10 {
		t.Errorf("an unreadable interval changed the limit to %v", l.Limit())
	}
	if d, ok := retryAfter(http.Header{"Retry-After": {"Wed, 21 Oct 2015 07:28:00 GMT"}}, time.Date(2015, 10, 21, 7, 27, 0, 0, time.UTC)); !ok || d != time.Minute {
		t.Errorf("Retry-After as a date: %v %v", d, ok)
	}

	// Three requests at 20 a second take at least 100 ms (the first is free).
	srv, c, _ := newTest(t, WithRates(20, float64(rate.Inf)), WithBatchSize(1))
	start := time.Now()
	if _, err := c.Fetch(context.Background(), Request{Seeds: seeds(t, seedDOI, "10.1038/hdy.2013.26", "10.1101/097196")}); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); len(srv.Requests()) != 3 || d < 95*time.Millisecond {
		t.Errorf("%d requests in %v; at 20 a second they take 100 ms", len(srv.Requests()), d)
	}
}
