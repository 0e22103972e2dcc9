package analysis

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/citegraph/citegraph/export"
)

// Timeline view defaults: the largest clusters drawn as lanes, and how many
// nodes of each are labelled.
const (
	TimelineLanes    = 12
	timelineLabelled = 3
)

// nodeYear is the year a node is placed at on the timeline: a work's
// publication year in a document network, else the year its records first
// appear (the first use of a keyword, as CiteSpace places terms); 0 when
// unknown.
func (r *NetworkResult) nodeYear(v int) int {
	if r.Options.Level == DocumentLevel {
		w := r.Raw.Members[v]
		if r.Relabelled != nil {
			w = r.Relabelled.From[w]
		}
		return r.Corpus.Works[w].Year
	}
	first := 0
	for _, w := range r.Records[v] {
		if y := r.Corpus.Works[w].Year; y != 0 && (first == 0 || y < first) {
			first = y
		}
	}
	return first
}

// timelineClusters lists, per cluster, its nodes with a year, most
// occurrences first.
func (r *NetworkResult) timelineClusters() [][]int {
	members := make([][]int, r.Clusters.K())
	for _, v := range r.byStrength() {
		if c := r.Clusters.Membership[v]; c >= 0 && r.nodeYear(v) != 0 {
			members[c] = append(members[c], v)
		}
	}
	for _, m := range members {
		slices.SortStableFunc(m, func(a, b int) int { return cmp.Compare(r.Raw.Occurrences[b], r.Raw.Occurrences[a]) })
	}
	return members
}

// TimelineTable has one row per cluster and year: the nodes of the cluster
// placed at that year (see nodeYear), their occurrences (citations in a
// co-citation network) and the node with most of them.
func (r *NetworkResult) TimelineTable() *export.Table {
	t := &export.Table{Header: []string{"cluster", "year", "nodes", "occurrences", "top_node"}}
	for c, m := range r.timelineClusters() {
		byYear := map[int][]int{}
		for _, v := range m {
			y := r.nodeYear(v)
			byYear[y] = append(byYear[y], v)
		}
		for _, y := range slices.Sorted(maps.Keys(byYear)) {
			occ := 0.0
			for _, v := range byYear[y] {
				occ += r.Raw.Occurrences[v]
			}
			top := byYear[y][0] // most occurrences first
			t.Rows = append(t.Rows, []string{clusterName(c), strconv.Itoa(y), strconv.Itoa(len(byYear[y])),
				export.Float(occ), r.Names[r.Raw.Members[top]]})
		}
	}
	return t
}

// Timeline is the network's timeline view (export.Timeline): the lanes
// largest clusters, each labelled by its number, its first two labels by
// log-likelihood ratio and its size, with every node of a known year sized
// by its occurrences and the three with most of them labelled.
func (r *NetworkResult) Timeline(lanes int) *export.Timeline {
	item := itemNames[r.Options.Level]
	t := &export.Timeline{Title: fmt.Sprintf("citegraph %s timeline of %s clusters", r.Options.Kind, item)}
	clusters := r.timelineClusters()
	for c, m := range clusters[:min(lanes, len(clusters))] {
		label := "#" + clusterName(c)
		if terms := termList(r.LabelsLLR, c); terms != "" {
			parts := strings.Split(terms, "; ")
			label += " " + strings.Join(parts[:min(2, len(parts))], "; ")
		}
		l := export.TimelineLane{Label: fmt.Sprintf("%s (%d %ss)", label, len(m), item), Color: export.ClusterColor(c + 1)}
		for k, v := range m {
			name, y := r.Names[r.Raw.Members[v]], r.nodeYear(v)
			l.Items = append(l.Items, export.TimelineItem{Label: name, Year: y, Size: r.Raw.Occurrences[v], Labelled: k < timelineLabelled,
				Detail: fmt.Sprintf("%s (%d): %s occurrences, cluster %s", name, y, export.Float(r.Raw.Occurrences[v]), clusterName(c))})
		}
		t.Lanes = append(t.Lanes, l)
	}
	placed := "publication year"
	if r.Options.Level != DocumentLevel {
		placed = "year of first occurrence"
	}
	t.Note = fmt.Sprintf("%d of %d clusters; nodes at their %s, sized by occurrences; nodes of unknown year left out. Made by citegraph.",
		len(t.Lanes), len(clusters), placed)
	return t
}
