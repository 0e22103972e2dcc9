// Package scale runs the SQL of citegraph sql (analysis.NetworkSQL) on
// DuckDB through its Go driver, and its tests check every node and link it
// writes against citegraph's own networks (analysis.BuildNetwork) on the
// samples and on a generated corpus of a million references.
//
// It is a module of its own so that citegraph's module stays pure Go: the
// DuckDB driver links DuckDB's C++ library with cgo. Run its tests from
// this folder with go test ./...; cmd/corpustables writes the tables of a
// generated corpus (CorpusTables) and cmd/duckrun runs a script with
// DuckDB's out-of-core settings and reports its time, memory and spill
// (docs/scale-out.md).
package scale

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // the "duckdb" driver
)

// Statements splits a script of citegraph sql into its statements: each
// ends a line with ";" (analysis.NetworkSQL promises no other ";" at a
// line's end), as PySpark's spark.sql wants them one at a time.
func Statements(script string) []string {
	var out []string
	for _, s := range strings.SplitAfter(script, ";\n") {
		if strings.TrimSpace(stripComments(s)) != "" {
			out = append(out, s)
		}
	}
	return out
}

// stripComments drops the "--" comment lines of a statement.
func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(line), "--") {
			b.WriteString(line)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// Open opens an in-memory DuckDB and returns one connection of it: temporary
// tables belong to a connection, so a script runs on one. settings are SET
// statements' "name = value" parts, run first.
func Open(ctx context.Context, settings ...string) (*sql.DB, *sql.Conn, error) {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return nil, nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	for _, s := range settings {
		if _, err := conn.ExecContext(ctx, "SET "+s); err != nil {
			conn.Close()
			db.Close()
			return nil, nil, fmt.Errorf("SET %s: %w", s, err)
		}
	}
	return db, conn, nil
}

// Run runs a script statement by statement on conn.
func Run(ctx context.Context, conn *sql.Conn, script string) error {
	for i, s := range Statements(script) {
		if _, err := conn.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("statement %d: %w\n%s", i+1, err, s)
		}
	}
	return nil
}
