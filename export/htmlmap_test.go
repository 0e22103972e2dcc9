package export

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func hostileMap(t *testing.T) (*HTMLMap, string) {
	t.Helper()
	n := hostileNetwork(false)
	ForceAtlas2(n, DefaultLayout(1))
	m := &HTMLMap{Title: `Map of <script>alert("t")</script>`, Note: "a & b", Network: n,
		CitedBy: [][]int{{0, 1}, {1}, {}, {0}, nil},
		Records: []MapRecord{{"R1", "Rec </script> 1", "<img src=x onerror=alert(1)>"}, {"R2", "Rec 2", "\u2028title"}}}
	var buf bytes.Buffer
	if err := WriteHTMLMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	return m, buf.String()
}

var scriptTag = regexp.MustCompile(`(?i)<script`)

// TestHTMLMapEscapes: the page has its three script elements and no other,
// the data JSON is intact, and the title is text.
func TestHTMLMapEscapes(t *testing.T) {
	m, page := hostileMap(t)
	if got := len(scriptTag.FindAllString(page, -1)); got != 3 {
		t.Errorf("%d <script> tags, want 3 (data, Cytoscape.js, map.js)", got)
	}
	if !strings.Contains(page, "<title>Map of &lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt;</title>") {
		t.Error("the title is not escaped")
	}
	start := strings.Index(page, `<script type="application/json" id="citegraph-data">`)
	rest := page[start:]
	rest = rest[strings.Index(rest, ">")+1:]
	body := rest[:strings.Index(rest, "</script>")]
	if strings.ContainsAny(body, "<>&\u2028\u2029") {
		t.Error("the data JSON holds a raw <, >, & or line separator")
	}
	var d mapData
	if err := json.Unmarshal([]byte(body), &d); err != nil {
		t.Fatalf("data: %v", err)
	}
	if len(d.Nodes) != len(m.Network.Nodes) || len(d.Edges) != len(m.Network.Links) || d.Nodes[2].Values[2] != m.Network.Nodes[2].Values[2] ||
		d.Records[0][0] != "R1" || d.Records[0][2] != m.Records[0].Title || len(d.Nodes[0].By) != 2 {
		t.Errorf("data read back: %+v", d)
	}
	tmpl, _ := assets.ReadFile("assets/map.html")
	if regexp.MustCompile(`(?i)<(link|img|iframe)\b|\b(src|href)\s*=`).Match(tmpl) {
		t.Error("the page loads something: it must be self-contained")
	}
}

// TestHTMLMapKeepsStrongestLinks draws the backbone: the MaxLinks
// strongest links and each work's strongest.
func TestHTMLMapKeepsStrongestLinks(t *testing.T) {
	m, _ := hostileMap(t)
	n := m.Network
	n.Links = []Link{n.Links[0], n.Links[1], {1, 3, 0.5}, n.Links[2]}
	m.MaxLinks = 1
	var buf bytes.Buffer
	if err := WriteHTMLMap(&buf, m); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"edges":[[0,1,3],[0,3,1.5],[2,4,2]]`) || !strings.Contains(buf.String(), `"linksTotal":4`) {
		t.Error("not the strongest link and each work's strongest")
	}
}

// TestVendoredAssetsArePinned checks the embedded Cytoscape.js against the
// checksum in assets/README.md, and that no asset can end a script element.
func TestVendoredAssetsArePinned(t *testing.T) {
	js, err := assets.ReadFile("assets/cytoscape.min.js")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(js)
	readme, _ := os.ReadFile("assets/README.md")
	if !bytes.Contains(readme, []byte(hex.EncodeToString(sum[:]))) {
		t.Errorf("cytoscape.min.js has sha256 %x, not the one assets/README.md pins", sum)
	}
	if _, err := os.Stat("assets/LICENSE.cytoscape"); err != nil {
		t.Error("the licence of Cytoscape.js must ship with it")
	}
	for _, f := range []string{"assets/cytoscape.min.js", "assets/map.js"} {
		b, _ := assets.ReadFile(f)
		if bytes.Contains(bytes.ToLower(b), []byte("</script")) || bytes.Contains(b, []byte("<!--")) {
			t.Errorf("%s would end or confuse its script element", f)
		}
	}
}

// chromium returns headless Chromium, skipping without it unless
// CITEGRAPH_REQUIRE_BROWSER is set.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CITEGRAPH_REQUIRE_BROWSER") != "" {
		t.Fatal("CITEGRAPH_REQUIRE_BROWSER is set but Chromium is not installed")
	}
	t.Skip("Chromium not installed")
	return ""
}

// DumpDOM loads page#fragment in headless Chromium and returns the DOM
// after the page's script has run, and what Chromium logged.
func dumpDOM(t *testing.T, page, fragment string) (dom, log string) {
	t.Helper()
	bin := chromium(t)
	u := url.URL{Scheme: "file", Path: page, Fragment: fragment}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--enable-logging=stderr", "--v=0",
		"--virtual-time-budget=5000", "--window-size=1200,800", "--dump-dom", u.String())
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := runWithTimeout(cmd, 90); err != nil {
		t.Fatalf("chromium: %v\n%s", err, stderr.String())
	}
	return out.String(), stderr.String()
}

var bodyAttr = regexp.MustCompile(`<body([^>]*)>`)

// bodyData returns the data-* attributes of the dumped page's body.
func bodyData(dom string) map[string]string {
	m := map[string]string{}
	b := bodyAttr.FindStringSubmatch(dom)
	if b == nil {
		return m
	}
	for _, a := range regexp.MustCompile(`data-([a-z]+)="([^"]*)"`).FindAllStringSubmatch(b[1], -1) {
		m[a[1]] = a[2]
	}
	return m
}

// TestHTMLMapInChromium opens the hostile map, searching for a work by its
// Chinese author and selecting a work whose title is markup: it loads
// without an error, draws every node, finds the work, shows the title as
// text, and runs none of the markup.
func TestHTMLMapInChromium(t *testing.T) {
	_, page := hostileMap(t)
	path := filepath.Join(t.TempDir(), "map.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dom, log := dumpDOM(t, path, "search=赵刚&node=W3")
	d := bodyData(dom)
	if d["status"] != "ready" || d["errors"] != "" || strings.Contains(log, "Uncaught") {
		t.Fatalf("page state %v; errors: %s\n%s", d, regexp.MustCompile(`(?s)<pre id="errors".*?</pre>`).FindString(dom), log)
	}
	if d["nodes"] != "5" || d["drawn"] != "5" || d["edges"] != "3" {
		t.Errorf("nodes %s, drawn %s, edges %s; want 5, 5, 3", d["nodes"], d["drawn"], d["edges"])
	}
	if d["matches"] != "1" || !strings.Contains(dom, `<li data-id="赵刚 2020">`) {
		t.Errorf("search for 赵刚: %s matches", d["matches"])
	}
	if d["selected"] != "W3" {
		t.Errorf("selecting W3: %v", d)
	}
	if !strings.Contains(dom, "&lt;b&gt;&amp;amp; ]]&gt; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("W3's title is not shown as text")
	}
	if got := len(scriptTag.FindAllString(dom, -1)); got != 3 {
		t.Errorf("%d script elements in the live page: markup from the data got in", got)
	}
}
