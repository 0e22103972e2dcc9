package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletionScripts: each script names every command and their flags,
// and bash (and fish or zsh, when installed) accept its syntax.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		out, stderr, code := runCmd(t, "", "completion", shell)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", shell, code, stderr)
		}
		for _, want := range []string{"analyze", "cocite", "min-citations", "networks", "measures"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s script lacks %q", shell, want)
			}
		}
		check := map[string][]string{"bash": {"bash", "-n"}, "zsh": {"zsh", "-n"}, "fish": {"fish", "--no-execute"}}[shell]
		bin, err := exec.LookPath(check[0])
		if err != nil {
			continue
		}
		file := filepath.Join(t.TempDir(), "citegraph."+shell)
		os.WriteFile(file, []byte(out), 0o644)
		if msg, err := exec.Command(bin, append(check[1:], file)...).CombinedOutput(); err != nil {
			t.Errorf("%s rejects the script: %v\n%s", shell, err, msg)
		}
	}
	if _, _, code := runCmd(t, "", "completion", "tcsh"); code != 2 {
		t.Errorf("unknown shell: exit %d, want 2", code)
	}
}

func TestVersion(t *testing.T) {
	out, _, code := runCmd(t, "", "--version")
	if code != 0 || !strings.HasPrefix(out, "citegraph ") || !strings.Contains(out, "go1") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
}
