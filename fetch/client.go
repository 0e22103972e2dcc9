package fetch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// Default endpoints.
const (
	OpenAlexURL = "https://api.openalex.org"
	CrossrefURL = "https://api.crossref.org"
)

// ErrGaveUp is wrapped by the error of a request that failed every attempt,
// or whose server asked to wait longer than the client is willing to.
var ErrGaveUp = errors.New("gave up")

// service is one web API: where it is, how fast it may be asked, and how
// many requests it has been sent.
type service struct {
	name    string
	base    string
	limiter *rate.Limiter
	ceiling float64 // the fastest rate its headers may set (Crossref), 0 to ignore them
	stats   ServiceStats
}

// ServiceStats counts one API's requests.
type ServiceStats struct {
	Requests int     // HTTP requests sent, retries included
	Cached   int     // answers taken from the cache instead
	Retries  int     // requests that were attempts after a failure
	Bytes    int64   // bytes of the answers received
	CostUSD  float64 // what OpenAlex says the requests cost (X-RateLimit-Cost-USD), summed
}

// Stats is what a client has done so far, for progress and the summary.
type Stats struct {
	OpenAlex, Crossref ServiceStats
	Works              int           // works in the corpus so far
	Elapsed            time.Duration // since the client was made
}

// Client asks OpenAlex and Crossref for works. It is not safe for
// concurrent use: a fetch asks one question at a time.
type Client struct {
	http               *http.Client
	openAlex, crossref *service
	email, key         string
	userAgent          string
	cache              *cache
	refresh            bool
	timeout            time.Duration
	attempts           int
	backoff, maxWait   time.Duration
	batch              int
	progress           func(Stats)
	start              time.Time
	works              int
	sleep              func(context.Context, time.Duration) error
}

// Option configures a Client.
type Option func(*Client)

// WithEmail sends an e-mail address with every request, as both APIs ask
// of clients that want their polite pools: OpenAlex as mailto=, Crossref in
// the User-Agent.
func WithEmail(addr string) Option { return func(c *Client) { c.email = strings.TrimSpace(addr) } }

// WithOpenAlexKey sends an OpenAlex API key (api_key=) with every OpenAlex
// request. It is left out of the cache keys and of every message.
func WithOpenAlexKey(key string) Option { return func(c *Client) { c.key = strings.TrimSpace(key) } }

// WithURLs points the client at other servers (a mirror, or a test
// server); an empty string keeps the default.
func WithURLs(openAlex, crossref string) Option {
	return func(c *Client) {
		if openAlex != "" {
			c.openAlex.base = strings.TrimRight(openAlex, "/")
		}
		if crossref != "" {
			c.crossref.base = strings.TrimRight(crossref, "/")
		}
	}
}

// WithCache keeps every answer in dir; refresh asks again for answers the
// cache holds (and replaces them).
func WithCache(dir string, refresh bool) Option {
	return func(c *Client) {
		if dir != "" {
			c.cache = &cache{dir: dir}
		}
		c.refresh = refresh
	}
}

// WithTimeout bounds each attempt of a request (default 30 s).
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithRetries sets how many times a request is tried (default 6), the
// first wait after a failure (default 1 s, doubled at each failure, with
// jitter), and the longest wait a server's Retry-After is honoured with
// (default 2 min; asked to wait longer, as OpenAlex does when a day's
// allowance is spent, the client gives up).
func WithRetries(attempts int, backoff, maxWait time.Duration) Option {
	return func(c *Client) {
		c.attempts, c.backoff, c.maxWait = max(1, attempts), backoff, maxWait
	}
}

// WithRates sets the requests a second asked of OpenAlex and of Crossref;
// Crossref's headers may lower its rate, not raise it. An infinite rate
// (rate.Inf) turns the limit off, headers included.
func WithRates(openAlex, crossref float64) Option {
	return func(c *Client) {
		c.openAlex.limiter.SetLimit(rate.Limit(openAlex))
		c.crossref.limiter.SetLimit(rate.Limit(crossref))
		c.crossref.ceiling = crossref
		if rate.Limit(crossref) == rate.Inf {
			c.crossref.ceiling = 0
		}
	}
}

// WithBatchSize sets how many ids or DOIs one request asks for (at most
// 50, the default).
func WithBatchSize(n int) Option { return func(c *Client) { c.batch = min(max(1, n), maxBatch) } }

// WithProgress calls f after every request with what the client has done.
func WithProgress(f func(Stats)) Option { return func(c *Client) { c.progress = f } }

// WithHTTPClient replaces the HTTP client (its Timeout is left alone: the
// client times each attempt itself).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.http = h } }

// WithUserAgent names the program in the User-Agent ("citegraph/1.2").
func WithUserAgent(ua string) Option { return func(c *Client) { c.userAgent = ua } }

// maxBatch is the most ids or DOIs one request may OR together.
const maxBatch = 50

// NewClient returns a client with the options applied.
func NewClient(opts ...Option) *Client {
	c := &Client{
		http:      http.DefaultClient,
		openAlex:  &service{name: "OpenAlex", base: OpenAlexURL, limiter: newLimiter(openAlexRate)},
		crossref:  &service{name: "Crossref", base: CrossrefURL, limiter: newLimiter(crossrefRate), ceiling: crossrefPoliteRate},
		userAgent: "citegraph",
		timeout:   30 * time.Second,
		attempts:  6,
		backoff:   time.Second,
		maxWait:   2 * time.Minute,
		batch:     maxBatch,
		sleep:     sleepContext,
	}
	for _, o := range opts {
		o(c)
	}
	if c.email != "" && c.crossref.limiter.Limit() == crossrefRate {
		c.crossref.limiter.SetLimit(crossrefPoliteRate)
	}
	c.start = time.Now()
	return c
}

// Stats returns what the client has done so far.
func (c *Client) Stats() Stats {
	return Stats{OpenAlex: c.openAlex.stats, Crossref: c.crossref.stats, Works: c.works, Elapsed: time.Since(c.start)}
}

func (c *Client) report() {
	if c.progress != nil {
		c.progress(c.Stats())
	}
}

func sleepContext(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// answer is a response worth keeping: 200 with a JSON body, or 404.
type answer struct {
	status int
	body   []byte
}

// get asks s for path with query q and returns a 200 (with a body that is
// valid JSON) or a 404. Other statuses, and failures that outlast the
// retries, are errors that name the request.
func (c *Client) get(ctx context.Context, s *service, path string, q url.Values) (answer, error) {
	u := s.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	if c.cache != nil && !c.refresh {
		if status, body, ok := c.cache.get(u); ok {
			s.stats.Cached++
			c.report()
			return answer{status, body}, nil
		}
	}
	a, err := c.send(ctx, s, u)
	if err != nil {
		return a, fmt.Errorf("%s: GET %s: %w", s.name, u, err)
	}
	if c.cache != nil {
		// A cache that cannot be written costs a later run its answers,
		// not this run its result.
		_ = c.cache.put(u, a.status, a.body)
	}
	return a, nil
}

// send makes the request u, with the caller's identity added, until it
// gets an answer worth keeping or gives up.
func (c *Client) send(ctx context.Context, s *service, u string) (answer, error) {
	full := u
	if s == c.openAlex {
		var extra []string
		if c.email != "" {
			extra = append(extra, "mailto="+url.QueryEscape(c.email))
		}
		if c.key != "" {
			extra = append(extra, "api_key="+url.QueryEscape(c.key))
		}
		if len(extra) > 0 {
			sep := "?"
			if strings.Contains(u, "?") {
				sep = "&"
			}
			full += sep + strings.Join(extra, "&")
		}
	}
	var last error
	for attempt := 1; attempt <= c.attempts; attempt++ {
		if attempt > 1 {
			s.stats.Retries++
		}
		if err := s.limiter.Wait(ctx); err != nil {
			return answer{}, ctxErr(ctx, err)
		}
		a, wait, err := c.try(ctx, s, full)
		c.report()
		if err == nil {
			return a, nil
		}
		if ctx.Err() != nil {
			return answer{}, ctx.Err()
		}
		var fatal *fatalError
		if errors.As(err, &fatal) {
			return answer{}, fatal.err
		}
		last = err
		if attempt == c.attempts {
			break
		}
		if wait < 0 {
			wait = c.backoffFor(attempt)
		}
		if wait > c.maxWait {
			return answer{}, fmt.Errorf("%w: %v, and asked to wait %s", ErrGaveUp, err, wait.Round(time.Second))
		}
		if err := c.sleep(ctx, wait); err != nil {
			return answer{}, err
		}
	}
	return answer{}, fmt.Errorf("%w after %d attempts: %v", ErrGaveUp, c.attempts, last)
}

// fatalError is an answer that trying again will not change.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }

// ctxErr prefers the context's own error to the limiter's wording of it.
func ctxErr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

// backoffFor is the wait after the attempt-th failure: backoff doubled
// attempt-1 times, drawn uniformly from its upper half so that clients
// that failed together do not retry together.
func (c *Client) backoffFor(attempt int) time.Duration {
	d := c.backoff << min(attempt-1, 10)
	return d/2 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// try makes one attempt. wait is how long the server asked to be left
// alone (from Retry-After), or -1.
func (c *Client) try(ctx context.Context, s *service, u string) (answer, time.Duration, error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u, nil)
	if err != nil {
		return answer{}, -1, &fatalError{err}
	}
	ua := c.userAgent + " (https://github.com/citegraph/citegraph)"
	if c.email != "" {
		ua = c.userAgent + " (https://github.com/citegraph/citegraph; mailto:" + c.email + ")"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/json")
	s.stats.Requests++
	resp, err := c.http.Do(req)
	if err != nil {
		return answer{}, -1, c.attemptError(actx, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	s.stats.Bytes += int64(len(body))
	if err != nil {
		return answer{}, -1, fmt.Errorf("the answer was cut short: %w", c.attemptError(actx, err))
	}
	if s.ceiling > 0 {
		adaptRate(s.limiter, resp.Header, s.ceiling)
	}
	if v, err := strconv.ParseFloat(resp.Header.Get("X-RateLimit-Cost-USD"), 64); err == nil {
		s.stats.CostUSD += v
	}
	switch code := resp.StatusCode; {
	case code == http.StatusOK:
		if !json.Valid(body) {
			return answer{}, -1, errors.New("the answer is not whole JSON (cut short?)")
		}
		return answer{code, body}, -1, nil
	case code == http.StatusNotFound:
		return answer{code, body}, -1, nil
	case code == http.StatusTooManyRequests || code >= 500:
		wait, ok := retryAfter(resp.Header, time.Now())
		if !ok {
			wait = -1
		}
		return answer{}, wait, fmt.Errorf("%s%s", resp.Status, briefly(body))
	default:
		return answer{}, -1, &fatalError{fmt.Errorf("%s%s", resp.Status, briefly(body))}
	}
}

// attemptError words a failed attempt, naming a timeout as one.
func (c *Client) attemptError(actx context.Context, err error) error {
	if errors.Is(actx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %s", c.timeout)
	}
	return err
}

// briefly quotes the start of an error body: the APIs explain a bad
// request there ("Invalid filter …").
func briefly(body []byte) string {
	s := strings.Join(strings.Fields(string(body)), " ")
	if s == "" {
		return ""
	}
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "…"
	}
	return ": " + s
}
