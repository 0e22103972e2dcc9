// Command wosgen writes a seeded synthetic Web of Science plain-text export
// (the "savedrecs.txt" a scholar downloads) for the end-to-end benchmark in
// bench/: field-tagged records (PT AU AF TI SO … CR NR … UT ER) whose cited
// references are written as Web of Science writes them,
//
//	Bosworth JK, 2011, MACROMOLECULES, V44, P9196, DOI 10.1021/ma201967a
//
// (first author, year, source abbreviation, volume, page or article
// number, DOI; books and reports with a title abbreviation and no volume;
// some references with dotted initials and no DOI, as Web of Science
// leaves them when it could not link them).
//
// The cited side follows Simon's model, as bench/gen -corpus: each
// reference names a new work with probability -new, and otherwise a work
// drawn in proportion to the citations it already has, so a few works are
// cited by many records and most by one. A new work is now and then an
// earlier record of the export itself (-self), so the export cites its
// own papers as real ones do. Most records cite -refs-min to -refs-max
// works; a share -reviews of them are reviews citing -review-min to
// -review-max. Records and works belong to -topics research topics, each
// with its own journals; a record draws a share -topic-share of its
// references from its own topic, so that the co-citation network has the
// clusters real ones have. Journals are drawn with a skewed popularity from
// a pool of made-up titles and abbreviations.
//
// With -reflist N it writes instead the reference list of one paper
// citing N distinct works, one reference a line in an APA-like style, as
// a scholar copies it from an article.
//
// The output is a pure function of the flags. Usage:
//
//	go run ./bench/wosgen -n 20000 -o bench/out/wos-20k.txt
//	go run ./bench/wosgen -reflist 10000 -o bench/out/reflist-10k.txt
//	go run ./bench/wosgen -n 500 -refs-min 800 -refs-max 800 -reviews 0 -o bench/out/wos-500x800.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	var p params
	flag.IntVar(&p.records, "n", 5000, "records")
	flag.IntVar(&p.refsMin, "refs-min", 10, "fewest references of an ordinary record")
	flag.IntVar(&p.refsMax, "refs-max", 45, "most references of an ordinary record")
	flag.Float64Var(&p.reviews, "reviews", 0.04, "share of records that are reviews")
	flag.IntVar(&p.reviewMin, "review-min", 300, "fewest references of a review")
	flag.IntVar(&p.reviewMax, "review-max", 800, "most references of a review")
	flag.Float64Var(&p.pNew, "new", 0.3, "probability that a reference names a work not cited before")
	flag.Float64Var(&p.pSelf, "self", 0.05, "probability that such a new work is an earlier record of the export")
	flag.IntVar(&p.topics, "topics", 25, "research topics: a record cites mostly works of its own, published in its journals")
	flag.Float64Var(&p.topicShare, "topic-share", 0.8, "share of a record's references drawn from its own topic")
	flag.Float64Var(&p.pVariant, "variant", 0.05, "probability that a reference is written with dotted initials and no DOI")
	flag.Uint64Var(&p.seed, "seed", 1, "random seed")
	reflist := flag.Int("reflist", 0, "write instead the reference list of one paper citing this many works, one a line")
	out := flag.String("o", "-", "output `file` (- for stdout)")
	flag.Parse()
	if err := p.check(); err != nil {
		fmt.Fprintln(os.Stderr, "wosgen:", err)
		os.Exit(2)
	}
	w := io.Writer(os.Stdout)
	var f *os.File
	if *out != "-" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, "wosgen:", err)
			os.Exit(1)
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	works, refs := *reflist, *reflist
	if *reflist > 0 {
		writeRefList(bw, *reflist, p)
	} else {
		works, refs = write(bw, p)
	}
	err := bw.Flush()
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "wosgen:", err)
		os.Exit(1)
	}
	records := p.records
	if *reflist > 0 {
		records = 1
	}
	fmt.Fprintf(os.Stderr, "wosgen: %d records, %d references to %d distinct works\n", records, refs, works)
}

// params are the generator's flags.
type params struct {
	records, refsMin, refsMax, reviewMin, reviewMax, topics int
	reviews, pNew, pSelf, pVariant, topicShare              float64
	seed                                                    uint64
}

func (p params) check() error {
	switch {
	case p.records < 1:
		return fmt.Errorf("-n must be positive")
	case p.refsMin < 1 || p.refsMax < p.refsMin:
		return fmt.Errorf("need 1 ≤ -refs-min ≤ -refs-max")
	case p.reviewMin < 1 || p.reviewMax < p.reviewMin:
		return fmt.Errorf("need 1 ≤ -review-min ≤ -review-max")
	case p.pNew <= 0 || p.pNew > 1:
		return fmt.Errorf("-new must be in (0, 1]")
	case p.topics < 1 || p.topics > journalCount:
		return fmt.Errorf("-topics must be in [1, %d]", journalCount)
	case p.reviews < 0 || p.reviews > 1 || p.pSelf < 0 || p.pSelf > 1 || p.pVariant < 0 || p.pVariant > 1 || p.topicShare < 0 || p.topicShare > 1:
		return fmt.Errorf("-reviews, -self, -variant and -topic-share are probabilities")
	}
	return nil
}
