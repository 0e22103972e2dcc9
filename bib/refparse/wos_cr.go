package refparse

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// Web of Science cited references have a fixed shape:
//
//	Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191x-bja10028
//
// author, year, source abbreviation (J9), volume, page and DOI, any of which
// may be missing. Variants: "[Anonymous]" as author, "DOI DOI 10.x",
// "DOI [10.a, 10.b]" (the first is taken), and an article number for a page.

var (
	crVolume = regexp.MustCompile(`^V(\S+)$`)
	crPage   = regexp.MustCompile(`^(?:P|AR?TN\s*)(\S+)$`)
	crYear   = regexp.MustCompile(`^(1[5-9]\d\d|20\d\d)$`)
	crDOI    = regexp.MustCompile(`10\.\d{4,9}/[^\s,\]]+`)
)

// ParseWoSCitedReference parses one Web of Science CR entry.
func ParseWoSCitedReference(s string) bib.Work {
	w := bib.Work{Type: "article-journal"}
	rest := strings.TrimSpace(s)
	if i := strings.Index(rest, ", DOI "); i >= 0 {
		if m := crDOI.FindString(rest[i:]); m != "" {
			w.DOI = bib.NormalizeDOI(m)
		}
		rest = rest[:i]
	}
	parts := strings.Split(rest, ", ")
	i := 0
	if i < len(parts) && !crYear.MatchString(parts[i]) {
		if a := parts[i]; a != "[Anonymous]" && a != "Anonymous" && a != "" {
			w.Authors = []bib.Name{parseWoSCRName(a)}
		}
		i++
	}
	if i < len(parts) && crYear.MatchString(parts[i]) {
		w.Year, _ = strconv.Atoi(parts[i])
		i++
	}
	if i < len(parts) && !crVolume.MatchString(parts[i]) && !crPage.MatchString(parts[i]) {
		w.ContainerShort = parts[i]
		w.Container = parts[i]
		i++
	}
	for ; i < len(parts); i++ {
		p := parts[i]
		if m := crVolume.FindStringSubmatch(p); m != nil && w.Volume == "" {
			w.Volume = m[1]
		} else if m := crPage.FindStringSubmatch(p); m != nil && w.Pages == "" {
			w.Pages = m[1]
		}
	}
	return w
}

// ParseCRName reads a cited author: "Ruffini PB", "Hexemer A.",
// "Jung J.-M.", "Lewicki G. W.", "Homma Takayuki" (family first).
func ParseCRName(s string) bib.Name {
	fields := strings.Fields(s)
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
	if c, ok := strings.CutPrefix(strings.TrimSpace(s), "*"); ok {
		return bib.Name{Literal: strings.TrimSpace(c)}
	}
	n := ParseCRName(s)
	fields := strings.Fields(s)
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
