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

// File is one output file: its name in the output folder and the function
// that writes its content.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// ErrFolderInUse is returned when the output folder holds files that
// citegraph did not write.
var ErrFolderInUse = errors.New("the output folder holds other files (use another folder, or --force to write into it)")

// ErrFolderBusy is returned when another run is writing into the output
// folder.
var ErrFolderBusy = errors.New("another citegraph run is writing into this folder; wait for it to end")

// Folder is an output folder open for one run. The run's files are written
// into a staging folder beside it; Commit puts them in place of the
// folder's whole content, so that readers see the previous output or the
// new one, never a mix, and files of the previous run that this run does
// not write are gone. A folder that also holds the user's files (written
// into with --force) is updated in place instead: its marker then says
// "being written" until every file is in place. A lock file keeps a second
// run out while one writes.
type Folder struct {
	dir       string // the output folder, symbolic links resolved
	staging   string // where the run's files are written until Commit
	inPlace   bool   // Commit moves the files into dir one by one
	keep      bool   // the earlier output's files stay (see KeepEarlier)
	run       string // what wrote the files (see ByRun)
	kind      string // what the folder holds: markerOutput or markerInput
	earlier   manifest
	written   []string
	started   map[string]*startedFile // the files Start began, by name
	pending   []*startedFile          // those not yet counted written, in order
	locks     []*flock.Flock
	done      bool
	created   bool // OpenFolder made dir: Close removes it unless committed
	committed bool
}

// FolderOption configures OpenFolder.
type FolderOption func(*folderConfig)

type folderConfig struct {
	force, keep, input bool
	run                string
}

// WithForce lets the run write into a folder that holds files citegraph did
// not write; those files stay as they are.
func WithForce(force bool) FolderOption {
	return func(c *folderConfig) { c.force = force }
}

// KeepEarlier makes the run add to the earlier output instead of replacing
// it: the earlier files this run does not write stay. citegraph export uses
// it when it writes beside the tables it read.
func KeepEarlier() FolderOption {
	return func(c *folderConfig) { c.keep = true }
}

// ByRun says what writes the files (a command line); the marker lists it
// beside each file, so that a folder several runs added to says which run
// each file belongs to.
func ByRun(run string) FolderOption {
	return func(c *folderConfig) { c.run = oneLine(run) }
}

// HoldsInput marks the folder as holding inputs to read (a corpus citegraph
// fetch gathered), not results: IsOutputFolder is false for it, so that
// citegraph analyze reads it.
func HoldsInput() FolderOption {
	return func(c *folderConfig) { c.input = true }
}

// OpenFolder opens dir for writing one run's output. A folder that does not
// exist yet is created; one that holds files citegraph did not write is
// refused with ErrFolderInUse (unless WithForce) before anything in it is
// touched; one another run is writing into is refused with ErrFolderBusy.
// Temporary folders an interrupted run left behind are removed. Close
// releases the folder; without Commit the output stays as it was.
func OpenFolder(dir string, opts ...FolderOption) (*Folder, error) {
	var c folderConfig
	for _, o := range opts {
		o(&c)
	}
	dir, err := realDir(dir)
	if err != nil {
		return nil, err
	}
	st, err := inspectFolder(dir)
	if err != nil {
		return nil, err
	}
	if st.foreign && !c.force {
		return nil, fmt.Errorf("%s: %w", dir, ErrFolderInUse)
	}
	_, statErr := os.Stat(dir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f := &Folder{dir: dir, keep: c.keep, run: c.run, kind: markerOutput, created: errors.Is(statErr, fs.ErrNotExist)}
	if c.input {
		f.kind = markerInput
	}
	lock, err := lockFolder(dir)
	if err != nil {
		return nil, err
	}
	f.locks = append(f.locks, lock)
	if err := f.open(c); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// open does OpenFolder's work under the folder's lock.
func (f *Folder) open(c folderConfig) error {
	// Look again: the folder may have changed before the lock was taken.
	st, err := inspectFolder(f.dir)
	if err != nil {
		return err
	}
	if st.foreign && !c.force {
		return fmt.Errorf("%s: %w", f.dir, ErrFolderInUse)
	}
	if err := removeStale(f.dir); err != nil {
		return err
	}
	f.earlier = st.files
	f.inPlace = st.foreign || st.shared
	if !f.inPlace {
		f.staging, err = newSibling(f.dir)
		switch {
		case err == nil:
			lock, err := lockFolder(f.staging)
			if err != nil {
				return err
			}
			f.locks = append(f.locks, lock)
			return nil
		case !errors.Is(err, errNoSibling):
			return err
		}
		// The folder is a mount point or its parent is not writable.
		f.inPlace = true
	}
	f.staging, err = os.MkdirTemp(f.dir, stagingPrefix+"*")
	return err
}

// Start begins writing files into the run's staging folder, each flushed
// to disk, and returns: they are written side by side, on goroutines of
// their own, while the caller goes on (citegraph analyze writes the tables
// of the resolved references while it computes the networks). Write waits
// for a file Start began instead of writing it again; Commit waits for them
// all, Close for any still being written.
func (f *Folder) Start(files ...File) error {
	for _, file := range files {
		if err := checkName(file.Name); err != nil {
			return err
		}
		if slices.Contains(f.written, file.Name) || f.started[file.Name] != nil {
			return fmt.Errorf("%s written twice", file.Name)
		}
		w := &startedFile{name: file.Name, done: make(chan struct{})}
		if f.started == nil {
			f.started = map[string]*startedFile{}
		}
		f.started[file.Name] = w
		f.pending = append(f.pending, w)
		go func() {
			defer close(w.done)
			w.err = writeNew(filepath.Join(f.staging, file.Name), file.Write)
		}()
	}
	return nil
}

// startedFile is a file Start is writing.
type startedFile struct {
	name string
	done chan struct{} // closed when written, or failed with err
	err  error
}

// Write writes files into the run's staging folder, each flushed to disk,
// side by side (see Start), and returns when all are written. Their
// contents do not depend on the order they are made in; the first failure
// in the order of files is returned.
func (f *Folder) Write(files ...File) error {
	var fresh []File
	for _, file := range files {
		if w := f.started[file.Name]; w == nil || slices.Contains(f.written, file.Name) {
			fresh = append(fresh, file)
		}
	}
	if err := f.Start(fresh...); err != nil {
		return err
	}
	for _, file := range files {
		if err := f.finish(f.started[file.Name]); err != nil {
			return err
		}
	}
	return nil
}

// finish waits for a started file and counts it written.
func (f *Folder) finish(w *startedFile) error {
	<-w.done
	if w.err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(f.dir, w.name), w.err)
	}
	f.pending = slices.DeleteFunc(f.pending, func(p *startedFile) bool { return p == w })
	f.written = append(f.written, w.name)
	return nil
}

// Path is where the file name written by this run is until Commit, for
// tools that read it (Graphviz drawing a DOT file).
func (f *Folder) Path(name string) string { return filepath.Join(f.staging, name) }

// Dir is the output folder, symbolic links resolved.
func (f *Folder) Dir() string { return f.dir }

// Commit puts the files written in place of the earlier output.
func (f *Folder) Commit() error {
	err := f.commit()
	f.committed = err == nil
	return err
}

func (f *Folder) commit() error {
	if f.done {
		return errors.New("output folder already committed or closed")
	}
	f.done = true
	for len(f.pending) > 0 {
		if err := f.finish(f.pending[0]); err != nil {
			return err
		}
	}
	next := manifest{}
	if f.keep {
		maps.Copy(next, f.earlier)
	}
	for _, name := range f.written {
		next[name] = f.run
	}
	if !f.inPlace {
		err := f.swap(next)
		if err == nil || !errors.Is(err, errSwapUnchanged) {
			return err
		}
		// The platform cannot rename the folder (Windows, with the lock
		// file open in it): move the files in instead.
	}
	return f.moveIn(next)
}

// swap completes the staging folder and exchanges it with dir.
func (f *Folder) swap(next manifest) error {
	for name := range next {
		if slices.Contains(f.written, name) {
			continue
		}
		if err := linkOrCopy(filepath.Join(f.dir, name), filepath.Join(f.staging, name)); err != nil {
			return fmt.Errorf("keeping %s: %w", filepath.Join(f.dir, name), err)
		}
	}
	if err := writeMarker(f.staging, f.kind+markerComplete, next); err != nil {
		return err
	}
	syncDir(f.staging)
	commitStep("exchange")
	if err := exchange(f.staging, f.dir); err != nil {
		return err
	}
	commitStep("exchanged")
	// The staging name now holds the earlier output.
	return os.RemoveAll(f.staging)
}

// moveIn renames the files from the staging folder into dir one by one,
// the marker saying "being written" until the last is in place.
func (f *Folder) moveIn(next manifest) error {
	for _, name := range f.written {
		if info, err := os.Lstat(filepath.Join(f.dir, name)); err == nil && !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file: citegraph does not replace it", filepath.Join(f.dir, name))
		}
	}
	// A run killed from here on leaves every file listed, so the next run
	// still knows them as its own.
	all := manifest{}
	maps.Copy(all, f.earlier)
	maps.Copy(all, next)
	if err := writeMarker(f.dir, f.kind+markerBeingWritten, all); err != nil {
		return err
	}
	for _, name := range f.written {
		if err := os.Rename(filepath.Join(f.staging, name), filepath.Join(f.dir, name)); err != nil {
			return err
		}
		commitStep("moved")
	}
	for name := range f.earlier {
		if _, ok := next[name]; !ok {
			if err := os.Remove(filepath.Join(f.dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	syncDir(f.dir)
	if err := writeMarker(f.dir, f.kind+markerComplete, next); err != nil {
		return err
	}
	return os.RemoveAll(f.staging)
}

// Close releases the folder and removes the staging folder: without
// Commit, or after a failed one, the earlier output stays as it was.
func (f *Folder) Close() error {
	for _, w := range f.pending {
		<-w.done
	}
	var err error
	if f.staging != "" {
		err = os.RemoveAll(f.staging)
	}
	f.done = true
	abandoned := f.created && !f.committed && f.locks != nil
	if abandoned {
		// Removed while held: a run waiting on it takes a new one (lockFolder).
		os.Remove(filepath.Join(f.dir, lockName))
	}
	for i := len(f.locks) - 1; i >= 0; i-- {
		if uerr := f.locks[i].Close(); err == nil {
			err = uerr
		}
	}
	f.locks = nil
	if abandoned {
		// A folder that did not exist before the run is not left behind
		// empty when the run fails (a network refused after the
		// references' tables were begun). Only an empty one is removed.
		os.Remove(f.dir)
	}
	return err
}

// commitStep is called at each step of Commit; the tests kill a run there.
var commitStep = func(step string) {}

// WriteDir writes files into dir as one run (see OpenFolder and Commit).
func WriteDir(dir string, files []File, opts ...FolderOption) error {
	f, err := OpenFolder(dir, opts...)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Write(files...); err != nil {
		return err
	}
	return f.Commit()
}

// realDir resolves the symbolic links of dir, so that the folder a link
// names is the one replaced, not the link.
func realDir(dir string) (string, error) {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return filepath.Clean(dir), nil
	case err != nil:
		return "", err
	case !info.IsDir():
		return "", fmt.Errorf("%s: not a folder", dir)
	}
	return filepath.EvalSymlinks(dir)
}

// checkName refuses file names that would leave the folder or clash with
// the folder's own files.
func checkName(name string) error {
	if name == "" || name != filepath.Base(name) || name == "." || name == ".." ||
		strings.HasPrefix(name, ".citegraph") || strings.ContainsFunc(name, func(r rune) bool { return r < 0x20 }) {
		return fmt.Errorf("%q is not a file name citegraph writes", name)
	}
	return nil
}

// writeNew creates path, writes it with write, and flushes it to disk.
func writeNew(path string, write func(io.Writer) error) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	return writeAndClose(fh, write)
}

// writeAndClose writes fh with write, flushes it to disk and closes it.
func writeAndClose(fh *os.File, write func(io.Writer) error) (err error) {
	defer func() {
		if cerr := fh.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(fh, 256<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return fh.Sync()
}

// linkOrCopy makes dst hold src's content: a hard link, or a copy where
// links are not possible.
func linkOrCopy(src, dst string) error {
	if os.Link(src, dst) == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return writeNew(dst, func(w io.Writer) error { _, err := io.Copy(w, in); return err })
}

// syncDir flushes a folder's entries to disk, where the platform can (best
// effort: a folder cannot be synced everywhere).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// WriteFile writes one file into dir atomically: to a temporary file in dir
// first, renamed over name when complete. A failure leaves the previous
// file as it was. It is for single files the user names (metrics -o);
// output folders are written with OpenFolder.
func WriteFile(dir, name string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(dir, "."+name+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if err := writeAndClose(tmp, write); err != nil {
		return fmt.Errorf("writing %s: %w", filepath.Join(dir, name), err)
	}
	return os.Rename(tmp.Name(), filepath.Join(dir, name))
}
