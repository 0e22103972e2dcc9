package scale

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/citegraph/citegraph/graph"
)

// fractionalTolerance bounds the relative difference between a fractional
// weight (or an index of fractional weights) summed by DuckDB and by
// citegraph: the terms are the same doubles, added in another order, so
// they differ by a few units in the last place (2.2e-16 each); sums of
// thousands of terms stay far below 1e-12. Full counting adds whole
// numbers, exactly, and its weights and indices must be equal to the bit.
const fractionalTolerance = 1e-12

// normalizations are every normalisation citegraph computes.
var normalizations = []graph.Normalization{graph.NoNormalization, graph.AssociationStrength, graph.Cosine, graph.Jaccard, graph.Inclusion, graph.Equivalence}

// loadExpected puts citegraph's network into DuckDB, for the comparisons
// of mismatches: expected_nodes (id, occurrences) and expected_links (a,
// b, weight, and its normalised weight under each normalisation of norms,
// in a column named after it), a < b; key names each member.
func loadExpected(ctx context.Context, conn *sql.Conn, raw *graph.Network, key func(member int32) string, norms []graph.Normalization) error {
	var cols []string
	for _, n := range norms {
		cols = append(cols, n.String()+" DOUBLE")
	}
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE expected_nodes (id VARCHAR, occurrences DOUBLE)"); err != nil {
		return err
	}
	if _, err := conn.ExecContext(ctx, "CREATE OR REPLACE TABLE expected_links (a VARCHAR, b VARCHAR, weight DOUBLE, "+strings.Join(cols, ", ")+")"); err != nil {
		return err
	}
	return conn.Raw(func(dc any) error {
		nodes, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "expected_nodes")
		if err != nil {
			return err
		}
		for v, m := range raw.Members {
			if err := nodes.AppendRow(key(m), raw.Occurrences[v]); err != nil {
				return err
			}
		}
		if err := nodes.Close(); err != nil {
			return err
		}
		links, err := duckdb.NewAppenderFromConn(dc.(driver.Conn), "", "expected_links")
		if err != nil {
			return err
		}
		edges := raw.Edges()
		normalized := make([][]graph.WeightedEdge, len(norms))
		for i, n := range norms {
			normalized[i] = raw.Normalize(n).Edges()
		}
		row := make([]driver.Value, 3+len(norms))
		for i, e := range edges {
			a, b := key(raw.Members[e.A]), key(raw.Members[e.B])
			if b < a {
				a, b = b, a
			}
			row[0], row[1], row[2] = a, b, e.Weight
			for j := range norms {
				row[3+j] = normalized[j][i].Weight
			}
			if err := links.AppendRow(row...); err != nil {
				return err
			}
		}
		return links.Close()
	})
}

// mismatches compares the nodes and links tables a script wrote with the
// expected ones under normalisation norm, and describes the first
// differences: a node or link missing on either side, a link written
// twice or not as a < b, occurrences or weights that differ (to the bit
// when exact, else beyond fractionalTolerance).
func mismatches(ctx context.Context, conn *sql.Conn, nodesPath, linksPath string, norm graph.Normalization, exact bool) ([]string, error) {
	agree := func(got, want string) string {
		if exact {
			return got + " = " + want
		}
		return fmt.Sprintf("abs(%s - %s) <= %g * greatest(1, abs(%s))", got, want, fractionalTolerance, want)
	}
	queries := []string{
		`SELECT 'links: ' || count(*) || ' rows, ' || count(DISTINCT (a, b)) || ' distinct, ' || count(*) FILTER (WHERE a >= b) || ' not a < b'
		 FROM read_parquet('` + linksPath + `') HAVING count(*) <> count(DISTINCT (a, b)) OR count(*) FILTER (WHERE a >= b) > 0`,
		`SELECT 'node ' || coalesce(e.id, g.id) || ': occurrences ' || coalesce(CAST(g.occurrences AS VARCHAR), 'missing') ||
		        ', citegraph ' || coalesce(CAST(e.occurrences AS VARCHAR), 'none')
		 FROM expected_nodes e FULL JOIN read_parquet('` + nodesPath + `') g ON g.id = e.id
		 WHERE e.id IS NULL OR g.id IS NULL OR NOT (` + agree("g.occurrences", "e.occurrences") + `)
		 LIMIT 10`,
		`SELECT 'link ' || coalesce(e.a, g.a) || ' ' || coalesce(e.b, g.b) || ': weight ' || coalesce(CAST(g.weight AS VARCHAR), 'missing') ||
		        ' normalized ' || coalesce(CAST(g.normalized AS VARCHAR), 'missing') ||
		        ', citegraph ' || coalesce(CAST(e.weight AS VARCHAR), 'none') || ' and ' || coalesce(CAST(e.` + norm.String() + ` AS VARCHAR), 'none')
		 FROM expected_links e FULL JOIN read_parquet('` + linksPath + `') g ON g.a = e.a AND g.b = e.b
		 WHERE e.a IS NULL OR g.a IS NULL OR NOT (` + agree("g.weight", "e.weight") + ` AND ` + agree("g.normalized", "e."+norm.String()) + `)
		 LIMIT 10`,
	}
	var out []string
	for _, q := range queries {
		rows, err := conn.QueryContext(ctx, q)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
