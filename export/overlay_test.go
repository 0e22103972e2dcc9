package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestOverlayColors: the hostile network's years 2001, 1999 and 2020 span
// the scale from its 5th to 95th percentile, 1999 to 2020 (three values:
// the first and the last); 1999 takes viridis's first colour, 2020 its
// last, 2001 the mix of the first two at (2001−1999)/(2020−1999)·8 = 0.762
// of the way, and a node without a year is grey.
func TestOverlayColors(t *testing.T) {
	n := hostileNetwork(false)
	scores, lo, hi, ok := overlayScale(n, "year")
	if !ok || lo != 1999 || hi != 2020 || !math.IsNaN(scores[1]) {
		t.Fatalf("scale %v..%v, scores %v", lo, hi, scores)
	}
	f := 2.0 / 21 * 8
	mix := func(a, b int) int { return int(math.Round(float64(a) + f*float64(b-a))) }
	want2001 := "#" + hex2(mix(0x44, 0x47)) + hex2(mix(0x01, 0x2d)) + hex2(mix(0x54, 0x7b))
	for i, want := range []string{want2001, missingColor, "#440154", "#fde725", missingColor} {
		if got := overlayColor(scores[i], lo, hi); got != want {
			t.Errorf("node %d (%v): %s, want %s", i, scores[i], got, want)
		}
	}
	if _, _, _, ok := overlayScale(n, "nothing"); ok {
		t.Error("an overlay column that is not there")
	}
	m := &HTMLMap{Title: "t", Network: n, Overlay: &Overlay{Column: "nothing", Label: "x"}}
	if err := WriteHTMLMap(io.Discard, m); err == nil {
		t.Error("a map overlaid by a missing column was written")
	}
}

// TestVOSviewerScores: the map file has a score<…> column for each score
// present, in order, with the values as numbers and empty where missing;
// the JSON has them as "scores".
func TestVOSviewerScores(t *testing.T) {
	v := VOSviewer{Network: hostileNetwork(false), Scores: []VOSScore{{"year", "Pub. year"}, {"absent", "Nothing"}, {"pagerank", "PR, scaled"}}}
	var m bytes.Buffer
	if err := v.WriteMap(&m); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(m.String(), "\n")
	if want := "id\tlabel\tcluster\tweight<Citations>\tweight<Links>\tweight<Total link strength>\tscore<Pub. year>\tscore<\"PR, scaled\">"; lines[0] != want {
		t.Errorf("header %q\nwant   %q", lines[0], want)
	}
	for i, want := range [][2]string{{"2001", "0.25"}, {"", "1e-20"}, {"1999", ""}} {
		cells := strings.Split(lines[i+1], "\t")
		if got := [2]string{cells[6], cells[7]}; got != want {
			t.Errorf("row %d scores %q, want %q", i+1, got, want)
		}
	}
	var j bytes.Buffer
	if err := v.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Network struct {
			Items []struct {
				Scores map[string]float64 `json:"scores"`
			} `json:"items"`
		} `json:"network"`
	}
	if err := json.Unmarshal(j.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if s := doc.Network.Items[0].Scores; s["Pub. year"] != 2001 || s["PR, scaled"] != 0.25 || len(s) != 2 {
		t.Errorf("item 1 scores %v", s)
	}
	if s := doc.Network.Items[4].Scores; len(s) != 1 || s["PR, scaled"] != 0 {
		t.Errorf("item 5 scores %v", s)
	}
}

func hostileDiagram() *StrategicDiagram {
	return &StrategicDiagram{Title: `Themes <of> "x" & y`, XAxis: "centrality", YAxis: "density", XMedian: 1, YMedian: 30,
		Quadrants: [4]string{"motor", "niche", "emerging <or> declining", "basic"},
		Points: []DiagramPoint{
			{ID: "1", Label: "a & b", X: 2, Y: 40, Size: 10, Color: "#4e79a7", Detail: "</title><script>alert(1)</script>"},
			{ID: "2", Label: "赵刚", X: 0, Y: 20, Size: 3, Color: "#f28e2b"},
			{ID: "3", Label: "c", X: 1, Y: 30, Size: 0, Color: "#e15759"},
		}}
}

// TestStrategicDiagramSVG: the SVG is well-formed XML whatever the labels,
// has a circle per point, the larger first, and escapes every text.
func TestStrategicDiagramSVG(t *testing.T) {
	var buf bytes.Buffer
	if err := hostileDiagram().WriteSVG(&buf); err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(buf.Bytes()))
	var circles, scripts int
	var texts []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, buf.String())
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "circle":
				circles++
			case "script":
				scripts++
			}
		case xml.CharData:
			texts = append(texts, string(e))
		}
	}
	if circles != 3 || scripts != 0 {
		t.Errorf("%d circles, %d scripts", circles, scripts)
	}
	all := strings.Join(texts, "|")
	for _, want := range []string{"a & b", "赵刚", "emerging <or> declining", "</title><script>alert(1)</script>"} {
		if !strings.Contains(all, want) {
			t.Errorf("text %q missing", want)
		}
	}
	if i, j := strings.Index(buf.String(), `id="p1"`), strings.Index(buf.String(), `id="p2"`); i < 0 || j < i {
		t.Error("the largest point is not drawn first")
	}
}

// TestStrategicDiagramDOT: Graphviz's neato lays the diagram out with every
// point pinned where the diagram puts it.
func TestStrategicDiagramDOT(t *testing.T) {
	dot := RequireGraphviz(t)
	var buf bytes.Buffer
	if err := WriteDOT(&buf, hostileDiagram().DOT("diagram", "a test")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(filepath.Dir(dot), "neato"), "-Tsvg")
	cmd.Stdin = &buf
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil || strings.Contains(stderr.String(), "Error") {
		t.Fatalf("neato: %v: %s", err, stderr.String())
	}
	if !bytes.Contains(out, []byte("a &amp; b")) {
		t.Error("the points' labels are not drawn")
	}
}

// TestSankeyHTML: the page is one SVG drawing with a rect per node and a
// path per link, no script, every text escaped, and links as wide at
// either end as their values on the common scale.
func TestSankeyHTML(t *testing.T) {
	s := &Sankey{Title: "evolution <b>", Columns: []string{"2000", "2001"},
		Nodes: []SankeyNode{{0, "a <x>", 4, "#e15759", "d1"}, {0, "d", 2, "#4e79a7", "d2"}, {1, "a", 4, "#e15759", "</title><script>x</script>"}, {1, "c", 4, "#bab0ac", ""}},
		Links: []SankeyLink{{0, 2, 2, 3, "l1"}, {0, 3, 1, 1, "l2"}, {1, 3, 2, 2, "l3"}}}
	var buf bytes.Buffer
	if err := s.WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	if strings.Count(page, "<rect class=\"node\"") != 4 || strings.Count(page, "<path class=\"link\"") != 3 || scriptTag.MatchString(page) {
		t.Errorf("%d nodes, %d links, script %v", strings.Count(page, "<rect class=\"node\""), strings.Count(page, "<path class=\"link\""), scriptTag.MatchString(page))
	}
	for _, want := range []string{"evolution &lt;b&gt;", "a &lt;x&gt;", "&lt;/title&gt;&lt;script&gt;"} {
		if !strings.Contains(page, want) {
			t.Errorf("%q not in the page", want)
		}
	}
	// The fullest column (2001: 8, with one gap of 14) fills 760−70−40 = 650
	// pixels: scale (650−14)/8; the first node is 4·scale tall.
	scale := (650.0 - 14) / 8
	if want := `height="` + strconv.FormatFloat(4*scale, 'f', 1, 64) + `"`; !strings.Contains(page, want) {
		t.Errorf("no node %s", want)
	}
	// Link l1 leaves node 0 (top 70) 2·scale wide and enters node 2 3·scale wide.
	if want := fmt.Sprintf("L%s %s", strconv.FormatFloat(1200-30-18, 'f', 1, 64), strconv.FormatFloat(70+3*scale, 'f', 1, 64)); !strings.Contains(page, want) {
		t.Errorf("link l1 does not end at %s", want)
	}
}

// TestHTMLMapOverlayInChromium opens a map coloured by year: it loads
// without an error, shows the scale, and names the nodes as told.
func TestHTMLMapOverlayInChromium(t *testing.T) {
	n := hostileNetwork(false)
	ForceAtlas2(n, DefaultLayout(1))
	m := &HTMLMap{Title: "overlay", Network: n, Overlay: &Overlay{Column: "year", Label: "publication year"}, Item: "keyword", ByLabel: "In"}
	path := filepath.Join(t.TempDir(), "map.html")
	var buf bytes.Buffer
	if err := WriteHTMLMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := dumpDOM(t, path, "node=W1")
	d := bodyData(dom)
	if d["status"] != "ready" || d["errors"] != "" || strings.Contains(log, "Uncaught") {
		t.Fatalf("page state %v\n%s", d, log)
	}
	if d["overlay"] != "publication year" || !strings.Contains(dom, "Coloured by publication year") || !strings.Contains(dom, "1999 or less") {
		t.Errorf("no overlay scale: %v", d)
	}
	if !strings.Contains(dom, "5 keywords, 3 of 3 links drawn") || !strings.Contains(dom, "In 0 records") {
		t.Error("the nodes are not called keywords")
	}
}
