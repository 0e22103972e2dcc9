package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// ErrThesaurus marks a file that is not a thesaurus in VOSviewer's format;
// ReadThesaurus wraps it with the file and line.
var ErrThesaurus = errors.New("not a VOSviewer thesaurus")

// Thesaurus merges and drops node labels, as VOSviewer's thesaurus files
// and CiteSpace's alias and exclusion lists do: variant author names,
// keyword synonyms and acronyms, source name variants, cited-reference
// aliases. Labels are matched folded (bib.Fold: case, diacritics and
// punctuation aside), so "Ruffini, P.-B." matches "RUFFINI PB"'s entry.
// Replacements are applied once, not chained.
type Thesaurus struct {
	File    string
	replace map[string]string // folded label → replacement, "" to drop
}

// ReadThesaurus reads a thesaurus in VOSviewer's format: a tab-separated
// text file (UTF-8, with or without BOM) whose first line is the header
// "label<TAB>replace by", then one label a line with its replacement; an
// empty replacement (the tab still there) drops the label. Blank lines are
// skipped and cells may be enclosed in double quotes, as spreadsheets write
// them. A line without a tab or with more than two cells, an empty label, or
// a label given two different replacements is an error naming the line.
func ReadThesaurus(r io.Reader, file string) (*Thesaurus, error) {
	t := &Thesaurus{File: file, replace: map[string]string{}}
	first := map[string]int{} // folded label → line of its entry
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	line, header := 0, false
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %w: %s", file, line, ErrThesaurus, fmt.Sprintf(format, args...))
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			s = strings.TrimPrefix(s, "\uFEFF")
		}
		if !utf8.ValidString(s) {
			return nil, fail("bytes that are not UTF-8 (save the file as UTF-8)")
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		cells := strings.Split(s, "\t")
		for i := range cells {
			cells[i] = unquote(strings.TrimSpace(cells[i]))
		}
		if !header {
			if len(cells) != 2 || !strings.EqualFold(cells[0], "label") || !strings.EqualFold(cells[1], "replace by") {
				return nil, fail("the first line must be the header \"label<TAB>replace by\", not %q", s)
			}
			header = true
			continue
		}
		switch {
		case len(cells) == 1:
			return nil, fail("no tab between the label and its replacement in %q (a label to drop still needs the tab)", s)
		case len(cells) > 2:
			return nil, fail("%d tab-separated cells in %q; a line holds a label and its replacement", len(cells), s)
		}
		key := bib.Fold(cells[0])
		if key == "" {
			return nil, fail("an empty label in %q", s)
		}
		if prev, ok := t.replace[key]; ok {
			if bib.Fold(prev) != bib.Fold(cells[1]) {
				return nil, fail("label %q is replaced by %q here but by %q on line %d", cells[0], cells[1], prev, first[key])
			}
			continue
		}
		t.replace[key], first[key] = cells[1], line
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", file, line+1, err)
	}
	if !header {
		return nil, fmt.Errorf("%s: %w: the file is empty (a thesaurus starts with the header \"label<TAB>replace by\")", file, ErrThesaurus)
	}
	return t, nil
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
}

// Len is the number of labels the thesaurus replaces or drops.
func (t *Thesaurus) Len() int { return len(t.replace) }

// Lookup returns the replacement of a label ("" to drop it) and whether the
// thesaurus names the label.
func (t *Thesaurus) Lookup(label string) (string, bool) {
	if t == nil {
		return "", false
	}
	r, ok := t.replace[bib.Fold(label)]
	return r, ok
}

// Relabelling is what a thesaurus makes of a list of groups (the nodes of a
// network before linking: authors, sources, keywords, terms, works).
type Relabelling struct {
	Group []int32  // old group → new group; −1 where the thesaurus drops it
	Names []string // the new groups' names
	From  []int32  // new group → the old group whose id it keeps
	// Replaced counts the old groups given another name, Ignored those
	// dropped; Merged counts the old groups that joined another.
	Replaced, Ignored, Merged int
}

// Relabel applies the thesaurus to the groups named names (ids, when not
// nil, are matched too: a work's id as well as its label). A group the
// thesaurus renames joins the untouched group of that name, if any, or the
// other groups renamed alike; a group it drops is gone. A nil thesaurus
// changes nothing.
func (t *Thesaurus) Relabel(names, ids []string) *Relabelling {
	rl := &Relabelling{Group: make([]int32, len(names))}
	replacement := make([]string, len(names))
	renamed := make([]bool, len(names))
	for i, name := range names {
		r, ok := t.Lookup(name)
		if !ok && ids != nil {
			r, ok = t.Lookup(ids[i])
		}
		if ok && bib.Fold(r) != bib.Fold(name) {
			replacement[i], renamed[i] = r, true
		}
	}
	byName := map[string]int32{}
	add := func(old int, name string) int32 {
		g := int32(len(rl.Names))
		rl.Names = append(rl.Names, name)
		rl.From = append(rl.From, int32(old))
		return g
	}
	for i, name := range names {
		if renamed[i] {
			continue
		}
		rl.Group[i] = add(i, name)
		if k := bib.Fold(name); k != "" {
			if _, ok := byName[k]; !ok {
				byName[k] = rl.Group[i]
			}
		}
	}
	for i := range names {
		if !renamed[i] {
			continue
		}
		if replacement[i] == "" {
			rl.Group[i] = -1
			rl.Ignored++
			continue
		}
		rl.Replaced++
		k := bib.Fold(replacement[i])
		if g, ok := byName[k]; ok {
			rl.Group[i] = g
			rl.Merged++
			continue
		}
		rl.Group[i] = add(i, replacement[i])
		byName[k] = rl.Group[i]
	}
	return rl
}

// Single relabels a one-group-per-item assignment (as AuthorGroups and
// SourceGroups return), −1 staying −1.
func (rl *Relabelling) Single(group []int32) []int32 {
	out := make([]int32, len(group))
	for i, g := range group {
		out[i] = -1
		if g >= 0 {
			out[i] = rl.Group[g]
		}
	}
	return out
}

// Lists relabels per-item group lists (as RecordAuthors returns), each
// group once per item.
func (rl *Relabelling) Lists(lists [][]int32) [][]int32 {
	out := make([][]int32, len(lists))
	for i, l := range lists {
		for _, g := range l {
			if h := rl.Group[g]; h >= 0 && !slices.Contains(out[i], h) {
				out[i] = append(out[i], h)
			}
		}
	}
	return out
}

// Changed says what the relabelling did, for a summary line: "3 labels
// replaced (2 merged into others), 1 ignored".
func (rl *Relabelling) Changed() string {
	s := fmt.Sprintf("%d labels replaced", rl.Replaced)
	if rl.Replaced == 1 {
		s = "1 label replaced"
	}
	if rl.Merged > 0 {
		s += fmt.Sprintf(" (%d merged into others)", rl.Merged)
	}
	return s + fmt.Sprintf(", %d ignored", rl.Ignored)
}
