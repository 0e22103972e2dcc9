package fetch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// crossrefFields are what a bibliographic search asks of each candidate:
// enough for bib's Crossref reader to describe it, and the score.
const crossrefFields = "DOI,title,author,issued,published-print,published-online,container-title," +
	"short-container-title,volume,issue,page,article-number,type,publisher,score"

// crossrefCandidates is how many candidates a bibliographic search returns.
const crossrefCandidates = 5

// candidate is a work a search returned for a reference.
type candidate struct {
	doi   string
	score float64 // the search engine's relevance score
	work  *bib.Work
	oa    *work // the OpenAlex work, when OpenAlex's search found it
}

// crossrefSearch asks Crossref's bibliographic search for text.
func (c *Client) crossrefSearch(ctx context.Context, text string) ([]candidate, error) {
	q := url.Values{"query.bibliographic": {text}, "rows": {strconv.Itoa(crossrefCandidates)}, "select": {crossrefFields}}
	a, err := c.get(ctx, c.crossref, "/works", q)
	if err != nil {
		return nil, err
	}
	if a.status == 404 {
		return nil, fmt.Errorf("Crossref: /works?%s: 404 Not Found", q.Encode())
	}
	var list struct {
		Message struct {
			Items []json.RawMessage `json:"items"`
		} `json:"message"`
	}
	if err := json.Unmarshal(a.body, &list); err != nil {
		return nil, fmt.Errorf("Crossref: /works?%s: %w", q.Encode(), err)
	}
	var out []candidate
	for _, item := range list.Message.Items {
		var head struct {
			DOI   string  `json:"DOI"`
			Score float64 `json:"score"`
		}
		if json.Unmarshal(item, &head) != nil || bib.NormalizeDOI(head.DOI) == "" {
			continue
		}
		w, err := describe(reader.FormatCrossref, item)
		if err != nil {
			continue
		}
		out = append(out, candidate{doi: bib.NormalizeDOI(head.DOI), score: head.Score, work: w})
	}
	return out, nil
}

// crossrefWork asks Crossref for the work with a DOI and returns its
// message, compacted to one line; nil when Crossref does not know it.
func (c *Client) crossrefWork(ctx context.Context, doi string) ([]byte, error) {
	a, err := c.get(ctx, c.crossref, escapePath("/works/"+doi), nil)
	if err != nil || a.status == 404 {
		return nil, err
	}
	var env struct {
		Message json.RawMessage `json:"message"`
	}
	if err := json.Unmarshal(a.body, &env); err != nil || len(env.Message) == 0 {
		return nil, fmt.Errorf("Crossref: /works/%s: not a work", doi)
	}
	return compact(env.Message)
}
