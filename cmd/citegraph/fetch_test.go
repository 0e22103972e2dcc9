package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/citegraph/citegraph/fetch/fetchtest"
)

func TestFetchUsage(t *testing.T) {
	out, _, code := runCmd(t, "", "fetch", "--help")
	if code != 0 || strings.Count(out, "Usage: citegraph fetch") != 1 || !strings.Contains(out, "Examples:") || !strings.Contains(out, "--max-works") {
		t.Errorf("fetch --help: exit %d, %q", code, out)
	}
	for _, args := range [][]string{
		{"fetch", "10.1073/pnas.1414271111"},                // no -o
		{"fetch", "-o", t.TempDir()},                        // no seeds
		{"fetch", "-o", t.TempDir(), "not-a-doi"},           // neither a seed nor a file
		{"fetch", "-o", t.TempDir(), "--references", "-"},   // stdin cannot be kept
		{"fetch", "-o", t.TempDir(), "--depth", "-1", "W1"}, // negative depth
		{"fetch", "-o", t.TempDir(), "--from-year", "2020", "--to-year", "2010", "W1"},
	} {
		if _, stderr, code := runCmd(t, "", args...); code != 2 || stderr == "" {
			t.Errorf("%q: exit %d, stderr %q; want 2 with a message", args, code, stderr)
		}
	}
	seeds := filepath.Join(t.TempDir(), "seeds.txt")
	os.WriteFile(seeds, []byte("# seeds\n10.1073/pnas.1414271111\nnonsense\n"), 0o644)
	if _, stderr, code := runCmd(t, "", "fetch", "-o", t.TempDir(), seeds); code != 1 || !strings.Contains(stderr, "seeds.txt:3") {
		t.Errorf("a bad line in a seed file: exit %d, stderr %q; want 1 naming seeds.txt:3", code, stderr)
	}
}

// TestFetchThenAnalyze is the two-command recipe against the replay
// server: fetch a reference list's references (one confirmed by Crossref's
// search, one by OpenAlex's, both written from their recorded records, and
// one to a made-up work, not found), a seed file, and the works
// citing the seeds (recorded records served as a composed cites: answer);
// then analyze the folder as it is. The corpus is the copied reference
// list, the fetched works and the Crossref-only work; the references found
// join the fetched works' records, and every reference is a row.
func TestFetchThenAnalyze(t *testing.T) {
	srv := fetchtest.NewServer(t, "../../testdata/api")
	srv.Email = "tester@example.org"
	srv.AnswerSearches()
	srv.Cites = []string{"W2026325500", "W2157853701"}
	dir := t.TempDir()
	_, bran, leung := srv.References()
	list := filepath.Join(dir, "refs.txt")
	os.WriteFile(list, []byte(fmt.Sprintf("# title: A list of three references\n1. %s\n2. %s\n3. Nobody N. A work no database holds. Journal of Nothing, 2001, 1: 1-2.\n", bran, leung)), 0o644)
	seeds := filepath.Join(dir, "seeds.txt")
	os.WriteFile(seeds, []byte("10.1073/pnas.1414271111 # PNAS 2014\n10.1371/journal.pone.0033693\n"), 0o644)
	corpus := filepath.Join(dir, "corpus")
	stdout, stderr, code := runCmd(t, "", "fetch", "--references", list, seeds, "--citing", "-o", corpus,
		"--openalex-url", srv.OpenAlexURL(), "--crossref-url", srv.CrossrefURL(), "--email", "tester@example.org", "--cache", filepath.Join(dir, "cache"))
	if code != 0 {
		t.Fatalf("fetch: exit %d: %s", code, stderr)
	}
	for _, want := range []string{"seeds: 2 named, 3 references looked up; 4 found, 1 not found (see fetch.csv)", "citing the seeds: 2 works",
		"corpus: 5 works (works.jsonl) and 1 from Crossref (crossref.jsonl)", "next: citegraph analyze " + corpus} {
		if !strings.Contains(stdout, want) {
			t.Errorf("summary lacks %q:\n%s", want, stdout)
		}
	}
	rows := readCSV(t, filepath.Join(corpus, "fetch.csv"))
	if len(rows) != 5 || rows[0]["how"] != "doi" || rows[1]["how"] != "crossref-doi" || rows[2]["how"] != "crossref-search" ||
		rows[3]["how"] != "openalex-search" || rows[4]["how"] != "not-found" || rows[0]["source"] != seeds+":1" || rows[2]["source"] != list+":2" {
		t.Errorf("fetch.csv: %v", rows)
	}

	out := filepath.Join(dir, "out")
	stdout, stderr, code = runCmd(t, "", "analyze", corpus, "-o", out)
	if code != 0 {
		t.Fatalf("analyze: exit %d: %s", code, stderr)
	}
	// Records: the list, 5 OpenAlex works, 1 Crossref work. References: the
	// list's 3, the OpenAlex works' referenced_works (57 + 107 + 73 + 39 + 22)
	// and the Crossref work's 70.
	if !strings.Contains(stdout, "records: 7 read, 7 distinct") || !strings.Contains(stdout, "references: 371 read") {
		t.Errorf("analyze summary:\n%s", stdout)
	}
	joined := 0
	for _, r := range readCSV(t, filepath.Join(out, "references.csv")) {
		if strings.HasSuffix(r["file"], "references-refs.txt") && r["match"] == "record" {
			joined++
		}
	}
	if joined != 2 {
		t.Errorf("%d of the list's references joined a fetched work's record, want 2", joined)
	}

	// Again, offline: the cache answers everything.
	srv.Close()
	stdout, stderr, code = runCmd(t, "", "fetch", "--references", list, seeds, "--citing", "-o", corpus,
		"--openalex-url", srv.OpenAlexURL(), "--crossref-url", srv.CrossrefURL(), "--email", "tester@example.org", "--cache", filepath.Join(dir, "cache"))
	if code != 0 || !strings.Contains(stdout, "requests: OpenAlex 0 (") || !strings.Contains(stdout, "Crossref 0 (") {
		t.Errorf("offline re-run: exit %d, %s%s", code, stdout, stderr)
	}
}
