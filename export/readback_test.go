package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// Readback runs testdata/readback.py, which loads the files with the
// target tools' own readers (networkx, igraph). Python is looked for as the
// Debian interpreter first, whose python3-networkx and python3-igraph CI
// installs. Without it the tests skip, unless CITEGRAPH_REQUIRE_READBACK is
// set (as in CI), which also requires igraph.

// readerResult is what readback.py says of one file read by one reader.
type readerResult struct {
	Directed bool
	Nodes    int
	Edges    int
	Weight   float64
	Attrs    map[string]map[string]any
	Types    []string // "attribute:python type" over the nodes reported
}

func findPython(t *testing.T) string {
	t.Helper()
	required := os.Getenv("CITEGRAPH_REQUIRE_READBACK") != ""
	check := "import networkx"
	if required {
		check += ", igraph"
	}
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if path, err := exec.LookPath(p); err == nil {
			if exec.Command(path, "-c", check).Run() == nil {
				return path
			}
		}
	}
	if required {
		t.Fatalf("CITEGRAPH_REQUIRE_READBACK is set but no python3 can %q (apt-get install python3-networkx python3-igraph)", check)
	}
	t.Skip("python3 with networkx is not installed")
	return ""
}

// readBack writes nothing: it reads dir's files for the stems.
func readBack(t *testing.T, dir string, ids []string, stems ...string) map[string]map[string]readerResult {
	t.Helper()
	py := findPython(t)
	cmd := exec.Command(py, append([]string{"testdata/readback.py", dir}, stems...)...)
	cmd.Env = append(os.Environ(), "CITEGRAPH_IDS="+strings.Join(ids, ","))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readback.py: %v\n%s", err, stderr.String())
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatalf("readback.py output: %v\n%s", err, out)
	}
	t.Logf("readers: %s", raw["versions"])
	res := map[string]map[string]readerResult{}
	for _, s := range stems {
		var r map[string]readerResult
		if err := json.Unmarshal(raw[s], &r); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		res[s] = r
	}
	return res
}

// writeAll writes every graph format of n into dir as n.Name.<ext>.
func writeAll(t *testing.T, dir string, n *Network) {
	t.Helper()
	p, v := Pajek{n}, VOSviewer{Network: n}
	for name, write := range map[string]func(io.Writer) error{
		".graphml":               func(w io.Writer) error { return WriteGraphML(w, n) },
		".gexf":                  func(w io.Writer) error { return WriteGEXF(w, n) },
		".net":                   p.WriteNet,
		".clu":                   p.WriteClusters,
		".vec":                   p.WriteVector,
		"_vosviewer_map.txt":     v.WriteMap,
		"_vosviewer_network.txt": v.WriteNetwork,
		"_vosviewer.json":        v.WriteJSON,
		".json":                  func(w io.Writer) error { return WriteNodeLink(w, n) },
		".cyjs":                  func(w io.Writer) error { return WriteCytoscape(w, n) },
	} {
		if err := WriteFile(dir, n.Name+name, write); err != nil {
			t.Fatal(err)
		}
	}
}

// xmlWant is what an XML reader must give for a hostile text: characters
// XML 1.0 cannot hold are gone, invalid UTF-8 is U+FFFD, and everything else
// (quotes, <, &, ]]>, tabs, CR LF, astral characters) is kept.
var xmlWant = map[string]string{
	"Ctl\x01\x0b\ufffe end":  "Ctl end",
	"bad\x00\x1f bytes \xff": "bad bytes \ufffd",
}

// jsonWant is what a JSON reader must give: the text, invalid UTF-8 as U+FFFD.
func jsonWant(s string) string { return strings.ToValidUTF8(s, "\ufffd") }

func xmlText(s string) string {
	if w, ok := xmlWant[s]; ok {
		return w
	}
	return s
}

// check compares a read value with the wanted one: numbers as float64,
// text and booleans exactly; want nil means missing (absent, None, or
// igraph's empty string).
func check(t *testing.T, where string, attrs map[string]any, key string, want any) {
	t.Helper()
	got, present := attrs[key]
	switch w := want.(type) {
	case nil:
		if present && got != nil && got != "" {
			t.Errorf("%s: %s = %#v, want it missing", where, key, got)
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > 1e-12*math.Max(1, math.Abs(w)) {
			t.Errorf("%s: %s = %#v, want %v", where, key, got, w)
		}
	default:
		if got != want {
			t.Errorf("%s: %s = %#v, want %#v", where, key, got, want)
		}
	}
}

// typed is what a typed column's value reads back as, nil when missing.
func typed(c Column, s string) any {
	v, ok := typedValue(c.Type, s)
	if !ok {
		return nil
	}
	switch c.Type {
	case TypeInt, TypeDouble:
		var x float64
		fmt.Sscan(v, &x)
		return x
	case TypeBool:
		return v == "true"
	}
	return v
}

func TestReadBackHostile(t *testing.T) {
	dir := t.TempDir()
	nets := []*Network{hostileNetwork(true), hostileNetwork(false)}
	ForceAtlas2(nets[1], DefaultLayout(1))
	var stems []string
	for _, n := range nets {
		writeAll(t, dir, n)
		stems = append(stems, n.Name)
	}
	res := readBack(t, dir, nil, stems...)
	for _, n := range nets {
		weight := 0.0
		for _, l := range n.Links {
			weight += l.Weight
		}
		readers := []string{"graphml_networkx", "graphml_igraph", "gexf_networkx", "pajek_networkx", "pajek_igraph", "json_networkx", "cyjs_networkx"}
		for _, reader := range readers {
			r, ok := res[n.Name][reader]
			if !ok {
				if strings.HasSuffix(reader, "_igraph") && os.Getenv("CITEGRAPH_REQUIRE_READBACK") == "" {
					continue
				}
				t.Errorf("%s: %s did not read it", n.Name, reader)
				continue
			}
			where := n.Name + " by " + reader
			if r.Directed != n.Directed || r.Nodes != len(n.Nodes) || r.Edges != len(n.Links) || math.Abs(r.Weight-weight) > 1e-9 {
				t.Errorf("%s: directed %v, %d nodes, %d edges of weight %v; want %v, %d, %d, %v",
					where, r.Directed, r.Nodes, r.Edges, r.Weight, n.Directed, len(n.Nodes), len(n.Links), weight)
			}
			if strings.HasPrefix(reader, "pajek") {
				checkPajek(t, where, n, r)
				continue
			}
			// The typed attributes arrive typed: Python int, float, bool
			// and str (igraph has no integers: its numbers are floats).
			wantTypes := []string{"year:int", "cluster:int", "pagerank:float", "in_corpus:bool", "title:str", "label:str"}
			if reader == "graphml_igraph" {
				wantTypes = []string{"year:float", "cluster:float", "pagerank:float", "in_corpus:bool", "title:str", "label:str"}
			}
			for _, typ := range wantTypes {
				if !slices.Contains(r.Types, typ) {
					t.Errorf("%s: no attribute of type %s among %q", where, typ, r.Types)
				}
			}
			for _, typ := range r.Types {
				name := typ[:strings.Index(typ, ":")]
				if name != "viz" && name != "id" && name != "value" && name != "name" && !slices.Contains(wantTypes, typ) && !strings.HasSuffix(typ, ":NoneType") &&
					!slices.Contains([]string{"color:str", "size:float", "x:float", "y:float"}, typ) {
					t.Errorf("%s: unexpected attribute type %s", where, typ)
				}
			}
			for _, nd := range n.Nodes {
				id := jsonWant(nd.ID)
				if reader == "graphml_igraph" {
					// igraph 0.10 (libxml2) gives & in an id attribute as "&#38;".
					id = strings.ReplaceAll(id, "&", "&#38;")
				}
				a, ok := r.Attrs[id]
				if !ok {
					t.Errorf("%s: no node %q among %d", where, id, len(r.Attrs))
					continue
				}
				text := xmlText
				if strings.HasPrefix(reader, "json") || strings.HasPrefix(reader, "cyjs") {
					text = jsonWant
				}
				w := where + " node " + nd.ID
				check(t, w, a, "label", text(nd.Label))
				for i, c := range n.Columns {
					if c.Name == "id" || c.Name == "label" {
						continue
					}
					want := typed(c, nd.Values[i])
					if s, ok := want.(string); ok {
						want = text(s)
					}
					if want == nil && c.Type == TypeBool && reader == "graphml_igraph" {
						want = false // igraph has no missing boolean
					}
					check(t, w, a, c.Name, want)
				}
				switch reader {
				case "gexf_networkx":
					viz, _ := a["viz"].(map[string]any)
					color, _ := viz["color"].(map[string]any)
					r, g, b := rgb(ClusterColor(nd.Cluster))
					check(t, w+" viz", color, "r", float64(r))
					check(t, w+" viz", color, "g", float64(g))
					check(t, w+" viz", color, "b", float64(b))
					check(t, w+" viz", viz, "size", NodeSize(nd.Weight))
					if n.Layout {
						pos, _ := viz["position"].(map[string]any)
						check(t, w+" viz", pos, "x", nd.X)
						check(t, w+" viz", pos, "y", nd.Y)
					}
				case "cyjs_networkx":
					check(t, w, a, "name", jsonWant(nd.Label))
					check(t, w, a, "color", ClusterColor(nd.Cluster))
				default:
					check(t, w, a, "color", ClusterColor(nd.Cluster))
					if n.Layout {
						check(t, w, a, "x", nd.X)
						check(t, w, a, "y", nd.Y)
					}
				}
			}
		}
	}
}

// checkPajek checks the vertices Pajek readers name by their labels.
func checkPajek(t *testing.T, where string, n *Network, r readerResult) {
	t.Helper()
	labels := Pajek{n}.Labels()
	var xs, ys []float64
	if n.Layout {
		xs, ys = unitScale(n)
	}
	for i, l := range labels {
		a, ok := r.Attrs[l]
		if !ok {
			t.Errorf("%s: no vertex %q", where, l)
			continue
		}
		if strings.HasSuffix(where, "networkx") {
			check(t, where, a, "id", fmt.Sprint(i+1))
		}
		if n.Layout {
			check(t, where+" "+l, a, "x", math.Round(xs[i]*1e4)/1e4)
			check(t, where+" "+l, a, "y", math.Round(ys[i]*1e4)/1e4)
		}
	}
	// The hostile labels as Pajek shows them.
	for _, want := range []string{`<b>&amp; ]]> 'x' /y`, "Line break", "赵刚 2020"} {
		if _, ok := r.Attrs[want]; !ok {
			t.Errorf("%s: no vertex %q", where, want)
		}
	}
}
