package export

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// File is one output file: its name in the output folder and the function
// that writes its content.
type File struct {
	Name  string
	Write func(io.Writer) error
}

// Marker is the file that marks a folder as citegraph's output, so that a
// later run may replace its content without --force.
const Marker = ".citegraph-output"

// ErrFolderInUse is returned when the output folder holds files that
// citegraph did not write.
var ErrFolderInUse = errors.New("the output folder holds other files (use another folder, or --force to write into it)")

// tempInfix marks the temporary files of a write in progress.
const tempInfix = ".tmp-"

// PrepareDir makes dir ready to receive output: it creates it if needed,
// refuses a non-empty folder that is not an earlier output unless force is
// set, and removes temporary files an interrupted run left behind.
func PrepareDir(dir string, force bool) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	ours := false
	var others []string
	for _, e := range entries {
		switch {
		case e.Name() == Marker:
			ours = true
		case strings.HasPrefix(e.Name(), ".") && strings.Contains(e.Name(), tempInfix):
			os.Remove(filepath.Join(dir, e.Name()))
		default:
			others = append(others, e.Name())
		}
	}
	if len(others) > 0 && !ours && !force {
		return fmt.Errorf("%s: %w", dir, ErrFolderInUse)
	}
	return os.WriteFile(filepath.Join(dir, Marker), []byte("written by citegraph\n"), 0o644)
}

// WriteFiles writes all files into dir, all or nothing: each goes to a
// temporary file in dir first, and only when every one is complete are they
// renamed over their names. A failure removes the temporary files and leaves
// the previous output as it was; so does an interrupt before the renames.
func WriteFiles(dir string, files []File) (err error) {
	var temps []string
	defer func() {
		if err != nil {
			for _, t := range temps {
				os.Remove(t)
			}
		}
	}()
	for _, f := range files {
		t, err := writeTemp(dir, f)
		if t != "" {
			temps = append(temps, t)
		}
		if err != nil {
			return err
		}
	}
	for i, f := range files {
		if err := os.Rename(temps[i], filepath.Join(dir, f.Name)); err != nil {
			return err
		}
	}
	return nil
}

// WriteFile writes one file into dir atomically (see WriteFiles).
func WriteFile(dir, name string, write func(io.Writer) error) error {
	return WriteFiles(dir, []File{{name, write}})
}

// writeTemp writes f to a synced temporary file in dir and returns its path.
func writeTemp(dir string, f File) (path string, err error) {
	tmp, err := os.CreateTemp(dir, "."+f.Name+tempInfix+"*")
	if err != nil {
		return "", err
	}
	defer func() {
		if cerr := tmp.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(tmp, 256<<10)
	if err = f.Write(bw); err != nil {
		return tmp.Name(), fmt.Errorf("writing %s: %w", filepath.Join(dir, f.Name), err)
	}
	if err = bw.Flush(); err != nil {
		return tmp.Name(), err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return tmp.Name(), err
	}
	return tmp.Name(), tmp.Sync()
}
