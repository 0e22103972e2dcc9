package refparse

import "strings"

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
			mark = isEditorOrTranslatorMark(CRFTokText(text, toks, p)) && CRFIsMark(CRFTokText(text, toks, p-1))
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
