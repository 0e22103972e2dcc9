// Package terms finds the terms of titles and abstracts for co-word
// analysis: words and n-grams of English text without stop words, stemmed
// with the Snowball English stemmer (Porter 2001, "Snowball: a language for
// stemming algorithms", https://snowballstem.org; github.com/kljensen/snowball),
// and phrases of Chinese text cut at punctuation and stop words.
//
// A term has a key, what terms are grouped on (the stems of its words), and
// a form, what people read (its words, lower-cased). N-grams never span a
// stop word or punctuation: "analysis of the data" gives "analysis" and
// "data", not "analysis data".
package terms

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"

	"github.com/citegraph/citegraph/bib"
)

// Term is one term of a text.
type Term struct {
	Key  string // stems joined by spaces (the form itself when not stemmed)
	Form string // the words as written, lower-cased, joined by spaces
}

// Options tune term extraction.
type Options struct {
	// MinWords and MaxWords bound the length of English terms in words:
	// 1 and 1 for single words, 2 and 2 for bigrams, 1 and 3 for every
	// n-gram up to three words (a term then co-occurs with the words in it).
	MinWords, MaxWords int
	Stem               bool
	// StopWords are more words to leave out (lower-case), besides the
	// built-in English and Chinese lists.
	StopWords map[string]bool
}

// DefaultOptions extract stemmed single words.
func DefaultOptions() Options { return Options{MinWords: 1, MaxWords: 1, Stem: true} }

// Extract returns the terms of a text in order of appearance, each as often
// as it occurs.
func Extract(text string, opts Options) []Term {
	var out []Term
	for _, frag := range fragments(text) {
		if frag.han {
			out = append(out, chineseTerms(frag.text, opts)...)
			continue
		}
		out = append(out, englishTerms(frag.words, opts)...)
	}
	return out
}

// Key is the key of a phrase given whole (a keyword): folded (bib.Fold:
// case, diacritics and punctuation aside, so "Bit-Patterned Media" is "bit
// patterned media") and, with stem, each word stemmed.
func Key(phrase string, stem bool) string {
	f := bib.Fold(phrase)
	if !stem {
		return f
	}
	words := strings.Fields(f)
	for i, w := range words {
		words[i] = english.Stem(w, true)
	}
	return strings.Join(words, " ")
}

// fragment is a run of text between punctuation: English words, or
// Chinese characters.
type fragment struct {
	han   bool
	words []string // lower-cased English words
	text  string   // Chinese characters
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\''
}

// fragments cuts text at punctuation and at every change between Chinese
// and other scripts.
func fragments(text string) []fragment {
	var out []fragment
	var cur fragment
	var word, han strings.Builder
	flushWord := func() {
		if w := strings.Trim(word.String(), "-'"); w != "" {
			cur.words = append(cur.words, strings.ToLower(w))
		}
		word.Reset()
	}
	flush := func() {
		flushWord()
		if len(cur.words) > 0 {
			out = append(out, cur)
		}
		if han.Len() > 0 {
			out = append(out, fragment{han: true, text: han.String()})
			han.Reset()
		}
		cur = fragment{}
	}
	for _, r := range text {
		switch {
		case unicode.Is(unicode.Han, r):
			if len(cur.words) > 0 || word.Len() > 0 {
				flush()
			}
			han.WriteRune(r)
		case isWordRune(r):
			if han.Len() > 0 {
				flush()
			}
			word.WriteRune(r)
		case unicode.IsSpace(r):
			if han.Len() > 0 {
				flush()
			}
			flushWord()
		default: // punctuation ends a fragment
			flush()
		}
	}
	flush()
	return out
}

// englishTerms gives the n-grams of a fragment's words: runs of words
// between function words (and numbers and one-letter words) are cut into
// n-grams, and an n-gram that begins with a word of academic prose
// ("proposed method", "results") or ends with one naming the report itself
// ("simulation results", "this study") is left out, so that "finite
// element method" stays a term while "method" alone is none.
func englishTerms(words []string, opts Options) []Term {
	var out []Term
	var run []string // the current run of words between cuts
	emit := func() {
		for i := range run {
			for n := max(1, opts.MinWords); n <= opts.MaxWords && i+n <= len(run); n++ {
				gram := run[i : i+n]
				if academicWords[gram[0]] || reportWords[gram[n-1]] {
					continue
				}
				t := Term{Form: strings.Join(gram, " ")}
				t.Key = t.Form
				if opts.Stem {
					stems := make([]string, n)
					for k, w := range gram {
						stems[k] = english.Stem(w, true)
					}
					t.Key = strings.Join(stems, " ")
				}
				out = append(out, t)
			}
		}
		run = run[:0]
	}
	for _, w := range words {
		if isFunctionWord(w) || opts.StopWords[w] {
			emit()
			continue
		}
		run = append(run, w)
	}
	emit()
	return out
}

// isFunctionWord: Snowball's English stop list and a few more words that
// carry no topic, numbers, and words of fewer than two letters.
func isFunctionWord(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters < 2 || english.IsStopWord(w) || moreFunctionWords[w]
}

var moreFunctionWords = toSet(`also among can could may might must shall would via within without whereas
	however thus therefore hence although though yet upon whether either neither etc`)

// academicWords are words of titles and abstracts that say how, not what,
// and that no term begins with (after VOSviewer's and bibliometrix's
// practice of dropping them); the thesaurus drops more.
var academicWords = toSet(`study studies studied paper papers article present presents presented
	result results show shows showed shown demonstrate demonstrates demonstrated find finds found
	report reports reported propose proposes proposed investigate investigates investigated
	approach approaches method methods analysis analyses new different various several many
	use used using uses based one two three first second effect effects case cases including
	copyright rights reserved elsevier springer wiley ltd inc published publishing author authors`)

// reportWords are the academic words that no term ends with.
var reportWords = toSet(`study studies paper papers article articles result results finding findings`)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
