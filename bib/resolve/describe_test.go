package resolve

import (
	"reflect"
	"slices"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// TestSameFieldsEveryField changes each field of a reference in turn: a
// field sameFields did not compare would let two references share a
// description key made from the other's fields.
func TestSameFieldsEveryField(t *testing.T) {
	base := bib.Reference{Raw: "Ruffini PB, 2017, SCI DIPLOMACY", ID: "", Work: bib.Work{
		Type: "book", Authors: []bib.Name{{Family: "Ruffini", Given: "P.-B."}}, Year: 2017,
		Title: "Science and Diplomacy", Container: "c", ContainerShort: "cs", Volume: "1", Issue: "2",
		Pages: "3", Publisher: "Springer", Place: "Cham", DOI: "10.1007/978-3-319-55104-3", URL: "u", Original: "o",
	}}
	same := base
	same.Authors = slices.Clone(base.Authors)
	if !sameFields(&base, &same) {
		t.Fatal("a copy differs")
	}
	changed := func(edit func(r *bib.Reference)) bool {
		r := base
		r.Authors = slices.Clone(base.Authors)
		edit(&r)
		return !sameFields(&base, &r)
	}
	if !changed(func(r *bib.Reference) { r.ID = "W1" }) {
		t.Error("ID not compared")
	}
	if !changed(func(r *bib.Reference) { r.Authors[0].Given = "P." }) {
		t.Error("Authors not compared")
	}
	w := reflect.TypeOf(bib.Work{})
	for i := range w.NumField() {
		f := w.Field(i)
		if f.Type.Kind() == reflect.Slice {
			continue // Authors, above
		}
		if !changed(func(r *bib.Reference) {
			v := reflect.ValueOf(&r.Work).Elem().Field(i)
			switch v.Kind() {
			case reflect.String:
				v.SetString(v.String() + "x")
			case reflect.Int:
				v.SetInt(v.Int() + 1)
			default:
				t.Fatalf("field %s of kind %s: teach the test and sameFields", f.Name, v.Kind())
			}
		}) {
			t.Errorf("Work.%s not compared", f.Name)
		}
	}
}

// TestDescriptionKeysShared checks that references read alike share a
// key's number, whether worded alike or not, and that a reference worded
// alike but read otherwise gets its own.
func TestDescriptionKeysShared(t *testing.T) {
	a := &bib.Reference{Raw: "Gluckman P, 2017, SCI DIPLOMACY, V6, P1", Work: bib.Work{
		Authors: []bib.Name{{Family: "Gluckman", Given: "P"}}, Year: 2017, ContainerShort: "SCI DIPLOMACY", Volume: "6", Pages: "1"}}
	b := &bib.Reference{Raw: a.Raw, Work: a.Work}
	b.Authors = slices.Clone(a.Authors)
	c := &bib.Reference{Raw: a.Raw, Work: a.Work}
	c.Year = 2018
	d := &bib.Reference{Raw: "no year", Work: bib.Work{Title: "Untitled"}}
	keys, count := descriptionKeys([]*bib.Reference{a, b, c, d})
	if want := []int32{0, 0, 1, -1}; !slices.Equal(keys, want) || count != 2 {
		t.Errorf("keys = %v (%d), want %v (2)", keys, count, want)
	}
	if sp := new(splitter); slices.Equal(appendDescriptionKey(nil, sp, a), appendDescriptionKey(nil, sp, c)) {
		t.Error("another year, the same key")
	}
	// Worded otherwise, read alike: the same key.
	e := &bib.Reference{Raw: "GLUCKMAN P, 2017, SCI DIPLOMACY, V6, P1", Work: a.Work}
	if keys, _ := descriptionKeys([]*bib.Reference{a, e}); keys[0] != keys[1] || keys[0] < 0 {
		t.Errorf("keys = %v, want one number", keys)
	}
}
