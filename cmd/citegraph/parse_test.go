package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// parse writes one CSL-JSON item per reference of the seed list with
// either parser, and both read the Ruffini article (reference 4) field for
// field: "Ruffini P B. Collaboration and competition: The twofold logic of
// science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382."
func TestParseSeedList(t *testing.T) {
	type item struct {
		Author []struct {
			Family string `json:"family"`
		} `json:"author"`
		Issued struct {
			DateParts [][]int `json:"date-parts"`
		} `json:"issued"`
		Title     string `json:"title"`
		Container string `json:"container-title"`
		Volume    string `json:"volume"`
		Issue     string `json:"issue"`
		Page      string `json:"page"`
	}
	for _, parser := range []string{"hybrid", "rules", "crf"} {
		out, errOut, code := runCmd(t, "", "parse", "--parser", parser, "../../testdata/seed/seed-references.txt")
		if code != 0 {
			t.Fatalf("--parser %s: exit %d: %s", parser, code, errOut)
		}
		var items []item
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatalf("--parser %s: %v", parser, err)
		}
		if len(items) != 17 {
			t.Fatalf("--parser %s: %d items, want the 17 references", parser, len(items))
		}
		r := items[3]
		if len(r.Author) != 1 || r.Author[0].Family != "Ruffini" || len(r.Issued.DateParts) != 1 || r.Issued.DateParts[0][0] != 2020 ||
			r.Title != "Collaboration and competition: The twofold logic of science diplomacy" ||
			r.Container != "The Hague Journal of Diplomacy" || r.Volume != "15" || r.Issue != "3" || r.Page != "371-382" {
			t.Errorf("--parser %s: reference 4 read as %+v", parser, r)
		}
	}
}

// parse --explain says which reader read each reference: the Web of
// Science reader a CR-shaped string, the rules alone Crossref's degraded
// rendering, the CRF (and the rules, when they mended its reading) the
// others; with --parser rules, the rules.
func TestParseExplain(t *testing.T) {
	in := "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371, DOI 10.1163/1871191x-bja10028\n" +
		"Ruffini P B. Collaboration and competition: The twofold logic of science diplomacy. The Hague Journal of Diplomacy, 2020, 15(3): 371-382.\n" +
		". CONCENTRATES. Chemical & Engineering News. 1976. 54. 37. 20\n"
	for _, tc := range []struct {
		parser string
		want   []string
	}{
		{"hybrid", []string{"wos", "crf", "rules"}},
		{"rules", []string{"rules", "rules", "rules"}},
	} {
		out, errOut, code := runCmd(t, in, "parse", "--format", "lines", "--explain", "--parser", tc.parser, "-")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		var items []struct {
			Title  string `json:"title"`
			Parser string `json:"parser"`
		}
		if err := json.Unmarshal([]byte(out), &items); err != nil {
			t.Fatal(err)
		}
		if len(items) != len(tc.want) {
			t.Fatalf("%d items, want %d", len(items), len(tc.want))
		}
		for k, it := range items {
			if it.Parser != tc.want[k] {
				t.Errorf("--parser %s: reference %d read by %q, want %q", tc.parser, k+1, it.Parser, tc.want[k])
			}
		}
	}
	if out, _, _ := runCmd(t, in, "parse", "--format", "lines", "-"); strings.Contains(out, `"parser"`) {
		t.Errorf("without --explain the items name their parser:\n%s", out)
	}
}
