package export

import (
	"os"
	"os/exec"
	"testing"
)

// RequireGraphviz returns the path of Graphviz's dot, skipping the test when
// it is not installed, unless CITEGRAPH_REQUIRE_GRAPHVIZ is set (as in CI).
func RequireGraphviz(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CITEGRAPH_REQUIRE_GRAPHVIZ") != "" {
			t.Fatal("Graphviz (dot) is required but not installed")
		}
		t.Skip("Graphviz (dot) not installed")
	}
	return path
}
