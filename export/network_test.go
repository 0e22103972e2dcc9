package export

// hostileNetwork is a small network whose text holds everything XML, JSON,
// Pajek, VOSviewer and HTML treat specially, and whose attributes have
// every type and missing values.
func hostileNetwork(directed bool) *Network {
	n := &Network{Name: "hostile", Directed: directed, Description: `a <test> & "network"`,
		Columns: []Column{{"id", TypeString}, {"label", TypeString}, {"title", TypeString}, {"year", TypeInt},
			{"in_corpus", TypeBool}, {"pagerank", TypeDouble}, {"cluster", TypeInt}}}
	if !directed {
		n.Name = "hostile_undirected"
	}
	rows := [][]string{
		{"W1", "Smith 2001", `Quote " and backslash \ end\`, "2001", "true", "0.25", "1"},
		{`W<&"2>`, "Line break", "Line\nbreak\r\nand\ttab", "", "false", "1e-20", "2"},
		{"W3", `<b>&amp; ]]> "x" \y`, "<b>&amp; ]]> </script><script>alert(1)</script>", "1999", "", "", ""},
		{"赵刚 2020", "赵刚 2020", "Unicode: 赵刚 — ﬁ \u2028 \U0001F600", "2020", "true", "0.5", "1"},
		{"W5", "Ctl\x01\x0b\ufffe end", "bad\x00\x1f bytes \xff", "", "false", "0", "3"},
	}
	weights := []float64{5, 0, 2, 1, 0}
	for i, r := range rows {
		nd := Node{ID: r[0], Label: r[1], Values: r, Weight: weights[i]}
		if r[6] != "" {
			nd.Cluster = int(r[6][0] - '0')
		}
		n.Nodes = append(n.Nodes, nd)
	}
	if directed {
		n.Links = []Link{{0, 1, 1}, {1, 2, 1}, {3, 0, 1}, {4, 3, 1}}
	} else {
		n.Links = []Link{{0, 1, 3}, {0, 3, 1.5}, {2, 4, 2}}
	}
	return n
}
