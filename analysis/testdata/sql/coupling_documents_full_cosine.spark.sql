-- citegraph sql coupling_documents --dialect spark --counting full --normalize cosine --min-citations 1 --tables citegraph-out --output networks
--
-- The bibliographic coupling network of documents (Kessler 1963, doi:10.1002/asi.5090140103):
-- Works are linked once for every work both cite, and are nodes when they
-- cite at least 1 works.
-- Full counting.
-- The links and their weights are those of
--   citegraph couple --level documents --counting full --normalize cosine --min-citations 1
--
-- Reads  citegraph-out/citations.parquet (citing, cited: each citation once)
--        as citegraph analyze --export parquet writes them.
-- Writes networks/coupling_documents_nodes/ (id, occurrences)
--        networks/coupling_documents_links/ (a, b, weight, normalized, a < b)
--        which citegraph import-links reads to cluster, label and draw the network.
--
-- Run with  spark-sql -f FILE  (see docs/scale-out.md for partitions and memory).

-- 0. Drop what an earlier script left in this session: cached tables stay
--    until the session ends.
DROP VIEW IF EXISTS incidence;
DROP VIEW IF EXISTS nodes;
DROP VIEW IF EXISTS kept;
DROP VIEW IF EXISTS links;

-- 1. Incidence: one row per item and member. Bibliographic coupling of
--    documents: the items are the cited works, the members the records citing
--    them.
CREATE OR REPLACE TEMPORARY VIEW incidence AS
SELECT c.cited AS item, c.citing AS member
FROM parquet.`citegraph-out/citations.parquet` c;

-- 2. Nodes: the members of at least 1 items, with their occurrences c_i
--    (their number of items). Full counting: each item adds 1 to each link
--    among its members.
CACHE TABLE nodes AS
SELECT member AS id, CAST(count(*) AS DOUBLE) AS occurrences
FROM incidence
GROUP BY member
HAVING count(*) >= 1;

-- 3. Pre-filter before the join: only the incidences of nodes make pairs. The
--    hint partitions them by item, so that both sides of the self-join are
--    placed once and each item is paired where it is.
CREATE OR REPLACE TEMPORARY VIEW kept AS
SELECT /*+ REPARTITION(item) */ i.item, i.member
FROM incidence i
JOIN nodes n ON n.id = i.member;

-- 4. The self-join: each pair of nodes a < b in an item, counted over the
--    items. This is the expensive step: an item with k kept members makes
--    k(k-1)/2 rows, which the group-by folds into one row per link.
CACHE TABLE links OPTIONS ('storageLevel' 'DISK_ONLY') AS
SELECT x.member AS a, y.member AS b, CAST(count(*) AS DOUBLE) AS weight
FROM kept x
JOIN kept y ON y.item = x.item AND x.member < y.member
GROUP BY x.member, y.member;

-- 5. Write the nodes.
INSERT OVERWRITE DIRECTORY 'networks/coupling_documents_nodes' USING parquet
SELECT id, occurrences FROM nodes;

-- 6. Write the links with their normalised weights: Salton cosine c_ij / sqrt(c_i c_j).
--    An index with a zero denominator is 0, as in citegraph.
INSERT OVERWRITE DIRECTORY 'networks/coupling_documents_links' USING parquet
SELECT l.a, l.b, l.weight,
       CASE WHEN sqrt(na.occurrences * nb.occurrences) = 0 THEN 0 ELSE l.weight / (sqrt(na.occurrences * nb.occurrences)) END AS normalized
FROM links l
JOIN nodes na ON na.id = l.a
JOIN nodes nb ON nb.id = l.b;
