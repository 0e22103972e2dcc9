// Package fetch builds a corpus from the OpenAlex and Crossref web APIs:
// seed works given by DOI or OpenAlex id, found by a search or a filter, or
// looked up for each reference of a reference list; the works they cite,
// layer by layer (snowballing backward), and the works that cite them. It
// writes what it fetched as OpenAlex JSON Lines (and Crossref JSON Lines
// for works OpenAlex lacks), the formats package reader reads,
// so a fetched folder is an input like any other.
//
// It is an input stage beside the readers: it imports the bibliographic
// model (bib), the readers (bib/reader) and the matcher of resolution
// (resolve.Confirm, to confirm that a work a search returned is the one a
// reference cites), and must not import graph or any later stage.
//
// The client is a polite one. It batches lookups (up to 50 ids or DOIs a
// request, filter=openalex:W1|W2|…), asks only for the fields the readers
// use (select=), pages with cursors, identifies itself (mailto= for
// OpenAlex, mailto: in the User-Agent for Crossref), keeps to a rate
// (OpenAlex 10 requests a second; Crossref what its X-Rate-Limit-Limit and
// X-Rate-Limit-Interval headers say), retries on 429 and 5xx with
// exponential backoff and jitter, honouring Retry-After, gives each attempt
// a timeout, and stops as soon as its context is cancelled. Every answer is
// kept in an on-disk cache keyed by the request, written atomically, so an
// interrupted run resumes where it stopped and a finished one runs again
// offline.
package fetch
