// Command duckrun runs a script of citegraph sql on DuckDB, through the Go
// driver, with DuckDB's out-of-core settings, and reports how long each
// statement took, the peak resident memory of the process and the peak
// size of DuckDB's spill folder (docs/scale-out.md tabulates them).
//
//	citegraph sql cocitation_documents --tables out > cocitation.sql
//	go run ./cmd/duckrun -memory-limit 4GB -temp /tmp/spill cocitation.sql
//
// It prints each statement's first line and time on stderr, and one JSON
// line on stdout: seconds (wall clock), cpu_seconds (user and system, of
// all threads: steadier than the wall clock on a shared machine),
// peak_rss_bytes (VmHWM), peak_spill_bytes and the settings.
package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/citegraph/citegraph/scale"
)

func main() {
	memory := flag.String("memory-limit", "", "DuckDB memory_limit (e.g. 4GB; default DuckDB's, 80% of RAM)")
	temp := flag.String("temp", "", "DuckDB temp_directory, where it spills (default DuckDB's)")
	threads := flag.Int("threads", 0, "DuckDB threads (0: DuckDB's default, the cores)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: duckrun [-memory-limit 4GB] [-temp DIR] [-threads N] SCRIPT.sql")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *memory, *temp, *threads); err != nil {
		fmt.Fprintln(os.Stderr, "duckrun:", err)
		os.Exit(1)
	}
}

func run(path, memory, temp string, threads int) error {
	script, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var settings []string
	if memory != "" {
		settings = append(settings, "memory_limit = '"+memory+"'")
	}
	if temp != "" {
		if err := os.MkdirAll(temp, 0o755); err != nil {
			return err
		}
		settings = append(settings, "temp_directory = '"+temp+"'")
	}
	if threads > 0 {
		settings = append(settings, "threads = "+strconv.Itoa(threads))
	}
	ctx := context.Background()
	db, conn, err := scale.Open(ctx, settings...)
	if err != nil {
		return err
	}
	defer db.Close()
	defer conn.Close()

	var peakSpill atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() { // sample the spill folder's size
		defer close(done)
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			if temp != "" {
				if n := dirSize(temp); n > peakSpill.Load() {
					peakSpill.Store(n)
				}
			}
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	for _, s := range scale.Statements(string(script)) {
		t := time.Now()
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("%w\n%s", err, s)
		}
		fmt.Fprintf(os.Stderr, "%7.2f s  %s\n", time.Since(t).Seconds(), firstLine(s))
	}
	seconds, cpu := time.Since(start).Seconds(), cpuSeconds()
	close(stop)
	<-done
	sizes, err := tableSizes(ctx, conn)
	if err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]any{
		"script": path, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_bytes": peakRSS(), "peak_spill_bytes": peakSpill.Load(),
		"memory_limit": memory, "temp_directory": temp, "threads": threads, "rows": sizes,
	})
}

// tableSizes counts the rows of the temporary tables the script left
// (nodes, links, …), and the pairs its self-join made: the sum of
// k(k-1)/2 over the items of the kept incidence, k its members there.
func tableSizes(ctx context.Context, conn *sql.Conn) (map[string]int64, error) {
	rows, err := conn.QueryContext(ctx, "SELECT table_name FROM duckdb_tables() WHERE temporary ORDER BY table_name")
	if err != nil {
		return nil, err
	}
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sizes := map[string]int64{}
	for _, name := range names {
		q := "SELECT count(*) FROM " + name
		if name == "kept" {
			var pairs int64
			q := "SELECT coalesce(sum(k * (k - 1) // 2), 0) FROM (SELECT count(*) AS k FROM kept GROUP BY item)"
			if err := conn.QueryRowContext(ctx, q).Scan(&pairs); err != nil {
				return nil, err
			}
			sizes["pairs"] = pairs
		}
		var n int64
		if err := conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return nil, err
		}
		sizes[name] = n
	}
	return sizes, nil
}

// firstLine is a statement's first line that is not a comment.
func firstLine(s string) string {
	for _, line := range strings.Split(s, "\n") {
		if l := strings.TrimSpace(line); l != "" && !strings.HasPrefix(l, "--") {
			return l
		}
	}
	return ""
}

// dirSize adds up the sizes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

// peakRSS is the process's peak resident set (VmHWM) in bytes, 0 when
// /proc does not say.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cpuSeconds is the user and system time the process has used.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
