package main

import (
	"strings"
	"testing"
)

// train-parser --eval-only scores the built-in model on the labelled data
// it was not trained on, without training.
func TestTrainParserEvalOnly(t *testing.T) {
	out, errOut, code := runCmd(t, "", "train-parser", "--eval-only", "--data", "../../testdata/refparse")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"Real references, held-out split", "micro average", "container-title", "GB/T 7714 and bilingual",
		"with type markers", "author-year system", "full-width punctuation", "the seed list",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestTrainParserUsage(t *testing.T) {
	for _, args := range [][]string{
		{"train-parser", "extra"},
		{"train-parser", "--model", "x.gz"},
		{"train-parser", "--no-such-flag"},
		{"train-parser", "--margin", "-1"},
	} {
		if _, _, code := runCmd(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	out, _, code := runCmd(t, "", "train-parser", "--help")
	if code != 0 || !strings.Contains(out, "--eval-only") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	if _, errOut, code := runCmd(t, "", "train-parser", "--eval-only", "--data", t.TempDir()); code != 1 || !strings.Contains(errOut, "anystyle") {
		t.Errorf("missing data: exit %d, %s", code, errOut)
	}
}
