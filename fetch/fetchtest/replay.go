// Package fetchtest serves recorded OpenAlex and Crossref answers over
// real HTTP, for the tests of package fetch and of the fetch command: the
// client under test is the real one. The bodies are those the APIs
// returned (testdata/api, with their provenance in its MANIFEST.tsv).
//
// Where no recording exists, the server composes an answer from recorded
// bodies, and says so here: a list answer (filter=openalex:…, doi:…,
// cites:…, and title searches a test asks for) is the recorded work
// records the filter names, each cut to the fields select= asks for, in
// the envelope of a recorded list ({"meta", "results"}), split into cursor
// pages of PageSize. No record is made up: a work the recordings lack is
// simply absent from the answer, as OpenAlex leaves out a work it does not
// know.
package fetchtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/reader"
)

// Server is a replay server; its fields may be set before the first request.
type Server struct {
	*httptest.Server
	t   testing.TB
	dir string

	// Works are the recorded OpenAlex work records, by short id.
	Works map[string]json.RawMessage
	// byDOI maps a normalised DOI to a short id.
	byDOI map[string]string
	// Crossref are the recorded Crossref works, by lower-case DOI (whole
	// answers, envelope included).
	Crossref map[string][]byte

	// Cites lists the ids of the records served for a cites: filter.
	Cites []string
	// TitleSearch answers a filter=title.search: list: the ids of the
	// records to serve (nil: none).
	TitleSearch func(title string) []string
	// Bibliographic answers a Crossref query.bibliographic: a recorded
	// body (default: the recorded answer with no items).
	Bibliographic func(query string) []byte
	// PageSize is the size of the cursor pages of a composed list (default 100).
	PageSize int
	// MaxBatch fails a list request ORing more values than this (default 50).
	MaxBatch int
	// Email, when set, must come with every request (OpenAlex mailto=,
	// Crossref User-Agent).
	Email string
	// Intercept, when set, sees every request first, numbered from 1; it
	// returns true when it has answered.
	Intercept func(n int, w http.ResponseWriter, r *http.Request) bool

	mu       sync.Mutex
	requests []string // the request URLs, in order
}

// NewServer starts a replay server over the recordings in dir
// (testdata/api) and stops it when the test ends.
func NewServer(t testing.TB, dir string) *Server {
	s := &Server{t: t, dir: dir, Works: map[string]json.RawMessage{}, byDOI: map[string]string{},
		Crossref: map[string][]byte{}, PageSize: 100, MaxBatch: 50}
	files, _ := filepath.Glob(filepath.Join(dir, "openalex", "works_*.json"))
	for _, f := range files {
		var body struct {
			ID      string            `json:"id"`
			Results []json.RawMessage `json:"results"`
		}
		raw := s.Read("openalex/" + filepath.Base(f))
		if err := json.Unmarshal(raw, &body); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		recs := body.Results
		if body.ID != "" {
			recs = []json.RawMessage{raw}
		}
		for _, rec := range recs {
			var head struct{ ID, DOI string }
			json.Unmarshal(rec, &head)
			if id := short(head.ID); id != "" {
				s.Works[id] = rec
				if doi := doiKey(head.DOI); doi != "" {
					s.byDOI[doi] = id
				}
			}
		}
	}
	files, _ = filepath.Glob(filepath.Join(dir, "crossref", "works_10.*.json"))
	for _, f := range files {
		raw := s.Read("crossref/" + filepath.Base(f))
		var env struct {
			Message struct{ DOI string } `json:"message"`
		}
		json.Unmarshal(raw, &env)
		s.Crossref[strings.ToLower(env.Message.DOI)] = raw
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Read returns a recorded body, by its path under the recordings folder.
func (s *Server) Read(name string) []byte {
	b, err := os.ReadFile(filepath.Join(s.dir, name))
	if err != nil {
		s.t.Fatal(err)
	}
	return b
}

// OpenAlexURL and CrossrefURL are the two APIs' base URLs on the server.
func (s *Server) OpenAlexURL() string { return s.URL + "/openalex" }

// CrossrefURL is Crossref's base URL on the server.
func (s *Server) CrossrefURL() string { return s.URL + "/crossref" }

// Requests returns the URLs asked so far (path and query), in order.
func (s *Server) Requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// IDByDOI returns the id of the recorded work with a DOI.
func (s *Server) IDByDOI(doi string) string { return s.byDOI[doiKey(doi)] }

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests = append(s.requests, r.URL.RequestURI())
	n := len(s.requests)
	s.mu.Unlock()
	if s.Intercept != nil && s.Intercept(n, w, r) {
		return
	}
	path := r.URL.Path
	switch {
	case strings.HasPrefix(path, "/openalex/"):
		if s.Email != "" && r.URL.Query().Get("mailto") != s.Email {
			s.fail(w, "OpenAlex request without mailto=%s: %s", s.Email, r.URL)
			return
		}
		s.openAlex(w, r, strings.TrimPrefix(path, "/openalex"))
	case strings.HasPrefix(path, "/crossref/"):
		if s.Email != "" && !strings.Contains(r.Header.Get("User-Agent"), "mailto:"+s.Email) {
			s.fail(w, "Crossref request without mailto:%s in the User-Agent (%q)", s.Email, r.Header.Get("User-Agent"))
			return
		}
		s.crossref(w, r, strings.TrimPrefix(path, "/crossref"))
	default:
		s.fail(w, "unknown path %s", path)
	}
}

// fail reports a request the client should not have made, and answers 400.
func (s *Server) fail(w http.ResponseWriter, format string, args ...any) {
	s.t.Errorf("replay server: "+format, args...)
	http.Error(w, fmt.Sprintf(format, args...), http.StatusBadRequest)
}

func (s *Server) openAlex(w http.ResponseWriter, r *http.Request, path string) {
	q := r.URL.Query()
	fields := q.Get("select")
	if rest, ok := strings.CutPrefix(path, "/works/"); ok {
		id := short(rest)
		if doi := doiKey(rest); doi != "" {
			id = s.byDOI[doi]
		}
		rec, ok := s.Works[id]
		if !ok {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(s.Read("openalex/error_404_works_doi_10.1046_j.1365-2699.2003.00795.html"))
			return
		}
		writeJSON(w, selectFields(rec, fields))
		return
	}
	if path != "/works" {
		s.fail(w, "unknown OpenAlex path %s", path)
		return
	}
	if pp, _ := strconv.Atoi(q.Get("per_page")); pp < 1 || pp > 100 {
		s.fail(w, "per_page=%q: OpenAlex allows 1 to 100", q.Get("per_page"))
		return
	}
	var ids []string
	for _, f := range splitFilter(q.Get("filter")) {
		key, value, _ := strings.Cut(f, ":")
		values := strings.Split(value, "|")
		switch key {
		case "openalex", "doi", "cites":
			if len(values) > s.MaxBatch {
				s.fail(w, "filter %s ORs %d values, more than %d", key, len(values), s.MaxBatch)
				return
			}
		}
		switch key {
		case "openalex":
			for _, v := range values {
				if _, ok := s.Works[short(v)]; ok {
					ids = append(ids, short(v))
				}
			}
		case "doi":
			for _, v := range values {
				if id, ok := s.byDOI[doiKey(v)]; ok {
					ids = append(ids, id)
				}
			}
		case "cites":
			ids = s.Cites
		case "title.search":
			if s.TitleSearch != nil {
				ids = s.TitleSearch(value)
			}
		}
	}
	s.list(w, ids, fields, q.Get("cursor"))
}

// list answers a composed list: the records ids names, from the page the
// cursor ("*" or a page number, as a string) points at.
func (s *Server) list(w http.ResponseWriter, ids []string, fields, cursor string) {
	start := 0
	if cursor != "" && cursor != "*" {
		var err error
		if start, err = strconv.Atoi(strings.TrimPrefix(cursor, "page-")); err != nil {
			s.fail(w, "unknown cursor %q", cursor)
			return
		}
	}
	end := min(len(ids), start+s.PageSize)
	results := []json.RawMessage{}
	for _, id := range ids[min(start, len(ids)):end] {
		results = append(results, selectFields(s.Works[id], fields))
	}
	// The envelope of the recorded title.search list, with its meta set to
	// this answer.
	var env map[string]json.RawMessage
	json.Unmarshal(s.Read("openalex/works_filter_title.search_paperqa.json"), &env)
	var meta map[string]any
	json.Unmarshal(env["meta"], &meta)
	meta["count"], meta["per_page"], meta["page"] = len(ids), s.PageSize, nil
	meta["next_cursor"] = nil
	if cursor != "" && end < len(ids) {
		meta["next_cursor"] = "page-" + strconv.Itoa(end)
	}
	env["meta"], _ = json.Marshal(meta)
	env["results"], _ = json.Marshal(results)
	b, _ := json.Marshal(env)
	writeJSON(w, b)
}

func (s *Server) crossref(w http.ResponseWriter, r *http.Request, path string) {
	if doi, ok := strings.CutPrefix(path, "/works/"); ok {
		if body, ok := s.Crossref[strings.ToLower(doi)]; ok {
			writeJSON(w, body)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(http.StatusNotFound)
		w.Write(s.Read("crossref/error_404_works_10.1371_notarealdoi.txt"))
		return
	}
	q := r.URL.Query()
	if path != "/works" || q.Get("query.bibliographic") == "" {
		s.fail(w, "unexpected Crossref request %s", r.URL)
		return
	}
	body := s.Read("crossref/query_title_no_match_rows1.json")
	if s.Bibliographic != nil {
		if b := s.Bibliographic(q.Get("query.bibliographic")); b != nil {
			body = b
		}
	}
	// The recorded headers of Crossref's polite pool.
	w.Header().Set("X-Rate-Limit-Limit", "10")
	w.Header().Set("X-Rate-Limit-Interval", "1s")
	writeJSON(w, body)
}

func writeJSON(w http.ResponseWriter, b []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Write(b)
}

// selectFields keeps the top-level fields of a record that select= names,
// as OpenAlex does; all of them when fields is empty.
func selectFields(rec json.RawMessage, fields string) json.RawMessage {
	if fields == "" {
		return rec
	}
	var all map[string]json.RawMessage
	json.Unmarshal(rec, &all)
	kept := map[string]json.RawMessage{}
	for _, f := range strings.Split(fields, ",") {
		if v, ok := all[f]; ok {
			kept[f] = v
		}
	}
	b, _ := json.Marshal(kept)
	return b
}

// splitFilter splits a filter on the commas between filters.
func splitFilter(f string) []string {
	if f == "" {
		return nil
	}
	return strings.Split(f, ",")
}

func short(id string) string {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		id = id[i+1:]
	}
	if len(id) > 1 && (id[0] == 'W' || id[0] == 'w') {
		return "W" + id[1:]
	}
	return ""
}

// doiKey is the lower-case DOI of "https://doi.org/10.…", "10.…" or a
// path ending in either; "" for anything else.
func doiKey(s string) string {
	s, _ = url.PathUnescape(s)
	if i := strings.Index(s, "10."); i >= 0 && strings.Contains(s[i:], "/") {
		return strings.ToLower(s[i:])
	}
	return ""
}

// AnswerSearches makes the server answer the searches the recordings hold
// an answer to: Crossref's for "Attention is all you need" (Shaw et al.
// 2018, a title search with the authors) and for "… with chemistry tools"
// (Bran et al. 2024, a title search), each served for query.bibliographic,
// and OpenAlex's title search for "The Politics of the Past in Early China"
// (Leung 2019, the recorded record in a composed list).
func (s *Server) AnswerSearches() {
	s.Bibliographic = func(q string) []byte {
		switch {
		case strings.Contains(q, "Attention is all you need"):
			return s.Read("crossref/query_title_attention_is_all_you_need_query_author_rows1.json")
		case strings.Contains(q, "chemistry tools"):
			return s.Read("crossref/query_title_augmenting_llms_chemistry_tools_rows1.json")
		}
		return nil
	}
	s.TitleSearch = func(title string) []string {
		if strings.Contains(title, "Politics of the Past") {
			return []string{"W97658052"}
		}
		return nil
	}
}

// References returns references to the works of AnswerSearches: the real
// reference to Vaswani et al. 2017 in the reference list of Bran et al.'s
// recorded Crossref record, and references to Bran et al. 2024 and to
// Leung 2019 written in the seed list's style from their recorded records
// (StyleGBT), Leung's without its DOI.
func (s *Server) References() (vaswani, bran, leung string) {
	body := s.Read("crossref/query_title_augmenting_llms_chemistry_tools_rows1.json")
	var env struct {
		Message struct {
			Items []struct {
				Reference []struct{ Key, Unstructured string } `json:"reference"`
			} `json:"items"`
		} `json:"message"`
	}
	if err := json.Unmarshal(body, &env); err != nil || len(env.Message.Items) == 0 {
		s.t.Fatalf("the recorded Crossref answer: %v", err)
	}
	for _, r := range env.Message.Items[0].Reference {
		if r.Key == "832_CR9" {
			vaswani = r.Unstructured
		}
	}
	return vaswani, StyleGBT(s.record(reader.FormatCrossref, body)), StyleGBT(s.record(reader.FormatOpenAlex, s.Read("openalex/works_doi_10.1017_9781108348843.json")))
}

func (s *Server) record(f reader.Format, body []byte) *bib.Work {
	rr, _, err := reader.NewReader(f, strings.NewReader(string(body)), "recorded")
	if err == nil {
		var rec *bib.Record
		if rec, err = rr.Read(); err == nil {
			return &rec.Work
		}
	}
	s.t.Fatal(err)
	return nil
}

// StyleGBT writes a work as the seed list writes references: "Bran A M,
// Cox S, Schilter O, et al. Title. Container, 2024, 6(5): 525-535."
func StyleGBT(w *bib.Work) string {
	var names []string
	for i, a := range w.Authors {
		if i == 3 {
			names = append(names, "et al")
			break
		}
		// A middle initial Crossref files under the family name ("M. Bran",
		// given "Andres") is an initial: "Bran A M".
		family, given := a.Family, a.Given
		if f := strings.Fields(family); len(f) > 1 && strings.HasSuffix(f[0], ".") {
			family, given = strings.Join(f[1:], " "), given+" "+f[0]
		}
		var initials []string
		for _, g := range strings.FieldsFunc(given, func(r rune) bool { return r == ' ' || r == '.' || r == '-' }) {
			initials = append(initials, string([]rune(g)[0]))
		}
		names = append(names, strings.TrimSpace(family+a.Literal+" "+strings.Join(initials, " ")))
	}
	s := strings.Join(names, ", ") + ". " + w.Title + ". "
	if w.Container != "" {
		s += w.Container + ", "
	} else if w.Publisher != "" {
		s += w.Publisher + ", "
	}
	s += strconv.Itoa(w.Year)
	if w.Volume != "" {
		s += ", " + w.Volume
		if w.Issue != "" {
			s += "(" + w.Issue + ")"
		}
	}
	if w.Pages != "" {
		s += ": " + w.Pages
	}
	return s + "."
}
