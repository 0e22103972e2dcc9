package refparse

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// Scopus writes its cited references in a fixed shape, as Web of Science
// writes its CR entries, in three styles:
//
//	old (to about 2020):  Kalé, L., Skeel, R., Title (1999) J Comp Phys, 151 (2), pp. 283-312. , DOI …
//	2020–2023:            Kang W., Huang Y., Title, Proc. IEEE, 104, 2, pp. 2040-2061, (2016)
//	current (2023–):      Li T.; Yan J.; Li J., Title, Ann Med, 57, (2025)
//
// Any part may be missing: the title of a journal article in older
// exports, the source of a book, the volume, issue and pages. In the old
// style the year in brackets stands between title and source; in the newer
// ones it closes the reference, and everything between the authors and the
// volume is the title and, last, the source.

// ParseScopusReference reads a reference in one of Scopus's fixed shapes.
// ok is false when s has none of them; read it as free text then.
func ParseScopusReference(s string) (w bib.Work, ok bool) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";"))
	end := scopusYearAtEnd(s)
	switch {
	case end != nil && !scopusOldAuthors(s[:end[0]]):
		w = scopusNewer(strings.TrimSuffix(strings.TrimSpace(s[:end[0]]), ","))
		w.Year, _ = strconv.Atoi(s[end[2]:end[3]])
	case end != nil:
		w = scopusOlder(s[:end[0]], "")
		w.Year, _ = strconv.Atoi(s[end[2]:end[3]])
	default:
		mid := scopusYearMid(s)
		if mid == nil {
			return bib.Work{}, false
		}
		w = scopusOlder(s[:mid[0]], s[mid[1]:])
		w.Year, _ = strconv.Atoi(s[mid[2]:mid[3]])
	}
	switch {
	case w.Container != "":
		w.Type = "article-journal"
		if scopusProceedings.MatchString(w.Container) {
			w.Type = "paper-conference"
		}
	case w.Title != "" && len(w.Authors) > 0:
		w.Type = "book"
	}
	return w, true
}

var (
	scopusPagesPart   = regexp.MustCompile(`^pp?\. ?(\S.*)$`)
	scopusPageSuffix  = regexp.MustCompile(`^(\d+)p\.?$`)
	scopusNumber      = regexp.MustCompile(`^[A-Z]?\d[\dA-Za-z]*(?:[-–/][A-Za-z]{0,3}\d*[A-Za-z]{0,3})?$`)
	scopusOldVolume   = regexp.MustCompile(`^([A-Z]?\d[\dA-Za-z]*(?:[-–/]\w+)?(?: [A-Z]{1,4})?)(?: \(([^)]+)\))?$`)
	scopusInitialsOld = lazyRegexp(`^(?:\p{Lu}\.(?:\s?-?\s?\p{Lu}\.)*|\p{Lu}{1,3}\.?)(?: Jr\.)?$`)
	scopusFamilyOld   = lazyRegexp(`^[\p{L}'’][\p{L}'’\-. ]{0,60}$`)
	scopusProceedings = regexp.MustCompile(`(?i)\b(?:proceedings|conference|symposium|workshop|congress)\b`)
	scopusDOI         = regexp.MustCompile(`10\.\d{4,9}/\S+`)
)

// scopusNamePattern is one cited author as the newer styles write it:
// "Kang W.", "Siu K.-C.", "van der Walt S.", "Santoni de Sio F",
// "dasNair R.", "St. John M", "Braga TV", "Shimray SR.", "McQuarrie E-F".
const (
	scopusParticle    = `(?:van|von|der|den|de|del|della|di|da|du|des|dos|das|dit|do|la|le|ter|ten|y|zu|d'|d’)`
	scopusFamilyWord  = `(?:\p{L}[\p{L}'’_\-]*|St\.)`
	scopusNamePattern = `(?:` + scopusParticle + `\s*)*` + scopusFamilyWord +
		`(?:\s+(?:` + scopusParticle + `\s+)*` + scopusFamilyWord + `)*` +
		`\s+(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*|\p{Lu}{1,6}(?:-\p{Lu}{1,2})?\.?)`
)

var scopusName = lazyRegexp(`^` + scopusNamePattern + `$`)

// IsScopusName reports whether s is one cited author as Scopus's newer
// styles write it (see scopusNamePattern).
func IsScopusName(s string) bool { return scopusName().MatchString(s) }

// IsEtAl reports "Et al." and its variants, which close an author list.
func IsEtAl(s string) bool {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	return s == "et al" || s == "et al,"
}

// scopusNewer reads "Authors, Title, Source, Volume, Issue, pp. X-Y" (the
// year already taken off).
func scopusNewer(s string) bib.Work {
	var w bib.Work
	if s == "" {
		return w
	}
	segs := strings.Split(s, ", ")
	if m := scopusPagesPart.FindStringSubmatch(segs[len(segs)-1]); m != nil && len(segs) > 1 {
		w.Pages = strings.TrimSuffix(m[1], ".")
		segs = segs[:len(segs)-1]
	}
	numbers := 0
	for numbers < 2 && numbers < len(segs)-1 && scopusNumber.MatchString(segs[len(segs)-1-numbers]) {
		numbers++
	}
	if numbers > 0 {
		w.Volume = segs[len(segs)-numbers]
		if numbers == 2 {
			w.Issue = segs[len(segs)-1]
		}
		segs = segs[:len(segs)-numbers]
	}
	located := w.Volume != "" || w.Pages != ""
	// Authors: the current style lists them in the first part, separated
	// by "; "; the 2020–2023 style in the first parts, one a part.
	if first := strings.Split(segs[0], "; "); len(first) > 1 && scopusAllNames(first) {
		w.Authors = scopusNames(first)
		segs = segs[1:]
	} else {
		for len(segs) > 0 && (scopusName().MatchString(segs[0]) || IsEtAl(segs[0])) {
			if located && len(segs) == 1 && !strings.Contains(segs[0], ".") {
				break // the source, "Phys Rev B", not an author
			}
			if !IsEtAl(segs[0]) {
				w.Authors = append(w.Authors, ParseCRName(strings.TrimSpace(segs[0])))
			}
			segs = segs[1:]
		}
	}
	switch {
	case len(segs) == 0:
	case located || len(segs) > 1 && !startsLower(segs[len(segs)-1]):
		w.Container = segs[len(segs)-1]
		w.Title = strings.Join(segs[:len(segs)-1], ", ")
	default:
		w.Title = strings.Join(segs, ", ")
	}
	return w
}

// scopusAllNames reports whether every part is an author name.
func scopusAllNames(parts []string) bool {
	for _, p := range parts {
		if !scopusName().MatchString(strings.TrimSpace(p)) && !IsEtAl(strings.TrimSpace(p)) {
			return false
		}
	}
	return true
}

func scopusNames(parts []string) []bib.Name {
	var names []bib.Name
	for _, p := range parts {
		if p = strings.TrimSpace(p); !IsEtAl(p) {
			names = append(names, ParseCRName(p))
		}
	}
	return names
}

// scopusOldAuthors reports whether s starts with an author in the old
// style, family name and initials in parts of their own: "Kalé, L., …",
// or, as some publishers supplied them, "Reddy, VN, …".
func scopusOldAuthors(s string) bool {
	segs := strings.SplitN(s, ", ", 3)
	return len(segs) >= 2 && scopusFamilyOld().MatchString(segs[0]) &&
		scopusInitialsOld().MatchString(strings.TrimSuffix(strings.TrimSpace(segs[1]), ","))
}

// scopusOlder reads the old style: left is "Authors, Title " before the
// year in brackets, right "Source, Volume (Issue), pp. X-Y. , extras" after
// it (empty when the year ends the reference).
func scopusOlder(left, right string) bib.Work {
	var w bib.Work
	// What Scopus appends after ". , ": a DOI, a publisher, "Cited N times".
	if i := strings.Index(right, ". , "); i >= 0 {
		if m := scopusDOI.FindString(right[i:]); m != "" {
			w.DOI = bib.NormalizeDOI(strings.TrimRight(m, ".,;"))
		}
		right = right[:i]
	}
	right = strings.TrimSuffix(strings.TrimSpace(right), ".")
	left = strings.TrimSpace(left)
	titled := left != "" && !strings.HasSuffix(left, ",")
	segs := strings.Split(strings.TrimSuffix(left, ","), ", ")
	i := 0
	for i+1 < len(segs) && scopusFamilyOld().MatchString(segs[i]) && scopusInitialsOld().MatchString(strings.TrimSpace(segs[i+1])) {
		w.Authors = append(w.Authors, bib.Name{Family: strings.TrimSpace(segs[i]), Given: strings.TrimSpace(segs[i+1])})
		i += 2
		for i < len(segs) && IsEtAl(segs[i]) {
			i++
		}
	}
	rest := strings.TrimSpace(strings.Join(segs[i:], ", "))
	switch {
	case rest == "":
	case titled:
		w.Title = rest
	default:
		// "National Research Council, (2011) …": an author of its own.
		w.Authors = append(w.Authors, bib.Name{Literal: rest})
	}
	// Right: the source (or a book's title), then volume and pages; a book
	// has ", , Publisher" after its title.
	main, publisher, _ := strings.Cut(right, ", , ")
	w.Publisher = strings.TrimSpace(publisher)
	parts := strings.Split(main, ", ")
	if len(parts) > 1 {
		last := parts[len(parts)-1]
		if m := scopusPagesPart.FindStringSubmatch(last); m != nil {
			w.Pages = m[1]
			parts = parts[:len(parts)-1]
		} else if m := scopusPageSuffix.FindStringSubmatch(last); m != nil && len(parts) > 2 && scopusOldVolume.MatchString(parts[len(parts)-2]) {
			// "Nature, 455, 648p" (but in "Science, 276p" 276 is the volume).
			w.Pages = m[1]
			parts = parts[:len(parts)-1]
		}
	}
	if len(parts) > 1 {
		if m := scopusOldVolume.FindStringSubmatch(parts[len(parts)-1]); m != nil {
			w.Volume, w.Issue = m[1], m[2]
			parts = parts[:len(parts)-1]
		}
	}
	source := strings.TrimSpace(strings.Join(parts, ", "))
	if w.Title == "" && w.Volume == "" && w.Pages == "" {
		w.Title = source // a book: "(2005) Mathematical Models in Biology"
	} else {
		w.Container = source
	}
	return w
}

// startsLower reports whether s starts with a lower-case letter.
func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// scopusYearAtEnd finds the year in brackets that closes a reference of
// the newer shapes, "… (2019)" or "…, (2019a).": the indices of the match
// (from the space or comma before the bracket, or the start) and of the
// year, as regexp's FindStringSubmatchIndex gives them for
// `(?:^|[ ,])\((1[5-9]\d\d|20\d\d)[a-z]?\)\.?$`; nil for none. It is
// written out because the expression, unanchored at its start, was a
// tenth of the time to read a Scopus export.
func scopusYearAtEnd(s string) []int {
	e := len(s)
	if e > 0 && s[e-1] == '.' {
		e--
	}
	for _, i := range []int{e - 6, e - 7} { // "(2019)" or "(2019a)"
		if end, ok := bracketYearAt(s, i); ok && end == e {
			if m := yearMatch(s, i, len(s)); m != nil {
				return m
			}
		}
	}
	return nil
}

// scopusYearMid finds the first year in brackets followed by a space, as
// the old shape has it between title and source, "… (1993) Source": the
// indices FindStringSubmatchIndex gives for
// `(?:^|[ ,])\((1[5-9]\d\d|20\d\d)[a-z]?\) `; nil for none.
func scopusYearMid(s string) []int {
	for i := 0; i < len(s); i++ {
		j := strings.IndexByte(s[i:], '(')
		if j < 0 {
			return nil
		}
		i += j
		if end, ok := bracketYearAt(s, i); ok && end < len(s) && s[end] == ' ' {
			if m := yearMatch(s, i, end+1); m != nil {
				return m
			}
		}
	}
	return nil
}

// bracketYearAt reports whether s holds at i a year from 1500 to 2099 in
// brackets, a letter allowed after it ("(2019)", "(2019a)"), and where
// the closing bracket ends.
func bracketYearAt(s string, i int) (end int, ok bool) {
	if i < 0 || i+6 > len(s) || s[i] != '(' {
		return 0, false
	}
	y := s[i+1 : i+5]
	digit := func(c byte) bool { return '0' <= c && c <= '9' }
	if !(y[0] == '1' && '5' <= y[1] && y[1] <= '9' || y[0] == '2' && y[1] == '0') || !digit(y[2]) || !digit(y[3]) {
		return 0, false
	}
	j := i + 5
	if 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	if j >= len(s) || s[j] != ')' {
		return 0, false
	}
	return j + 1, true
}

// yearMatch is the match of a year in brackets at i ending at end: it
// begins at the space or comma before the bracket, or at the start of s;
// nil when neither stands before it.
func yearMatch(s string, i, end int) []int {
	switch {
	case i == 0:
		return []int{0, end, 1, 5}
	case s[i-1] == ' ' || s[i-1] == ',':
		return []int{i - 1, end, i + 1, i + 5}
	}
	return nil
}
