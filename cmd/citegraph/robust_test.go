package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// crEntries counts the CR entries of a WoS export independently of the
// reader: a "CR " line and the indented lines that follow it, in complete
// records only (those closed by "ER").
func crEntries(data []byte) int {
	total, inRecord, inCR := 0, 0, false
	for _, line := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n") {
		switch {
		case strings.HasPrefix(line, "CR "):
			inCR = true
			inRecord++
		case strings.HasPrefix(line, "   "):
			if inCR {
				inRecord++
			}
		case strings.HasPrefix(line, "ER"):
			total += inRecord
			inRecord, inCR = 0, false
		default:
			inCR = false
		}
	}
	return total
}

// TestDamagedExports runs analyze on damaged copies of the real WoS export:
// nothing panics, and every CR entry of every complete record is a row of
// references.csv, the damage reported in diagnostics.csv.
func TestDamagedExports(t *testing.T) {
	orig, err := os.ReadFile("../../testdata/exports/wos-bit-pattern-savedrecs.txt")
	if err != nil {
		t.Fatal(err)
	}
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(bytes.TrimPrefix(orig, []byte("\ufeff")))
	utf16NoBOM, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().Bytes(bytes.TrimPrefix(orig, []byte("\ufeff")))
	cut := orig[:len(orig)/2]
	cases := []struct {
		name        string
		data        []byte
		diagnostics bool
	}{
		{"truncated mid-record", cut, true},
		{"re-encoded UTF-16", utf16, false},
		{"re-encoded UTF-16 without BOM", utf16NoBOM, false},
		{"CRLF line ends", bytes.ReplaceAll(orig, []byte("\n"), []byte("\r\n")), false},
		{"garbage appended", append(append([]byte{}, orig...), []byte("\x00\x01binary junk\xff\xfe\nmore junk\n")...), true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "savedrecs.txt")
			os.WriteFile(in, c.data, 0o644)
			out := filepath.Join(dir, "out")
			_, stderr, code := runCmd(t, "", "analyze", "-o", out, in)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			want := crEntries(c.data)
			if strings.HasPrefix(c.name, "re-encoded UTF-16") {
				want = crEntries(orig)
			}
			if got := len(readCSV(t, filepath.Join(out, "references.csv"))); got != want {
				t.Errorf("references.csv has %d rows, the complete records hold %d CR entries", got, want)
			}
			diags := readCSV(t, filepath.Join(out, "diagnostics.csv"))
			if c.diagnostics != (len(diags) > 0) {
				t.Errorf("diagnostics %v", diags)
			}
			if c.diagnostics && !strings.Contains(stderr, "diagnostics.csv") {
				t.Errorf("stderr does not point at diagnostics.csv: %q", stderr)
			}
		})
	}
}

func TestNoReferencesIsAClearError(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "empty.txt")
	os.WriteFile(in, []byte("# title: a paper without references\n"), 0o644)
	_, stderr, code := runCmd(t, "", "analyze", "-o", filepath.Join(dir, "out"), in)
	if code != 1 || !strings.Contains(stderr, "no references") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestOutputFolderWithOtherFilesNeedsForce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	if _, stderr, code := runCmd(t, "", "analyze", "-o", dir); code != 1 || !strings.Contains(stderr, "--force") {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if _, stderr, code := runCmd(t, "", "analyze", "-o", dir, "--force"); code != 0 {
		t.Fatalf("--force: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(b) != "mine" {
		t.Error("a file of the user's was touched")
	}
	// Running again into the output folder is fine without --force.
	if _, stderr, code := runCmd(t, "", "analyze", "-o", dir); code != 0 {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
}
