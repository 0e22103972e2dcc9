package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTooLargeRefused: a co-citation network over --max-links is refused
// before it is built, exit 1, with the links, the memory and the flags
// that lower them, and nothing written.
func TestTooLargeRefused(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	_, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "--min-citations", "1", "--max-links", "100000", "-o", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr %q", code, stderr)
	}
	for _, want := range []string{"8388 works cited at least once", "377340 links", "22 MB of memory", "--min-citations", "--max-links"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("the refusal does not say %q: %s", want, stderr)
		}
	}
	if strings.Contains(stderr, "goroutine") {
		t.Errorf("a stack trace: %s", stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "works.csv")); err == nil {
		t.Error("works.csv written after the refusal")
	}
}

// TestNetworkTooLarge: cocite and couple refuse alike.
func TestNetworkTooLarge(t *testing.T) {
	for _, tc := range []struct {
		args []string
		says string
	}{
		{[]string{"couple"}, "the coupling network of the records citing at least 1 work would have 21144 links"},
		{[]string{"cocite", "--level", "sources"}, "the cocitation network of the sources cited at least once would have 65687 links"},
		{[]string{"cocite", "--min-citations", "3"}, "the cocitation network of the works cited at least 3 times would have"},
	} {
		args := append(tc.args, "--sample", "wos", "--max-links", "1000", "-o", filepath.Join(t.TempDir(), "out"))
		if _, stderr, code := runCmd(t, "", args...); code != 1 || !strings.Contains(stderr, tc.says) || !strings.Contains(stderr, "--max-links") {
			t.Errorf("%q: exit %d, %s", args, code, stderr)
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
