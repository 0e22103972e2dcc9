package reader

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// latexText decodes the LaTeX of a BibTeX value into plain text and folds
// its white space (line ends included) into single spaces.
func latexText(s string) string {
	return strings.Join(strings.Fields(latexDecode(s)), " ")
}

// latexDecode decodes the LaTeX of a BibTeX value: accents (\"o, {\'e},
// \c{c}) and special letters (\ss, \o, \l) become Unicode, escaped
// characters (\&, \%, \_) themselves, "--" and "---" dashes, "~" a space;
// other commands (\emph, \textit) are dropped with their braces and their
// argument kept. Line ends are kept.
func latexDecode(s string) string {
	if !strings.ContainsAny(s, "\\{}~$-`'") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	latexInto(&b, s)
	out := b.String()
	if !utf8.ValidString(out) {
		out = strings.ToValidUTF8(out, "\uFFFD")
	}
	return norm.NFC.String(out)
}

// latexAccents maps accent commands to combining marks.
var latexAccents = map[string]rune{
	`"`: '\u0308', `'`: '\u0301', "`": '\u0300', "^": '\u0302', "~": '\u0303',
	"=": '\u0304', ".": '\u0307', "u": '\u0306', "v": '\u030C', "H": '\u030B',
	"c": '\u0327', "k": '\u0328', "r": '\u030A', "d": '\u0323', "b": '\u0331',
}

// latexSymbols maps commands to the text they stand for.
var latexSymbols = map[string]string{
	"&": "&", "%": "%", "$": "$", "#": "#", "_": "_", "{": "{", "}": "}",
	" ": " ", "\\": " ", ",": " ", ";": " ", ":": " ", "!": "", "-": "", "/": "",
	"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ",
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "textquotedbl": "\"",
	"ldots": "…", "dots": "…", "textellipsis": "…", "textregistered": "®",
	"texttrademark": "™", "textcopyright": "©", "copyright": "©", "textdegree": "°", "S": "§", "P": "¶",
	"textbackslash": "\\", "textasciitilde": "~", "textunderscore": "_",
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε",
	"varepsilon": "ε", "zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ",
	"sigma": "σ", "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
	"omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ",
	"Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"times": "×", "pm": "±", "circ": "°", "deg": "°",
}

func latexInto(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '{', '}', '$':
			i++
		case '~':
			b.WriteByte(' ')
			i++
		case '-':
			switch {
			case strings.HasPrefix(s[i:], "---"):
				b.WriteString("—")
				i += 3
			case strings.HasPrefix(s[i:], "--"):
				b.WriteString("–")
				i += 2
			default:
				b.WriteByte('-')
				i++
			}
		case '`':
			if strings.HasPrefix(s[i:], "``") {
				b.WriteString("“")
				i += 2
			} else {
				b.WriteString("‘")
				i++
			}
		case '\'':
			if strings.HasPrefix(s[i:], "''") {
				b.WriteString("”")
				i += 2
			} else {
				b.WriteByte('\'')
				i++
			}
		case '\\':
			i = latexCommand(b, s, i+1)
		default:
			b.WriteByte(c)
			i++
		}
	}
}

// latexCommand decodes the command whose name starts at s[i] and returns
// the index after it.
func latexCommand(b *strings.Builder, s string, i int) int {
	if i >= len(s) {
		return i
	}
	var name string
	if latexLetter(s[i]) {
		j := i
		for j < len(s) && latexLetter(s[j]) {
			j++
		}
		name, i = s[i:j], j
		if _, accent := latexAccents[name]; !accent {
			// A control word swallows the spaces after it.
			for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
				i++
			}
		}
	} else {
		_, size := utf8.DecodeRuneInString(s[i:])
		name, i = s[i:i+size], i+size
	}
	if mark, ok := latexAccents[name]; ok {
		arg, next := latexArgument(s, i)
		var ab strings.Builder
		latexInto(&ab, arg)
		a := ab.String()
		if a == "" {
			// "\~{}" and the like: the accent character itself.
			if len(name) == 1 {
				b.WriteString(name)
			}
			return next
		}
		r, size := utf8.DecodeRuneInString(a)
		switch r {
		case 'ı':
			r = 'i'
		case 'ȷ':
			r = 'j'
		}
		b.WriteRune(r)
		b.WriteRune(mark)
		b.WriteString(a[size:])
		return next
	}
	if t, ok := latexSymbols[name]; ok {
		b.WriteString(t)
		return i
	}
	// Another command (\emph, \textit, \url): dropped, its argument kept.
	return i
}

// latexArgument returns an accent's argument starting at s[i] (after
// spaces): a braced group, a command ("\i"), or one character.
func latexArgument(s string, i int) (string, int) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	if i >= len(s) {
		return "", i
	}
	switch s[i] {
	case '{':
		depth := 0
		for j := i; j < len(s); j++ {
			switch s[j] {
			case '{':
				depth++
			case '}':
				depth--
				if depth == 0 {
					return s[i+1 : j], j + 1
				}
			}
		}
		return s[i+1:], len(s)
	case '\\':
		j := i + 1
		for j < len(s) && latexLetter(s[j]) {
			j++
		}
		if j == i+1 && j < len(s) {
			j++
		}
		return s[i:j], j
	case '}':
		return "", i
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i : i+size], i + size
}

func latexLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// bibPages writes a page range with a plain hyphen and no spaces:
// "4716 – 4723", "980--989" → "4716-4723", "980-989".
func bibPages(p string) string {
	p = strings.NewReplacer("--", "-", "–", "-", "—", "-", "‐", "-", "−", "-").Replace(p)
	return strings.Join(strings.FieldsFunc(p, unicode.IsSpace), "")
}
