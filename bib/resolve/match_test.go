package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// corpusOf makes one citing record per list of references, with the given
// parsed descriptions, and resolves them.
func corpusOf(lists ...[]bib.Reference) *Corpus {
	var recs []*bib.Record
	for i, refs := range lists {
		for k := range refs {
			refs[k].Position = k + 1
		}
		recs = append(recs, &bib.Record{ID: string(rune('A' + i)), File: "f", References: refs})
	}
	return Resolve(recs)
}

func name(family, given string) []bib.Name { return []bib.Name{{Family: family, Given: given}} }

func sameWork(c *Corpus, i, j int) bool { return c.Refs[i].Work == c.Refs[j].Work }

// TestMatchAcrossStyles: the same article as Web of Science, a GB/T 7714
// list and an APA list write it, the WoS form without title.
func TestMatchAcrossStyles(t *testing.T) {
	c := corpusOf(
		[]bib.Reference{{Raw: "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371", Work: bib.Work{Authors: name("Ruffini", "PB"), Year: 2020, Container: "HAGUE J DIPLOM", ContainerShort: "HAGUE J DIPLOM", Volume: "15", Pages: "371"}}},
		[]bib.Reference{{Raw: "Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.",
			Work: bib.Work{Authors: name("Ruffini", "P B"), Year: 2020, Title: "Collaboration and competition: The twofold logic of science diplomacy", Container: "The Hague Journal of Diplomacy", Volume: "15", Issue: "3", Pages: "371-382"}}},
		[]bib.Reference{{Raw: "Ruffini, P.-B. (2021). Collaboration and Competition: the Twofold Logic of Science Diplomacy. Hague J. Diplom., 15, 371–382.",
			Work: bib.Work{Authors: name("Ruffini", "P.-B."), Year: 2021, Title: "Collaboration and Competition: the Twofold Logic of Science Diplomacy", Container: "Hague J. Diplom.", Volume: "15", Pages: "371–382"}}},
	)
	if !sameWork(c, 0, 1) || !sameWork(c, 1, 2) {
		t.Fatalf("works %d %d %d: the three forms of one article must be one work", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work)
	}
	for _, r := range c.Refs[1:] {
		if r.Score <= 0.5 || r.Agreed == "" || r.Via < 0 {
			t.Errorf("ref %d: score %.3f agreed %q via %d", r.Position, r.Score, r.Agreed, r.Via)
		}
	}
}

// TestNoChainingThroughVagueReference: a reference that names only author,
// year and source fits two articles; it must not join them into one.
func TestNoChainingThroughVagueReference(t *testing.T) {
	a := bib.Work{Authors: name("Smith", "J"), Year: 2015, Container: "Physical Review B", Volume: "91", Pages: "104401", Title: "Spin waves in thin films"}
	b := bib.Work{Authors: name("Smith", "J"), Year: 2015, Container: "Physical Review B", Volume: "92", Pages: "214420", Title: "Domain walls in nanowires"}
	v := bib.Work{Authors: name("Smith", "J"), Year: 2015, Container: "Phys. Rev. B"}
	c := corpusOf(
		[]bib.Reference{{Raw: "Smith J. Spin waves in thin films. Physical Review B, 2015, 91: 104401.", Work: a}},
		[]bib.Reference{{Raw: "Smith, J. (2015). Phys. Rev. B.", Work: v}},
		[]bib.Reference{{Raw: "Smith J. Domain walls in nanowires. Physical Review B, 2015, 92: 214420.", Work: b}},
	)
	if sameWork(c, 0, 2) {
		t.Fatal("two articles chained into one work through a vague reference")
	}
	if sameWork(c, 0, 1) && sameWork(c, 1, 2) {
		t.Fatal("the vague reference joined both")
	}
}

// TestConflictingDOIsNeverMerge, however alike the rest.
func TestConflictingDOIsNeverMerge(t *testing.T) {
	w := bib.Work{Authors: name("Moritz", "J"), Year: 2011, Title: "Two-bit-per-dot patterned media", Container: "J Appl Phys", Volume: "109", Pages: "07B901"}
	x, y := w, w
	x.DOI, y.DOI = "10.1063/1.3572259", "10.1109/lmag.2010.2098852"
	c := corpusOf([]bib.Reference{{Raw: "x", Work: x}}, []bib.Reference{{Raw: "y", Work: y}}, []bib.Reference{{Raw: "z", Work: w}})
	if sameWork(c, 0, 1) {
		t.Fatal("references with different DOIs merged")
	}
}

// TestOneListNamesAWorkOnce: two entries of one list that look alike (two
// chapters of one book) stay two works; the same entries in two lists match.
func TestOneListNamesAWorkOnce(t *testing.T) {
	ch := func(title, pages string) bib.Reference {
		return bib.Reference{Raw: "Weinstein B. " + title + ". Liberalism and Local Government. 2009: " + pages,
			Work: bib.Work{Authors: name("Weinstein", "B"), Year: 2009, Title: title, Container: "Liberalism and Local Government", Pages: pages}}
	}
	c := corpusOf([]bib.Reference{ch("Introduction", "1-10"), ch("Conclusion", "167-176")}, []bib.Reference{ch("Introduction", "1-10")})
	if sameWork(c, 0, 1) {
		t.Error("two entries of one list merged")
	}
	if !sameWork(c, 0, 2) {
		t.Error("the same entry in two lists not matched")
	}
}

// TestOnlineFirstYear: a year apart (online first, then print) still
// matches when the rest agrees; three years apart does not.
func TestOnlineFirstYear(t *testing.T) {
	w := bib.Work{Authors: name("Legrand", "T"), Year: 2018, Title: "Science diplomacy and transnational governance impact", Container: "British Politics", Volume: "13", Pages: "392-408"}
	x, y := w, w
	x.Year, y.Year = 2017, 2021
	c := corpusOf([]bib.Reference{{Raw: "a", Work: w}}, []bib.Reference{{Raw: "b", Work: x}}, []bib.Reference{{Raw: "c", Work: y}})
	if !sameWork(c, 0, 1) {
		t.Error("a year apart: not matched")
	}
	if sameWork(c, 0, 2) {
		t.Error("three years apart: matched")
	}
}

// TestChineseAndTranslation: a Chinese reference, its English translation
// in another list and the bilingual form of a third are one work: the
// pinyin of the family name, the year and the pages agree.
func TestChineseAndTranslation(t *testing.T) {
	zh := bib.Reference{Raw: "臧红岩. 建构主义视角下科技外交范式研究. 广西社会科学, 2020, (7): 69-73.",
		Work: bib.Work{Authors: []bib.Name{{Family: "臧", Given: "红岩"}}, Year: 2020, Title: "建构主义视角下科技外交范式研究", Container: "广西社会科学", Issue: "7", Pages: "69-73"}}
	en := bib.Reference{Raw: "Zang H Y. Research on the paradigm of technology diplomacy from the perspective of constructivism. Guangxi Social Sciences, 2020, (7): 69-73. (in Chinese)",
		Work: bib.Work{Authors: name("Zang", "H Y"), Year: 2020, Title: "Research on the paradigm of technology diplomacy from the perspective of constructivism", Container: "Guangxi Social Sciences", Issue: "7", Pages: "69-73"}}
	both := bib.Reference{Raw: zh.Raw + " " + en.Raw, Work: en.Work}
	both.Original = zh.Raw
	other := bib.Reference{Raw: "张翼燕, 刘润生. 日本科技外交的发展历程与特点. 全球科技经济瞭望, 2016, 31(4): 63-68.",
		Work: bib.Work{Authors: []bib.Name{{Family: "张", Given: "翼燕"}}, Year: 2016, Title: "日本科技外交的发展历程与特点", Container: "全球科技经济瞭望", Volume: "31", Issue: "4", Pages: "63-68"}}
	c := corpusOf([]bib.Reference{zh, other}, []bib.Reference{en}, []bib.Reference{both})
	if !sameWork(c, 0, 2) || !sameWork(c, 2, 3) {
		t.Fatalf("works %d %d %d: a Chinese reference and its translations must be one work", c.Refs[0].Work, c.Refs[2].Work, c.Refs[3].Work)
	}
	if sameWork(c, 0, 1) {
		t.Error("two Chinese references of one list merged")
	}
	// A book: author in characters and in pinyin, year and page.
	c = corpusOf(
		[]bib.Reference{{Raw: "赵刚. 科技外交的理论与实践. 北京: 时事出版社, 2007: 32.", Work: bib.Work{Authors: []bib.Name{{Family: "赵", Given: "刚"}}, Year: 2007, Title: "科技外交的理论与实践", Publisher: "时事出版社", Pages: "32"}}},
		[]bib.Reference{{Raw: "Zhao G. Theory and Practice of Science Diplomacy. Beijing: Current Affairs Press, 2007: 32. (in Chinese)", Work: bib.Work{Authors: name("Zhao", "G"), Year: 2007, Title: "Theory and Practice of Science Diplomacy", Publisher: "Current Affairs Press", Pages: "32"}}},
		[]bib.Reference{{Raw: "Zhang G. Theory of Diplomacy. Beijing: Current Affairs Press, 2007: 32. (in Chinese)", Work: bib.Work{Authors: name("Zhang", "G"), Year: 2007, Title: "Theory of Diplomacy", Pages: "32"}}},
	)
	if !sameWork(c, 0, 1) {
		t.Error("赵刚 2007 and Zhao G 2007: not matched")
	}
	if sameWork(c, 0, 2) {
		t.Error("赵 matched Zhang")
	}
}

// TestBareReferenceNamesTheWhole: a reference with only an author and a
// year, which a book and its chapters could each be, is the book: a
// chapter is cited with its pages (joinWholeWorks). With two books of that
// author and year it stays apart from both.
func TestBareReferenceNamesTheWhole(t *testing.T) {
	ref := func(raw string) bib.Reference { return bib.Reference{Raw: raw, Work: refparse.ParseReference(raw)} }
	book := ref("Rawlinson, M. (2010). Pat Barker.")
	chapters := []bib.Reference{
		ref("Rawlinson, M. (2010). Timeline. Pat Barker, 1–11."),
		ref("Rawlinson, M. (2010). Critical Reception. Pat Barker, 155–164."),
	}
	bare := ref("Rawlinson, M. 2010.")
	c := corpusOf(append([]bib.Reference{book}, chapters...), []bib.Reference{chapters[0]}, []bib.Reference{bare})
	if !sameWork(c, 0, 4) {
		t.Errorf("the bare reference is work %d, the book %d", c.Refs[4].Work, c.Refs[0].Work)
	}
	if !sameWork(c, 1, 3) || sameWork(c, 0, 1) || sameWork(c, 1, 2) {
		t.Errorf("works %d %d %d %d: the book, its chapters and the chapter cited again", c.Refs[0].Work, c.Refs[1].Work, c.Refs[2].Work, c.Refs[3].Work)
	}
	other := ref("Rawlinson, M. (2010). Another Book.")
	c = corpusOf([]bib.Reference{book, other, chapters[0]}, []bib.Reference{bare})
	if sameWork(c, 3, 0) || sameWork(c, 3, 1) {
		t.Error("the bare reference joined one of two books")
	}
}

// TestNoisyYearApart: noisy references a year apart that nothing places
// together are two works, and the same references of one year one
// (compare): a first author and a source alone (unplaced: the author's
// preprint of the next year), or a title with volumes that differ
// (recurring: a journal's item in two volumes, the parser missing both).
// Constructed; each case fails without its rule.
func TestNoisyYearApart(t *testing.T) {
	for _, tc := range []struct {
		name, text, apart, same string
	}{
		{"unplaced", "Rossi, E. SSRN Electronic Journal 2O02.",
			"E. Rossi, F. Bianchi, SSRN Electronic Journal (2003).", "E. Rossi, F. Bianchi, SSRN Electronic Journal (2002)."},
		{"recurring", "Outside back cover (contents). (2O15). Foam Science Letters, 206, OBC.",
			". Outside back cover (contents). Foam Science Letters. 2016. 225. . OBC", ". Outside back cover (contents). Foam Science Letters. 2015. 206. . OBC"},
	} {
		if c := parsedLists(tc.text, tc.apart); sameWork(c, 0, 1) {
			t.Errorf("%s: works a year apart joined: %+v", tc.name, c.Refs)
		}
		if c := parsedLists(tc.text, tc.same); !sameWork(c, 0, 1) {
			t.Errorf("%s: copies of one year apart: %+v", tc.name, c.Refs)
		}
	}
}
