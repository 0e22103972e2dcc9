package export

import (
	"bufio"
	"io"
	"strings"
)

// Attr is one DOT attribute. Attributes are written in the order given.
type Attr struct{ Key, Value string }

// DOTNode is a node with its attributes.
type DOTNode struct {
	ID    string
	Attrs []Attr
}

// DOTEdge is an edge with its attributes.
type DOTEdge struct {
	From, To string
	Attrs    []Attr
}

// DOTGraph is a graph to write as Graphviz DOT.
type DOTGraph struct {
	Name      string
	Directed  bool
	Comments  []string // written as "//" lines before the graph
	Graph     []Attr   // graph attributes
	NodeStyle []Attr   // default node attributes
	EdgeStyle []Attr   // default edge attributes
	Nodes     []DOTNode
	Edges     []DOTEdge
}

// WriteDOT writes g in the DOT language. Every id and value is quoted and
// escaped, so labels may hold any text.
func WriteDOT(w io.Writer, g *DOTGraph) error {
	bw := bufio.NewWriter(w)
	for _, c := range g.Comments {
		for _, line := range strings.Split(c, "\n") {
			bw.WriteString("// " + line + "\n")
		}
	}
	kind, arrow := "graph", " -- "
	if g.Directed {
		kind, arrow = "digraph", " -> "
	}
	bw.WriteString(kind + " " + quote(g.Name) + " {\n")
	writeDefault := func(what string, attrs []Attr) {
		if len(attrs) > 0 {
			bw.WriteString("\t" + what + " ")
			writeAttrs(bw, attrs)
			bw.WriteString(";\n")
		}
	}
	writeDefault("graph", g.Graph)
	writeDefault("node", g.NodeStyle)
	writeDefault("edge", g.EdgeStyle)
	for _, n := range g.Nodes {
		bw.WriteString("\t" + quoteID(n.ID))
		if len(n.Attrs) > 0 {
			bw.WriteByte(' ')
			writeAttrs(bw, n.Attrs)
		}
		bw.WriteString(";\n")
	}
	for _, e := range g.Edges {
		bw.WriteString("\t" + quoteID(e.From) + arrow + quoteID(e.To))
		if len(e.Attrs) > 0 {
			bw.WriteByte(' ')
			writeAttrs(bw, e.Attrs)
		}
		bw.WriteString(";\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

func writeAttrs(bw *bufio.Writer, attrs []Attr) {
	bw.WriteByte('[')
	for i, a := range attrs {
		if i > 0 {
			bw.WriteString(", ")
		}
		bw.WriteString(a.Key + "=" + quote(a.Value))
	}
	bw.WriteByte(']')
}

// quoteID makes a node id a DOT double-quoted string that Graphviz reads
// back as the id itself, so that DOT ids equal the CSV ids: only quotes are
// escaped; tabs, line breaks and backslashes stay as they are. DOT cannot
// hold a NUL (dropped), nor a backslash before a quote, a line break or the
// closing quote (doubled: the id then reads with two).
func quoteID(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			b.WriteString(`\"`)
		case c == '\\' && (i+1 == len(s) || s[i+1] == '"' || s[i+1] == '\n'):
			b.WriteString(`\\`)
		case c == 0:
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// quote makes a DOT double-quoted string: quotes and backslashes escaped,
// line breaks written as DOT's centred-line escape "\n", other control
// characters dropped.
func quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20 || r == 0x7f:
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
