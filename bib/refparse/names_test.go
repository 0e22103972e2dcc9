package refparse

import (
	"reflect"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestParseName(t *testing.T) {
	tests := []struct {
		in   string
		want bib.Name
	}{
		{"Ruffini P B", bib.Name{Family: "Ruffini", Given: "P B"}},
		{"Gu Y F", bib.Name{Family: "Gu", Given: "Y F"}},
		{"Zhao G", bib.Name{Family: "Zhao", Given: "G"}},
		{"Ruffini, Pierre-Bruno", bib.Name{Family: "Ruffini", Given: "Pierre-Bruno"}},
		{"Godard J-L", bib.Name{Family: "Godard", Given: "J-L"}},
		{"De Morgan A", bib.Name{Family: "De Morgan", Given: "A"}},
		{"Williams-Ellis A", bib.Name{Family: "Williams-Ellis", Given: "A"}},
		{"van der Waals J D", bib.Name{Family: "van der Waals", Given: "J D"}},
		{"P. B. Ruffini", bib.Name{Family: "Ruffini", Given: "P. B."}},
		{"Ludwig van Beethoven", bib.Name{Family: "van Beethoven", Given: "Ludwig"}},
		{"Charles de Gaulle", bib.Name{Family: "de Gaulle", Given: "Charles"}},
		{"赵刚", bib.Name{Family: "赵", Given: "刚"}},
		{"欧阳修", bib.Name{Family: "欧阳", Given: "修"}},
		{"诸葛亮", bib.Name{Family: "诸葛", Given: "亮"}},
		{"司馬遷", bib.Name{Family: "司馬", Given: "遷"}},
		{"欧阳中石", bib.Name{Family: "欧阳", Given: "中石"}},
		{"爱新觉罗溥仪", bib.Name{Family: "爱新觉罗", Given: "溥仪"}},
		{"王小明", bib.Name{Family: "王", Given: "小明"}},
		{"实藤惠秀", bib.Name{Literal: "实藤惠秀"}},     // Japanese: 实藤 惠秀, not 实 藤惠秀
		{"范徐丽泰", bib.Name{Literal: "范徐丽泰"}},     // two family names
		{"中国造纸学会", bib.Name{Literal: "中国造纸学会"}}, // an organisation
		{"马克·福利", bib.Name{Literal: "马克·福利"}},   // a transliterated name
		{"National Nurses United", bib.Name{Literal: "National Nurses United"}},
		{"The Royal Society", bib.Name{Literal: "The Royal Society"}},
		{"World Health Organization", bib.Name{Literal: "World Health Organization"}},
		{"Plato", bib.Name{Family: "Plato"}},
		// Russian order, as OpenAlex gives it (openalex-works-sample5.json),
		// and the given-name-first order.
		{"Беспалов Дмитрий Николаевич", bib.Name{Family: "Беспалов", Given: "Дмитрий Николаевич"}},
		{"Казаков Михаил Анатольевич", bib.Name{Family: "Казаков", Given: "Михаил Анатольевич"}},
		{"Дмитрий Николаевич Беспалов", bib.Name{Family: "Беспалов", Given: "Дмитрий Николаевич"}},
		{"Tolstaya Tatyana Nikitichna", bib.Name{Family: "Tolstaya", Given: "Tatyana Nikitichna"}},
		{"  ", bib.Name{}},
	}
	for _, tt := range tests {
		if got := ParseName(tt.in); got != tt.want {
			t.Errorf("ParseName(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestInitialsShape(t *testing.T) {
	yes := []string{"P", "PB", "JCR", "M.", "M.J.", "J.-M.", "J-L", "Th.", "Yu.", "Fr.-R.", "OA.", "S.."}
	no := []string{"", "Pb", "Th", "Yu", "CRUZ", "CRUZ.", "Zhao", "de", "1.", "M.j.", "J-", "ABCD"}
	for _, w := range yes {
		if !isInitialsWord(w) {
			t.Errorf("isInitialsWord(%q) = false", w)
		}
	}
	for _, w := range no {
		if isInitialsWord(w) {
			t.Errorf("isInitialsWord(%q) = true", w)
		}
	}
}

func TestParseNameList(t *testing.T) {
	p := func(f, g string) bib.Name { return bib.Name{Family: f, Given: g} }
	tests := []struct {
		in      string
		want    []bib.Name
		rest    string // the text after the list
		etAl    bool
		editors bool
	}{
		{"Gluckman P, Turekian V, Grimes R, et al. Science diplomacy.", []bib.Name{p("Gluckman", "P"), p("Turekian", "V"), p("Grimes", "R")}, " Science diplomacy.", true, false},
		{"Zhao G. Theory and Practice.", []bib.Name{p("Zhao", "G")}, " Theory and Practice.", false, false},
		{"Zhao G. A study of diplomacy.", []bib.Name{p("Zhao", "G")}, " A study of diplomacy.", false, false},
		{"The Royal Society, American Association for the Advancement of Science. New frontiers", []bib.Name{{Literal: "The Royal Society"}, {Literal: "American Association for the Advancement of Science"}}, " New frontiers", false, false},
		{"罗晖, 高洁, 顾雁峰, 等. 科研", []bib.Name{p("罗", "晖"), p("高", "洁"), p("顾", "雁峰")}, " 科研", true, false},
		{"Shea, M. J., & Compton, R. N. (1993). Title", []bib.Name{p("Shea", "M. J."), p("Compton", "R. N.")}, " (1993). Title", false, false},
		{"Shea, M. J.; Compton, R. N. Physical Review B 1993", []bib.Name{p("Shea", "M. J."), p("Compton", "R. N.")}, " Physical Review B 1993", false, false},
		{"M.J. Shea, R.N. Compton, Physical Review B 47 (1993) 9967.", []bib.Name{p("Shea", "M.J."), p("Compton", "R.N.")}, " Physical Review B 47 (1993) 9967.", false, false},
		{"van der Berg, A., & De Raedt, L. (1990).", []bib.Name{p("van der Berg", "A."), p("De Raedt", "L.")}, " (1990).", false, false},
		{"A. Cau, R. Kuiper, and W.-P. de Roever. Formalising", []bib.Name{p("Cau", "A."), p("Kuiper", "R."), p("de Roever", "W.-P.")}, " Formalising", false, false},
		{"Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA. Differences", []bib.Name{p("Pérez-Higueras", "JJ"), p("Arias", "A"), p("de la Macorra", "JC"), p("Peters", "OA")}, " Differences", false, false},
		{"Lee, L. L., W. E. Howard, and R. E. Marsh. 1990.", []bib.Name{p("Lee", "L. L."), p("Howard", "W. E."), p("Marsh", "R. E.")}, " 1990.", false, false},
		{"David Hoiem, Alexei Efros, and Martial Hebert. Putting objects", []bib.Name{p("Hoiem", "David"), p("Efros", "Alexei"), p("Hebert", "Martial")}, " Putting objects", false, false},
		{"Gledson, John. The Deceptive Realism", []bib.Name{p("Gledson", "John")}, " The Deceptive Realism", false, false},
		{"Andrade, Mário de. Macunaíma.", []bib.Name{p("Andrade", "Mário de")}, " Macunaíma.", false, false},
		{"Smith, J., Jr., & Jones, K. (2001).", []bib.Name{p("Smith", "J."), p("Jones", "K.")}, " (2001).", false, false},
		{"Bauer, Raymond A. and Kenneth J. Germen, eds. The Study", []bib.Name{p("Bauer", "Raymond A."), p("Germen", "Kenneth J.")}, " The Study", false, true},
		{"Aristotle. Nicomachean Ethics.", []bib.Name{p("Aristotle", "")}, " Nicomachean Ethics.", false, false},
		{"ALY (M.I.), NAGEB (R.), « Présentation", []bib.Name{p("ALY", "M.I."), p("NAGEB", "R.")}, " « Présentation", false, false},
		// Names run together in text taken from a PDF.
		{"Shsa,M. J., & Compton, R. N. (1993. Title", []bib.Name{p("Shsa", "M. J."), p("Compton", "R. N.")}, " (1993. Title", false, false},
		{"Chessa, J.-P.,Petrescu, I.;Gerday, C. (2000).", []bib.Name{p("Chessa", "J.-P."), p("Petrescu", "I."), p("Gerday", "C.")}, " (2000).", false, false},
		{"Index. (1970). Polysaccharides", nil, "Index. (1970). Polysaccharides", false, false},
		{"New frontiers in science diplomacy. Journal", nil, "New frontiers in science diplomacy. Journal", false, false},
		{"Physical Review B 47 (1993) 9967.", nil, "Physical Review B 47 (1993) 9967.", false, false},
		{"A Civil Action. Dir. Steven Zaillian.", nil, "A Civil Action. Dir. Steven Zaillian.", false, false},
	}
	for _, tt := range tests {
		nl := checkNameList(t, tt.in, tt.want, tt.rest)
		if nl.etAl != tt.etAl || nl.editors != tt.editors {
			t.Errorf("%q: etAl %v editors %v, want %v %v", tt.in, nl.etAl, nl.editors, tt.etAl, tt.editors)
		}
	}
}

// checkNameList reads the author list at the start of in and checks its
// names and the text after it.
func checkNameList(t *testing.T, in string, want []bib.Name, rest string) nameList {
	t.Helper()
	nl := parseNameList(in)
	if !reflect.DeepEqual(nl.names, want) {
		t.Errorf("%q: names %#v, want %#v", in, nl.names, want)
	}
	if got := in[nl.end:]; got != rest {
		t.Errorf("%q: rest %q, want %q", in, got, rest)
	}
	return nl
}
