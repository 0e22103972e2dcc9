// Command cgbench times citegraph's steps on an edge list, for comparison
// with bench/igraph_bench.py, which times the same steps in igraph:
//
//	go run ./bench/cgbench -steps load,pagerank,hits,undirected,louvain,leiden,modularity bench/out/cit-200k.txt
//
// With -cpuprofile it writes a CPU profile of the steps for go tool pprof.
//
// It prints one JSON object per step on stdout: wall-clock and CPU seconds
// (user + system, all threads: citegraph runs its loops on every core),
// the peak resident set so far, and what the step found (sizes, Q). The
// steps run in the order given; each uses what the earlier ones made.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/citegraph/citegraph/graph"
	"github.com/citegraph/citegraph/metrics"
)

// result is one step's line of output.
type result struct {
	Tool      string         `json:"tool"`
	Step      string         `json:"step"`
	Wall      float64        `json:"wall"`
	CPU       float64        `json:"cpu"`
	MaxRSSKB  int64          `json:"maxrss_kb"`
	Info      map[string]any `json:"info,omitempty"`
	GoVersion string         `json:"go,omitempty"`
}

func main() {
	steps := flag.String("steps", "load,pagerank,hits,undirected,louvain,leiden,modularity", "comma-separated steps: load, pagerank, hits, betweenness, undirected, louvain, leiden, modularity, cocitation, cocitation-louvain")
	minCit := flag.Int("min-citations", 2, "cocitation: works cited fewer times are left out")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the steps to `file` (go tool pprof)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: cgbench [-steps LIST] EDGELIST")
		os.Exit(2)
	}
	path := flag.Arg(0)

	var (
		ids  []string
		g    *graph.Directed
		u    *graph.Undirected
		c    metrics.Clustering
		p    *graph.Projection
		fail = func(step string, err error) {
			pprof.StopCPUProfile()
			fmt.Fprintf(os.Stderr, "cgbench: %s: %v\n", step, err)
			os.Exit(1)
		}
	)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fail("cpuprofile", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fail("cpuprofile", err)
		}
		defer pprof.StopCPUProfile()
	}
	enc := json.NewEncoder(os.Stdout)
	for _, step := range strings.Split(*steps, ",") {
		step = strings.TrimSpace(step)
		info := map[string]any{}
		need := func(ok bool, what string) {
			if !ok {
				fail(step, fmt.Errorf("needs %s first", what))
			}
		}
		wall0, cpu0 := time.Now(), cpuSeconds()
		switch step {
		case "load":
			f, err := os.Open(path)
			if err != nil {
				fail(step, err)
			}
			ids, g, err = graph.LoadEdgeList(f)
			f.Close()
			if err != nil {
				fail(step, err)
			}
			info["nodes"], info["edges"] = len(ids), g.Size()
		case "pagerank":
			need(g != nil, "load")
			pr, err := metrics.PageRank(g)
			if err != nil {
				fail(step, err)
			}
			info["max"] = maxOf(pr)
		case "hits":
			need(g != nil, "load")
			h, a, err := metrics.HITS(g)
			if err != nil {
				fail(step, err)
			}
			info["max_hub"], info["max_authority"] = maxOf(h), maxOf(a)
		case "betweenness":
			need(g != nil, "load")
			info["max"] = maxOf(metrics.Betweenness(g))
		case "undirected":
			need(g != nil, "load")
			u = graph.UndirectedOf(g)
			info["edges"] = u.Size()
		case "louvain":
			need(u != nil, "undirected")
			c = metrics.Louvain(u, 1, 1)
			info["modularity"], info["clusters"] = c.Q, c.K()
		case "leiden":
			need(u != nil, "undirected")
			// igraph's community_leiden runs 2 iterations by default.
			opts := metrics.DefaultLeidenOptions()
			opts.Iterations = 2
			r, err := metrics.Leiden(u, opts)
			if err != nil {
				fail(step, err)
			}
			info["modularity"], info["clusters"] = r.Q, r.K()
		case "modularity":
			need(c.Membership != nil, "louvain")
			info["modularity"] = metrics.Modularity(u, c.Membership, 1)
		case "cocitation":
			need(g != nil, "load")
			p = graph.CoCitation(g, *minCit)
			info["nodes"], info["links"], info["min_citations"] = p.Order(), p.Size(), *minCit
		case "cocitation-louvain":
			need(p != nil, "cocitation")
			cc := metrics.Louvain(p.Undirected, 1, 1)
			info["modularity"], info["clusters"] = cc.Q, cc.K()
		default:
			fail(step, fmt.Errorf("unknown step"))
		}
		r := result{Tool: "citegraph", Step: step, Wall: time.Since(wall0).Seconds(), CPU: cpuSeconds() - cpu0, MaxRSSKB: maxRSS(), Info: info}
		if step == "load" {
			r.GoVersion = fmt.Sprintf("%s GOMAXPROCS=%d", runtime.Version(), runtime.GOMAXPROCS(0))
		}
		if err := enc.Encode(r); err != nil {
			fail(step, err)
		}
	}
	runtime.KeepAlive(ids)
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}

// cpuSeconds is the user and system time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// maxRSS is the peak resident set of the process so far, in KiB.
func maxRSS() int64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return ru.Maxrss
}
