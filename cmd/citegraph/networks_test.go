package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestAnalyzeNetworksMatchToolbox: analyze --networks/--indicators writes
// the same files as the focused commands with their defaults.
func TestAnalyzeNetworksMatchToolbox(t *testing.T) {
	all := t.TempDir()
	if _, stderr, code := runCmd(t, "", "analyze", "--sample", "wos", "-o", all, "--networks", "cocitation_sources", "--indicators", "mainpath,rpys"); code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	for _, c := range []struct {
		args  []string
		files []string
	}{
		{[]string{"cocite", "--level", "sources"}, []string{"cocitation_sources_nodes.csv", "cocitation_sources_links.csv", "cocitation_sources_clusters.csv", "cocitation_sources_distribution.csv", "cocitation_sources.dot"}},
		{[]string{"mainpath"}, []string{"mainpath.csv", "mainpath.dot"}},
		{[]string{"rpys"}, []string{"rpys.csv"}},
	} {
		dir := t.TempDir()
		if _, stderr, code := runCmd(t, "", append(c.args, "--sample", "wos", "-o", dir)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		for _, f := range c.files {
			want, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			if got, err := os.ReadFile(filepath.Join(all, f)); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s from analyze differs from %v's (%v)", f, c.args, err)
			}
		}
	}
	if _, stderr, code := runCmd(t, "", "analyze", "-o", t.TempDir(), "--networks", "cocitation_planets"); code != 2 {
		t.Errorf("unknown network: exit %d, %s; want 2", code, stderr)
	}
}
