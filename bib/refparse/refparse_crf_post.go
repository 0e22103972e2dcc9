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
