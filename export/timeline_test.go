package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// TestTimelineSVG: the image is well-formed XML with one circle per item,
// its texts escaped, and an axis that starts at the second percentile of
// the years, not at a lone classic.
func TestTimelineSVG(t *testing.T) {
	tl := &Timeline{Title: "A <timeline> & more", Note: "note"}
	lane := TimelineLane{Label: "#1 spin & torque", Color: "#4e79a7"}
	for i := range 100 {
		lane.Items = append(lane.Items, TimelineItem{Label: "W", Year: 2000 + i%10, Size: float64(i%7 + 1), Detail: "d"})
	}
	lane.Items = append(lane.Items, TimelineItem{Label: "Maxwell <1873>", Year: 1873, Size: 3, Labelled: true})
	tl.Lanes = append(tl.Lanes, lane, TimelineLane{Label: "#2", Color: "#f28e2b"})
	var b bytes.Buffer
	if err := tl.WriteSVG(&b); err != nil {
		t.Fatal(err)
	}
	circles, texts := 0, []string{}
	d := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			circles += map[bool]int{true: 1}[x.Name.Local == "circle"]
			inText = x.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(x))
			}
		case xml.EndElement:
			inText = false
		}
	}
	if circles != 101 {
		t.Errorf("%d circles, want 101", circles)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"A <timeline> & more", "#1 spin & torque", "Maxwell <1873>", "≤ 2000", "2009"} {
		if !strings.Contains(all, want) {
			t.Errorf("no text %q in %q", want, all)
		}
	}
	if strings.Contains(all, "1880") || strings.Contains(all, "1873|") {
		t.Errorf("the axis reaches back to the lone 1873 item: %q", all)
	}
}
