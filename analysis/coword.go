package analysis

import (
	"strings"

	"github.com/citegraph/citegraph/bib/resolve"
	"github.com/citegraph/citegraph/bib/terms"
	"github.com/citegraph/citegraph/graph"
)

// CowordKind is the co-word network: keywords or terms linked once for
// every record using both (Callon, Courtial, Turner & Bauin 1983,
// "From translations to problematic networks: an introduction to co-word
// analysis", Social Science Information 22(2):191–235,
// doi:10.1177/053901883022002003).
const CowordKind = "coword"

// Co-word levels: what a record's items are.
const (
	KeywordLevel       = "keywords"        // the authors' keywords and the database's (Keywords Plus, index keywords)
	AuthorKeywordLevel = "author_keywords" // the authors' keywords (WoS DE, Scopus Author Keywords)
	IndexKeywordLevel  = "index_keywords"  // Keywords Plus (WoS ID), Scopus index keywords
	TermLevel          = "terms"           // terms of titles and abstracts (see bib/terms)
)

// CowordOptions tune co-word networks.
type CowordOptions struct {
	Terms        terms.Options // how terms are found in titles and abstracts
	TermFields   []string      // where: "title", "abstract"
	StemKeywords bool          // group keywords on their stems ("neural networks" with "neural network")
}

// DefaultCowordOptions find stemmed single words in titles and abstracts,
// and keep keywords as written (folded).
func DefaultCowordOptions() CowordOptions {
	return CowordOptions{Terms: terms.DefaultOptions(), TermFields: []string{"title", "abstract"}}
}

// cowordLists lists each record's keywords or terms, grouped by key.
func cowordLists(c *graph.Corpus, level string, opts CowordOptions) ([][]int32, []string) {
	return graph.RecordLabels(c.Works, func(w *resolve.Work) []graph.Label {
		var ls []graph.Label
		keywords := func(kws []string) {
			for _, k := range kws {
				form := strings.Join(strings.Fields(strings.ToLower(k)), " ")
				ls = append(ls, graph.Label{Key: terms.Key(k, opts.StemKeywords), Form: form})
			}
		}
		rec := w.Record
		switch level {
		case KeywordLevel:
			keywords(rec.Keywords)
			keywords(rec.IndexKeywords)
		case AuthorKeywordLevel:
			keywords(rec.Keywords)
		case IndexKeywordLevel:
			keywords(rec.IndexKeywords)
		case TermLevel:
			for _, f := range opts.TermFields {
				text := w.Title
				if f == "abstract" {
					text = rec.Abstract
				}
				for _, t := range terms.Extract(text, opts.Terms) {
					ls = append(ls, graph.Label{Key: t.Key, Form: t.Form})
				}
			}
		}
		return ls
	})
}
