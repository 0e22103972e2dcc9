package refparse

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// Identifiers and web parts of a reference: the DOI (found with the WoS
// parser's doiSpan), the URL with the words that announce it ("Available
// at:", "Retrieved from"), access dates, and GB/T 7714's web dates
// "(2018-01-16)[2025-02-19]": published or updated, then accessed.

var (
	refURL = regexp.MustCompile(`(?i)\b(?:https?|ftp)://[^\s<>"]+|\bwww\.[^\s<>"]+\.[^\s<>"]+`)
	// "(2018-01-16)[2025-02-19]", "(2020)[2025-03-31]", "[2025-02-19]".
	gbtWebDate = regexp.MustCompile(`(?:\((\d{4})(?:[-./]\d{1,2}(?:[-./]\d{1,2})?)?\)\s*)?\[(\d{4})[-./]\d{1,2}[-./]\d{1,2}\]`)
	// "[Accessed 3 May 2020]", "(accessed on 2020-05-03)", "[cited 2020 May 3]".
	accessNote = regexp.MustCompile(`(?i)[\[(](?:last\s+)?(?:accessed|cited|viewed|retrieved|consulted|visited|zugegriffen|abgerufen|consulté)\b[^\])]{0,60}[\])]`)
	// "Accessed 3 May 2020.", "Accessed: 2020-05-03", "Retrieved May 3, 2020, from"
	accessPhrase = regexp.MustCompile(`(?i)\b(?:last\s+)?(?:accessed|retrieved|viewed|consulted)(?:\s+on)?:?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+\.?,?\s+\d{4}|\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\p{L}+\s+\d{4})(?:,?\s+from)?\.?`)
)

// urlLeads are the words that announce a URL, lower-cased.
var urlLeads = []string{
	"available at:", "available at", "available from:", "available from", "available online:",
	"available online at:", "available online at", "available online", "retrieved from:", "retrieved from",
	"url:", "url", "online:", "[online]", "online", "from:", "at:", "link:", "web:", "accessed via",
}

// takeLinks removes the DOI, URL and access dates from s and records them.
func (st *refState) takeLinks(s string) string {
	if doi, a, b := findDOI(s); doi != "" {
		st.w.DOI = doi
		s = cutSpan(s, doiLeadStart(s, a), b)
	}
	for n := 0; n < 3 && (strings.Contains(s, "://") || strings.Contains(s, "www.")); n++ {
		loc := refURL.FindStringIndex(s)
		if loc == nil {
			break
		}
		u := trimURL(s[loc[0]:loc[1]])
		end := loc[0] + len(u)
		recordLink(st.w, u)
		s = cutSpan(s, urlLeadStart(s, loc[0]), end)
	}
	if strings.ContainsAny(s, "[(") && containsAnyOf(s, "ccess", "ited", "iewed", "etrieved", "onsult", "isited", "ugegriffen", "bgerufen", "CCESS", "ITED") {
		for n := 0; n < 3; n++ {
			loc := accessNote.FindStringIndex(s)
			if loc == nil {
				break
			}
			st.web = true
			s = cutSpan(s, loc[0], loc[1])
		}
	}
	if containsAnyOf(s, "ccessed", "etrieved", "iewed", "onsulted", "CCESSED", "ETRIEVED") {
		if loc := accessPhrase.FindStringIndex(s); loc != nil {
			st.web = true
			s = cutSpan(s, loc[0], loc[1])
		}
	}
	return s
}

// findDOI returns the first DOI in s, found by its shape, and where it is
// written.
func findDOI(s string) (doi string, start, end int) {
	if !strings.Contains(s, "10.") {
		return "", 0, 0
	}
	if start, end := doiSpan(s); start >= 0 {
		if d := bib.NormalizeDOI(s[start:end]); d != "" {
			return trimDOI(d), start, end
		}
	}
	return "", 0, 0
}

// shapeDOI returns the first DOI in s, found by its shape.
func shapeDOI(s string) string {
	doi, _, _ := findDOI(s)
	return doi
}

// recordLink records a web address found in a reference: a doi.org link
// as the DOI, any other as the URL; the first of each is kept.
func recordLink(w *bib.Work, u string) {
	if i := strings.Index(strings.ToLower(u), "doi.org/"); i >= 0 {
		if doi := bib.NormalizeDOI(u[i+len("doi.org/"):]); doi != "" {
			if w.DOI == "" {
				w.DOI = trimDOI(doi)
			}
			return
		}
	}
	if w.URL == "" && (strings.Contains(u, "://") || hasPrefixFold(u, "www.")) {
		w.URL = u
	}
}

// takeWebDates removes GB/T 7714's "(published)[accessed]" dates, taking
// the year from the first.
func (st *refState) takeWebDates(s string) string {
	if !strings.Contains(s, "]") {
		return s
	}
	m := gbtWebDate.FindStringSubmatchIndex(s)
	if m == nil {
		return s
	}
	st.web = true
	if m[2] >= 0 {
		st.w.Year, _ = strconv.Atoi(s[m[2]:m[3]])
	}
	return cutSpan(s, m[0], m[1])
}

// trimDOI drops what commonly follows a DOI glued to it: a closing
// bracket or a full stop (NormalizeDOI did), and an "(in Chinese)"-like
// or "PMID" tail.
func trimDOI(doi string) string {
	for _, suffix := range []string{"pmid", "pmcid", "epub"} {
		if i := strings.Index(doi, suffix); i > 0 && (doi[i-1] == '.' || doi[i-1] == ',') {
			doi = strings.TrimRight(doi[:i], ".,;")
		}
	}
	// An unbalanced closing bracket belongs to the text around the DOI.
	for strings.HasSuffix(doi, ")") && strings.Count(doi, "(") < strings.Count(doi, ")") {
		doi = doi[:len(doi)-1]
	}
	return doi
}

// doiLeadStart returns where the DOI found at i starts with its lead:
// "https://doi.org/", "doi:", "DOI ", "DOI: ".
func doiLeadStart(s string, i int) int {
	j := strings.LastIndexByte(s[:i], ' ') + 1 // start of the word holding the DOI
	word := strings.ToLower(s[j:i])
	if word != "" && (strings.Contains(word, "doi") || strings.HasPrefix(word, "http") || word == "(" || word == "[") {
		i = j
	}
	// A "DOI:" or "doi" word before.
	k := strings.TrimRight(s[:i], " ")
	l := strings.LastIndexByte(k, ' ') + 1
	switch strings.ToLower(strings.Trim(k[l:], "[(")) {
	case "doi", "doi:", "doi.", "doi.org:", "(doi:", "[doi]", "[doi:", "doi：":
		return l
	}
	return i
}

// urlLeadStart returns where the URL found at i starts with the words
// that announce it.
func urlLeadStart(s string, i int) int {
	k := strings.TrimRight(s[:i], " ")
	lower := strings.ToLower(k)
	for _, lead := range urlLeads {
		if strings.HasSuffix(lower, lead) {
			j := len(k) - len(lead)
			if j == 0 || k[j-1] == ' ' || k[j-1] == '.' || k[j-1] == ',' || k[j-1] == '(' || k[j-1] == '[' {
				return j
			}
		}
	}
	return i
}

// trimURL drops trailing punctuation that ends the sentence rather than
// the URL, keeping a closing bracket that has its opening one.
func trimURL(u string) string {
	for len(u) > 0 {
		c := u[len(u)-1]
		switch c {
		case '.', ',', ';', ':', '\'', '"', '>':
			u = u[:len(u)-1]
			continue
		case ')':
			if strings.Count(u, "(") < strings.Count(u, ")") {
				u = u[:len(u)-1]
				continue
			}
		case ']':
			if strings.Count(u, "[") < strings.Count(u, "]") {
				u = u[:len(u)-1]
				continue
			}
		}
		break
	}
	return u
}

// cutSpan removes s[i:j] and mends the seam: one space, and no doubled
// punctuation (". ." → ".").
func cutSpan(s string, i, j int) string {
	left := strings.TrimRight(s[:i], " ")
	right := strings.TrimLeft(s[j:], " ")
	if left == "" {
		return strings.TrimLeft(right, ".,;: ")
	}
	if right == "" {
		return left
	}
	if strings.ContainsRune(".,;:", rune(left[len(left)-1])) {
		right = strings.TrimLeft(right, ".,;: ")
		if right == "" {
			return left
		}
	}
	return left + " " + right
}

// containsAnyOf reports whether s contains any of subs.
func containsAnyOf(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
