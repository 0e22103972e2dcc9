package bib

import (
	"errors"
	"fmt"
)

// Sentinel errors, wrapped with file and line by the readers.
var (
	ErrSyntax        = errors.New("syntax error")
	ErrUnknownFormat = errors.New("unknown input format")
	// ErrTooDeep ends the reading of JSON nested deeper than
	// encoding/json reads: no bibliographic export is.
	ErrTooDeep = errors.New("JSON nested more than 10,000 levels deep: not a bibliographic export")
)

// ParseError locates a problem in an input file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }
