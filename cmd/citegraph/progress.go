package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progressLine reports stages of long work on stderr, on one line that each
// stage overwrites, when stderr is a terminal and --quiet is not set;
// otherwise it reports nothing, so that logs and pipes stay clean.
type progressLine struct {
	w     io.Writer
	start time.Time
}

// newProgress returns a progress reporter for stderr, or nil when progress
// must not be shown.
func newProgress(stderr io.Writer, quiet bool) *progressLine {
	if quiet || !isTerminal(stderr) {
		return nil
	}
	return &progressLine{w: stderr, start: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// stage shows what is being done now; a nil reporter does nothing.
func (p *progressLine) stage(what string) {
	if p == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\033[K%5.1fs  %s…", time.Since(p.start).Seconds(), what)
}

// done clears the line.
func (p *progressLine) done() {
	if p != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// callback returns the reporter as a callback, or nil.
func (p *progressLine) callback() func(string) {
	if p == nil {
		return nil
	}
	return p.stage
}
