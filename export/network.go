package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AttrType is the type of a node attribute in the typed graph formats
// (GraphML, GEXF, JSON, Parquet).
type AttrType uint8

// The attribute types. Values are carried as strings, as in the CSV tables,
// and converted on writing; an empty string is a missing value.
const (
	TypeString AttrType = iota
	TypeInt
	TypeDouble
	TypeBool
)

// graphMLType is the GraphML attr.type (also GEXF's, but for "integer").
func (t AttrType) graphMLType() string {
	switch t {
	case TypeInt:
		return "int"
	case TypeDouble:
		return "double"
	case TypeBool:
		return "boolean"
	}
	return "string"
}

// Column is a named, typed attribute.
type Column struct {
	Name string
	Type AttrType
}

// Network is a graph with typed node attributes, the common input of the
// graph-format writers (GraphML, GEXF, Pajek, VOSviewer, node-link JSON,
// Cytoscape JSON, the HTML map). Nodes and links are written in the order
// given.
type Network struct {
	Name        string
	Description string // a sentence on what the network is
	Directed    bool
	Columns     []Column // node attributes; Node.Values follows this order
	Nodes       []Node
	Links       []Link
	// LinkTotal counts the network's links when Links holds only those a
	// drawing shows (its Backbone); 0 when Links holds them all.
	LinkTotal int
	// Layout is set when the nodes carry x, y coordinates.
	Layout bool
}

// Size is the number of links of the network, drawn or not.
func (n *Network) Size() int { return max(n.LinkTotal, len(n.Links)) }

// Node is a node of a Network.
type Node struct {
	ID     string   // unique
	Label  string   // short display label
	Values []string // per Network.Columns, "" when missing
	// Cluster numbers the node's cluster from 1; 0 is none.
	Cluster int
	// Weight sizes the node: its citations.
	Weight float64
	X, Y   float64
}

// Link is an edge between two nodes, by index into Network.Nodes.
type Link struct {
	Source, Target int
	Weight         float64
}

// Degrees returns each node's number of links and the total weight of its
// links (VOSviewer's "Links" and "Total link strength").
func (n *Network) Degrees() (links []int, strength []float64) {
	links, strength = make([]int, len(n.Nodes)), make([]float64, len(n.Nodes))
	for _, l := range n.Links {
		links[l.Source]++
		links[l.Target]++
		strength[l.Source] += l.Weight
		strength[l.Target] += l.Weight
	}
	return links, strength
}

// column returns the index of a named column, or -1.
func (n *Network) column(name string) int {
	for i, c := range n.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// palette colours clusters 1, 2, … (Tableau 10), cycling past ten; the DOT
// files use the same colours.
var palette = []string{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"}

// ClusterColor is the "#rrggbb" colour of cluster c (numbered from 1); grey
// for no cluster.
func ClusterColor(c int) string {
	if c <= 0 {
		return "#bbbbbb"
	}
	return palette[(c-1)%len(palette)]
}

// rgb splits "#rrggbb".
func rgb(hex string) (r, g, b int) {
	v, _ := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// typedValue checks a value against its type and returns its canonical
// form, or false when it is missing or does not parse (a NaN or infinite
// double counts as missing: JSON and Parquet readers reject it).
func typedValue(t AttrType, s string) (string, bool) {
	if s == "" {
		return "", false
	}
	switch t {
	case TypeInt:
		i, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return "", false
		}
		return strconv.FormatInt(i, 10), true
	case TypeDouble:
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return "", false
		}
		return Float(x), true
	case TypeBool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return "", false
		}
		return strconv.FormatBool(b), true
	}
	return s, true
}

// validXML reports whether r may appear in an XML 1.0 document.
func validXML(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// xmlEscape escapes s for XML text and attribute values: the markup
// characters as entities, tabs and line breaks as character references so
// attribute normalisation keeps them, characters XML 1.0 forbids dropped,
// and invalid UTF-8 replaced by U+FFFD.
func xmlEscape(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r == '\t':
			b.WriteString("&#9;")
		case r == '\n':
			b.WriteString("&#10;")
		case r == '\r':
			b.WriteString("&#13;")
		case !validXML(r):
			// dropped
		default:
			b.WriteRune(r) // RuneError for invalid UTF-8: U+FFFD
		}
	}
	return b.String()
}

// oneLine makes s a single line of printable text: tabs, line breaks and
// other control characters become spaces, runs of spaces one space.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029 || r == 0x85 {
			r = ' '
		}
		if r == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}
