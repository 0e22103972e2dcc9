package graph

import (
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// rangeNodes iterates the dense ids 0..n-1 without allocating a node slice.
type rangeNodes struct {
	n, cur int
}

var _ gonum.Nodes = (*rangeNodes)(nil)

func newRange(n int) *rangeNodes { return &rangeNodes{n: n, cur: -1} }

func (r *rangeNodes) Len() int {
	if r.cur >= r.n {
		return 0
	}
	return r.n - r.cur - 1
}
func (r *rangeNodes) Next() bool {
	if r.cur < r.n {
		r.cur++
	}
	return r.cur < r.n
}
func (r *rangeNodes) Node() gonum.Node {
	if r.cur < 0 || r.cur >= r.n {
		return nil
	}
	return simple.Node(r.cur)
}
func (r *rangeNodes) Reset() { r.cur = -1 }

// sliceNodes iterates an adjacency row in place.
type sliceNodes struct {
	ids []int32
	cur int
}

var _ gonum.Nodes = (*sliceNodes)(nil)

func newSliceNodes(ids []int32) *sliceNodes { return &sliceNodes{ids: ids, cur: -1} }

func (s *sliceNodes) Len() int {
	if s.cur >= len(s.ids) {
		return 0
	}
	return len(s.ids) - s.cur - 1
}
func (s *sliceNodes) Next() bool {
	if s.cur < len(s.ids) {
		s.cur++
	}
	return s.cur < len(s.ids)
}
func (s *sliceNodes) Node() gonum.Node {
	if s.cur < 0 || s.cur >= len(s.ids) {
		return nil
	}
	return simple.Node(s.ids[s.cur])
}
func (s *sliceNodes) Reset() { s.cur = -1 }

func emptyNodes() gonum.Nodes { return iterator.NewOrderedNodes(nil) }
