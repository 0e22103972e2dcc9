package export

import (
	"errors"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// text is a File writer of s.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// files makes one File per name, each holding its name and the run.
func files(run string, names ...string) []File {
	var fs []File
	for _, n := range names {
		fs = append(fs, File{n, text(n + " " + run)})
	}
	return fs
}

// contents maps every entry of dir to its content ("<dir>" for folders,
// "-> target" for links).
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		switch {
		case e.Type()&os.ModeSymlink != 0:
			target, _ := os.Readlink(p)
			m[e.Name()] = "-> " + target
		case e.IsDir():
			m[e.Name()] = "<dir>"
		default:
			b, _ := os.ReadFile(p)
			m[e.Name()] = string(b)
		}
	}
	return m
}

// outputFiles is contents without the folder's own files.
func outputFiles(t *testing.T, dir string) map[string]string {
	m := contents(t, dir)
	delete(m, Marker)
	delete(m, lockName)
	return m
}

// noStaging fails when a staging folder is left inside dir or beside it.
func noStaging(t *testing.T, dir string) {
	t.Helper()
	for _, d := range []string{dir, filepath.Dir(dir)} {
		for name := range contents(t, d) {
			if strings.Contains(name, ".citegraph-new-") || strings.Contains(name, ".citegraph-old-") {
				t.Errorf("staging folder %s left in %s", name, d)
			}
		}
	}
}

func TestFolderReplacesEarlierOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	if err := WriteDir(dir, files("1", "works.csv", "citations.graphml")); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, files("2", "works.csv")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"works.csv": "works.csv 2"}
	if got := outputFiles(t, dir); !maps.Equal(got, want) {
		t.Errorf("after the second run the folder holds %v, want %v", got, want)
	}
	if _, listed, _ := readMarker(dir); !maps.Equal(listed, manifest{"works.csv": ""}) {
		t.Errorf("marker lists %v", listed)
	}
	noStaging(t, dir)
}

func TestFolderKeepEarlier(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, files("1", "works.csv", "citations.csv")); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, files("2", "citations.graphml", "works.csv"), KeepEarlier(), ByRun("citegraph export\n--from x")); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"works.csv": "works.csv 2", "citations.csv": "citations.csv 1", "citations.graphml": "citations.graphml 2"}
	if got := outputFiles(t, dir); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	wantRuns := manifest{"works.csv": "citegraph export --from x", "citations.csv": "", "citations.graphml": "citegraph export --from x"}
	if _, listed, _ := readMarker(dir); !maps.Equal(listed, wantRuns) {
		t.Errorf("marker lists %v, want %v", listed, wantRuns)
	}
}

// TestFolderRefusesForeignFolderUntouched: a folder of the user's is refused
// before anything in it changes, temporary-looking files included; with
// --force the run writes beside the user's files, and later runs replace
// their own files only.
func TestFolderRefusesForeignFolderUntouched(t *testing.T) {
	dir := t.TempDir()
	user := map[string]string{"thesis.docx": "mine", ".works.csv.tmp-123": "mine too", ".notes.tmp-9": "and this"}
	for name, s := range user {
		os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644)
	}
	if err := WriteDir(dir, files("1", "works.csv")); !errors.Is(err, ErrFolderInUse) {
		t.Fatalf("got %v, want ErrFolderInUse", err)
	}
	if got := contents(t, dir); !maps.Equal(got, user) {
		t.Fatalf("a refused run changed the folder: %v", got)
	}
	if err := WriteDir(dir, files("1", "works.csv", "old.csv"), WithForce(true)); err != nil {
		t.Fatalf("--force: %v", err)
	}
	if err := WriteDir(dir, files("2", "works.csv")); err != nil {
		t.Fatalf("a run after --force: %v", err)
	}
	want := maps.Clone(user)
	want["works.csv"] = "works.csv 2"
	if got := outputFiles(t, dir); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if err := CheckComplete(dir); err != nil {
		t.Error(err)
	}
	noStaging(t, dir)
}

// TestFolderMarkerLinkNotFollowed: a marker that is a symbolic link makes
// the folder foreign, and --force replaces the link, not its target.
func TestFolderMarkerLinkNotFollowed(t *testing.T) {
	tmp := t.TempDir()
	target := filepath.Join(tmp, "precious.txt")
	os.WriteFile(target, []byte("precious"), 0o644)
	dir := filepath.Join(tmp, "out")
	os.Mkdir(dir, 0o755)
	if err := os.Symlink(target, filepath.Join(dir, Marker)); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteDir(dir, files("1", "works.csv")); !errors.Is(err, ErrFolderInUse) {
		t.Errorf("got %v, want ErrFolderInUse", err)
	}
	if err := WriteDir(dir, files("1", "works.csv"), WithForce(true)); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "precious" {
		t.Errorf("the marker's target was overwritten: %q", b)
	}
	if info, err := os.Lstat(filepath.Join(dir, Marker)); err != nil || !info.Mode().IsRegular() {
		t.Errorf("the marker is not a regular file: %v %v", info, err)
	}
}

func TestFolderThroughLinkedFolder(t *testing.T) {
	tmp := t.TempDir()
	real := filepath.Join(tmp, "real")
	if err := WriteDir(real, files("1", "a.csv")); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := WriteDir(link, files("2", "b.csv")); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Lstat(link); info.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a folder")
	}
	if got := outputFiles(t, real); !maps.Equal(got, map[string]string{"b.csv": "b.csv 2"}) {
		t.Errorf("the linked folder holds %v", got)
	}
}

func TestFolderFailedRunKeepsEarlierOutput(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, files("1", "a.csv", "b.csv")); err != nil {
		t.Fatal(err)
	}
	before := contents(t, dir)
	failing := append(files("2", "a.csv"), File{"b.csv", func(w io.Writer) error {
		io.WriteString(w, "half")
		return os.ErrInvalid
	}})
	if err := WriteDir(dir, failing); err == nil {
		t.Fatal("want the failure")
	}
	if got := contents(t, dir); !maps.Equal(got, before) {
		t.Errorf("a failed run changed the folder: %v, was %v", got, before)
	}
	noStaging(t, dir)
}

// TestFolderFileTurnedIntoFolder: an output file the user replaced by a
// folder is not replaced, and the run fails before changing anything.
func TestFolderFileTurnedIntoFolder(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDir(dir, files("1", "a.csv", "b.csv")); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "b.csv"))
	os.Mkdir(filepath.Join(dir, "b.csv"), 0o755)
	before := contents(t, dir)
	if err := WriteDir(dir, files("2", "a.csv", "b.csv")); err == nil {
		t.Fatal("replacing a folder must fail")
	}
	if got := contents(t, dir); !maps.Equal(got, before) {
		t.Errorf("the folder changed: %v, was %v", got, before)
	}
	if err := CheckComplete(dir); err != nil {
		t.Error(err)
	}
}

func TestFolderBusy(t *testing.T) {
	dir := t.TempDir()
	first, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := first.Write(files("1", "a.csv")...); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(dir, files("2", "a.csv")); !errors.Is(err, ErrFolderBusy) {
		t.Fatalf("a second run got %v, want ErrFolderBusy", err)
	}
	if _, err := os.Stat(first.Path("a.csv")); err != nil {
		t.Fatalf("the second run removed the first one's files: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
	first.Close()
	if err := WriteDir(dir, files("3", "a.csv")); err != nil {
		t.Fatalf("after the first run ended: %v", err)
	}
	if got := outputFiles(t, dir); got["a.csv"] != "a.csv 3" {
		t.Errorf("got %v", got)
	}
}

func TestFolderRefusesBadNames(t *testing.T) {
	for _, name := range []string{"", ".", "..", "../escape.csv", "sub/a.csv", Marker, lockName, "a\nb.csv"} {
		if err := WriteDir(t.TempDir(), []File{{name, text("x")}}); err == nil {
			t.Errorf("%q was written", name)
		}
	}
}

// killEnv names the commit step at which the helper process dies.
const killEnv = "CITEGRAPH_TEST_KILL_AT"

// TestFolderKilledHelper is the run TestFolderKilledMidCommit kills: it
// writes run 2 into the folder given and exits at the step named.
func TestFolderKilledHelper(t *testing.T) {
	step := os.Getenv(killEnv)
	if step == "" {
		t.Skip("run by TestFolderKilledMidCommit")
	}
	commitStep = func(s string) {
		if s == step {
			os.Exit(3)
		}
	}
	dir := os.Getenv("CITEGRAPH_TEST_DIR")
	WriteDir(dir, files("2", "a.csv", "c.csv"), WithForce(true))
	t.Fatal("not killed")
}

// TestFolderKilledMidCommit kills a run at each step of its commit: the
// folder then holds the earlier output whole, or the new one whole, or (a
// folder shared with the user's files, updated in place) a marker that
// makes readers refuse it; the next run leaves nothing of the killed one.
func TestFolderKilledMidCommit(t *testing.T) {
	earlier := map[string]string{"a.csv": "a.csv 1", "b.csv": "b.csv 1"}
	later := map[string]string{"a.csv": "a.csv 2", "c.csv": "c.csv 2"}
	for _, c := range []struct {
		step   string
		shared bool // the folder holds a file of the user's: updated in place
		want   map[string]string
	}{
		{"exchange", false, earlier},
		{"exchanged", false, later},
		{"moved", true, nil},
	} {
		t.Run(c.step, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := WriteDir(dir, files("1", "a.csv", "b.csv")); err != nil {
				t.Fatal(err)
			}
			if c.shared {
				os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^TestFolderKilledHelper$")
			cmd.Env = append(os.Environ(), killEnv+"="+c.step, "CITEGRAPH_TEST_DIR="+dir)
			out, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("helper: %v\n%s", err, out)
			}
			got := outputFiles(t, dir)
			delete(got, "notes.txt")
			for name := range got {
				if strings.HasPrefix(name, stagingPrefix) {
					delete(got, name)
				}
			}
			if c.want != nil {
				if !maps.Equal(got, c.want) {
					t.Errorf("after the kill the folder holds %v, want %v", got, c.want)
				}
				if err := CheckComplete(dir); err != nil {
					t.Error(err)
				}
			} else if err := CheckComplete(dir); !errors.Is(err, ErrIncomplete) {
				t.Errorf("a folder left half written: CheckComplete = %v, want ErrIncomplete", err)
			}
			// The next run completes and removes what the killed one left.
			if err := WriteDir(dir, files("3", "a.csv")); err != nil {
				t.Fatal(err)
			}
			got = outputFiles(t, dir)
			delete(got, "notes.txt")
			if want := map[string]string{"a.csv": "a.csv 3"}; !maps.Equal(got, want) {
				t.Errorf("the next run left %v, want %v", got, want)
			}
			if err := CheckComplete(dir); err != nil {
				t.Error(err)
			}
			noStaging(t, dir)
		})
	}
}

// TestFolderHoldsInput: a folder of inputs (citegraph fetch's corpus) is
// replaced as an output folder is, but is not taken for one when read.
func TestFolderHoldsInput(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	if err := WriteDir(in, files("1", "corpus.json"), HoldsInput()); err != nil {
		t.Fatal(err)
	}
	if err := WriteDir(out, files("1", "works.csv")); err != nil {
		t.Fatal(err)
	}
	if IsOutputFolder(in) || !IsOutputFolder(out) {
		t.Errorf("IsOutputFolder: inputs %v, results %v", IsOutputFolder(in), IsOutputFolder(out))
	}
	if err := WriteDir(in, files("2", "corpus.json"), HoldsInput()); err != nil {
		t.Fatalf("a second fetch into the folder: %v", err)
	}
}

// TestFolderStart: files Start began are written while the caller goes on;
// Write waits for them instead of writing them again, and reports the
// first failure in its files' order; Commit waits for those Write was not
// given; a failed one leaves the earlier output as it was.
func TestFolderStart(t *testing.T) {
	dir := t.TempDir()
	f, err := OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	slow := File{"slow.csv", func(w io.Writer) error { <-release; return text("slow 1")(w) }}
	if err := f.Start(slow, files("1", "early.csv")[0]); err != nil {
		t.Fatal(err)
	}
	if err := f.Start(files("2", "early.csv")...); err == nil {
		t.Error("a file started twice")
	}
	close(release)
	// The second early.csv is not written: the started one is waited for.
	if err := f.Write(append(files("2", "a.csv", "early.csv"), slow)...); err != nil {
		t.Fatal(err)
	}
	if err := f.Write(files("3", "a.csv")...); err == nil {
		t.Error("a file written twice")
	}
	if err := f.Start(files("1", "late.csv")...); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := map[string]string{"a.csv": "a.csv 2", "early.csv": "early.csv 1", "slow.csv": "slow 1", "late.csv": "late.csv 1"}
	if got := outputFiles(t, dir); !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	before := contents(t, dir)
	f, err = OpenFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	failing := File{"b.csv", func(w io.Writer) error { return os.ErrInvalid }}
	if err := f.Start(failing); err != nil {
		t.Fatal(err)
	}
	if err := f.Write(files("4", "a.csv")...); err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(); !errors.Is(err, os.ErrInvalid) || !strings.Contains(err.Error(), "b.csv") {
		t.Errorf("commit: %v, want the failure of b.csv", err)
	}
	f.Close()
	if got := contents(t, dir); !maps.Equal(got, before) {
		t.Errorf("a failed run changed the folder: %v, was %v", got, before)
	}
	noStaging(t, dir)
}
