package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/citegraph/citegraph/analysis"
	"github.com/citegraph/citegraph/export"
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

// BenchmarkAnalyzeWrite writes the output folder of analyze (the default
// formats) from an analysis made once, of the same input as
// BenchmarkAnalyze: the writing stage alone.
func BenchmarkAnalyzeWrite(b *testing.B) {
	in, err := readSample("wos", readOptions{})
	if file := os.Getenv("CITEGRAPH_BENCH_INPUT"); file != "" {
		in, err = readInputs([]string{file}, nil, readOptions{})
	}
	if err != nil {
		b.Fatal(err)
	}
	res, err := analysis.Run(in.records, in.diagnostics, analysis.DefaultOptions())
	if err != nil {
		b.Fatal(err)
	}
	formats, err := analysis.ParseFormats(analysis.DefaultFormats)
	if err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "out")
	cpu0 := cpuTime()
	for b.Loop() {
		files, err := res.FormatFiles(formats)
		if err != nil {
			b.Fatal(err)
		}
		if err := export.WriteDir(out, files); err != nil {
			b.Fatal(err)
		}
	}
	if benchCPU != nil {
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// benchCPU returns the process's CPU time (user and system), where the
// platform reports it (benchcpu_unix_test.go).
var benchCPU func() time.Duration

func cpuTime() time.Duration {
	if benchCPU == nil {
		return 0
	}
	return benchCPU()
}
