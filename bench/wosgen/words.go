package main

import (
	"math/rand/v2"
	"strings"
)

// Surnames, first names and journal titles are made of these parts, so
// that they are many and distinct without copying anyone's name.
var (
	onsets  = []string{"b", "br", "c", "ch", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "sh", "t", "v", "w", "y", "z"}
	vowels  = []string{"a", "e", "i", "o", "u", "ai", "ei", "ou"}
	codas   = []string{"", "", "", "n", "r", "s", "l", "ng", "t"}
	topics  = []string{"MAGNETIC", "POLYMER", "OPTICAL", "QUANTUM", "CELL", "MOLECULAR", "CLINICAL", "NEURAL", "CHEMICAL", "APPLIED", "MATERIALS", "SURFACE", "NANO", "ECOLOGY", "GENETIC", "STATISTICAL", "COMPUTATIONAL", "ENVIRONMENTAL", "SOCIAL", "ECONOMIC", "PLASMA", "CATALYSIS", "PROTEIN", "IMAGING", "SIGNAL", "ENERGY", "FLUID", "CRYSTAL", "ACOUSTIC", "THERMAL"}
	fields  = []string{"PHYSICS", "CHEMISTRY", "SCIENCE", "RESEARCH", "LETTERS", "REVIEWS", "ENGINEERING", "BIOLOGY", "MEDICINE", "TECHNOLOGY", "SYSTEMS", "COMMUNICATIONS", "METHODS", "STUDIES"}
	heads   = []string{"JOURNAL OF", "ANNALS OF", "INTERNATIONAL JOURNAL OF", "REVIEWS OF", "PROGRESS IN", "ADVANCES IN", "EUROPEAN JOURNAL OF", "ACTA"}
	abbrevs = map[string]string{
		"JOURNAL OF": "J", "ANNALS OF": "ANN", "INTERNATIONAL JOURNAL OF": "INT J", "REVIEWS OF": "REV",
		"PROGRESS IN": "PROG", "ADVANCES IN": "ADV", "EUROPEAN JOURNAL OF": "EUR J", "ACTA": "ACTA",
		"MAGNETIC": "MAGN", "POLYMER": "POLYM", "OPTICAL": "OPT", "QUANTUM": "QUANT", "CELL": "CELL",
		"MOLECULAR": "MOL", "CLINICAL": "CLIN", "NEURAL": "NEURAL", "CHEMICAL": "CHEM", "APPLIED": "APPL",
		"MATERIALS": "MATER", "SURFACE": "SURF", "NANO": "NANO", "ECOLOGY": "ECOL", "GENETIC": "GENET",
		"STATISTICAL": "STAT", "COMPUTATIONAL": "COMPUT", "ENVIRONMENTAL": "ENVIRON", "SOCIAL": "SOC",
		"ECONOMIC": "ECON", "PLASMA": "PLASMA", "CATALYSIS": "CATAL", "PROTEIN": "PROTEIN", "IMAGING": "IMAGING",
		"SIGNAL": "SIGNAL", "ENERGY": "ENERG", "FLUID": "FLUID", "CRYSTAL": "CRYST", "ACOUSTIC": "ACOUST",
		"THERMAL": "THERM", "PHYSICS": "PHYS", "CHEMISTRY": "CHEM", "SCIENCE": "SCI", "RESEARCH": "RES",
		"LETTERS": "LETT", "REVIEWS": "REV", "ENGINEERING": "ENG", "BIOLOGY": "BIOL", "MEDICINE": "MED",
		"TECHNOLOGY": "TECHNOL", "SYSTEMS": "SYST", "COMMUNICATIONS": "COMMUN", "METHODS": "METHOD", "STUDIES": "STUD",
	}
	vocabulary = strings.Fields(`analysis of the and in for with on a by from effect effects model
		models data study structure dynamics growth magnetic thin films polymer block copolymer
		self-assembly lithography patterned media recording density high low temperature phase
		transition spin transport optical properties nanoparticles arrays surface interface
		measurement theory simulation method methods network networks protein cell cells gene
		expression clinical trial patients outcomes risk cohort review systematic meta-analysis
		evidence quantum states energy synthesis catalytic reaction kinetics fluid flow thermal
		stability imaging signal processing coding channel detection learning neural deep
		evolution population species ecological climate change policy science diplomacy
		cooperation international governance innovation research collaboration citation`)
	countries = []string{"USA", "Peoples R China", "Japan", "Germany", "England", "France", "South Korea", "Italy", "Canada", "Spain", "Netherlands", "Brazil", "India", "Switzerland", "Australia"}
)

// syllableWord is a capitalised made-up word of n syllables.
func syllableWord(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(onsets[r.IntN(len(onsets))])
		b.WriteString(vowels[r.IntN(len(vowels))])
		b.WriteString(codas[r.IntN(len(codas))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// person is an author: surname, first names, and initials as Web of
// Science writes them ("JK").
type person struct {
	surname, first, initials string
}

func newPerson(r *rand.Rand) person {
	surname := syllableWord(r, 2+r.IntN(2))
	if r.IntN(30) == 0 {
		surname += "-" + syllableWord(r, 2)
	}
	firsts := []string{syllableWord(r, 2)}
	if r.IntN(3) == 0 {
		firsts = append(firsts, syllableWord(r, 1+r.IntN(2)))
	}
	var initials strings.Builder
	for _, f := range firsts {
		initials.WriteByte(f[0])
	}
	return person{surname, strings.Join(firsts, " "), initials.String()}
}

// dotted is the initials as "J. K.", the form Web of Science keeps for
// references it could not link.
func (p person) dotted() string {
	parts := make([]string, len(p.initials))
	for i := range p.initials {
		parts[i] = p.initials[i:i+1] + "."
	}
	return strings.Join(parts, " ")
}

// journal is a source: full title (SO), abbreviation (J9, and the form
// in cited references), DOI prefix and code.
type journal struct {
	title, abbrev, doiPrefix, code string
	volume1                        int // volume of the year 2000
}

func newJournal(r *rand.Rand, i int) journal {
	var words []string
	if r.IntN(3) > 0 {
		words = append(words, heads[r.IntN(len(heads))])
	}
	for range 1 + r.IntN(2) {
		words = append(words, topics[r.IntN(len(topics))])
	}
	words = append(words, fields[r.IntN(len(fields))])
	if r.IntN(4) == 0 {
		words = append(words, "-", syllableWord(r, 2))
	}
	var ab []string
	for _, w := range words {
		if a, ok := abbrevs[w]; ok {
			ab = append(ab, a)
		} else if w != "-" {
			ab = append(ab, strings.ToUpper(w))
		}
	}
	title := strings.ToUpper(strings.ReplaceAll(strings.Join(words, " "), " - ", "-"))
	abbrev := strings.Join(ab, " ")
	if len(abbrev) > 20 { // Web of Science cuts source abbreviations at 20 characters
		abbrev = strings.TrimSpace(abbrev[:20])
	}
	code := strings.ToLower(strings.ReplaceAll(abbrev, " ", ""))
	if len(code) > 6 {
		code = code[:6]
	}
	return journal{title, abbrev, "10." + itoa(1000+r.IntN(9000)), code + itoa(i), 1 + r.IntN(120)}
}

// capitalized is an upper-case word in title case: "MAGNETIC" → "Magnetic".
func capitalized(s string) string { return s[:1] + strings.ToLower(s[1:]) }

// words is n words of the vocabulary, the first capitalised.
func words(r *rand.Rand, n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = vocabulary[r.IntN(len(vocabulary))]
	}
	ws[0] = strings.ToUpper(ws[0][:1]) + ws[0][1:]
	return strings.Join(ws, " ")
}
