package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

// Requests a second asked of each API until it says otherwise. OpenAlex
// asks for no more than 10 (its documentation allows more to a client with
// a key, but a corpus is small); Crossref's public pool allows 5 and its
// polite pool 10, and each answer says which in its X-Rate-Limit-*
// headers.
const (
	openAlexRate       = 10
	crossrefRate       = 5
	crossrefPoliteRate = 10
)

// newLimiter returns a limiter of perSecond requests a second, without
// bursts: requests are spaced evenly.
func newLimiter(perSecond float64) *rate.Limiter {
	return rate.NewLimiter(rate.Limit(perSecond), 1)
}

// adaptRate sets the limiter to the rate an answer's X-Rate-Limit-Limit
// requests per X-Rate-Limit-Interval ("50", "1s") announce, when that is
// slower than it is; the limiter never speeds up past its starting rate.
func adaptRate(l *rate.Limiter, h http.Header, ceiling float64) {
	n, err := strconv.ParseFloat(strings.TrimSpace(h.Get("X-Rate-Limit-Limit")), 64)
	if err != nil || n <= 0 {
		return
	}
	interval := time.Second
	if s := strings.TrimSpace(h.Get("X-Rate-Limit-Interval")); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil || d <= 0 {
			return
		}
		interval = d
	}
	perSecond := min(n/interval.Seconds(), ceiling)
	if rate.Limit(perSecond) != l.Limit() {
		l.SetLimit(rate.Limit(perSecond))
	}
}

// retryAfter reads a Retry-After header: a number of seconds or an HTTP
// date. ok is false when there is none or it cannot be read.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		return max(0, time.Duration(s)*time.Second), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(0, t.Sub(now)), true
	}
	return 0, false
}
