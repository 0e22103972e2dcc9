package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

func render(t *testing.T, write func(io.Writer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestXMLIsWellFormed parses GraphML and GEXF with Go's strict XML decoder
// and checks the text that must not appear raw.
func TestXMLIsWellFormed(t *testing.T) {
	for _, directed := range []bool{true, false} {
		n := hostileNetwork(directed)
		ForceAtlas2(n, DefaultLayout(3))
		for name, out := range map[string]string{
			"graphml": render(t, func(w io.Writer) error { return WriteGraphML(w, n) }),
			"gexf":    render(t, func(w io.Writer) error { return WriteGEXF(w, n) }),
		} {
			dec := xml.NewDecoder(strings.NewReader(out))
			nodes, edges := 0, 0
			var texts []string
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v\n%s", name, err, out)
				}
				switch e := tok.(type) {
				case xml.StartElement:
					switch e.Name.Local {
					case "node":
						nodes++
					case "edge":
						edges++
					}
					for _, a := range e.Attr {
						texts = append(texts, a.Value)
					}
				case xml.CharData:
					texts = append(texts, string(e))
				}
			}
			if nodes != len(n.Nodes) || edges != len(n.Links) {
				t.Errorf("%s: %d nodes, %d edges", name, nodes, edges)
			}
			if strings.Contains(out, "]]>") || strings.Contains(out, "<script>") {
				t.Errorf("%s holds markup of a title unescaped", name)
			}
			joined := strings.Join(texts, "\n")
			for _, want := range []string{"<b>&amp; ]]> </script><script>alert(1)</script>", "Line\nbreak\r\nand\ttab", "Unicode: 赵刚 — ﬁ \u2028 \U0001F600", `W<&"2>`} {
				if !strings.Contains(joined, want) {
					t.Errorf("%s: %q does not read back", name, want)
				}
			}
		}
	}
}

func TestGraphMLKeysAreTyped(t *testing.T) {
	out := render(t, func(w io.Writer) error { return WriteGraphML(w, hostileNetwork(false)) })
	for _, want := range []string{
		`attr.name="year" attr.type="int"`, `attr.name="in_corpus" attr.type="boolean"`,
		`attr.name="pagerank" attr.type="double"`, `attr.name="title" attr.type="string"`,
		`attr.name="cluster" attr.type="int"`, `for="edge" attr.name="weight" attr.type="double"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no key %s", want)
		}
	}
	if strings.Contains(out, `attr.name="id"`) {
		t.Error("the id column is the node id, not a key (igraph keeps ids in an id attribute)")
	}
}

func TestVOSviewerFiles(t *testing.T) {
	n := hostileNetwork(false)
	ForceAtlas2(n, DefaultLayout(1))
	v := VOSviewer{Network: n}
	lines := strings.Split(strings.TrimSuffix(render(t, v.WriteMap), "\n"), "\n")
	if lines[0] != "id\tlabel\tcluster\tweight<Citations>\tweight<Links>\tweight<Total link strength>\tx\ty" {
		t.Errorf("header %q", lines[0])
	}
	if len(lines) != len(n.Nodes)+1 {
		t.Fatalf("%d lines", len(lines))
	}
	links, strength := n.Degrees()
	for i, l := range lines[1:] {
		cells := strings.Split(l, "\t")
		if len(cells) != 8 {
			t.Fatalf("line %d has %d cells: %q", i+2, len(cells), l)
		}
		nd := n.Nodes[i]
		wantCluster := ""
		if nd.Cluster > 0 {
			wantCluster = strconv.Itoa(nd.Cluster)
		}
		if cells[0] != strconv.Itoa(i+1) || cells[2] != wantCluster || cells[3] != Float(nd.Weight) ||
			cells[4] != strconv.Itoa(links[i]) || cells[5] != Float(strength[i]) {
			t.Errorf("line %d: %q", i+2, l)
		}
		if strings.ContainsAny(cells[1], "\r\n\x01") || strings.Contains(strings.Trim(cells[1], `"`), `"`) {
			t.Errorf("label cell %q", cells[1])
		}
		x, _ := strconv.ParseFloat(cells[6], 64)
		if math.Abs(x-nd.X) > 1e-4 {
			t.Errorf("x %v, want %v", x, nd.X)
		}
	}
	if got := lines[3]; !strings.Contains(got, "\t\"<b>&amp; ]]> 'x' \\y\"\t") { // quoted for its ;
		t.Errorf("label of W3: %q", got)
	}
	// A label with a comma or semicolon is quoted; clusters stop at 1000.
	n.Nodes[0].Label, n.Nodes[1].Cluster = `Smith, J; "Jr"`, 1001
	lines = strings.Split(render(t, v.WriteMap), "\n")
	if !strings.HasPrefix(lines[1], "1\t\"Smith, J; 'Jr'\"\t1\t") || !strings.HasPrefix(lines[2], "2\tLine break\t\t") {
		t.Errorf("quoting or cluster limit: %q", lines[1:3])
	}
	net := strings.Split(strings.TrimSpace(render(t, v.WriteNetwork)), "\n")
	if len(net) != len(n.Links) || net[0] != "1\t2\t3" || net[2] != "3\t5\t2" {
		t.Errorf("network file %q", net)
	}

	var online struct {
		Network struct {
			Items []struct {
				ID          int
				Label       string
				Description string
				Cluster     int
				X, Y        float64
				Weights     map[string]float64
			}
			Links []struct {
				SourceID int `json:"source_id"`
				TargetID int `json:"target_id"`
				Strength float64
			}
		}
	}
	if err := json.Unmarshal([]byte(render(t, v.WriteJSON)), &online); err != nil {
		t.Fatal(err)
	}
	items := online.Network.Items
	if len(items) != len(n.Nodes) || len(online.Network.Links) != len(n.Links) {
		t.Fatalf("%d items, %d links", len(items), len(online.Network.Links))
	}
	if items[2].Label != n.Nodes[2].Label || items[0].Weights["Total link strength"] != 4.5 || items[0].Weights["Links"] != 2 || items[0].Weights["Citations"] != 5 {
		t.Errorf("item %+v", items[0])
	}
	// The description is HTML: a title's markup must arrive as text.
	if d := items[2].Description; !strings.Contains(d, "&lt;/script&gt;&lt;script&gt;") || strings.Contains(d, "<script>") {
		t.Errorf("description %q", d)
	}
	if l := online.Network.Links[2]; l.SourceID != 3 || l.TargetID != 5 || l.Strength != 2 {
		t.Errorf("link %+v", l)
	}
}

func TestPajekPartitionAndVector(t *testing.T) {
	n := hostileNetwork(true)
	p := Pajek{n}
	clu := strings.Split(strings.TrimSpace(render(t, p.WriteClusters)), "\n")
	vec := strings.Split(strings.TrimSpace(render(t, p.WriteVector)), "\n")
	if strings.Join(clu, ",") != "*Vertices 5,1,2,0,1,3" {
		t.Errorf(".clu %q", clu)
	}
	if strings.Join(vec, ",") != "*Vertices 5,5,0,2,1,0" {
		t.Errorf(".vec %q", vec)
	}
	net := render(t, p.WriteNet)
	if !strings.Contains(net, "*Arcs\n1 2 1\n") || !strings.Contains(net, `3 "<b>&amp; ]]> 'x' /y"`) {
		t.Errorf(".net:\n%s", net)
	}
	// Labels that are not unique give way to ids.
	n.Nodes[1].Label = n.Nodes[0].Label
	if l := p.Labels(); l[0] != "W1" || l[1] != `W<&'2>` {
		t.Errorf("labels %q", l)
	}
}

// TestJSONTypes decodes the node-link and Cytoscape JSON and checks types.
func TestJSONTypes(t *testing.T) {
	n := hostileNetwork(false)
	ForceAtlas2(n, DefaultLayout(1))
	var nl struct {
		Directed bool
		Nodes    []map[string]any
		Links    []map[string]any
	}
	if err := json.Unmarshal([]byte(render(t, func(w io.Writer) error { return WriteNodeLink(w, n) })), &nl); err != nil {
		t.Fatal(err)
	}
	if nl.Directed || len(nl.Nodes) != 5 || len(nl.Links) != 3 {
		t.Fatalf("%+v", nl)
	}
	a := nl.Nodes[0]
	if a["id"] != "W1" || a["year"] != 2001.0 || a["in_corpus"] != true || a["pagerank"] != 0.25 || a["cluster"] != 1.0 || a["title"] != `Quote " and backslash \ end\` {
		t.Errorf("node %v", a)
	}
	if _, ok := nl.Nodes[2]["pagerank"]; ok {
		t.Error("a missing value must be left out")
	}
	if nl.Nodes[4]["title"] != "bad\x00\x1f bytes \ufffd" {
		t.Errorf("title %q", nl.Nodes[4]["title"])
	}
	out := render(t, func(w io.Writer) error { return WriteCytoscape(w, n) })
	if strings.ContainsAny(out, "<>&\u2028") {
		t.Error("the JSON must escape <, >, & and U+2028 so it can sit in HTML")
	}
	var cy struct {
		Elements struct {
			Nodes []struct {
				Data     map[string]any
				Position struct{ X, Y float64 }
			}
			Edges []struct{ Data map[string]any }
		}
	}
	if err := json.Unmarshal([]byte(out), &cy); err != nil {
		t.Fatal(err)
	}
	if len(cy.Elements.Nodes) != 5 || len(cy.Elements.Edges) != 3 || cy.Elements.Nodes[3].Position.X != n.Nodes[3].X {
		t.Errorf("%+v", cy)
	}
	if e := cy.Elements.Edges[0].Data; e["source"] != "W1" || e["target"] != `W<&"2>` || e["weight"] != 3.0 {
		t.Errorf("edge %v", e)
	}
}

func TestWritersAreDeterministic(t *testing.T) {
	write := func() string {
		n := hostileNetwork(false)
		ForceAtlas2(n, DefaultLayout(7))
		var all strings.Builder
		for _, f := range []func(io.Writer) error{
			func(w io.Writer) error { return WriteGraphML(w, n) },
			func(w io.Writer) error { return WriteGEXF(w, n) },
			Pajek{n}.WriteNet, VOSviewer{Network: n}.WriteMap, VOSviewer{Network: n}.WriteJSON,
			func(w io.Writer) error { return WriteNodeLink(w, n) },
			func(w io.Writer) error { return WriteCytoscape(w, n) },
		} {
			all.WriteString(render(t, f))
		}
		return all.String()
	}
	if write() != write() {
		t.Error("two writes differ")
	}
}
