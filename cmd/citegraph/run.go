package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	flag "github.com/spf13/pflag"
)

// usageError marks an error in how citegraph was called (exit status 2).
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{fmt.Sprintf(format, args...)}
}

// errHelp is returned after --help was answered: nothing failed.
var errHelp = errors.New("help shown")

func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		return 2
	}
	return 1
}

// summaries say in a line what each command does, for the main usage.
var summaries = map[string]string{
	"analyze":       "full analysis of reference lists or exports into an output folder",
	"fetch":         "build a corpus from OpenAlex and Crossref (seeds, references, snowballing)",
	"parse":         "parse free-text references to CSL-JSON",
	"metrics":       "centrality table of a citation graph (large edge lists too)",
	"export":        "convert an output folder to other formats (GraphML, GEXF, Pajek, …)",
	"sql":           "SQL for DuckDB or Spark that builds a network from the Parquet tables",
	"import-links":  "cluster, label and draw a network that DuckDB or Spark built",
	"cocite":        "co-citation network of documents, authors or sources",
	"couple":        "bibliographic coupling network of documents, authors or sources",
	"coauthor":      "co-authorship network of authors, countries or institutions",
	"coword":        "co-word network of keywords or of terms of titles and abstracts",
	"thematic":      "thematic map (strategic diagram) and thematic evolution of co-word themes",
	"tos":           "Tree of Science: roots, trunk and leaves (SAP, as python-bibx)",
	"historiograph": "citations among the corpus records, by year",
	"mainpath":      "main paths of the citation graph (search path count)",
	"bursts":        "citation bursts of cited works (Kleinberg)",
	"rpys":          "reference publication year spectroscopy",
	"completion":    "shell completion script for bash, zsh or fish",
	"train-parser":  "train the reference parser's model from the labelled data",
}

// mainUsage lists the commands.
func mainUsage() string {
	var b strings.Builder
	b.WriteString("citegraph analyses citation graphs.\n\nUsage: citegraph COMMAND [flags] [FILE|DIR ...]\n\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-14s %s\n", c.name, summaries[c.name])
	}
	fmt.Fprintf(&b, "  %-14s %s\n", "completion", summaries["completion"])
	b.WriteString("\n--version prints the version.\nWith no input, analyze runs on the embedded science-diplomacy reference list.\n")
	b.WriteString("Run \"citegraph COMMAND --help\" for a command's flags and examples.\n")
	return b.String()
}

type command struct {
	name string
	run  func(args []string, stdin io.Reader, stdout, stderr io.Writer) error
}

var commands = []command{
	{"analyze", runAnalyze},
	{"fetch", runFetch},
	{"parse", runParse},
	{"metrics", runMetrics},
	{"export", runExport},
	{"sql", runSQL},
	{"import-links", runImportLinks},
	{"cocite", runCocite},
	{"couple", runCouple},
	{"coauthor", runCoauthor},
	{"coword", runCoword},
	{"thematic", runThematic},
	{"tos", runTreeOfScience},
	{"historiograph", runHistoriograph},
	{"mainpath", runMainPath},
	{"bursts", runBursts},
	{"rpys", runRPYS},
	{"train-parser", runTrainParser},
}

// run is the whole program, callable from tests.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, mainUsage())
		return usagef("no command given")
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, mainUsage())
		return nil
	case "--version", "version":
		fmt.Fprintln(stdout, version())
		return nil
	case "completion":
		// Not in commands: the completion script is made from that list.
		return runCompletion(args[1:], stdin, stdout, stderr)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return usagef("unknown command %q (commands: %s)", args[0], strings.Join(names, ", "))
}

// newFlags makes a command's flag set; usage is printed on --help.
func newFlags(name, usage string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprint(stdout, usage)
		fmt.Fprintln(stdout, "\nFlags:")
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	fs.SortFlags = false
	return fs
}

// commandLine describes the run whose flags fs parsed, for the output
// folder's marker: the command, the flags given and the arguments, less
// those that say where and how to write (the same run into two folders
// writes the same files).
func commandLine(fs *flag.FlagSet) string {
	parts := []string{"citegraph", fs.Name()}
	fs.Visit(func(f *flag.Flag) {
		if f.Name != "output" && f.Name != "force" && f.Name != "quiet" {
			parts = append(parts, "--"+f.Name+"="+f.Value.String())
		}
	})
	return strings.Join(append(parts, fs.Args()...), " ")
}

// parseFlags parses args, answering --help and turning flag errors into
// usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		// pflag has printed the usage already.
		return errHelp
	}
	if err != nil {
		return usagef("%s: %v (see citegraph %s --help)", fs.Name(), err, fs.Name())
	}
	return nil
}
