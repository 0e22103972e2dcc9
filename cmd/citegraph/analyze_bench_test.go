package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkAnalyze runs citegraph analyze, in process, on the export named
// by $CITEGRAPH_BENCH_INPUT (the embedded Web of Science sample when it is
// unset), so that a whole run can be profiled:
//
//	CITEGRAPH_BENCH_INPUT=$PWD/bench/out/wos-20k.txt go test ./cmd/citegraph \
//	    -run '^$' -bench Analyze -benchtime 1x -cpuprofile cpu.prof
//
// (an absolute path: the test runs in cmd/citegraph).
func BenchmarkAnalyze(b *testing.B) {
	args := []string{"analyze", "-q", "--sample", "wos"}
	if in := os.Getenv("CITEGRAPH_BENCH_INPUT"); in != "" {
		args = []string{"analyze", "-q", in}
	}
	out := filepath.Join(b.TempDir(), "out")
	for b.Loop() {
		if err := run(append(args, "-o", out), nil, io.Discard, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
