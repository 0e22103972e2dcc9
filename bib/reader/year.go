package reader

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/bib"
)

// readYear reads a field that holds a year. A plain year ("2020") is read
// as it is; anything else is reported in repair: a year with text after it
// ("2020x", "2020.0") reads as the year, and what does not begin with one
// ("1e309", "n.d.") as unknown (0).
func readYear(s string) (year int, repair string) {
	s = strings.TrimSpace(s)
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	switch {
	case s == "":
		return 0, ""
	case digits == len(s) && digits <= 4:
		year, _ = strconv.Atoi(s)
		return year, ""
	case digits == 4:
		year, _ = strconv.Atoi(s[:4])
		return year, fmt.Sprintf("year %q read as %d", truncate(s, 40), year)
	}
	return 0, fmt.Sprintf("year %q is not a year: left unknown", truncate(s, 40))
}

// setYear sets the record's year from a year field, noting a repair.
func setYear(rec *bib.Record, s string) {
	year, repair := readYear(s)
	rec.Year = year
	if repair != "" {
		rec.Repairs = append(rec.Repairs, bib.Repair{Reason: repair})
	}
}
