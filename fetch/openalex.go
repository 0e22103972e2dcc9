package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// openAlexFields are the fields of a work that bib's OpenAlex reader reads
// (bib/openalex.go); select= asks for these alone.
const openAlexFields = "id,doi,title,display_name,publication_year,publication_date,type," +
	"authorships,primary_location,biblio,cited_by_count,abstract_inverted_index,referenced_works,keywords"

// openAlexPage is the most results one list request returns: the cap
// OpenAlex documents for per_page (it was 200; it is 100 since 2026).
const openAlexPage = 100

// work is one fetched OpenAlex work: its JSON as received (compacted to one
// line) and what the fetch needs of it.
type work struct {
	id         string // short form, "W2741809807"
	doi        string // normalised
	referenced []string
	raw        []byte
}

// decodeWork reads the id, DOI and references of an OpenAlex work.
func decodeWork(raw json.RawMessage) (*work, error) {
	var w struct {
		ID         string   `json:"id"`
		DOI        string   `json:"doi"`
		Referenced []string `json:"referenced_works"`
	}
	if err := json.Unmarshal(raw, &w); err != nil {
		return nil, err
	}
	id := shortID(w.ID)
	if !openAlexWorkID.MatchString(id) {
		return nil, fmt.Errorf("an OpenAlex work without a work id (%q)", w.ID)
	}
	line, err := compact(raw)
	if err != nil {
		return nil, err
	}
	out := &work{id: id, doi: bib.NormalizeDOI(w.DOI), raw: line}
	for _, r := range w.Referenced {
		if r := shortID(r); openAlexWorkID.MatchString(r) {
			out.referenced = append(out.referenced, r)
		}
	}
	return out, nil
}

// compact writes a JSON value on one line, for JSON Lines.
func compact(raw []byte) ([]byte, error) {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// description reads the work as bib's OpenAlex reader does, for the
// matcher.
func (w *work) description() (*bib.Work, error) {
	return describe(reader.FormatOpenAlex, w.raw)
}

// describe reads one record of format from raw with bib's reader.
func describe(f reader.Format, raw []byte) (*bib.Work, error) {
	rr, _, err := reader.NewReader(f, bytes.NewReader(raw), "answer")
	if err != nil {
		return nil, err
	}
	rec, err := rr.Read()
	if err != nil {
		return nil, err
	}
	return &rec.Work, nil
}

var openAlexWorkID = regexp.MustCompile(`^W[0-9]+$`)

// shortID returns the short form of an OpenAlex id: "https://openalex.org/W1" → "W1".
func shortID(id string) string {
	id = strings.TrimSpace(id)
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	return strings.ToUpper(id[:min(1, len(id))]) + id[min(1, len(id)):]
}

// openAlexList is a page of a list answer.
type openAlexList struct {
	Meta struct {
		Count      int     `json:"count"`
		NextCursor *string `json:"next_cursor"`
	} `json:"meta"`
	Results []json.RawMessage `json:"results"`
}

// worksByKey asks OpenAlex for the works whose key (openalex or doi) is one
// of values, in batches; found is called with each work returned. A batch
// of one is asked as a single work, which OpenAlex answers for free.
func (c *Client) worksByKey(ctx context.Context, key string, values []string, found func(*work)) error {
	for len(values) > 0 {
		n := min(c.batch, len(values))
		batch := values[:n]
		values = values[n:]
		if n == 1 {
			w, err := c.singleWork(ctx, key, batch[0])
			if err != nil {
				return err
			}
			if w != nil {
				found(w)
			}
			continue
		}
		q := url.Values{"filter": {key + ":" + strings.Join(batch, "|")}, "per_page": {strconv.Itoa(openAlexPage)}, "select": {openAlexFields}}
		if _, err := c.listWorks(ctx, q, -1, func(w *work) bool { found(w); return true }); err != nil {
			return err
		}
	}
	return nil
}

// singleWork asks for one work by id or DOI; nil when OpenAlex does not
// know it.
func (c *Client) singleWork(ctx context.Context, key, value string) (*work, error) {
	path := "/works/" + value
	if key == "doi" {
		path = "/works/https://doi.org/" + value
	}
	a, err := c.get(ctx, c.openAlex, escapePath(path), url.Values{"select": {openAlexFields}})
	if err != nil || a.status == 404 {
		return nil, err
	}
	w, err := decodeWork(a.body)
	if err != nil {
		return nil, fmt.Errorf("OpenAlex: %s: %w", path, err)
	}
	return w, nil
}

// listWorks pages through a list query with cursors, calling each for
// every work until it returns false or limit works were seen (limit < 0:
// no limit). It returns the number of works the query matches.
func (c *Client) listWorks(ctx context.Context, q url.Values, limit int, each func(*work) bool) (int, error) {
	q.Set("cursor", "*")
	seen := 0
	for {
		works, count, next, err := c.worksPage(ctx, q)
		if err != nil {
			return 0, err
		}
		for _, w := range works {
			if limit >= 0 && seen >= limit || !each(w) {
				return count, nil
			}
			seen++
		}
		if next == "" || len(works) == 0 || limit >= 0 && seen >= limit {
			return count, nil
		}
		q.Set("cursor", next)
	}
}

// worksPage asks for one page of a list query: its works, the number of
// works the query matches, and the cursor of the next page ("" for none).
func (c *Client) worksPage(ctx context.Context, q url.Values) ([]*work, int, string, error) {
	a, err := c.get(ctx, c.openAlex, "/works", q)
	if err != nil {
		return nil, 0, "", err
	}
	where := "OpenAlex: /works?" + q.Encode()
	if a.status == 404 {
		return nil, 0, "", fmt.Errorf("%s: 404 Not Found", where)
	}
	var page openAlexList
	if err := json.Unmarshal(a.body, &page); err != nil {
		return nil, 0, "", fmt.Errorf("%s: %w", where, err)
	}
	works := make([]*work, 0, len(page.Results))
	for _, raw := range page.Results {
		w, err := decodeWork(raw)
		if err != nil {
			return nil, 0, "", fmt.Errorf("%s: %w", where, err)
		}
		works = append(works, w)
	}
	next := ""
	if page.Meta.NextCursor != nil {
		next = *page.Meta.NextCursor
	}
	return works, page.Meta.Count, next, nil
}

// yearFilter is the OpenAlex filter for works published from one year to
// another (either 0 for no bound).
func yearFilter(from, to int) []string {
	var f []string
	if from != 0 {
		f = append(f, "from_publication_date:"+strconv.Itoa(from)+"-01-01")
	}
	if to != 0 {
		f = append(f, "to_publication_date:"+strconv.Itoa(to)+"-12-31")
	}
	return f
}

// filterValue makes text usable as the value of an OpenAlex filter, whose
// syntax reserves commas (between filters), pipes (or) and colons.
func filterValue(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer(",", " ", "|", " ", ":", " ").Replace(s)), " ")
}

// escapePath escapes a request path, keeping its slashes.
func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }
