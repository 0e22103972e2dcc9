package refparse

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/citegraph/citegraph/bib"
)

// Web of Science cited references have a fixed shape:
//
//	Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191x-bja10028
//
// author, year, source abbreviation (J9), volume, page and DOI, any of which
// may be missing. Variants: "[Anonymous]" as author, "DOI DOI 10.x",
// "DOI [10.a, 10.b]" (the first is taken), and an article number for a page.

// ParseWoSCitedReference parses one Web of Science CR entry. It scans the
// entry by hand, its fields substrings of s: 400,000 entries of a large
// export are parsed while it is read.
func ParseWoSCitedReference(s string) bib.Work {
	w := bib.Work{Type: "article-journal"}
	rest := strings.TrimSpace(s)
	if i := strings.Index(rest, ", DOI "); i >= 0 {
		if start, end := doiSpan(rest[i:]); start >= 0 {
			w.DOI = bib.NormalizeDOI(rest[i+start : i+end])
		}
		rest = rest[:i]
	}
	parts := crParts{rest: rest}
	part, ok := parts.next()
	if ok && !isCRYear(part) {
		if part != "[Anonymous]" && part != "Anonymous" && part != "" {
			w.Authors = []bib.Name{parseWoSCRName(part)}
		}
		part, ok = parts.next()
	}
	if ok && isCRYear(part) {
		w.Year, _ = strconv.Atoi(part)
		part, ok = parts.next()
	}
	_, volume := crVolume(part)
	_, page := crPage(part)
	if ok && !volume && !page {
		w.ContainerShort = part
		w.Container = part
		part, ok = parts.next()
	}
	for ; ok; part, ok = parts.next() {
		if v, volume := crVolume(part); volume && w.Volume == "" {
			w.Volume = v
		} else if p, page := crPage(part); page && w.Pages == "" {
			w.Pages = p
		}
	}
	return w
}

// crParts yields the fields of a CR entry, separated by ", ".
type crParts struct {
	rest string
	done bool
}

func (p *crParts) next() (string, bool) {
	if p.done {
		return "", false
	}
	part, rest, found := strings.Cut(p.rest, ", ")
	p.rest, p.done = rest, !found
	return part, true
}

// isCRYear reports whether a field is a year, 1500 to 2099.
func isCRYear(s string) bool {
	return len(s) == 4 && (s[0] == '1' && s[1] >= '5' || s[0] == '2' && s[1] == '0') &&
		isDigitByte(s[1]) && isDigitByte(s[2]) && isDigitByte(s[3])
}

// crVolume reads a volume field, "V15", as "15".
func crVolume(s string) (string, bool) {
	if len(s) < 2 || s[0] != 'V' || strings.ContainsAny(s[1:], crSpace) {
		return "", false
	}
	return s[1:], true
}

// crPage reads a page field, "P371", or an article number, "ARTN 052511"
// (also "ATN" and without the space), as "371" or "052511".
func crPage(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "P"):
		s = s[1:]
	case strings.HasPrefix(s, "ARTN"):
		s = strings.TrimLeft(s[4:], crSpace)
	case strings.HasPrefix(s, "ATN"):
		s = strings.TrimLeft(s[3:], crSpace)
	default:
		return "", false
	}
	if s == "" || strings.ContainsAny(s, crSpace) {
		return "", false
	}
	return s, true
}

// crSpace are the white space bytes that end a field's token (those of
// regexp's \s).
const crSpace = " \t\n\f\r"

// doiSpan finds the first DOI in s by its shape: "10.", 4 to 9 digits,
// "/", and what follows up to a space, comma or "]" ("DOI [10.a, 10.b]"
// gives 10.a). It returns where it starts and ends, or -1, -1.
func doiSpan(s string) (start, end int) {
	for from := 0; ; {
		i := strings.Index(s[from:], "10.")
		if i < 0 {
			return -1, -1
		}
		i += from
		slash := i + 3
		for slash < len(s) && isDigitByte(s[slash]) {
			slash++
		}
		if n := slash - (i + 3); n >= 4 && n <= 9 && slash < len(s) && s[slash] == '/' {
			end := slash + 1
			for end < len(s) && strings.IndexByte(crSpace+",]", s[end]) < 0 {
				end++
			}
			if end > slash+1 {
				return i, end
			}
		}
		from = i + 1
	}
}

// ParseCRName reads a cited author: "Ruffini PB", "Hexemer A.",
// "Jung J.-M.", "Lewicki G. W.", "Homma Takayuki" (family first).
func ParseCRName(s string) bib.Name {
	var words [8]string
	return crName(appendFields(words[:0], s))
}

// crName is ParseCRName of the name's words.
func crName(fields []string) bib.Name {
	switch len(fields) {
	case 0:
		return bib.Name{}
	case 1:
		return bib.Name{Family: fields[0]}
	}
	// The given part is the trailing run of initials, or the last word.
	j := len(fields) - 1
	for j > 1 && IsInitials(fields[j-1]) {
		j--
	}
	return bib.Name{Family: strings.Join(fields[:j], " "), Given: strings.Join(fields[j:], " ")}
}

// parseWoSCRName reads the author of a Web of Science CR entry: as
// ParseCRName, and the full names of newer entries, "Kohler Robert E."
// (Kohler, Robert E.; a family name's particles stay in it: "Di Mauro
// C."). A corporate author marked "*" ("*CLAR VALL COUNC") is kept whole.
func parseWoSCRName(s string) bib.Name {
	var words [8]string
	return wosCRName(s, appendFields(words[:0], s))
}

// wosCRName is parseWoSCRName of s and its words.
func wosCRName(s string, fields []string) bib.Name {
	if c, ok := strings.CutPrefix(strings.TrimSpace(s), "*"); ok {
		return bib.Name{Literal: strings.TrimSpace(c)}
	}
	n := crName(fields)
	if len(fields) < 3 || strings.Count(n.Given, " ") > 0 || !strings.HasSuffix(n.Given, ".") {
		return n
	}
	f := 1
	for f < len(fields)-1 && crParticle[strings.ToLower(fields[f-1])] {
		f++
	}
	if f < len(fields)-1 && !IsInitials(fields[f]) && !crParticle[strings.ToLower(fields[f])] {
		return bib.Name{Family: strings.Join(fields[:f], " "), Given: strings.Join(fields[f:], " ")}
	}
	return n
}

// appendFields appends the words of s, split as strings.Fields splits them,
// to dst: a name's few words then take no allocation.
func appendFields(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		switch {
		case unicode.IsSpace(r):
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// crParticle lists the words that begin family names.
var crParticle = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "del": true, "della": true,
	"di": true, "da": true, "du": true, "des": true, "dos": true, "das": true, "la": true, "le": true, "ter": true, "ten": true, "st": true, "st.": true}

// IsInitials reports whether a token is initials: "PB", "J.-M.", "W.".
func IsInitials(tok string) bool {
	letters := 0
	for _, r := range tok {
		switch {
		case r == '.' || r == '-':
		case r >= 'A' && r <= 'Z':
			letters++
		default:
			return false
		}
	}
	return letters > 0 && letters <= 4
}
