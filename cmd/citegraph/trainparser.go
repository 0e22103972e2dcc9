package main

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/citegraph/citegraph/bib/refparse/train"
)

const trainParserUsage = `Usage: citegraph train-parser [flags]

Trains the reference parser's sequence labeller (a linear-chain CRF) on
the labelled references under --data (AnyStyle's and GROBID's labelled
sets, and their records written again in GB/T 7714 and in six common
styles, see testdata/README.md), writes the model to --out, and prints
its precision, recall and F1 per field on the references it was not
trained on. The model built into citegraph is
bib/refparse/crfmodel/refparse.crf, the average of three CRFs trained on
the same data with different objectives (see
bib/refparse/train/crf_average.go); rebuild it from the repository root
with

  go run ./cmd/citegraph train-parser

(about 105 minutes on two cores; training is deterministic: the same data
gives the same file). --l2, --min-count and --margin train one CRF with
those settings instead, and --average averages such models into
--out. --eval-only scores the built-in model (or
--model) without training. --render writes the renderings of the
labelled records by citeproc-js in real CSL styles again
(testdata/refparse/csl; Node.js at build time only). --dev keeps the
development split out of training and scores on it, to choose the settings; with --tune-bias it
also tries biases of "other" (a decision threshold, see
bib/refparse/train/crf_bias.go) on it.

Examples:
  citegraph train-parser --eval-only
  citegraph train-parser --dev --out /tmp/dev.crf   # tune on the development split
  citegraph train-parser --dev --margin 1 --out /tmp/margin.crf
  citegraph train-parser --eval-only --dev --model /tmp/dev.crf --tune-bias
`

func runTrainParser(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("train-parser", trainParserUsage, stdout)
	data := fs.String("data", "testdata/refparse", "`directory` of the labelled references")
	out := fs.String("out", "bib/refparse/crfmodel/refparse.crf", "`file` to write the trained model to")
	evalOnly := fs.Bool("eval-only", false, "do not train: score the built-in model (or --model)")
	model := fs.String("model", "", "model `file` to score with --eval-only (default: the built-in model)")
	dev := fs.Bool("dev", false, "train without the development split and score on it (for tuning)")
	iterations := fs.Int("iterations", 0, "most L-BFGS `iterations` (default 600)")
	l2 := fs.Float64("l2", 0, "L2 penalty (default 1.0)")
	minCount := fs.Int("min-count", 0, "least occurrences of a feature (default 2)")
	margin := fs.Float64("margin", 0, "cost of a wrong label in softmax-margin training (default 0: plain likelihood)")
	quiet := fs.Bool("quiet", false, "no training progress on standard error")
	tuneBias := fs.Bool("tune-bias", false, "with --dev: try biases of \"other\" on the development split")
	average := fs.StringSlice("average", nil, "model `files` to average into --out (the built-in ensemble's members, trained one by one) instead of training")
	render := fs.Bool("render", false, "write the CSL renderings (csl/rendered.jsonl under --data) again and stop; needs Node.js and npm")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("train-parser takes no arguments, got %q", fs.Arg(0))
	}
	if *render {
		return train.RenderRefParserData(*data, stderr)
	}
	if *model != "" && !*evalOnly {
		return usagef("train-parser: --model goes with --eval-only")
	}
	if *l2 < 0 || *minCount < 0 || *margin < 0 {
		return usagef("train-parser: --l2, --min-count and --margin are not negative")
	}
	if *tuneBias && !*dev {
		return usagef("train-parser: --tune-bias goes with --dev")
	}
	var bytes []byte
	switch {
	case *evalOnly && *model != "":
		b, err := os.ReadFile(*model)
		if err != nil {
			return err
		}
		bytes = b
	case len(*average) > 0:
		var models [][]byte
		for _, path := range *average {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			models = append(models, b)
		}
		b, err := train.AverageRefParserModels(models...)
		if err != nil {
			return fmt.Errorf("train-parser: %w", err)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote %s: the average of %d models, %d bytes, SHA-256 %x.\n\n", *out, len(models), len(b), sha256.Sum256(b))
		bytes = b
	case !*evalOnly:
		var log io.Writer = stderr
		if *quiet {
			log = nil
		}
		var models []train.RefParserModel // nil: the built-in ensemble
		if fs.Changed("l2") || fs.Changed("min-count") || fs.Changed("margin") {
			models = []train.RefParserModel{{L2: *l2, MinCount: *minCount, Margin: *margin}}
		}
		began := time.Now()
		b, err := train.TrainRefParser(train.RefParserTraining{
			DataDir: *data, Iterations: *iterations, Models: models, Dev: *dev, Log: log,
		})
		if err != nil {
			return fmt.Errorf("train-parser: %w", err)
		}
		if err := os.WriteFile(*out, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "Wrote %s: %d bytes, SHA-256 %x, trained in %v.\n\n", *out, len(b), sha256.Sum256(b), time.Since(began).Round(time.Second))
		bytes = b
	}
	_, err := train.EvaluateRefParser(stdout, train.RefParserEvaluation{DataDir: *data, Model: bytes, Dev: *dev, TuneBias: *tuneBias})
	if err != nil {
		return fmt.Errorf("train-parser: %w", err)
	}
	return nil
}
