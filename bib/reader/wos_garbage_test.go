package reader

import "testing"

// TestWoSGarbageLineKeepsRecord: a garbage line inside a record is skipped
// and reported; the record keeps every field and reference around it, and
// no second record is made of its tail.
func TestWoSGarbageLineKeepsRecord(t *testing.T) {
	text := "FN Clarivate Analytics Web of Science\nVR 1.0\n" +
		"PT J\nAU Smith, J\nTI A title\nPY 2020\n" +
		"CR Jones K, 2001, SCIENCE, V1, P1\n   Lee M, 2002, CELL, V2, P2\n" +
		"\x00\x01 binary junk \xff\n" + // line 9
		"   Wu X, 2003, NATURE, V3, P3\n   Kim Y, 2004, PNAS, V4, P4\nUT WOS:1\nER\n\n" +
		"PT J\nAU Lee, M\nTI Second\nPY 2021\nCR Smith J, 2020, NATURE, V1, P1\nUT WOS:2\nER\nEF\n"
	recs, skipped, err := readSkipping(t, FormatWoS, text, "savedrecs.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].ID != "WOS:1" || recs[1].ID != "WOS:2" {
		t.Fatalf("read %d records: %v", len(recs), recs)
	}
	if n := len(recs[0].References); n != 4 || recs[0].Title != "A title" || recs[0].Year != 2020 {
		t.Errorf("the damaged record: %d references, title %q, year %d; want 4, A title, 2020", n, recs[0].Title, recs[0].Year)
	}
	if len(skipped) != 1 || skipped[0].Line != 9 {
		t.Errorf("skipped %v, want line 9", skipped)
	}
}
