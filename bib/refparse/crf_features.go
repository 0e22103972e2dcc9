package refparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The features of a token, in four kinds:
//
//   - word features depend on the token alone: its lower-cased form,
//     shape ("Xx", "dddd", "X."), prefixes and suffixes, classes (year,
//     range, initial, roman numeral, ordinal, URL, DOI) and lexicons (month
//     names, journal words, publishers' words, places, given names, "et
//     al.", connectors, editors' marks, GB/T 7714 type letters, Chinese
//     suffixes such as 出版社 or 学报).
//   - context features are the form of the tokens one to three places
//     before and after, and the shape of those one place away.
//   - word-pair features are the token with the token before it and with
//     the token after it ("journal of"), and the token with the index of
//     its sentence.
//   - state features depend on the position in the reference: the
//     relative position, the index from either end, whether the token is
//     inside brackets or quotation marks, how many sentences, years and
//     commas came before it, whether a GB/T type marker, a "//" or an "In"
//     came before, and conjunctions of these with the token's class.
//
// Every feature is a 64-bit hash of its template and value. Word and
// context features depend only on a token's key (crfWordKey: the token
// with its digits written 0), so the model's weights for them are summed
// once per key and cached; word-pair features are looked up per token;
// state features have small domains and are looked up in dense tables.

// crfFeatureSchema names the feature set; a model trained with another
// schema is refused.
const crfFeatureSchema = "citegraph-refcrf-features-7"

// FNV-1a.
const (
	crfHashOffset = 14695981039346656037
	crfHashPrime  = 1099511628211
)

func crfHashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= crfHashPrime
	}
	return h
}

func crfHashByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * crfHashPrime
}

// crfFeat returns the hash of a feature: template and value.
func crfFeat(tpl byte, value string) uint64 {
	h := crfHashStr(crfHashByte(crfHashOffset, tpl), value)
	if h == 0 {
		h = 1
	}
	return h
}

// crfLowHash hashes a key in lower case, for the features of a word with
// its neighbour or with its sentence.
func crfLowHash(key string) uint64 {
	var lowBuf [64]byte
	return crfHashStr(crfHashOffset, string(crfLower(key, lowBuf[:0])))
}

// The lower-case hashes of the places before the first and after the last
// token.
var crfLowBOS, crfLowEOS = crfLowHash(crfKeyBOS), crfLowHash(crfKeyEOS)

// crfHashU64 hashes the eight bytes of v into h.
func crfHashU64(h, v uint64) uint64 {
	for k := 0; k < 64; k += 8 {
		h = crfHashByte(h, byte(v>>k))
	}
	return h
}

// crfPairFeat returns the feature of the word pair (a, b), by their
// crfLowHash, seen from its second word (side −1) or its first (side 1):
// "journal of", "pp. 0".
func crfPairFeat(side int, a, b uint64) uint64 {
	h := crfHashU64(crfHashU64(crfHashByte(crfHashOffset, byte('b'+max(side, 0))), a), b)
	return max(h, 1)
}

// crfWordSentFeat returns the feature of a word, by its crfLowHash, in the
// sentence of this index (from 0; 3 stands for 3 and more): "review" in
// the first sentence is a title's, in the third a journal's.
func crfWordSentFeat(low uint64, sent int) uint64 {
	h := crfHashU64(crfHashByte(crfHashByte(crfHashOffset, 'S'), byte(min(sent, 3))), low)
	return max(h, 1)
}

// crfCtxOffsets are the context positions, in the order of crfWordVec.ctx.
var crfCtxOffsets = [6]int{-3, -2, -1, 1, 2, 3}

// Special keys for the places before the first and after the last token.
const (
	crfKeyBOS = "\x00BOS"
	crfKeyEOS = "\x00EOS"
)

// crfWordKey returns the key of a token: its text, with every digit
// written 0 after a class letter ('Y' for a year, 'N' otherwise); URLs and
// DOIs by their kind; full-width marks as their ASCII forms with a
// trailing "\x03".
func crfWordKey(tok string, buf []byte) []byte {
	buf = buf[:0]
	if len(tok) >= 7 && crfLinkStart(tok) {
		l := strings.ToLower(tok)
		switch {
		case strings.HasPrefix(l, "10.") || strings.HasPrefix(l, "doi:"):
			return append(buf, "\x02D"...)
		case strings.Contains(l, "doi.org/"):
			return append(buf, "\x02U:doi"...)
		}
		return append(buf, "\x02U"...)
	}
	r, n := utf8.DecodeRuneInString(tok)
	if n == len(tok) && r >= 0x3000 {
		if a := crfASCIIMark(r); a != 0 {
			return append(buf, a, 0x03)
		}
	}
	digits := false
	for i := 0; i < len(tok); i++ {
		if tok[i] >= '0' && tok[i] <= '9' {
			digits = true
			break
		}
	}
	if !digits {
		return append(buf, tok...)
	}
	if IsYear(tok) {
		buf = append(buf, 'Y')
	} else {
		buf = append(buf, 'N')
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= '0' && c <= '9' {
			c = '0'
		}
		buf = append(buf, c)
	}
	if len(buf) > 24 {
		buf = append(buf[:24], '+')
	}
	return buf
}

// crfASCIIMark returns the ASCII form of a full-width mark, or 0.
func crfASCIIMark(r rune) byte {
	switch r {
	case '，', '、':
		return ','
	case '；':
		return ';'
	case '：':
		return ':'
	case '（':
		return '('
	case '）':
		return ')'
	case '［', '【', '〔':
		return '['
	case '］', '】', '〕':
		return ']'
	case '。', '．':
		return '.'
	case '！':
		return '!'
	case '？':
		return '?'
	case '《', '〈', '「', '『':
		return '<'
	case '》', '〉', '」', '』':
		return '>'
	}
	return 0
}

// crfKeyIsNumber reports whether a key is of a token with digits.
func crfKeyIsNumber(key string) bool {
	return len(key) > 1 && (key[0] == 'Y' || key[0] == 'N') && strings.IndexByte(key[1:], '0') >= 0
}

// Token classes, for the state features' conjunctions.
const (
	crfClassMark = iota
	crfClassNumber
	crfClassYear
	crfClassCap
	crfClassLower
	crfClassInitial
	crfClassCJK
	crfClassLink
	crfNumClasses
)

// crfKeyClass returns the class of a key.
func crfKeyClass(key string) int {
	if key == "" {
		return crfClassMark
	}
	switch key[0] {
	case 0x02:
		return crfClassLink
	case 'Y':
		if crfKeyIsNumber(key) && len(key) >= 5 && key[1:5] == "0000" {
			return crfClassYear
		}
	}
	if crfKeyIsNumber(key) {
		return crfClassNumber
	}
	r, _ := utf8.DecodeRuneInString(key)
	switch {
	case crfIsCJK(r):
		return crfClassCJK
	case !unicode.IsLetter(r):
		if CRFIsMark(key) {
			return crfClassMark
		}
		return crfClassLower
	case unicode.IsUpper(r):
		if crfIsInitial(key) {
			return crfClassInitial
		}
		return crfClassCap
	}
	return crfClassLower
}

// crfIsInitial reports whether a key is an initial or initials: "J",
// "M.J", "J.-L", "PB".
func crfIsInitial(key string) bool {
	n := 0
	for _, r := range key {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '.' || r == '-':
		default:
			return false
		}
	}
	return n >= 1 && n <= 3
}

// crfShape writes the shape of a key: capitals X, small letters x, digits
// d, CJK letters C, each run of letters shortened to one symbol (two for
// "Xx"), digits counted up to five.
func crfShape(key string, buf []byte) []byte {
	buf = buf[:0]
	if key != "" && key[0] == 0x02 {
		return append(buf, key...)
	}
	if crfKeyIsNumber(key) {
		key = key[1:]
	}
	var last byte
	run := 0
	for _, r := range key {
		var c byte
		switch {
		case r >= '0' && r <= '9':
			c = 'd'
		case crfIsCJK(r):
			c = 'C'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '?'
		}
		if c == last {
			run++
			if c == 'd' && run < 5 || c == 'X' && run < 2 {
				buf = append(buf, c)
			}
			continue
		}
		last, run = c, 1
		buf = append(buf, c)
		if len(buf) > 12 {
			break
		}
	}
	return buf
}

// crfWordFeatures calls emit with the word features of a key.
func crfWordFeatures(key string, emit func(uint64)) {
	if key == crfKeyBOS || key == crfKeyEOS {
		emit(crfFeat('w', key))
		return
	}
	var lowBuf [64]byte
	low := crfLower(key, lowBuf[:0])
	emit(crfFeat('w', string(low)))
	var shapeBuf [24]byte
	emit(crfFeat('s', string(crfShape(key, shapeBuf[:0]))))
	if key[0] == 0x02 {
		return
	}
	if len(key) == 2 && key[1] == 0x03 {
		emit(crfFeat('f', "fullwidth"))
		return
	}
	number := crfKeyIsNumber(key)
	runes := utf8.RuneCount(low)
	if !number && runes > 1 {
		// Prefixes and suffixes of one to four letters.
		var idx [5]int
		k := 0
		for i := range string(low) {
			if k < 5 {
				idx[k] = i
			}
			k++
		}
		for p := 1; p <= 3 && p < runes; p++ {
			emit(crfFeat('p', string(low[:idx[p]])))
		}
		end := len(low)
		for s := 1; s <= 4 && s < runes; s++ {
			_, size := utf8.DecodeLastRune(low[:end])
			end -= size
			emit(crfFeat('x', string(low[end:])))
		}
	}
	lenBucket := runes
	if lenBucket > 8 {
		lenBucket = 8 + (runes-8)/8
		if lenBucket > 12 {
			lenBucket = 12
		}
	}
	emit(crfFeat('l', string(rune('0'+lenBucket))))
	flag := func(name string) { emit(crfFeat('f', name)) }
	r0, _ := utf8.DecodeRuneInString(key)
	switch {
	case number:
		body := key[1:]
		if key[0] == 'Y' && len(body) >= 4 && body[:4] == "0000" {
			flag("year")
		}
		if crfAllZeros(body) {
			flag("digits")
		} else if strings.ContainsAny(body, "-–—") {
			flag("range")
		}
		l := strings.ToLower(body)
		if strings.HasSuffix(l, "st") || strings.HasSuffix(l, "nd") || strings.HasSuffix(l, "rd") || strings.HasSuffix(l, "th") || strings.HasSuffix(l, "e") || strings.HasSuffix(l, "er") {
			flag("ordinal")
		}
	case crfIsCJK(r0):
		crfCJKFeatures(key, runes, emit)
	case unicode.IsLetter(r0):
		switch {
		case crfIsInitial(key):
			flag("initial")
		case allCaps(key):
			flag("allcaps")
		case unicode.IsUpper(r0):
			flag("cap")
		default:
			flag("lower")
		}
		if IsRoman(key) {
			flag("roman")
		}
		if strings.ContainsAny(key, "-‐") {
			flag("hyphen")
		}
		if strings.Contains(key, ".") {
			flag("dotted")
		}
		if strings.Contains(key, "@") {
			flag("email")
		}
		bare := strings.TrimSuffix(string(low), ".")
		for _, lx := range crfLexicons {
			if lx.words[bare] {
				flag(lx.name)
			}
		}
		if strings.ContainsAny(bare, "-/–") {
			// "July-August", "Spring/Summer".
			for _, part := range strings.FieldsFunc(bare, func(r rune) bool { return r == '-' || r == '/' || r == '–' }) {
				if crfLexicons[0].words[strings.TrimSuffix(part, ".")] {
					flag("month-part")
					break
				}
			}
		}
		if IsEditorWord(bare) {
			flag("editor")
		}
		if IsConnector(bare) {
			flag("connector")
		}
		if crfGBTLetters[key] {
			flag("gbt")
		}
	default:
		flag("mark")
	}
}

// crfAllZeros reports whether a key's body is digits alone (a key writes
// every digit 0).
func crfAllZeros(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '0' {
			return false
		}
	}
	return s != ""
}

// crfLower writes key in lower case.
func crfLower(key string, buf []byte) []byte {
	for _, r := range key {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// crfCJKFeatures emits the features of a run of CJK letters: its length,
// first and last letters, and words that end names of publishers,
// universities, journals and places.
func crfCJKFeatures(key string, runes int, emit func(uint64)) {
	var rs [64]rune
	n := 0
	for _, r := range key {
		if n == len(rs) {
			break
		}
		rs[n] = r
		n++
	}
	b := runes
	if b > 12 {
		b = 12
	}
	emit(crfFeat('L', string(rune('0'+b))))
	emit(crfFeat('a', string(rs[:1])))
	if n >= 2 {
		emit(crfFeat('b', string(rs[:2])))
		emit(crfFeat('z', string(rs[n-2:n])))
	}
	emit(crfFeat('y', string(rs[n-1:n])))
	if n >= 3 {
		emit(crfFeat('Z', string(rs[n-3:n])))
	}
	for _, w := range crfCJKWords {
		if strings.Contains(key, w) {
			emit(crfFeat('k', w))
		}
	}
	if IsCJKName(key) && n <= 4 {
		emit(crfFeat('f', "cjkname"))
	}
}

// crfCJKWords are words inside the names of publishers, universities,
// journals, conferences and theses.
var crfCJKWords = []string{"出版社", "出版", "大学", "学院", "研究所", "研究院", "学报", "杂志", "雜誌", "期刊", "科学", "会议", "會議",
	"论文", "論文", "报", "報", "社", "局", "馆", "館", "中心", "委员会", "部", "集", "学会", "學會", "省", "市", "京", "海", "等", "编", "主编",
	"译", "年", "月", "日", "期", "卷", "版", "页", "頁", "第", "硕士", "博士", "学位", "會", "연구", "학회", "대학교", "논문"}

// crfGBTLetters are the letters of GB/T 7714 type markers.
var crfGBTLetters = map[string]bool{
	"J": true, "M": true, "C": true, "N": true, "D": true, "R": true, "S": true, "P": true, "EB": true, "OL": true,
	"EB/OL": true, "J/OL": true, "M/OL": true, "C/OL": true, "N/OL": true, "D/OL": true, "R/OL": true, "Z": true,
	"G": true, "A": true, "CM": true, "DS": true, "PP": true, "CP": true, "DB": true, "DB/OL": true, "S/OL": true,
	"P/OL": true, "Z/OL": true, "G/OL": true, "A/OL": true, "CP/OL": true, "DS/OL": true, "PP/OL": true, "DK": true,
}

type crfLexicon struct {
	name  string
	words map[string]bool
}

func crfWordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// crfLexicons are word lists, lower case.
var crfLexicons = []crfLexicon{
	{"month", crfWordSet(`jan january feb february mar march apr april may jun june jul july aug august sep sept september
		oct october nov november dec december spring summer autumn fall winter janvier février fevrier mars avril mai juin
		juillet août aout septembre octobre novembre décembre decembre januar februar märz juni juli oktober dezember
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre gennaio febbraio
		aprile maggio giugno luglio settembre ottobre dicembre janeiro fevereiro março maio junho julho setembro
		outubro novembro dezembro januari februari maart mei augustus oktober`)},
	{"journal", crfWordSet(`journal j jour review rev reviews proceedings proc transactions trans annals ann annual
		annu bulletin bull letters lett acta zeitschrift z zeitschr revue rivista revista quarterly q magazine mag
		research res studies stud science sciences sci physics phys physical chemistry chem chemical medicine med medical
		international int intl american am european eur society soc academy acad archives arch advances adv reports rep
		communications commun applied appl nature cell lancet bmj jama plos ieee acm letters journals gazette
		newsletter bulletins cahiers jahrbuch tijdschrift review. studies. economics econ economic sociology sociol
		psychology psychol biology biol biological engineering eng technology technol mathematics math mathematical
		theoretical theor computer comput computing systems syst clinical clin environmental environ geology geol
		geophysical geophys research. history hist historical philosophy philos politics polit political law legal
		education educ educational management manag quarterly. affairs policy forum record records notes memoirs
		mitteilungen berichte anales anais anuario boletín boletim cuadernos estudios studi quaderni nuovo cimento
		astrophys astrophysical astron astronomy nucl nuclear lett. optics opt mater materials neurosci neuroscience
		genet genetics immunol immunology microbiol oncol cancer pharmacol surg surgery pediatr psychiatry psychiatr`)},
	{"publisher", crfWordSet(`press publishing publishers publisher publ verlag verlags books editions éditions editora
		editorial edizioni ediciones wiley springer elsevier routledge penguin sons macmillan mcgraw-hill prentice-hall
		prentice addison-wesley pearson sage blackwell kluwer birkhäuser crc harper harpercollins norton knopf doubleday
		gallimard seuil payot dunod hachette suhrkamp teubner dover gower ashgate palgrave brill gruyter nomos harmattan
		verso polity clarendon elgar emerald bloomsbury continuum longman heinemann methuen faber vintage scribner
		houghton mifflin academic francis taylor university univ universität université universidad università
		institute inst oup cup mit pub co inc ltd gmbh llc company corporation puf armand colin flammarion plon
		fayard albin michel laffont karthala presses universitaires de france verlagsgesellschaft mohr beck
		zanichelli einaudi laterza mondadori feltrinelli thieme karger hogrefe informa world scientific
		cambridge oxford harvard yale princeton chicago stanford columbia cornell`)},
	{"place", crfWordSet(`london paris new york berlin oxford cambridge boston chicago washington tokyo beijing
		shanghai amsterdam leiden leipzig münchen munich frankfurt stuttgart wien vienna zürich zurich basel geneva
		genève bern madrid barcelona rome roma milano milan firenze florence torino bologna napoli lisboa lisbon
		brussels bruxelles moscow moskva st petersburg stockholm copenhagen oslo helsinki warsaw warszawa prague praha
		budapest athens dordrecht heidelberg göttingen hamburg köln cologne bonn tübingen freiburg dresden mainz
		philadelphia princeton baltimore berkeley los angeles san francisco diego toronto montreal montréal ottawa
		vancouver sydney melbourne canberra auckland wellington delhi mumbai bombay calcutta kolkata singapore hong
		kong seoul taipei nanjing wuhan guangzhou hangzhou tianjin chengdu xi'an xian shenyang harbin hefei jinan
		changsha kunming lanzhou shenzhen chongqing dalian qingdao fuzhou xiamen nanning guiyang taiyuan
		shijiazhuang zhengzhou nanchang changchun hohhot urumqi lhasa yinchuan xining haikou amherst ithaca
		evanston minneapolis houston dallas austin atlanta seattle portland denver pittsburgh cleveland detroit
		edinburgh glasgow manchester birmingham bristol dublin brighton lyon marseille toulouse bordeaux lille
		strasbourg rennes grenoble nantes montpellier nice mexico méxico buenos aires são paulo rio de janeiro
		santiago lima bogotá caracas cairo nairobi cape town johannesburg tel aviv jerusalem istanbul ankara tehran
		usa uk u.s.a u.s u.k england germany france china japan italy spain canada australia ny ma ca nj il dc ct md pa
		mass calif conn n.y n.j berlin/heidelberg heidelberg/berlin 北京 上海 南京 天津 武汉 广州 杭州 成都 西安 沈阳 长沙
		哈尔滨 合肥 济南 昆明 兰州 深圳 重庆 大连 青岛 福州 厦门 台北 香港`)},
	{"given", crfWordSet(`john james robert michael william david richard joseph thomas charles christopher daniel matthew
		anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan
		jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank
		patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle walter ethan
		jeremy harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe
		jordan billy bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah
		louis bobby philip johnny mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
		betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie
		rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
		katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie joyce victoria
		olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann
		teresa kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn beverly
		danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla jean pierre jacques
		michel philippe alain bernard françois francois louis andré andre rené rene claude marcel henri yves
		christophe nicolas olivier laurent éric frédéric sylvie nathalie isabelle catherine françoise monique
		hans klaus jürgen jurgen wolfgang peter karl heinz günter gunter helmut werner horst gerhard dieter manfred
		uwe ursula ingrid helga gisela renate carlos josé luis antonio manuel francisco javier miguel pedro jesús
		rafael fernando pablo sergio jorge alberto giovanni giuseppe marco luca andrea paolo francesco alessandro
		stefano roberto massimo lorenzo matteo ivan sergei sergey vladimir alexei dmitri dmitry nikolai andrei
		yuri igor oleg olga natalia tatiana elena irina svetlana hiroshi takashi kenji yuki akira satoshi
		wei li ming hong jun hua jian xin ying yan ling lei jie feng tao bin yong qiang yu hao peng chen
		muhammad mohammed ahmed ali hassan hussein omar fatima aisha`)},
	{"etal", crfWordSet(`et al al. etal et.al 等 ua u.a ve vd и др`)},
	{"in", crfWordSet(`in dans en im in: ebd ibid ibidem`)},
	{"edition", crfWordSet(`ed edn edition éd aufl auflage ausg rev revised enlarged 版`)},
	{"thesis", crfWordSet(`thesis dissertation diss phd ph.d doctoral master msc m.sc mphil habilitation thèse these
		doktorarbeit tesis tesi`)},
	{"report", crfWordSet(`report rep tech technical working paper memorandum note preprint arxiv manuscript
		unpublished submitted press forthcoming accepted`)},
	{"web", crfWordSet(`available online retrieved accessed url from at: cited viewed http https www internet web
		website homepage online:`)},
	{"conf", crfWordSet(`conference conf proceedings proc symposium symp workshop congress colloquium meeting summit
		annual international int'l convention`)},
}

// Context and state feature templates.
const (
	crfTplCtxWord  = 0x10 // + index into crfCtxOffsets
	crfTplCtxShape = 0x20
	crfTplState    = 0x40 // + state template
)

// crfCtxFeatures calls emit with the features a token with this key gives
// the token at offset crfCtxOffsets[oi] from it... seen from that token:
// "the word two before me is x".
func crfCtxFeatures(key string, oi int, emit func(uint64)) {
	if key == crfKeyBOS || key == crfKeyEOS {
		emit(crfFeat(byte(crfTplCtxWord+oi), key))
		return
	}
	var lowBuf [64]byte
	emit(crfFeat(byte(crfTplCtxWord+oi), string(crfLower(key, lowBuf[:0]))))
	if o := crfCtxOffsets[oi]; o == -1 || o == 1 {
		var shapeBuf [24]byte
		emit(crfFeat(byte(crfTplCtxShape+oi), string(crfShape(key, shapeBuf[:0]))))
	}
}

// The state templates and the size of each one's domain.
const (
	crfStPos        = iota // position in tenths
	crfStIndex             // index from the start, up to 7
	crfStRIndex            // index from the end, up to 7
	crfStBrackets          // inside (), [], quotation marks: 3 bits
	crfStSentences         // sentences before, up to 6
	crfStYears             // years before, up to 3
	crfStMarks             // a GB/T marker, "//", "In", a colon in this sentence, a closed quotation before: 5 bits
	crfStCommas            // commas in this sentence before, up to 7
	crfStSentClass         // sentences × class
	crfStPosClass          // position × class
	crfStYearClass         // years × class
	crfStBrClass           // brackets × class
	crfStTrigram           // classes before, here, after
	crfStSentComma         // sentences × commas
	crfStRSent             // sentences after, up to 4
	crfStSentRSent         // sentences before × after
	crfStSeg               // what this sentence holds: 7 bits
	crfStSegClass          // … × class
	crfStNextSeg           // what the next sentence holds
	crfStInSent            // place in the sentence × its length
	crfStRSentClass        // sentences after × class
	crfNumStates
)

var crfStateDomain = [crfNumStates]int{
	10, 8, 8, 8, 7, 4, 32, 8, 7 * crfNumClasses, 10 * crfNumClasses, 4 * crfNumClasses, 8 * crfNumClasses,
	(crfNumClasses + 1) * crfNumClasses * (crfNumClasses + 1), 7 * 8, 5, 7 * 5, 128, 128 * crfNumClasses, 129, 6 * 6,
	5 * crfNumClasses,
}

// crfStateFolds are the state templates whose value follows from another
// one's: labelling adds the small template's weights into the other's
// table once, when the model is read, instead of at every token
// (NewCRFModel). of returns the small template's value from the other's.
var crfStateFolds = []struct {
	small, into int
	of          func(v int) int
}{
	{crfStPos, crfStPosClass, crfClassOf},
	{crfStSentences, crfStSentClass, crfClassOf},
	{crfStYears, crfStYearClass, crfClassOf},
	{crfStBrackets, crfStBrClass, crfClassOf},
	{crfStCommas, crfStSentComma, func(v int) int { return v % 8 }},
	{crfStRSent, crfStRSentClass, crfClassOf},
	{crfStSeg, crfStSegClass, crfClassOf},
}

// crfClassOf returns the other value of a value × class.
func crfClassOf(v int) int { return v / crfNumClasses }

// crfStateFeat returns the hash of a state feature.
func crfStateFeat(tpl, val int) uint64 {
	var b [2]byte
	b[0], b[1] = byte(val), byte(val>>8)
	return crfFeat(byte(crfTplState+tpl), string(b[:]))
}

// crfKeyInfo is what the state features need of a token's key: its class
// and the lexicons it is in.
type crfKeyInfo struct {
	class, lex uint8
}

// Lexicon bits of crfKeyInfo.lex.
const (
	crfLexPublisher = 1 << iota
	crfLexJournal
	crfLexPlace
	crfLexMonth
	crfLexIn
)

// crfLexBits are the lexicons that set a bit of crfKeyInfo.lex.
var crfLexBits = map[string]uint8{"publisher": crfLexPublisher, "journal": crfLexJournal, "place": crfLexPlace, "month": crfLexMonth}

func crfInfoOf(key string) crfKeyInfo {
	info := crfKeyInfo{class: uint8(crfKeyClass(key))}
	if info.class == crfClassCap || info.class == crfClassLower || info.class == crfClassCJK {
		var lowBuf [64]byte
		low := strings.TrimSuffix(string(crfLower(key, lowBuf[:0])), ".")
		for _, lx := range crfLexicons {
			if bit := crfLexBits[lx.name]; bit != 0 && lx.words[low] {
				info.lex |= bit
			}
		}
		if low == "in" || low == "in:" {
			info.lex |= crfLexIn
		}
		if info.class == crfClassCJK {
			if strings.Contains(key, "出版") || strings.HasSuffix(key, "社") || strings.HasSuffix(key, "大学") {
				info.lex |= crfLexPublisher
			}
			if strings.HasSuffix(key, "报") || strings.HasSuffix(key, "報") || strings.Contains(key, "杂志") || strings.Contains(key, "雜誌") {
				info.lex |= crfLexJournal
			}
		}
	}
	return info
}

// crfSegBits returns the sentence bits a token adds: a year, another
// number, a publisher's word, a journal word, a place, "In", a colon.
func crfSegBits(t string, info crfKeyInfo) int {
	b := 0
	switch info.class {
	case crfClassYear:
		b |= 1
	case crfClassNumber:
		b |= 2
	}
	if info.lex&crfLexPublisher != 0 {
		b |= 4
	}
	if info.lex&crfLexJournal != 0 {
		b |= 8
	}
	if info.lex&crfLexPlace != 0 {
		b |= 16
	}
	if info.lex&crfLexIn != 0 || t == "//" {
		b |= 32
	}
	if t == ":" || t == "：" {
		b |= 64
	}
	return b
}

// crfStates computes the state feature values of every token from the
// tokens' key information.
func crfStates(text string, toks []CRFTok, infos []crfKeyInfo, sent []int16, out [][crfNumStates]uint16) {
	n := len(toks)
	// First pass: the sentence of every token and what each sentence holds.
	var segBuf, lenBuf [32]int
	seg, segLen := segBuf[:0], lenBuf[:0]
	start := 0
	cur := 0
	bits := 0
	for i := 0; i < n; i++ {
		t := text[toks[i].Start:toks[i].End]
		sent[i] = int16(cur)
		bits |= crfSegBits(t, infos[i])
		if (t == "." || t == "。" || t == "．" || t == "?" || t == "!") && i > 0 && i+1 < n &&
			crfSentenceEnd(text[toks[i-1].Start:toks[i-1].End], infos[i-1].class) {
			seg = append(seg, bits)
			segLen = append(segLen, i+1-start)
			bits = 0
			start = i + 1
			cur++
		}
	}
	seg = append(seg, bits)
	segLen = append(segLen, n-start)
	total := cur
	// Second pass.
	years, commas := 0, 0
	paren, bracket, quote := 0, 0, false
	marks := 0
	colon := false
	sentStart := 0
	for i := 0; i < n; i++ {
		t := text[toks[i].Start:toks[i].End]
		c := int(infos[i].class)
		br := 0
		if paren > 0 {
			br |= 1
		}
		if bracket > 0 {
			br |= 2
		}
		if quote {
			br |= 4
		}
		si := int(sent[i])
		if i > 0 && sent[i-1] != sent[i] {
			sentStart = i
			commas = 0
			colon = false
		}
		s := min(si, 6)
		rs := min(total-si, 4)
		y := min(years, 3)
		cm := min(commas, 7)
		mk := marks
		if colon {
			mk |= 8
		}
		pos := 10 * i / n
		idx, ridx := min(i, 7), min(n-1-i, 7)
		prev, next := crfNumClasses, crfNumClasses
		if i > 0 {
			prev = int(infos[i-1].class)
		}
		if i+1 < n {
			next = int(infos[i+1].class)
		}
		inSent := crfBucket6(i - sentStart)
		sentLen := crfBucket6(segLen[si])
		nextSeg := 128
		if si+1 < len(seg) {
			nextSeg = seg[si+1]
		}
		v := &out[i]
		v[crfStPos] = uint16(pos)
		v[crfStIndex] = uint16(idx)
		v[crfStRIndex] = uint16(ridx)
		v[crfStBrackets] = uint16(br)
		v[crfStSentences] = uint16(s)
		v[crfStYears] = uint16(y)
		v[crfStMarks] = uint16(mk)
		v[crfStCommas] = uint16(cm)
		v[crfStSentClass] = uint16(s*crfNumClasses + c)
		v[crfStPosClass] = uint16(pos*crfNumClasses + c)
		v[crfStYearClass] = uint16(y*crfNumClasses + c)
		v[crfStBrClass] = uint16(br*crfNumClasses + c)
		v[crfStTrigram] = uint16((prev*crfNumClasses+c)*(crfNumClasses+1) + next)
		v[crfStSentComma] = uint16(s*8 + cm)
		v[crfStRSent] = uint16(rs)
		v[crfStSentRSent] = uint16(s*5 + rs)
		v[crfStSeg] = uint16(seg[si])
		v[crfStSegClass] = uint16(seg[si]*crfNumClasses + c)
		v[crfStNextSeg] = uint16(nextSeg)
		v[crfStInSent] = uint16(inSent*6 + sentLen)
		v[crfStRSentClass] = uint16(rs*crfNumClasses + c)

		// What this token changes for the next.
		switch t {
		case "(", "（":
			paren++
		case ")", "）":
			if paren > 0 {
				paren--
			}
		case "[", "［", "【":
			bracket++
		case "]", "］", "】":
			if bracket > 0 {
				bracket--
			}
			if i >= 2 && crfGBTLetters[text[toks[i-1].Start:toks[i-1].End]] {
				if p := text[toks[i-2].Start:toks[i-2].End]; p == "[" || p == "［" || p == "【" {
					marks |= 1
				}
			}
		case "“", "«", "„":
			quote = true
		case "”", "»":
			quote = false
			marks |= 16
		case "\"":
			if quote {
				marks |= 16
			}
			quote = !quote
		case "//":
			marks |= 2
		case "In", "In:":
			if i > 0 {
				if p := text[toks[i-1].Start:toks[i-1].End]; p == "." || p == "," {
					marks |= 4
				}
			}
		case ",", "，", "、":
			commas++
		case ":", "：":
			colon = true
		}
		if c == crfClassYear {
			years++
		}
	}
}

func crfBucket6(k int) int {
	switch {
	case k < 3:
		return k
	case k < 6:
		return 3
	case k < 11:
		return 4
	}
	return 5
}

// crfSentenceEnd reports whether a stop after the word w ends a sentence:
// not after an initial or an abbreviation.
func crfSentenceEnd(w string, class uint8) bool {
	if class == crfClassInitial || class == crfClassMark && w != ")" && w != "”" && w != "\"" {
		return false
	}
	return class != crfClassCap && class != crfClassLower || !isAbbreviation(w)
}

// CRFTokenFeatures calls emit with every feature hash of every token of a
// reference (word, context, state), token by token: what training learns
// weights for. wordCache keeps the features of the words seen.
func CRFTokenFeatures(text string, toks []CRFTok, wordCache map[string][]uint64, emit func(tok int, h uint64)) {
	n := len(toks)
	if n == 0 {
		return
	}
	var sc CRFScratch
	sc.prepare(text, toks, nil)
	keyFeats := func(key string, ctx int) []uint64 {
		ck := string(rune('0'+ctx)) + key
		if fs, ok := wordCache[ck]; ok {
			return fs
		}
		var fs []uint64
		if ctx < 0 {
			crfWordFeatures(key, func(h uint64) { fs = append(fs, h) })
		} else {
			crfCtxFeatures(key, ctx, func(h uint64) { fs = append(fs, h) })
		}
		if len(wordCache) < 1<<21 {
			wordCache[ck] = fs
		}
		return fs
	}
	for i := 0; i < n; i++ {
		for _, h := range keyFeats(string(sc.key(i)), -1) {
			emit(i, h)
		}
		for oi, o := range crfCtxOffsets {
			j := i + o
			key := crfKeyEOS
			if j < 0 {
				key = crfKeyBOS
			} else if j < n {
				key = string(sc.key(j))
			}
			for _, h := range keyFeats(key, oi) {
				emit(i, h)
			}
		}
		for _, h := range sc.wordContextFeats(i) {
			emit(i, h)
		}
		for t := 0; t < crfNumStates; t++ {
			emit(i, crfStateFeat(t, int(sc.states[i][t])))
		}
	}
}
