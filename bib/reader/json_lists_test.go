package reader

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// readSkipping reads every record of text in format f, the ParseErrors
// skipped as lenient mode does.
func readSkipping(t *testing.T, f Format, text, file string) (recs []*bib.Record, skipped []*bib.ParseError, err error) {
	t.Helper()
	rr, _, err := NewReader(f, strings.NewReader(text), file)
	if err != nil {
		t.Fatal(err)
	}
	recs, err = ReadAll(rr, func(pe *bib.ParseError) { skipped = append(skipped, pe) })
	return recs, skipped, err
}

// readLenient is readSkipping of in.json, each record named by its title
// and id.
func readLenient(t *testing.T, f Format, text string) (titles []string, skipped []*bib.ParseError, err error) {
	t.Helper()
	recs, skipped, err := readSkipping(t, f, text, "in.json")
	for _, r := range recs {
		titles = append(titles, r.Title+r.ID)
	}
	return titles, skipped, err
}

// TestJSONListSkipsBadItem: one item that is not JSON (NaN, a bad escape,
// a stray word) in a CSL-JSON array, Crossref's message.items or
// OpenAlex's results is skipped and reported with its line; the items
// after it are read.
func TestJSONListSkipsBadItem(t *testing.T) {
	bad := []string{
		`{"title": "bad", "score": NaN}`,
		`{"title": "bad \q escape", "x": [1, {"y": "]}"}]}`,
		`garbage`,
	}
	for _, c := range []struct {
		name   string
		format Format
		wrap   func(items string) string
		item   func(i int) string
		want   []string
	}{
		{"CSL-JSON array", FormatCSLJSON, func(s string) string { return "[\n" + s + "\n]\n" },
			func(i int) string { return fmt.Sprintf(`{"id": "w%d", "title": "T%d"}`, i, i) }, []string{"T1w1", "T2w2", "T3w3", "T4w4"}},
		{"Crossref message.items", FormatCrossref, func(s string) string {
			return `{"status": "ok", "message": {"total-results": 4, "items": [` + "\n" + s + "\n" + `], "items-per-page": 20}}`
		}, func(i int) string { return fmt.Sprintf(`{"DOI": "10.1/%d", "title": ["T%d"]}`, i, i) }, []string{"T1", "T2", "T3", "T4"}},
		{"OpenAlex results", FormatOpenAlex, func(s string) string { return `{"meta": {"count": 4}, "results": [` + "\n" + s + "\n]}" },
			func(i int) string { return fmt.Sprintf(`{"id": "https://openalex.org/W%d", "title": "T%d"}`, i, i) }, []string{"T1W1", "T2W2", "T3W3", "T4W4"}},
	} {
		for _, b := range bad {
			t.Run(c.name+" "+b, func(t *testing.T) {
				items := []string{c.item(1), c.item(2), b, c.item(3), c.item(4)}
				titles, skipped, err := readLenient(t, c.format, c.wrap(strings.Join(items, ",\n")))
				if err != nil {
					t.Fatal(err)
				}
				if !slices.Equal(titles, c.want) {
					t.Errorf("read %q, want %q", titles, c.want)
				}
				if len(skipped) != 1 || skipped[0].Line != 4 {
					t.Errorf("skipped %v, want the item on line 4", skipped)
				}
			})
		}
	}
	// A bad item last, and many bad items.
	titles, skipped, err := readLenient(t, FormatCSLJSON, `[{"id": "a", "title": "A"}, {"x": NaN}]`)
	if err != nil || !slices.Equal(titles, []string{"Aa"}) || len(skipped) != 1 {
		t.Errorf("bad last item: %q, %v, %v", titles, skipped, err)
	}
	var many []string
	for i := range 2000 {
		many = append(many, fmt.Sprintf(`{"id": "w%d", "title": "T"}`, i), `{"x": NaN}`)
	}
	titles, skipped, err = readLenient(t, FormatCSLJSON, "["+strings.Join(many, ",\n")+"]")
	if err != nil || len(titles) != 2000 || len(skipped) != 2000 || skipped[1999].Line != 4000 {
		t.Errorf("2,000 bad items: %d read, %d skipped, %v", len(titles), len(skipped), err)
	}
}

// TestJSONTooDeep: JSON nested 100,000 deep ends the reading with an error
// that says so, in lenient mode too.
func TestJSONTooDeep(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	for _, text := range []string{
		`{"items": ` + deep + `}`,
		`[{"id": "a", "title": "A"}, {"x": ` + deep + `}]`,
		`{"message": {"title": ["A"], "x": ` + deep + `}}`,
	} {
		_, _, err := readLenient(t, FormatCSLJSON, text)
		if !errors.Is(err, bib.ErrTooDeep) || !strings.Contains(err.Error(), "in.json:1:") {
			t.Errorf("got %v, want bib.ErrTooDeep with file and line", err)
		}
	}
}
