package terms

import (
	"strings"
	"unicode/utf8"
)

// chineseTerms cuts a run of Chinese characters at stop words and keeps the
// pieces of two to eight characters as terms. Chinese is written without
// spaces and no dictionary is at hand, so a term is a phrase between stop
// words, as RAKE finds candidate keywords (Rose, Engel, Cramer & Cowley
// 2010, "Automatic keyword extraction from individual documents", in Text
// Mining: Applications and Theory, doi:10.1002/9780470689646.ch1):
// "中国科技外交的发展与挑战" gives 中国科技外交, 发展 and 挑战. Stop words
// are matched longest first; single characters cut only when they are
// function words that rarely begin or end a content word (的, 与, 及, 之, 了).
// Chinese records' keywords (CNKI, WoS DE) map a Chinese literature better.
func chineseTerms(text string, opts Options) []Term {
	var out []Term
	piece := func(s string) {
		n := utf8.RuneCountInString(s)
		if n < 2 || n > 8 || opts.StopWords[s] {
			return
		}
		out = append(out, Term{Key: s, Form: s})
	}
	start := 0
	for i := 0; i < len(text); {
		if n := chineseStopAt(text[i:]); n > 0 {
			piece(text[start:i])
			i += n
			start = i
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	piece(text[start:])
	return out
}

// chineseStopAt returns the length in bytes of the longest stop word s
// begins with, or 0.
func chineseStopAt(s string) int {
	best := 0
	for n, r := 0, 0; r < chineseStopMax && n < len(s); r++ {
		_, size := utf8.DecodeRuneInString(s[n:])
		n += size
		if chineseStopWords[s[:n]] {
			best = n
		}
	}
	return best
}

// chineseStopMax is the length in characters of the longest stop word.
const chineseStopMax = 4

// chineseStopWords are function words and the words of academic titles
// that say how, not what (研究 "study", 分析 "analysis", 对策 "measures", …).
var chineseStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`的 与 及 之 了
		以及 及其 和其 基于 关于 对于 通过 根据 按照 由于 为了 以来 之间 之中 其中 为例 以下 以上
		我们 我国 他们 这些 那些 这个 一个 一种 一些 各种 各类 有关 相关 进行 开展 实现 具有 提出
		研究 分析 探讨 探析 浅析 初探 试论 论述 综述 述评 评述 问题 方法 影响 作用 意义 现状
		思考 启示 对策 建议 视角 视域 背景 下的 中的 新的 的新 条件下 框架下 视角下 背景下`) {
		m[w] = true
	}
	return m
}()
