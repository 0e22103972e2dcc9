package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gofrs/flock"
)

// Marker is the file that marks a folder as citegraph's output. It lists
// the files of the run that wrote the folder, so that a later run replaces
// those and no other, and says whether that run completed.
const Marker = ".citegraph-output"

// The marker's first line: what the folder holds, then its state.
const (
	markerOutput       = "citegraph output"
	markerInput        = "citegraph input" // a corpus fetched to be read (see HoldsInput)
	markerComplete     = ", complete"
	markerBeingWritten = ", being written: until the run ends the files may be a mix of two runs"
)

// ErrIncomplete is returned by CheckComplete for a folder a run was
// interrupted while writing.
var ErrIncomplete = errors.New("a citegraph run was interrupted while writing this folder, so its files may be a mix of two runs; run citegraph again")

const (
	lockName      = ".citegraph-lock" // the lock file, in the output folder
	stagingPrefix = ".citegraph-new-" // a staging folder inside the output folder
	siblingInfix  = ".citegraph-"     // a staging folder beside it: ".NAME.citegraph-new-…"
)

// manifest maps the files of an output folder to the run that wrote each.
type manifest map[string]string

// folderState is what an output folder holds before a run.
type folderState struct {
	files   manifest // the earlier runs' files, as the marker lists them
	foreign bool     // other files and no marker: not an output folder
	shared  bool     // a marker, and files it does not list (the user's)
}

// inspectFolder looks at dir without changing anything.
func inspectFolder(dir string) (folderState, error) {
	var st folderState
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	marked := false
	var others []fs.DirEntry
	for _, e := range entries {
		name, typ := e.Name(), e.Type()
		switch {
		case name == Marker && typ.IsRegular():
			marked = true
		case name == lockName && typ.IsRegular():
		case strings.HasPrefix(name, stagingPrefix) && typ.IsDir():
		default:
			others = append(others, e)
		}
	}
	if !marked {
		st.foreign = len(others) > 0
		return st, nil
	}
	_, listed, err := readMarker(dir)
	if err != nil {
		return st, err
	}
	st.files = manifest{}
	for _, e := range others {
		if run, ok := listed[e.Name()]; ok && e.Type().IsRegular() {
			st.files[e.Name()] = run
		} else {
			st.shared = true
		}
	}
	return st, nil
}

// IsOutputFolder reports whether dir holds citegraph's marker, as a regular
// file, and results rather than inputs (see HoldsInput): a folder its inputs
// are not read from.
func IsOutputFolder(dir string) bool {
	info, err := os.Lstat(filepath.Join(dir, Marker))
	if err != nil || !info.Mode().IsRegular() {
		return false
	}
	state, _, err := readMarker(dir)
	return err != nil || !strings.HasPrefix(state, markerInput)
}

// CheckComplete returns ErrIncomplete when dir is an output folder a run
// was interrupted while writing; nil otherwise.
func CheckComplete(dir string) error {
	if !IsOutputFolder(dir) {
		return nil
	}
	state, _, err := readMarker(dir)
	if err != nil {
		return err
	}
	if strings.HasSuffix(state, markerBeingWritten) {
		return fmt.Errorf("%s: %w", dir, ErrIncomplete)
	}
	return nil
}

// maxMarker bounds the marker read: a few hundred file names.
const maxMarker = 1 << 20

// readMarker returns the marker's first line and the files it lists, one a
// line, each with the run that wrote it after a tab. A marker of an older
// citegraph ("written by citegraph") lists none.
func readMarker(dir string) (state string, files manifest, err error) {
	fh, err := os.Open(filepath.Join(dir, Marker))
	if err != nil {
		return "", nil, err
	}
	defer fh.Close()
	files = manifest{}
	sc := bufio.NewScanner(io.LimitReader(fh, maxMarker))
	for sc.Scan() {
		if state == "" {
			state = sc.Text()
			continue
		}
		name, run, _ := strings.Cut(sc.Text(), "\t")
		if checkName(name) == nil {
			files[name] = run
		}
	}
	return state, files, sc.Err()
}

// writeMarker writes the marker into dir atomically, replacing (never
// following) whatever holds its name.
func writeMarker(dir, state string, files manifest) error {
	return WriteFile(dir, Marker, func(w io.Writer) error {
		var b strings.Builder
		b.WriteString(state + "\n")
		for _, name := range slices.Sorted(maps.Keys(files)) {
			b.WriteString(name)
			if run := files[name]; run != "" {
				b.WriteString("\t" + run)
			}
			b.WriteByte('\n')
		}
		_, err := io.WriteString(w, b.String())
		return err
	})
}

// lockFolder takes dir's lock file, or returns ErrFolderBusy. The lock is
// on the file dir holds when the lock is taken: a run that replaced the
// folder meanwhile has a new lock file there, so the check is repeated.
func lockFolder(dir string) (*flock.Flock, error) {
	path := filepath.Join(dir, lockName)
	for {
		if info, err := os.Lstat(path); err == nil && !info.Mode().IsRegular() {
			return nil, fmt.Errorf("%s is not a regular file", path)
		}
		l := flock.New(path, flock.SetPermissions(0o644))
		ok, err := l.TryLock()
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, fmt.Errorf("%s: %w", dir, ErrFolderBusy)
		}
		held, err1 := l.Stat()
		now, err2 := os.Lstat(path)
		if err1 == nil && err2 == nil && os.SameFile(held, now) {
			return l, nil
		}
		l.Close()
		if err1 != nil {
			return nil, err1
		}
		if err2 != nil && !errors.Is(err2, fs.ErrNotExist) {
			return nil, err2
		}
	}
}

// errNoSibling says the staging folder cannot be beside the output folder.
var errNoSibling = errors.New("no staging folder beside the output folder")

// newSibling makes the staging folder beside dir, on dir's file system and
// with its permissions.
func newSibling(dir string) (string, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return "", err
	}
	staging, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+siblingInfix+"new-*")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return "", errNoSibling
		}
		return "", err
	}
	sinfo, err := os.Stat(staging)
	if err == nil && !sameDevice(info, sinfo) {
		os.Remove(staging)
		return "", errNoSibling
	}
	if err == nil {
		err = os.Chmod(staging, info.Mode().Perm())
	}
	if err != nil {
		os.RemoveAll(staging)
		return "", err
	}
	return staging, nil
}

// removeStale removes the staging folders interrupted runs left inside dir
// and beside it. It runs under dir's lock, so no run is using them.
func removeStale(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), stagingPrefix) && e.IsDir() {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	parent, prefix := filepath.Dir(dir), "."+filepath.Base(dir)+siblingInfix
	entries, err = os.ReadDir(parent)
	if err != nil {
		return nil // an unreadable parent holds no staging folder of ours
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.IsDir() {
			if err := os.RemoveAll(filepath.Join(parent, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
