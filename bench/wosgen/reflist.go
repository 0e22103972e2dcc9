package main

import (
	"bufio"
	"math/rand/v2"
	"strings"
)

// writeRefList writes the reference list of one paper citing n distinct
// works, one reference a line as copied from an article, in an APA-like
// style: "Surname, A. B., & Other, C. (2010). Title. Journal, 12,
// 345–358. https://doi.org/…" (books: "Title. Publisher.").
func writeRefList(w *bufio.Writer, n int, p params) {
	g := &generator{p: p, r: rand.New(rand.NewPCG(p.seed, 0x5a7ed)), records: make([][]int32, p.topics), topicUrn: make([][]int32, p.topics)}
	for i := range journalCount {
		g.journals = append(g.journals, newJournal(g.r, i))
	}
	for _, c := range g.references(n, 2024, g.r.IntN(p.topics)) {
		w.WriteString(g.apa(&g.works[c]))
		w.WriteByte('\n')
	}
}

// apa is wk as an APA-like reference, with co-authors and a title.
func (g *generator) apa(wk *work) string {
	r := g.r
	var b strings.Builder
	authors := []person{wk.author}
	for range r.IntN(4) {
		authors = append(authors, newPerson(r))
	}
	for i, a := range authors {
		switch {
		case i == len(authors)-1 && i > 0:
			b.WriteString(", & ")
		case i > 0:
			b.WriteString(", ")
		}
		b.WriteString(a.surname + ", " + a.dotted())
	}
	b.WriteString(" (" + itoa(wk.year) + "). ")
	b.WriteString(words(r, 5+r.IntN(10)) + ". ")
	if wk.journal < 0 {
		b.WriteString(syllableWord(r, 2) + " Press.")
		return b.String()
	}
	b.WriteString(capitalized(g.journals[wk.journal].title) + ", " + itoa(wk.volume))
	if wk.page > 0 {
		b.WriteString(", " + itoa(wk.page) + "–" + itoa(wk.page+2+r.IntN(20)))
	}
	b.WriteByte('.')
	if wk.doi != "" {
		b.WriteString(" https://doi.org/" + wk.doi)
	}
	return b.String()
}
