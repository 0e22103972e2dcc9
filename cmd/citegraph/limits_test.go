package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTooLargeRefused: a co-citation network over --max-links is refused
// before it is built, exit 1, with the links (those cocitation.csv holds
// when it is built), the memory and the flags that lower them, and
// nothing written.
func TestTooLargeRefused(t *testing.T) {
	full := filepath.Join(t.TempDir(), "full")
	if _, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "--min-citations", "1", "--export", "csv", "-o", full); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	cited := map[string]bool{}
	for _, c := range readCSV(t, filepath.Join(full, "citations.csv")) {
		cited[c["cited"]] = true
	}
	links := len(readCSV(t, filepath.Join(full, "cocitation.csv")))
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "--min-citations", "1", "--max-links", "100000", "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr)
	}
	for _, want := range []string{fmt.Sprintf("%d works cited at least once", len(cited)), fmt.Sprintf("%d links", links),
		"MB of memory", "--min-citations", "--max-links"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the refusal does not say %q: %s", want, stderr)
		}
	}
	if strings.Contains(stderr, "goroutine") {
		t.Errorf("a stack trace: %s", stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the output folder, new, is left after the refusal: %v", err)
	}
}

// TestNetworkTooLarge: cocite and couple refuse alike, giving the links
// the network's links table holds when it is built.
func TestNetworkTooLarge(t *testing.T) {
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"couple"}, "the coupling network of the records citing at least 1 work would have %d links"},
		{[]string{"cocite", "--level", "sources"}, "the cocitation network of the sources cited at least once would have %d links"},
		{[]string{"cocite", "--min-citations", "3"}, "the cocitation network of the works cited at least 3 times would have %d links"},
	} {
		full := filepath.Join(t.TempDir(), "full")
		args := append(slices.Clone(tc.args), "--sample", "wos", "-o", full)
		if _, stderr, code := runCmd(t, "", args...); code != 0 {
			t.Fatalf("%q: exit %d, %s", args, code, stderr)
		}
		tables, _ := filepath.Glob(filepath.Join(full, "*_links.csv"))
		if len(tables) != 1 {
			t.Fatalf("%q: links tables %q", args, tables)
		}
		says := fmt.Sprintf(tc.says, len(readCSV(t, tables[0])))
		args = append(slices.Clone(tc.args), "--sample", "wos", "--max-links", "1000", "-o", filepath.Join(t.TempDir(), "out"))
		if _, stderr, code := runCmd(t, "", args...); code != 1 || !strings.Contains(stderr, says) || !strings.Contains(stderr, "--max-links") {
			t.Errorf("%q: exit %d, %s; want %q", args, code, stderr, says)
		}
	}
}

// TestAnalyzeMeasures: --measures leaves the measures not named out of
// works.csv, as metrics --measures does.
func TestAnalyzeMeasures(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if _, stderr, code := runCmd(t, "", "analyze", "--measures", "citations,pagerank", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, w := range readCSV(t, filepath.Join(out, "works.csv")) {
		if w["pagerank"] == "" || w["hub"] != "" || w["authority"] != "" || w["betweenness"] != "" {
			t.Fatalf("work %s: pagerank %q, hub %q, authority %q, betweenness %q", w["id"], w["pagerank"], w["hub"], w["authority"], w["betweenness"])
		}
	}
}
