package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/citegraph/citegraph/export"
	"github.com/citegraph/citegraph/fetch"
)

const fetchUsage = `Usage: citegraph fetch [flags] [DOI|ID|FILE ...] -o DIR

Builds a corpus from OpenAlex and Crossref (this needs the internet) and
writes it into DIR, which citegraph analyze reads as it is:

  works.jsonl     the works, as OpenAlex JSON Lines, each with its references
  crossref.jsonl  works only Crossref knows (a seed DOI OpenAlex lacks)
  fetch.csv       every seed and reference: source, query, how it was found
                  (openalex-id, doi, crossref-doi, crossref-search,
                  openalex-search, search, filter or not-found), the work,
                  its DOI, the search and match scores, the fields that
                  agreed, and why nothing was found
  the --references files, copied as they are: their citing papers stay in
  the corpus, and the references that were found join the fetched works

The seeds are DOIs and OpenAlex ids (W2741809807), given as arguments or in
files of one a line (# starts a comment); the results of an OpenAlex
--search or --filter (bounded by --from-year/--to-year); and the
references of --references files (any format analyze reads): a reference
with a DOI is fetched by it, any other is searched for, first by Crossref's
bibliographic search on its parsed fields (candidates scoring at least 20),
then by OpenAlex's title search, and a candidate is taken only when
citegraph's matcher finds its year, first author and title (or volume and
page) in agreement with the reference.

--depth N follows the references of the seeds backward N layers; --citing
adds the works that cite the seeds; --max-works bounds what these (and
--search, --filter) add, keeping the works the corpus cites most (citing
works: the most cited), and the summary says what was left out.

A polite client: at most 50 ids or DOIs a request, only the fields the
readers use (select=), cursor paging, 10 requests a second to OpenAlex and
what Crossref's headers allow to Crossref, retries with backoff on 429 and
5xx honouring Retry-After. --email (or CITEGRAPH_EMAIL) joins both APIs'
polite pools; --openalex-key (or OPENALEX_API_KEY) sends an OpenAlex API
key, which OpenAlex asks for beyond a small daily allowance. Every answer
is cached (--cache, by default in the user cache folder), so an
interrupted fetch (Ctrl-C) resumes where it stopped and a finished one runs
again offline; --refresh asks again.

Examples:
  citegraph fetch --references refs.txt --depth 1 --citing -o corpus
  citegraph analyze corpus -o out              # the two-command recipe
  citegraph fetch 10.1073/pnas.1414271111 W2109415576 seeds.txt -o corpus
  citegraph fetch --search "science diplomacy" --from-year 2010 --max-works 500 -o corpus
  citegraph fetch --filter "cites:W2109415576" -o corpus
`

func runFetch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("fetch", fetchUsage, stdout)
	out := fs.StringP("output", "o", "", "output `folder` (required)")
	force := fs.Bool("force", false, "write into an output folder that holds other files")
	var refs []string
	fs.StringArrayVar(&refs, "references", nil, "look up the references of this `file` (repeatable; any format analyze reads)")
	search := fs.String("search", "", "OpenAlex search whose results are seeds")
	filter := fs.String("filter", "", "OpenAlex filter whose results are seeds, e.g. cites:W2109415576")
	from := fs.Int("from-year", 0, "search, filter and citing works published from this year")
	to := fs.Int("to-year", 0, "… up to this year")
	depth := fs.Int("depth", 0, "follow the seeds' references backward this many layers")
	citing := fs.Bool("citing", false, "add the works that cite the seeds")
	maxWorks := fs.Int("max-works", 1000, "most works --search, --filter, --citing and --depth add (0: no bound)")
	email := fs.String("email", os.Getenv("CITEGRAPH_EMAIL"), "your e-mail `address`, for the APIs' polite pools (default $CITEGRAPH_EMAIL)")
	key := fs.String("openalex-key", "", "OpenAlex API `key` (default $OPENALEX_API_KEY)")
	cacheDir := fs.String("cache", "", "cache `folder` (default citegraph/fetch in the user cache folder)")
	refresh := fs.Bool("refresh", false, "ask again for answers the cache holds")
	openAlexURL := fs.String("openalex-url", fetch.OpenAlexURL, "OpenAlex API `URL` (a mirror, or a local server)")
	crossrefURL := fs.String("crossref-url", fetch.CrossrefURL, "Crossref API `URL`")
	timeout := fs.Duration("timeout", 30*time.Second, "time allowed each attempt of a request")
	read := readFlags(fs)
	quiet := fs.BoolP("quiet", "q", false, "no progress line on stderr (shown only when stderr is a terminal)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usagef("fetch: give the output folder with -o DIR")
	}
	if *depth < 0 || *maxWorks < 0 || *timeout <= 0 {
		return usagef("fetch: --depth and --max-works must be 0 or more, --timeout positive")
	}
	if *from != 0 && *to != 0 && *from > *to {
		return usagef("fetch: --from-year %d is after --to-year %d", *from, *to)
	}
	ro, err := read()
	if err != nil {
		return err
	}
	req := fetch.Request{Search: *search, Filter: *filter, FromYear: *from, ToYear: *to, Depth: *depth, Citing: *citing, MaxWorks: *maxWorks}
	for _, a := range fs.Args() {
		seeds, err := seedArgument(a)
		if err != nil {
			return err
		}
		req.Seeds = append(req.Seeds, seeds...)
	}
	var copies []export.File
	for _, f := range refs {
		if f == "-" {
			return usagef("fetch: --references needs a file (it is copied into the corpus), not standard input")
		}
		in, err := readInputs([]string{f}, stdin, ro)
		if err != nil {
			return err
		}
		req.References = append(req.References, in.records...)
		if copies, err = inputCopies(f, copies); err != nil {
			return err
		}
	}
	if len(req.Seeds) == 0 && len(req.References) == 0 && *search == "" && *filter == "" {
		return usagef("fetch: no seeds: give DOIs or OpenAlex ids, --references, --search or --filter")
	}
	if *key == "" {
		*key = os.Getenv("OPENALEX_API_KEY")
	}
	if *cacheDir == "" {
		if *cacheDir, err = os.UserCacheDir(); err != nil {
			return fmt.Errorf("no user cache folder (give one with --cache): %w", err)
		}
		*cacheDir = filepath.Join(*cacheDir, "citegraph", "fetch")
	}
	progress := newProgress(stderr, *quiet)
	defer progress.done()
	client := fetch.NewClient(fetch.WithEmail(*email), fetch.WithOpenAlexKey(*key), fetch.WithURLs(*openAlexURL, *crossrefURL),
		fetch.WithCache(*cacheDir, *refresh), fetch.WithTimeout(*timeout), fetch.WithUserAgent(userAgent()),
		fetch.WithProgress(func(st fetch.Stats) {
			progress.stage(fmt.Sprintf("works %d, requests %d (%d from the cache)", st.Works,
				st.OpenAlex.Requests+st.Crossref.Requests, st.OpenAlex.Cached+st.Crossref.Cached))
		}))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := client.Fetch(ctx, req)
	if errors.Is(err, context.Canceled) {
		progress.done()
		return fmt.Errorf("interrupted; the answers so far are cached in %s: run the same command again to resume", *cacheDir)
	}
	if err != nil {
		return err
	}
	files, err := res.Files()
	if err != nil {
		return err
	}
	for _, f := range files {
		copies = append(copies, fileOf(f.Name, f.Data))
	}
	if err := export.WriteDir(*out, copies, export.WithForce(*force), export.HoldsInput(), export.ByRun(commandLine(fs))); err != nil {
		return err
	}
	progress.done()
	fmt.Fprintf(stdout, "citegraph fetch: %s\n\n", *out)
	res.WriteSummary(stdout, client.Stats())
	fmt.Fprintf(stdout, "\nnext: citegraph analyze %s\n", *out)
	return nil
}

// seedArgument reads a seed argument: a DOI or an OpenAlex id, or a file
// of them, one a line.
func seedArgument(a string) ([]fetch.Seed, error) {
	if s, err := fetch.ParseSeed(a, "argument"); err == nil {
		return []fetch.Seed{s}, nil
	}
	data, err := os.ReadFile(a)
	if err != nil {
		return nil, usagef("fetch: %q is not a DOI, an OpenAlex id, or a file of them", a)
	}
	var seeds []fetch.Seed
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if i := strings.Index(text, "#"); i >= 0 {
			text = strings.TrimSpace(text[:i])
		}
		if text == "" {
			continue
		}
		s, err := fetch.ParseSeed(text, a+":"+strconv.Itoa(line))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", a, line, err)
		}
		seeds = append(seeds, s)
	}
	return seeds, nil
}

// inputCopies adds to out the files of a --references input, to copy into
// the output folder byte for byte ("references-NAME"): their citing papers
// and their references, found or not, stay in the corpus, and analyze
// joins the references found to the fetched works.
func inputCopies(path string, out []export.File) ([]export.File, error) {
	files, err := expand([]string{path})
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		name := "references-" + filepath.Base(f)
		for n := 2; slices.ContainsFunc(out, func(o export.File) bool { return o.Name == name }); n++ {
			ext := filepath.Ext(f)
			name = "references-" + strings.TrimSuffix(filepath.Base(f), ext) + "-" + strconv.Itoa(n) + ext
		}
		out = append(out, fileOf(name, data))
	}
	return out, nil
}

// fileOf is an output file of the given bytes.
func fileOf(name string, data []byte) export.File {
	return export.File{Name: name, Write: func(w io.Writer) error { _, err := w.Write(data); return err }}
}

// userAgent names this build for the APIs: "citegraph/v1.2.0".
func userAgent() string {
	v := strings.Fields(version())
	if len(v) > 1 && v[1] != "(devel)" && !strings.HasPrefix(v[1], "(") {
		return "citegraph/" + v[1]
	}
	return "citegraph"
}
