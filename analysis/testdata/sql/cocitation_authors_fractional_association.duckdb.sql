-- citegraph sql cocitation_authors --dialect duckdb --counting fractional --normalize association --min-citations 1 --tables citegraph-out --output networks
--
-- The co-citation network of authors (Small 1973, doi:10.1002/asi.4630240406):
-- First authors are linked once for every record citing both, and are nodes when
-- cited by at least 1 records.
-- Fractional counting.
-- The links and their weights are those of
--   citegraph cocite --level authors --counting fractional --normalize association --min-citations 1
--
-- Reads  citegraph-out/citations.parquet (citing, cited: each citation once)
--        citegraph-out/authorships.parquet
--        as citegraph analyze --export parquet writes them.
-- Writes networks/cocitation_authors_nodes.parquet (id, occurrences)
--        networks/cocitation_authors_links.parquet (a, b, weight, normalized, a < b)
--        which citegraph import-links reads to cluster, label and draw the network.
--
-- Run with  duckdb < FILE  or  duckdb scratch.duckdb < FILE. Out of core, set
-- memory_limit and temp_directory first (see docs/scale-out.md).
SET preserve_insertion_order = false;

-- 1. Incidence: one row per item and member. Co-citation of authors:
--    the items are the citing records, the members the first authors of the
--    works they cite, by author_key (folded family name and first initial).
--    DISTINCT: a record citing two works of an author counts the author once.
--    Works without an author count for no one.
CREATE OR REPLACE TEMP TABLE group_incidence AS
SELECT DISTINCT c.citing AS item, g.author_key AS member
FROM read_parquet('citegraph-out/citations.parquet') c
JOIN read_parquet('citegraph-out/authorships.parquet') g ON g.work = c.cited AND g.position = 1;

-- 2. Items and their weights. Fractional counting: an item with n members adds
--    1/(n-1) to each link among them, so that each member gets 1 from it in
--    all (Perianes-Rodriguez, Waltman and van Eck 2016,
--    doi:10.1016/j.joi.2016.10.006). An item with one member links nothing
--    and weighs 0. One row per item, so this table is small next to incidence.
CREATE OR REPLACE TEMP TABLE items AS
SELECT item, count(*) AS n,
       CASE WHEN count(*) > 1 THEN 1 / CAST(count(*) - 1 AS DOUBLE) ELSE 0 END AS w
FROM group_incidence
GROUP BY item;

-- 3. Nodes: the members of at least 1 items, with their occurrences c_i, the
--    sum of the weights of their items (the diagonal of the co-occurrence matrix,
--    weighted as the links are, so that c_ij <= min(c_i, c_j)).
CREATE OR REPLACE TEMP TABLE nodes AS
SELECT i.member AS id, sum(t.w) AS occurrences
FROM group_incidence i
JOIN items t ON t.item = i.item
GROUP BY i.member
HAVING count(*) >= 1;

-- 4. Pre-filter before the join: only the incidences of nodes, in items that
--    link something, make pairs.
CREATE OR REPLACE TEMP TABLE kept AS
SELECT i.item, i.member, t.w
FROM group_incidence i
JOIN nodes n ON n.id = i.member
JOIN items t ON t.item = i.item
WHERE t.n > 1;

-- 5. The self-join: each pair of nodes a < b in an item, summed over the
--    items. This is the expensive step: an item with k kept members makes
--    k(k-1)/2 rows, which the group-by folds into one row per link.
CREATE OR REPLACE TEMP TABLE links AS
SELECT x.member AS a, y.member AS b, sum(x.w) AS weight
FROM kept x
JOIN kept y ON y.item = x.item AND x.member < y.member
GROUP BY x.member, y.member;

-- 6. Strength s_i, the total link weight of each node, for association
--    strength. Nodes without links have none and add nothing to 2m.
CREATE OR REPLACE TEMP TABLE strength AS
SELECT id, sum(weight) AS s
FROM (SELECT a AS id, weight FROM links UNION ALL SELECT b AS id, weight FROM links) ends
GROUP BY id;

-- 7. Write the nodes.
COPY (
SELECT id, occurrences FROM nodes
) TO 'networks/cocitation_authors_nodes.parquet' (FORMAT parquet);

-- 8. Write the links with their normalised weights: association strength
--    a_ij 2m / (s_i s_j), 2m the sum of all s_i (van Eck and Waltman 2009,
--    doi:10.1002/asi.21075).
--    An index with a zero denominator is 0, as in citegraph.
COPY (
SELECT l.a, l.b, l.weight,
       CASE WHEN sa.s * sb.s = 0 THEN 0 ELSE l.weight * m.m2 / (sa.s * sb.s) END AS normalized
FROM links l
JOIN strength sa ON sa.id = l.a
JOIN strength sb ON sb.id = l.b
CROSS JOIN (SELECT sum(s) AS m2 FROM strength) m
) TO 'networks/cocitation_authors_links.parquet' (FORMAT parquet);
