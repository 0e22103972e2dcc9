package main

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

func itoa(i int) string { return strconv.Itoa(i) }

// work is a cited work: what its references say of it.
type work struct {
	author  person
	year    int
	topic   int
	journal int    // index into journals; -1 for a book or report
	title   string // a book's title abbreviation
	volume  int
	page    int // first page; 0 for an article number
	doi     string
}

// generator holds the state of one export being written.
type generator struct {
	p        params
	r        *rand.Rand
	journals []journal // journal j is on topic j mod p.topics
	works    []work
	records  [][]int32 // per topic, the works of the records written so far
	// urn holds one entry per citation made, for Simon's preferential
	// draw; topicUrn the same per topic of the cited work.
	urn      []int32
	topicUrn [][]int32
}

// journalCount is the size of the pool of sources.
const journalCount = 3000

// write writes the export and returns how many distinct works were cited
// and how many references were written.
func write(w *bufio.Writer, p params) (cited, refs int) {
	g := &generator{p: p, r: rand.New(rand.NewPCG(p.seed, 0x5a7ed)), records: make([][]int32, p.topics), topicUrn: make([][]int32, p.topics)}
	for i := range journalCount {
		g.journals = append(g.journals, newJournal(g.r, i))
	}
	w.WriteString("\uFEFFFN Clarivate Analytics Web of Science\nVR 1.0\n")
	seen := make(map[int32]bool)
	for i := range p.records {
		year := 2005 + i*20/p.records
		n := p.refsMin + g.r.IntN(p.refsMax-p.refsMin+1)
		review := g.r.Float64() < p.reviews
		if review {
			n = p.reviewMin + g.r.IntN(p.reviewMax-p.reviewMin+1)
		}
		topic := g.r.IntN(p.topics)
		cites := g.references(n, year, topic)
		for _, c := range cites {
			seen[c] = true
		}
		refs += len(cites)
		g.record(w, i, year, topic, review, cites)
	}
	w.WriteString("EF\n")
	return len(seen), refs
}

// popularJournal draws a journal on the topic, the first ones far more
// often (a skewed, Bradford-like popularity).
func (g *generator) popularJournal(topic int) int {
	u := g.r.Float64()
	perTopic := journalCount / g.p.topics
	return topic + g.p.topics*int(float64(perTopic)*u*u*u)
}

// newWork makes a work on the topic published in year.
func (g *generator) newWork(year, topic int) work {
	wk := work{author: newPerson(g.r), year: year, topic: topic, journal: g.popularJournal(topic)}
	switch k := g.r.IntN(20); {
	case k < 2: // a book or report: a title abbreviation, no volume
		wk.journal = -1
		wk.title = strings.ToUpper(words(g.r, 2+g.r.IntN(3)))
		if len(wk.title) > 20 {
			wk.title = strings.TrimSpace(wk.title[:20])
		}
		return wk
	case k < 4: // an article number instead of a page
	default:
		wk.page = 1 + g.r.IntN(12000)
	}
	j := &g.journals[wk.journal]
	wk.volume = max(1, j.volume1+year-2000)
	if g.r.IntN(100) < 85 {
		wk.doi = j.doiPrefix + "/" + j.code + "." + itoa(year) + "." + itoa(len(g.works)) // distinct works, distinct DOIs
	}
	return wk
}

// references draws the n distinct works a record of year on the topic
// cites: each on the record's topic with probability -topic-share, else on
// any topic; new with probability -new, else drawn in proportion to the
// citations it has.
func (g *generator) references(n int, year, topic int) []int32 {
	chosen := make([]int32, 0, n)
	for len(chosen) < n {
		t := topic
		if g.r.Float64() >= g.p.topicShare {
			t = g.r.IntN(g.p.topics)
		}
		var v int32
		switch urn := g.topicUrn[t]; {
		case len(urn) == 0 || g.r.Float64() < g.p.pNew:
			if recs := g.records[t]; len(recs) > 0 && g.r.Float64() < g.p.pSelf {
				v = recs[g.r.IntN(len(recs))]
				break
			}
			lag := int(g.r.ExpFloat64() * 7)
			g.works = append(g.works, g.newWork(max(1900, year-lag), t))
			v = int32(len(g.works) - 1)
		default:
			v = urn[g.r.IntN(len(urn))]
		}
		if !slices.Contains(chosen, v) {
			chosen = append(chosen, v)
		}
	}
	for _, v := range chosen {
		t := g.works[v].topic
		g.topicUrn[t] = append(g.topicUrn[t], v)
	}
	return chosen
}

// reference is how a record cites wk: Web of Science's cited-reference
// form, now and then with dotted initials and no DOI.
func (g *generator) reference(wk *work) string {
	var b strings.Builder
	variant := g.r.Float64() < g.p.pVariant
	b.WriteString(wk.author.surname)
	b.WriteByte(' ')
	if variant {
		b.WriteString(wk.author.dotted())
	} else {
		b.WriteString(wk.author.initials)
	}
	b.WriteString(", ")
	b.WriteString(itoa(wk.year))
	b.WriteString(", ")
	if wk.journal < 0 {
		b.WriteString(wk.title)
		return b.String()
	}
	b.WriteString(g.journals[wk.journal].abbrev)
	b.WriteString(", V")
	b.WriteString(itoa(wk.volume))
	if wk.page > 0 {
		b.WriteString(", P")
		b.WriteString(itoa(wk.page))
	}
	if wk.doi != "" && !variant {
		b.WriteString(", DOI ")
		b.WriteString(wk.doi)
	}
	return b.String()
}

// record writes record i on the topic with its references.
func (g *generator) record(w *bufio.Writer, i, year, topic int, review bool, cites []int32) {
	r := g.r
	own := g.newWork(year, topic)
	if own.journal < 0 { // records are journal articles
		own.journal, own.title = g.popularJournal(topic), ""
		j := &g.journals[own.journal]
		own.volume = max(1, j.volume1+year-2000)
		own.page = 1 + r.IntN(12000)
	}
	if own.doi == "" {
		own.doi = g.journals[own.journal].doiPrefix + "/" + g.journals[own.journal].code + "." + itoa(year) + ".r" + itoa(i)
	}
	authors := []person{own.author}
	for range r.IntN(7) {
		authors = append(authors, newPerson(r))
	}
	j := &g.journals[own.journal]
	field := func(tag string, lines ...string) {
		for k, l := range lines {
			if k == 0 {
				w.WriteString(tag)
				w.WriteByte(' ')
			} else {
				w.WriteString("   ")
			}
			w.WriteString(l)
			w.WriteByte('\n')
		}
	}
	au, af := make([]string, len(authors)), make([]string, len(authors))
	for k, a := range authors {
		au[k] = a.surname + ", " + a.initials
		af[k] = a.surname + ", " + a.first
	}
	field("PT", "J")
	field("AU", au...)
	field("AF", af...)
	field("TI", wrap(words(r, 6+r.IntN(12)), 70)...)
	field("SO", j.title)
	field("LA", "English")
	kind := "Article"
	if review {
		kind = "Review"
	}
	field("DT", kind)
	field("DE", strings.ToLower(words(r, 1))+"; "+strings.ToLower(words(r, 2))+"; "+strings.ToLower(words(r, 2)))
	field("AB", words(r, 60+r.IntN(90))+".")
	field("C1", "["+af[0]+"] Univ "+syllableWord(r, 2)+", Dept "+capitalized(topics[r.IntN(len(topics))])+", "+syllableWord(r, 2)+", "+countries[r.IntN(len(countries))]+".")
	refs := make([]string, len(cites))
	for k, c := range cites {
		refs[k] = g.reference(&g.works[c])
	}
	field("CR", refs...)
	field("NR", itoa(len(cites)))
	tc := int(math.Floor(r.ExpFloat64() * 15))
	field("TC", itoa(tc))
	field("Z9", itoa(tc))
	field("J9", j.abbrev)
	field("PY", itoa(year))
	field("VL", itoa(own.volume))
	field("BP", itoa(own.page))
	field("EP", itoa(own.page+3+r.IntN(15)))
	field("DI", own.doi)
	field("UT", fmt.Sprintf("WOS:%015d", uint32(i+1)*2654435761)) // distinct, not in record order
	w.WriteString("ER\n\n")
	g.works = append(g.works, own)
	g.records[topic] = append(g.records[topic], int32(len(g.works)-1))
}

// wrap breaks text into lines of at most width bytes at spaces.
func wrap(text string, width int) []string {
	var lines []string
	for len(text) > width {
		cut := strings.LastIndexByte(text[:width], ' ')
		if cut <= 0 {
			cut = width
		}
		lines = append(lines, text[:cut])
		text = strings.TrimLeft(text[cut:], " ")
	}
	return append(lines, text)
}
