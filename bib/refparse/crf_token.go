package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The reference CRF reads a reference as a sequence of tokens: words,
// numbers, punctuation marks (one a token), runs of Chinese, Japanese or
// Korean letters, and URLs and DOIs kept whole. The same tokenizer cuts
// the labelled training strings and the strings to parse, so that a
// token's field is learnt and predicted on the same unit.
//
//	"Ruffini P B. Title. Journal, 2020, 15(3): 371-382."
//	→ Ruffini | P | B | . | Title | . | Journal | , | 2020 | , | 15 | ( | 3 | ) | : | 371-382 | .
//	"赵刚. 科技外交的理论与实践[M]. 北京: 时事出版社, 2007: 32."
//	→ 赵刚 | . | 科技外交的理论与实践 | [ | M | ] | . | 北京 | : | 时事出版社 | , | 2007 | : | 32 | .

// CRFTok is one token: the bytes [Start, End) of the text.
type CRFTok struct {
	Start, End int32
}

// crfMaxTokens bounds the tokens of one reference; a longer text is a
// run-on paragraph and only its start is labelled.
const crfMaxTokens = 400

// CRFTokenize appends the tokens of s to toks.
func CRFTokenize(s string, toks []CRFTok) []CRFTok {
	i := 0
	for i < len(s) && len(toks) < crfMaxTokens {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || unicode.IsSpace(r) || r == utf8.RuneError && n <= 1 || r == '\u00ad' || r == '\u200b' || r == '\ufeff':
			i += n
			continue
		case crfLinkStart(s[i:]):
			j := i
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if c == ' ' || unicode.IsSpace(c) || c == '<' || c == '>' || c == '"' || c >= 0x3000 && c <= 0x303f || c >= 0xff00 && c <= 0xff65 {
					break
				}
				j += m
			}
			u := trimURL(s[i:j])
			if u == "" {
				u = s[i:j]
			}
			toks = append(toks, CRFTok{int32(i), int32(i + len(u))})
			i += len(u)
			continue
		case r == '/' || r == '.' || r == '-' && crfDashAlone(s, i):
			// A run of slashes ("//" of GB/T 7714) or dots ("...") is one
			// mark; so is a dash that stands alone.
			j := i + 1
			for j < len(s) && s[j] == s[i] {
				j++
			}
			toks = append(toks, CRFTok{int32(i), int32(j)})
			i = j
			continue
		case crfIsPunct(r):
			toks = append(toks, CRFTok{int32(i), int32(i + n)})
			i += n
			continue
		case crfIsCJK(r):
			j := i + n
			for j < len(s) {
				c, m := utf8.DecodeRuneInString(s[j:])
				if !crfIsCJK(c) {
					break
				}
				j += m
			}
			toks = append(toks, CRFTok{int32(i), int32(j)})
			i = j
			continue
		}
		// A word or number: up to a space, a mark or a letter of another
		// script. A dot stays inside ("U.S", "M.J", "10.5") unless it ends
		// the word or joins letters to digits ("pp.12", "No.3").
		j := i
		prevLetter := false
		for j < len(s) {
			c, m := utf8.DecodeRuneInString(s[j:])
			if c == ' ' || unicode.IsSpace(c) || crfIsPunct(c) || crfIsCJK(c) || c == '/' && j == i {
				break
			}
			if c == '.' {
				if j+1 >= len(s) {
					break
				}
				next, _ := utf8.DecodeRuneInString(s[j+1:])
				if next == ' ' || unicode.IsSpace(next) || next == '.' || crfIsPunct(next) || crfIsCJK(next) || prevLetter && next >= '0' && next <= '9' {
					break
				}
			}
			if (c == '‘' || c == '’' || c == '\'') && j == i {
				j += m // an opening quote is a token of its own
				break
			}
			if c == '‘' || c == '’' || c == '\'' {
				// An apostrophe inside a word ("China’s") stays; one that
				// closes a quotation ends the word.
				if j+m >= len(s) {
					break
				}
				if next, _ := utf8.DecodeRuneInString(s[j+m:]); !unicode.IsLetter(next) {
					break
				}
			}
			prevLetter = unicode.IsLetter(c)
			j += m
		}
		if j == i {
			// A lone apostrophe or quote mark.
			j = i + n
		}
		toks = append(toks, CRFTok{int32(i), int32(j)})
		i = j
	}
	return toks
}

// crfIsPunct reports whether r is a mark that is a token of its own.
func crfIsPunct(r rune) bool {
	switch r {
	case ',', ';', ':', '(', ')', '[', ']', '{', '}', '<', '>', '"', '“', '”', '„', '«', '»', '‹', '›', '?', '!', '…',
		'，', '；', '：', '（', '）', '［', '］', '【', '】', '〔', '〕', '《', '》', '〈', '〉', '「', '」', '『', '』',
		'、', '。', '．', '！', '？', '＂', '｛', '｝', '·', '・', '*', '†', '‡', '§', '|', '=', '+', '~', '^', '#':
		return true
	}
	return false
}

// crfIsCJK reports whether r is a Chinese, Japanese or Korean letter (not
// a CJK punctuation mark).
func crfIsCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return r >= 0x4e00 && r <= 0x9fff || r >= 0x3400 && r <= 0x4dbf || r >= 0xac00 && r <= 0xd7af ||
		r >= 0x3040 && r <= 0x30ff && r != 0x30fb || r >= 0x1100 && r <= 0x11ff || r >= 0x3130 && r <= 0x318f ||
		r >= 0xf900 && r <= 0xfaff || r >= 0x20000 && r <= 0x2ffff
}

// crfDashAlone reports whether the dash at s[i] stands alone: "43 - 102",
// "———.".
func crfDashAlone(s string, i int) bool {
	j := i
	for j < len(s) && s[j] == '-' {
		j++
	}
	if j >= len(s) {
		return true
	}
	c, _ := utf8.DecodeRuneInString(s[j:])
	return !unicode.IsLetter(c) && !unicode.IsDigit(c)
}

// crfLinkStart reports whether a URL or DOI starts s: "http://",
// "https://", "ftp://", "www.", "doi:10.", "doi.org/", "10.1234/".
func crfLinkStart(s string) bool {
	if len(s) < 7 {
		return false
	}
	switch s[0] {
	case 'h', 'H':
		return hasPrefixFold(s, "http://") || hasPrefixFold(s, "https://")
	case 'f', 'F':
		return hasPrefixFold(s, "ftp://")
	case 'w', 'W':
		return hasPrefixFold(s, "www.") && len(s) > 5 && s[4] != ' '
	case 'd', 'D':
		return hasPrefixFold(s, "doi:10.") || hasPrefixFold(s, "doi.org/") || hasPrefixFold(s, "dx.doi.org/")
	case '1':
		if s[1] != '0' || s[2] != '.' {
			return false
		}
		j := 3
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		return j-3 >= 4 && j < len(s)-1 && s[j] == '/'
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
