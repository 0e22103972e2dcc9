package refparse

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Between the authors and the locator a reference holds its title, the
// container (journal, book, proceedings, site) and for books the place
// and publisher, as sentences: "Title. Journal", "Title. Place:
// Publisher", "Title. In Editors (Eds.), Book". Sentences end at ". ",
// "? " or "! ", except after an abbreviation ("J. Am. Chem. Soc.",
// "F. Cairns", "Ed.").

// sentenceBreaks returns the byte offsets just past each sentence end of
// s (the space after the stop).
func sentenceBreaks(s string, out []int) []int {
	depth := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '(', '[':
			// A bracket never closed (noise lost its close) holds nothing.
			if strings.IndexAny(s[i+1:], ")]") >= 0 {
				depth++
			}
			continue
		case ')', ']':
			if depth > 0 {
				depth--
			}
			continue
		case '.', '?', '!':
		default:
			continue
		}
		if depth > 0 {
			continue
		}
		// The stop may be followed by a closing quote: `."`, `.”`.
		j := i + 1
		if j < len(s) {
			if r, n := utf8.DecodeRuneInString(s[j:]); r == '"' || r == '”' || r == '’' || r == '»' {
				j += n
			}
		}
		if j < len(s) && c == '.' && j == i+1 && gluedSentence(s, i) {
			out = append(out, j) // "Monte Carlo.Molecular Physics": the space lost
			continue
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[j+1:])
		if unicode.IsLower(next) && c == '.' {
			continue
		}
		if c == '.' && isAbbreviation(wordBefore(s, i)) {
			continue
		}
		out = append(out, j+1)
	}
	return out
}

// gluedSentence reports whether the stop at byte i of s ends a sentence
// whose space after it was lost: a word of three letters or more that is
// no abbreviation before it, a capitalised word after it ("Carlo.Molecular",
// "LUNGE.Medicine", but not "Phys.Rev" or "U.S.Army").
func gluedSentence(s string, i int) bool {
	r, n := utf8.DecodeRuneInString(s[i+1:])
	if !unicode.IsUpper(r) {
		return false
	}
	if r2, _ := utf8.DecodeRuneInString(s[i+1+n:]); !unicode.IsLower(r2) {
		return false
	}
	w := wordBefore(s, i)
	if utf8.RuneCountInString(w) < 3 || strings.ContainsAny(w, ".") || isAbbreviation(w) {
		return false
	}
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return true
}

// wordBefore returns the word that ends at byte i of s.
func wordBefore(s string, i int) string {
	j := i
	for j > 0 && s[j-1] != ' ' && s[j-1] != '(' && s[j-1] != '[' {
		j--
	}
	return s[j:i]
}

// abbreviations are words that end with a dot without ending a sentence:
// the words of abbreviated journal titles (ISO 4) and common bibliographic
// abbreviations.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		Acad Acoust Adolesc Adv Aeronaut Aerosp Agric Agron Am Anaesth Anal Anat Anesth Anesthesiol Angew
		Anim Ann Annu Anthropol Appl Aquat Arch Archaeol Assoc Astrobiol Astron Astronaut Astrophys Atmos
		Aufl Ausg Aust Austral Automat Bacteriol Bd Bde Behav Biochem Bioeng Bioinform Biol Biomater Biomech
		Biomed Biophys Biotechnol Bot Br Braz Bros Bull Can Carcinog Cardiol Catal Ceram Ch Chap Chem Chim
		Chin Chromatogr Climatol Clin Co Cogn Coll Combin Comm Commun Comp Compos Comput Conf Cong Conserv
		Contemp Corp Corros Cosmol Crit Cryptol Cryst Crystallogr Curr Dent Dept Dermatol Dev Diagn Dis Diss
		Doc Dokl Dr Ecol Econ Ed Eds Educ Elastom Electr Electroanal Electrochem Electron Emerg Endocr
		Endocrinol Eng Engl Entomol Environ Epidemiol Eur Evol Exp Fac Fam Fed Fig Fis Found Ft Gastroenterol
		Gen Genet Geochim Geogr Geol Geom Geophys Geosci Geriatr Gerontol Glaciol Gov Govt Gravit Gynecol
		Haematol Hematol Hepatol Hist Hort Hortic Hosp Hrsg Hum Hydrol Ichthyol Immunol Immunother Inc Ind
		Inf Infect Inform Inorg Inst Instrum Int Intell Intl Invest Ital Izv Jahrb Jg Jnr Jpn Jr Lab Laryngol
		Lett Limnol Ling Lit Ltd Macromol Mag Magn Manag Manage Manuf Mar Mat Mater Math Mech Med Metab
		Metall Meteor Meteorit Meteorol Microbiol Microsc Mil Mineral Misc Mitt Mol Mon Mr Mrs Ms Mt Mus
		Mutagen Mycol Nanosci Nanotechnol Nat Natl Nav Nephrol Neurol Neurosci Neurosurg No Nos Nr Nucl Numer
		Nurs Nutr Obstet Oceanogr Oncol Oper Ophthalmol Opt Optim Org Ornithol Orthop Otol Otolaryngol
		Paediatr Palaeontol Paleontol Pap Parasitol Pathol Pathophysiol Pediatr Petrol Pharm Pharmacogn
		Pharmacokinet Pharmacol Pharmacother Philos Photon Phys Physiol Phytopathol Plann Plast Polit Polym
		Poult Pp Probab Proc Proceed Prod Prog Psychiatr Psychol Psychosom Psychother Pt Publ Pulm Qual Quant
		Radiol Reg Rehabil Relativ Reliab Rep Repr Reprod Res Resour Respir Rev Rheol Rhinol Robot Rpt Sci
		Sec Sect Sediment Seismol Semin Ser Sess Soc Sociol Softw Spectrom Spectrosc Sr St Stat Stud
		Superconduct Suppl Surg Symp Syst Technol Teratol Theor Ther Thermochim Thermodyn Topol Toxicol Trans
		Transp Tribol Univ Urol Vaccin Vestn Vet Virol Vol Volcanol Vols Zh Zool Zootech e.g i.e cf vs ca
		approx et al eds ed vol vols no nos pp p trans comp repr rev suppl ser pt ch fig figs edn edit orig
		transl pref intro introd n.d s.l s.n ibid op cit loc viz etc
	`) {
		m[w] = true
	}
	return m
}()

// isAbbreviation reports whether a word followed by a dot is an
// abbreviation rather than the end of a sentence.
func isAbbreviation(w string) bool {
	w = strings.TrimLeft(w, "(['\"“‘")
	if w == "" {
		return false
	}
	if abbreviations[w] {
		return true
	}
	n := utf8.RuneCountInString(w)
	if n == 1 {
		return unicode.IsLetter([]rune(w)[0]) // an initial
	}
	// "U.S", "e.g", "J.-M": dots or hyphens between single letters.
	if strings.ContainsAny(w, ".") {
		return true
	}
	// Two-letter capitalised words: "Am", "Ed", "Co".
	if n == 2 {
		r, _ := utf8.DecodeRuneInString(w)
		r2, _ := utf8.DecodeLastRuneInString(w)
		return unicode.IsUpper(r) && unicode.IsLower(r2)
	}
	return false
}

// isAbbreviatedTitle reports whether s ends with an abbreviation, so that
// its final dot is kept: "Phys. Rev. Lett.".
func isAbbreviatedTitle(s string) bool {
	if !strings.HasSuffix(s, ".") {
		return false
	}
	return isAbbreviation(wordBefore(s, len(s)-1))
}

var (
	// "Beijing: Current Affairs Press", "New York, NY: Wiley", "London/Philadelphia: Whurr".
	placePublisher = lazyRegexp(`^(\p{Lu}[\p{L}.' -]{1,30}(?:[,/;] ?\p{Lu}[\p{L}.' -]{1,30}){0,2}): (\S.*)$`)
	// Editors in a container: "In O. C. A. and D. Card (Ed.), Book", "In: Smith J (eds) Book".
	editorsLead = regexp.MustCompile(`^(?:[Ii]n:?\s+)?(?:.{0,200}?(?:\((?:[Ee]ds?|[Hh]rsg|[Ee]ditors?|[Cc]oords?|[Dd]ir|[Éé]ds?)\.?\)|,? (?:[Ee]ds?|[Ee]ditors?|[Hh]rsg)\.?|\(a cura di\))\s*[.,:]?\s+)`)
	// Editions and similar sentences that are neither title nor container.
	editionSentence = regexp.MustCompile(`(?i)^(?:\(?\d+(?:st|nd|rd|th)?\.? (?:ed|edn|edition|Aufl)\b.*|(?:revised|new|second|third|fourth|fifth|\w+) edition\.?|edited by\b.*|trans(?:lated)?\.? by\b.*|(?:dir|perf|narr)\.\s.*|ed\. by\b.*)$`)
	// An edition before the rest: "2nd ed. London: Penguin".
	editionLead = regexp.MustCompile(`^(?:\(?\d+(?:st|nd|rd|th)?\.?\s*(?:ed|edn|edition|Aufl|éd)\.?\)?|第\s*\d+\s*版\.?)[.,]?\s*`)
	// Types named in the text.
	ThesisWords     = regexp.MustCompile(`(?i)\b(?:ph\.?\s?d\.?|doctoral|master'?s?|msc|m\.sc\.|bachelor'?s?|diploma|habilitation)\b.{0,20}\b(?:thesis|dissertation)\b|\b(?:thesis|dissertation|doctoral|diss\.)|学位论文|博士论文|硕士论文`)
	ReportWords     = regexp.MustCompile(`(?i)\b(?:technical|tech\.|research|annual|final|working|white|policy|discussion)\s+(?:report|rep\.|paper|memorandum)\b|\breport\s+no\b|\b(?:tech(?:nical)?\.?\s+rep(?:ort)?\.?|working paper|discussion paper|white paper)\b|\bReport\b`)
	conferenceWords = regexp.MustCompile(`(?i)\b(?:proceedings|conference|symposium|workshop|congress|colloquium|meeting|summit)\b|\b(?:proc|conf|symp)\.|会议|论文集`)
	// Journals whose names say "Proceedings".
	proceedingsJournals = regexp.MustCompile(`(?i)\bproc(?:eedings|\.)? (?:of the )?(?:natl\.?|national academy|royal|r\. soc|roy\.|cambridge|american mathematical|am\. math|indian academy|japan academy|linnean|edinburgh|london mathematical|lond\. math|institution|inst\. mech|ieee|the ieee|iee\b|estonian|latvian|zoological|geologists|physical society|phys\. soc|aristotelian|nutrition society|nutr\. soc)`)
)

// splitSegments reads the sentences between the authors and the locator.
func (st *refState) splitSegments(pre string) {
	w := st.w
	pre = strings.TrimSpace(strings.TrimRight(pre, " ,;:"))
	if pre == "" {
		return
	}
	if w.Title != "" {
		st.setContainerSegment(pre)
		return
	}
	var buf [16]int
	breaks := sentenceBreaks(pre, buf[:0])
	segs := make([]string, 0, len(breaks)+1)
	prev := 0
	for _, b := range breaks {
		segs = append(segs, strings.TrimSpace(pre[prev:b]))
		prev = b
	}
	segs = append(segs, strings.TrimSpace(pre[prev:]))

	segs = mergeAbbreviatedSegments(segs)
	// A sentence starting with "In" is the container: "In Proceedings…",
	// "In: Smith J (ed) Book".
	for k := 1; k < len(segs); k++ {
		if isInLead(segs[k]) {
			w.Title = cleanTitle(strings.Join(segs[:k], " "))
			st.chapter = true
			st.setContainerSegment(strings.Join(segs[k:], " "))
			return
		}
	}
	if len(segs) == 1 {
		if st.loc.journal || st.noTitle {
			st.setContainer(segs[0])
		} else {
			w.Title = cleanTitle(segs[0])
		}
		return
	}
	// Place and publisher: the last sentence that reads as such.
	last := len(segs) - 1
	// "Title. Book: Subtitle, 218–232": bare pages follow a chapter's
	// book, which reads like "Place: Publisher" unless a publisher is named.
	chapterPages := st.loc.pages != "" && st.loc.year == 0 && st.loc.volume == "" && !hasPublisherWord(segs[last])
	if !chapterPages && st.setPublisherSegment(segs[last]) {
		k := 1
		for k < last && isEditionSentence(segs[k]) {
			k++
		}
		w.Title = cleanTitle(segs[0])
		if k < last {
			// A series or book title between title and publisher.
			st.setContainer(strings.Join(segs[k:last], " "))
		}
		return
	}
	if st.loc.journal || st.loc.pages != "" || st.noTitle {
		// "Title. Subtitle. Journal": the journal is the last sentence.
		w.Title = cleanTitle(strings.Join(segs[:last], " "))
		st.setContainer(segs[last])
		return
	}
	w.Title = cleanTitle(segs[0])
	rest := segs[1:]
	for len(rest) > 0 && isEditionSentence(rest[0]) {
		rest = rest[1:]
	}
	if len(rest) > 0 {
		st.setContainer(strings.Join(rest, " "))
	}
}

// mergeAbbreviatedSegments joins a one-word sentence to the next when
// the next starts with an abbreviation: "Humanit." + "Soc. Sci. Commun."
// is one abbreviated journal title whose first word is not in the list.
func mergeAbbreviatedSegments(segs []string) []string {
	for k := len(segs) - 2; k >= 1; k-- {
		one := segs[k]
		if strings.IndexByte(one, ' ') >= 0 || !strings.HasSuffix(one, ".") {
			continue
		}
		next := segs[k+1]
		first, _, _ := strings.Cut(next, " ")
		if !strings.HasSuffix(first, ".") || !isAbbreviation(strings.TrimSuffix(first, ".")) && utf8.RuneCountInString(first) > 7 {
			continue
		}
		segs[k] = one + " " + next
		segs = append(segs[:k+1], segs[k+2:]...)
	}
	return segs
}

// setContainerSegment reads what follows a known title: a container, with
// perhaps editors before it and place and publisher after it.
func (st *refState) setContainerSegment(s string) {
	s = strings.TrimSpace(s)
	if s != "" && (s[0] == '(' || s[0] >= '0' && s[0] <= '9' || strings.HasPrefix(s, "第")) {
		if m := editionLead.FindStringIndex(s); m != nil {
			s = s[m[1]:]
		}
	}
	if isInLead(s) {
		st.chapter = true
	}
	var buf [8]int
	breaks := sentenceBreaks(s, buf[:0])
	if len(breaks) > 0 {
		last := s[breaks[len(breaks)-1]:]
		if st.setPublisherSegment(last) {
			s = strings.TrimSpace(s[:breaks[len(breaks)-1]])
		}
	} else if !st.loc.journal && st.setPublisherSegment(s) {
		return
	}
	st.setContainer(s)
}

// setContainer records the container, without its "In" lead, editors and
// trailing punctuation.
func (st *refState) setContainer(s string) {
	s = strings.TrimSpace(s)
	if isInLead(s) {
		st.chapter = true
		if m := editorsLead.FindStringIndex(s); m != nil && m[1] < len(s) {
			s = s[m[1]:]
		} else {
			s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "In:"), "In "))
		}
	}
	// A trailing "(pp. 1761–1800)" or "(Vol. 3, pp. 1-10)" is a locator.
	if i := strings.LastIndexByte(s, '('); i > 0 && strings.HasSuffix(strings.TrimRight(s, ". "), ")") {
		inner := s[i:]
		if kwPages.MatchString(inner) || kwVolume.MatchString(inner) {
			keywordLocator(inner, &st.loc)
			s = strings.TrimSpace(s[:i])
		}
	}
	st.w.Container = cleanContainer(s)
}

// setPublisherSegment reads "Place: Publisher" or a publisher's name, and
// reports whether s was one.
func (st *refState) setPublisherSegment(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ".,; ")
	if s == "" {
		return false
	}
	if strings.Contains(s, ": ") {
		if m := placePublisher().FindStringSubmatch(s); m != nil && !strings.ContainsAny(m[2], "0123456789") {
			st.w.Place = strings.TrimSpace(m[1])
			st.w.Publisher = strings.TrimSpace(m[2])
			return true
		}
	}
	if len(s) < 200 && hasPublisherWord(s) && !IsConference(s) && utf8.RuneCountInString(s) < 90 {
		// "Oxford University Press, Oxford", "Seuil, Paris"
		pub, place, ok := strings.Cut(s, ", ")
		if ok && isPlaceName(place) {
			st.w.Publisher, st.w.Place = pub, place
		} else if ok && isPlaceName(pub) && hasPublisherWord(place) {
			st.w.Place, st.w.Publisher = pub, place
		} else {
			st.w.Publisher = s
		}
		return true
	}
	return false
}

// publisherWords are words of publishers' names.
var publisherWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`Press Publishing Publishers Publisher Publ Verlag Verlags Books Editions Éditions
		Editora Editorial Edizioni Ediciones Wiley Springer Springer-Verlag Elsevier Routledge Penguin Sons Macmillan
		McGraw-Hill Prentice-Hall Prentice Addison-Wesley Pearson Sage SAGE Blackwell Kluwer Birkhäuser CRC Harper
		HarperCollins Norton Knopf Doubleday Gallimard Seuil Payot Dunod Hachette Suhrkamp Teubner Dover Scolar Gower
		Ashgate Palgrave Brill Gruyter Nomos Karthala Harmattan L'Harmattan Verso Polity Clarendon Elgar Emerald
		Bloomsbury Continuum Longman Heinemann Methuen Faber Vintage Scribner Houghton Mifflin Academic Francis
		Aeroplano Zanichelli Einaudi Laterza Mondadori Feltrinelli Akademie-Verlag Thieme Karger Informa Hogrefe`) {
		m[w] = true
	}
	return m
}()

// hasPublisherWord reports whether s names a publisher: one of
// publisherWords, or 出版社 ("press").
func hasPublisherWord(s string) bool {
	for i := 0; i < len(s); {
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j > i && publisherWords[s[i:j]] {
			return true
		}
		i = j
	}
	return strings.Contains(s, "出版社") || strings.Contains(s, "书局") || strings.Contains(s, "印书馆")
}

// isWordByte reports whether c belongs to a word: an ASCII letter, a
// hyphen or apostrophe, or a byte of a multi-byte letter.
func isWordByte(c byte) bool {
	return isASCIILetter(c) || c == '-' || c == '\'' || c >= utf8.RuneSelf
}

// isPlaceName reports whether s could be a city: one to three
// capitalised words.
func isPlaceName(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > 3 {
		return false
	}
	for _, w := range f {
		if !isNameWord(strings.TrimRight(w, ".,")) && !isAcronym(strings.TrimRight(w, ",")) {
			return false
		}
	}
	return true
}

func isInLead(s string) bool {
	return strings.HasPrefix(s, "In ") || strings.HasPrefix(s, "In: ") || strings.HasPrefix(s, "in: ") || strings.HasPrefix(s, "//")
}

func isEditionSentence(s string) bool {
	return mayName(s, editionStems) && editionSentence.MatchString(strings.TrimSpace(s))
}

var editionStems = []string{"ed", "Ed", "ED", "rans", "RANS", "ir.", "erf.", "arr.", "ufl"}

// cleanTitle trims a title's closing punctuation and enclosing quotes.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " ,;:")
	s = strings.TrimSuffix(s, ".")
	s = strings.TrimRight(s, " ,;:")
	if len(s) >= 2 {
		first, n := utf8.DecodeRuneInString(s)
		last, m := utf8.DecodeLastRuneInString(s)
		if (first == '“' && last == '”' || first == '"' && last == '"' || first == '«' && last == '»' || first == '‘' && last == '’') && len(s) > n+m {
			inner := s[n : len(s)-m]
			if !strings.ContainsRune(inner, first) {
				s = strings.TrimRight(strings.TrimSpace(inner), ",.")
			}
		}
	}
	return s
}

// cleanContainer trims a container's surrounding punctuation, keeping the
// dot of a final abbreviation ("Phys. Rev. Lett.").
func cleanContainer(s string) string {
	s = strings.TrimSpace(strings.TrimLeft(s, " .,;:"))
	s = strings.TrimRight(s, " ,;:")
	if strings.HasSuffix(s, ".") && !isAbbreviatedTitle(s) {
		s = strings.TrimRight(s, ". ")
	}
	return strings.TrimRight(s, " ,;:")
}
