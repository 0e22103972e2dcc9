package resolve

// What tells apart two papers that share a first author's family, a
// year and a journal, where a reference gives no title and no page (Web
// of Science cites an article number journal's papers by volume alone:
// "Zhang J, 2013, APPL PHYS LETT, V102"): a first author who is the other
// paper's co-author, co-authors none of whom the other names, and another
// section of a journal ("Phys. Rev. B" and "Phys Rev E").

// coauthorOf reports whether a's first author is one of b's other
// authors (and not b's first): another paper of b's team. A name that is
// part of a co-author's ("Wang" of "Hwang") or a letter from it ("Zhang"
// and "Chang") is taken for it: a's name found in b's text is then the
// co-author's.
func coauthorOf(a, b *profile) bool {
	return len(b.others) > 0 && !meet(a.fams, b.fams) && (meet(a.fams, b.others) || partOf(a.fams, b.others) || nearFamily(a.fams, b.others))
}

// coauthorsApart reports whether both descriptions name co-authors and
// none of either's is written in the other's text, exactly or, for a
// name of five letters or more, a few edits apart (nameEdits).
func (m *matcher) coauthorsApart(a, b *profile) bool {
	if len(a.others) == 0 || len(b.others) == 0 {
		return false
	}
	return !namesIn(a.others, b) && !namesIn(b.others, a)
}

// namesIn reports whether one of the family names is written in p's
// text (writtenIn), or one of five letters or more a few edits apart.
func namesIn(names []string, p *profile) bool {
	if writtenIn(names, p) {
		return true
	}
	for _, f := range names {
		if len(f) >= 5 && fuzzyContains(p.tight, f, nameEdits(len(f))) {
			return true
		}
	}
	return false
}

// section is the letter that names a journal's section, the last word of
// one letter after the first word of its title ("b" of [phys rev b] and
// [physical review b condensed matter materials physics]), and the words
// before it; 0 when it has none.
func section(ws []string) (byte, []string) {
	for i := len(ws) - 1; i >= 1; i-- {
		if w := ws[i]; len(w) == 1 && w[0] >= 'a' && w[0] <= 'z' {
			return w[0], ws[:i]
		}
	}
	return 0, nil
}

// sectionsDiffer reports whether a and b name two sections of one
// journal: a source form of each has a section, the sections differ and
// the words before them align.
func sectionsDiffer(a, b *profile) bool {
	for _, x := range a.src {
		sx, bx := section(x)
		if sx == 0 {
			continue
		}
		for _, y := range b.src {
			if sy, by := section(y); sy != 0 && sy != sx && SourceSimilarity(bx, by) >= 0.5 {
				return true
			}
		}
	}
	return false
}

// hasSection reports whether a source form of p names a section.
func (p *profile) hasSection() bool {
	for _, x := range p.src {
		if s, _ := section(x); s != 0 {
			return true
		}
	}
	return false
}
