package refparse

import "testing"

func TestCRFBareListNumber(t *testing.T) {
	for _, tc := range []struct{ text, labels, want string }{
		// The Royal Society of Chemistry's list number, then the names.
		{"1 P. J. Gmytrasiewicz, E. H. Durfee and D. K. Wehe, in Proceedings, 1991.", "aaaaaaaaaaaaaaaaaaoocoyo", "#aaaaaaaaaaaaaaaaaoocoyo"},
		{"7 舒仁輝. 東都事略與宋史比較研究. 北京: 商務, 2007.", "aaotolopoyo", "#aotolopoyo"},
		// An organisation whose name begins with a number of four digits.
		{"1000 Genomes Project Consortium, A global reference, Nature, 2015.", "aaaaotttocoyo", "aaaaotttocoyo"},
		// A number glued to the name is no list number.
		{"3M Company, Post-it notes, 1980.", "aaottoyo", "aaottoyo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfBareListNumber); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestCRFHanNamesBeforeYear(t *testing.T) {
	for _, tc := range []struct{ text, labels, want string }{
		// Author-date styles with nothing between names, year and title.
		{"张瑞喜, 梁竹青, 段雪梅, 高丽忠, and 金永乐 2023 一种面料的后整理加工方法及面料. 中国.", "aaaaaaaottttopo", "aaaaaaaoaaytopo"},
		{"张玲 2023 基于压褶形态的服装设计创新研究. 硕士学位论文, 东华大学.", "tttotoco", "aytotoco"},
		{"中国共产党中央委员会 2022 高举中国特色社会主义伟大旗帜.", "ttto", "ayto"},
		// The title after a full stop is read right; "2025 年" is part of it.
		{"戴銘昇. 銀行法講義（2025 年 4 月版）. 台灣 2025.", "aottttttoonno", "aottttttoonno"},
		{"銀行法講義 2025 年 4 月版. 台灣.", "tttttolo", "tttttolo"},
		// A title, then the year and the place: no title after the year.
		{"中国统计年鉴 2019. 北京.", "ttolo", "ttolo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfHanNamesBeforeYear); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestCRFChapterHost(t *testing.T) {
	for _, tc := range []struct{ text, labels, want string }{
		// "In" with no mark before it, inside what the CRF read as one title.
		{"Spengler, O. (1928). The Decline of the West In Form and Actuality. New York.", "aaaooyootttttttttollo",
			"aaaooyootttttocccollo"},
		// A title that capitalises its little words keeps its "In".
		{"Soubly, Diane M. The Sun And Stars In The Epics Of William Blake. PhD Thesis, 1981.", "aaaaottttttttttokkoyo",
			"aaaaottttttttttokkoyo"},
		// After a title, "In", the editors and their mark, then the book.
		{"BARFIELD, G. A passion for politics. In : PROCTOR, G. (eds.), Politicizing the person-centred approach. PCCS Books, 2006.",
			"aaaottttoooeeeeooooottttoppoyo",
			"aaaottttoooeeeeoooooccccoppoyo"},
		// A style that leaves the chapter's title out: "in" after the authors.
		{"K. Abbott and D. Snidal, in The Politics of Global Regulation, eds. W. Mattli, Princeton University Press, 2009.",
			"aaaaaaaootttttoooeeeopppoyo",
			"aaaaaaaoocccccoooeeeopppoyo"},
		// Not when the reference has a container: a journal article whose title holds "In".
		{"Smith, J. Life In Space. Nature, 2001.", "aaaotttocoyo", "aaaotttocoyo"},
		// Nor when the words after "In" are not a title: a thesis's university.
		{"Wang, L. A study of rivers. In: PhD thesis, Wuhan University, 2001.", "aaaottttoookkoppoyo", "aaaottttoookkoppoyo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfChapterHost); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestCRFHostEditors(t *testing.T) {
	for _, tc := range []struct{ text, labels, want string }{
		// GB/T 7714's analytic in a host: the editors after "//".
		{"Study[M]//BERGMAN L R, CAIRNS R B. Developmental science. Mahwah: Erlbaum, 2000.", "tokooccccccccccolopoyo", "tokooeeeeeeeoccolopoyo"},
		{"Psychology[C]//Bickman L，Ellis H. Proceedings of the Conference. Hillsdale: Erlbaum.", "tokooccccccccccclopo", "tokooeeeeeoccccclopo"},
		{"研究[M]//王小明, 李华. 论文集. 北京: 科学出版社, 2001.", "tokoocccccclopoyo", "tokooeeeocclopoyo"},
		// A journal's abbreviation, a title in title case, an initial: no editors.
		{"Sick leave[M]//Scand J Public Health. Swedish Council, 2004.", "ttokooccccoppoyo", "ttokooccccoppoyo"},
		{"The Decline of the West[M]//Form and Actuality. 2: Perspectives. New York: Knopf, 1928.", "tttttokoocccccccollopoyo", "tttttokoocccccccollopoyo"},
		{"A review[M]//M. Collins (Ed.), The review of books. Manhattan: LRN, 1984.", "ttokooccccccccccccolopoyo", "ttokooccccccccccccolopoyo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfHostEditors); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}

func TestCRFJournalAfterNames(t *testing.T) {
	for _, tc := range []struct{ text, labels, want string }{
		// The Royal Society of Chemistry writes no title.
		{"M. Guerin, Corrosion Science, 2016, 102, 291–300.", "aaaaaaoyovogo", "aaaoccoyovogo"},
		{"R. Jadhav and D. Palande, Neurosurgery, 1998, 43, 616–9.", "aaaaaaaaaoyovogo", "aaaaaaaocoyovogo"},
		// Names written family first, a title, or no year after: unchanged.
		{"Guerin, M., Corrosion Science, 2016, 102.", "aaaaaaaoyovo", "aaaaaaaoyovo"},
		{"M. Guerin, Corrosion. Science, 2016.", "aaaotocoyo", "aaaotocoyo"},
		{"J. Smith, K. Jones, World Bank.", "aaaaaaaaaao", "aaaaaaaaaao"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, crfJournalAfterNames); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}
