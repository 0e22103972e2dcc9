package refparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/citegraph/citegraph/bib"
)

// crfEditorsNotAuthors relabels as editors the runs of author tokens that
// an editor's or translator's mark follows: "Wappler, F., Tonner, P. H.
// (Eds.)", "谭汝谦, 译", "黄晓勇, 主编". GB/T 7714 writes the translator
// after the title ("Title[M]. 谭汝谦, 译."), where a run labelled author
// is as much a mistake. "编著" (compiled and written) marks authors and
// stays.
func crfEditorsNotAuthors(text string, toks []CRFTok, labels []CRFLabel) {
	n := len(toks)
	for i := 0; i < n; {
		if labels[i] != CRFAuthor {
			i++
			continue
		}
		j := i
		names := func(l CRFLabel) bool { return l == CRFAuthor || l == CRFEditor }
		for j < n && (names(labels[j]) || labels[j] == CRFOther && CRFIsMark(CRFTokText(text, toks, j)) &&
			j+1 < n && names(labels[j+1])) {
			j++
		}
		// The words after the run, past marks: an editor's mark?
		k := j
		for k < n && k < j+3 && CRFIsMark(CRFTokText(text, toks, k)) {
			k++
		}
		mark := k < n && isEditorOrTranslatorMark(CRFTokText(text, toks, k))
		for p := i + 1; p < j && !mark; p++ {
			mark = CRFIsMark(CRFTokText(text, toks, p-1)) && isEditorOrTranslatorMark(CRFTokText(text, toks, p))
		}
		if mark {
			for p := i; p < j; p++ {
				if labels[p] == CRFAuthor {
					labels[p] = CRFEditor
				}
			}
		}
		i = j
	}
}

// isEditorOrTranslatorMark reports whether a word says that the names
// before it are editors or translators.
func isEditorOrTranslatorMark(w string) bool {
	switch strings.Trim(w, "()[]（）.,，:：") {
	case "译", "譯", "编", "編", "主编", "主編", "编译", "校", "校注", "选编", "編譯", "合编", "总主编", "副主编":
		return true
	}
	return IsEditorWord(w)
}

// crfTypeCodeFields relabels what the GB/T 7714 type code says the fields
// after the title are: after [M], [D], [R] or [S] (a book, a thesis, a
// report, a standard) with no "//" after it, a span the CRF read as a
// container is the imprint, "北京: 人民卫生出版社": place before the colon,
// publisher after; after [J] or [N], a span read as a publisher is the
// journal or the paper.
func crfTypeCodeFields(text string, toks []CRFTok, labels []CRFLabel) {
	n := len(toks)
	code := ""
	for i := 0; i+2 < n; i++ {
		if t := CRFTokText(text, toks, i); t != "[" && t != "［" {
			continue
		}
		if c := CRFTokText(text, toks, i+2); c != "]" && c != "］" {
			continue
		}
		l, _, _ := strings.Cut(CRFTokText(text, toks, i+1), "/")
		if l == "M" || l == "D" || l == "R" || l == "S" || l == "J" || l == "N" {
			code = l
			if i+3 < n && CRFTokText(text, toks, i+3) == "//" {
				return // an analytic in a host: its fields are the host's
			}
			for k := i + 3; k < n; k++ {
				if CRFTokText(text, toks, k) == "//" {
					return
				}
			}
			crfRelabelAfterCode(text, toks, labels, i+3, code)
			return
		}
	}
}

// crfRelabelAfterCode relabels the fields after a type code at from.
func crfRelabelAfterCode(text string, toks []CRFTok, labels []CRFLabel, from int, code string) {
	n := len(toks)
	for i := from; i < n; i++ {
		switch {
		case (code == "J" || code == "N") && labels[i] == CRFPublisher:
			labels[i] = CRFContainer
		case code != "J" && code != "N" && labels[i] == CRFContainer:
			j := i
			for j < n && (labels[j] == CRFContainer || labels[j] == CRFOther && CRFIsMark(CRFTokText(text, toks, j)) &&
				j+1 < n && labels[j+1] == CRFContainer) {
				j++
			}
			colon := -1
			for k := i; k < j; k++ {
				if t := CRFTokText(text, toks, k); t == ":" || t == "：" {
					colon = k
				}
			}
			for k := i; k < j; k++ {
				switch {
				case k == colon:
					labels[k] = CRFOther
				case k < colon:
					labels[k] = CRFLocation
				default:
					labels[k] = CRFPublisher
				}
			}
			i = j - 1
		}
	}
}

// crfTypeCodeAt returns the letters of the GB/T 7714 type code whose "["
// is token i ("M/OL" of "[M/OL]"), or "".
func crfTypeCodeAt(text string, toks []CRFTok, i int) string {
	if i+2 >= len(toks) {
		return ""
	}
	if t := CRFTokText(text, toks, i); t != "[" && t != "［" && t != "【" {
		return ""
	}
	if t := CRFTokText(text, toks, i+2); t != "]" && t != "］" && t != "】" {
		return ""
	}
	if c := CRFTokText(text, toks, i+1); crfGBTLetters[c] {
		return c
	}
	return ""
}

// crfTypeCodeNumbers mends what the CRF reads around a GB/T 7714 type
// code: the code is no field (its letters are the genre), and the number
// of a patent or a standard, which GB/T 7714 writes after the title and a
// colon ("不锈钢管的制造方法: 中国, CN111020404A[P]", "参考文献著录规则: GB/T
// 7714—2015[S]") and its 2025 edition before the title
// ("DB6106/T209—2023地理标志产品黄陵翡翠梨[S/OL]"), is a number (note), not
// part of the title.
func crfTypeCodeNumbers(text string, toks []CRFTok, labels []CRFLabel) {
	for i := range toks {
		code := crfTypeCodeAt(text, toks, i)
		if code == "" {
			continue
		}
		if labels[i] != CRFOther || labels[i+1] != CRFGenre || labels[i+2] != CRFOther {
			labels[i], labels[i+1], labels[i+2] = CRFOther, CRFGenre, CRFOther
		}
		letter, _, _ := strings.Cut(code, "/")
		if (letter != "P" && letter != "S") || i == 0 || labels[i-1] != CRFTitle {
			continue
		}
		// The title right before the code: [a, i).
		a := i - 1
		for a > 0 && labels[a-1] == CRFTitle {
			a--
		}
		number := crfStandardNumber
		if letter == "P" {
			number = crfPatentNumber
		}
		colon := -1
		for k := a; k < i; k++ {
			if t := CRFTokText(text, toks, k); t == ":" || t == "：" {
				colon = k
			}
		}
		switch {
		case colon > a && colon+1 < i && number(text, toks, colon+1, i):
			labels[colon] = CRFOther
			for k := colon + 1; k < i; k++ {
				labels[k] = CRFNote
			}
		case letter == "S":
			// The 2025 edition: the number first, glued to the title.
			for b := min(i-1, a+2); b > a; b-- {
				if toks[b-1].End == toks[b].Start && crfStandardNumber(text, toks, a, b) {
					for k := a; k < b; k++ {
						labels[k] = CRFNote
					}
					break
				}
			}
		}
	}
}

// crfStandardNumberShape is a standard's number: "GB/T 7714—2015",
// "YY/T0734.3-2018", "DB6106/T209—2023", "ISO 690:2010", "GB 50016-2014".
var crfStandardNumberShape = regexp.MustCompile(`^[A-Z]{1,5}[0-9]*(?:/[A-Z]{1,2}[0-9]*)?\s?[0-9]+(?:\.[0-9]+)*(?:\s?[-—–:：]\s?[0-9]{2,4})?$`)

// crfStandardNumber reports whether the tokens [a, b) are a standard's
// number.
func crfStandardNumber(text string, toks []CRFTok, a, b int) bool {
	return crfStandardNumberShape.MatchString(CRFSpanText(text, toks, a, b))
}

// crfPatentNumberShape is a patent's number: "CN111020404A", "ZL201510012345.6",
// "US7654321B2", with its country before it ("中国, CN111020404A").
var crfPatentNumberShape = regexp.MustCompile(`^(?:\p{Han}{1,6}\s?[,，]\s?)?[A-Z]{0,3}[0-9]{5,}(?:\.[0-9X])?[A-Z]?[0-9]?$`)

// crfPatentNumber reports whether the tokens [a, b) are a patent's number.
func crfPatentNumber(text string, toks []CRFTok, a, b int) bool {
	return crfPatentNumberShape.MatchString(CRFSpanText(text, toks, a, b))
}

// crfOrganisationAuthor reads the author of a GB/T 7714 reference whose
// first sentence the CRF ran into the title ("National Nurses United. What
// employers should do …[EB/OL]") or whose title it read as an author
// ("中国造纸学会. 中国造纸年鉴：2003[M]"). GB/T 7714 writes "Author. Title[M]":
// when the text before the first type code is two sentences labelled
// author or title (and, in the second, the marks and a year), the first
// is the author, an organisation as GB/T 7714 writes one, and the second's
// words the title.
func crfOrganisationAuthor(text string, toks []CRFTok, labels []CRFLabel) {
	start := 0
	for start < len(toks) && (labels[start] == CRFCitNum || labels[start] == CRFOther && CRFIsMark(CRFTokText(text, toks, start))) {
		start++
	}
	code := -1
	for i := start; i < len(toks); i++ {
		if crfTypeCodeAt(text, toks, i) != "" {
			code = i
			break
		}
	}
	if code < 0 {
		return
	}
	stop := -1
	for i := start; i < code; i++ {
		if t := CRFTokText(text, toks, i); t == "." || t == "．" || t == "。" {
			if stop >= 0 || i == start || i+1 >= code {
				return // more than two sentences, or an empty one
			}
			if w := CRFTokText(text, toks, i-1); isAbbreviation(w) || len([]rune(w)) < 2 {
				return // "U.S.", an initial: the sentence goes on
			}
			stop = i
		}
	}
	if stop < 0 {
		return
	}
	firstTitle, secondTitle := false, false
	for i := start; i < code; i++ {
		l := labels[i]
		switch {
		case i == stop || l == CRFAuthor:
		case l == CRFTitle:
			firstTitle = firstTitle || i < stop
			secondTitle = secondTitle || i > stop
		case i > stop && (l == CRFDate || l == CRFOther && CRFIsMark(CRFTokText(text, toks, i))):
		default:
			return
		}
	}
	if !firstTitle && secondTitle {
		return // read right
	}
	for i := start; i < stop && firstTitle; i++ {
		// A title's first sentence ("Climate change 2014. Synthesis
		// report[R]") is no organisation's name: one has no number and
		// capitals to its words.
		t := CRFTokText(text, toks, i)
		if r, _ := utf8.DecodeRuneInString(t); strings.ContainsFunc(t, unicode.IsDigit) || unicode.IsLower(r) && !bib.IsStopWord(t) {
			return
		}
	}
	for i := start; i < code; i++ {
		switch {
		case i < stop:
			labels[i] = CRFAuthor
		case i == stop:
			labels[i] = CRFOther
		case labels[i] == CRFAuthor:
			labels[i] = CRFTitle
		}
	}
}
