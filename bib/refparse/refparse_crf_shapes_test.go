package refparse

import "testing"

// The mends of the CRF's labels (LabelReference) on the shapes they are
// for, and on what they must leave alone: a letter per token (a author, e
// editor, t title, c container, p publisher, l location, y year, v volume,
// g pages, k genre, n note, # citation number, o other).
func TestCRFShapes(t *testing.T) {
	for _, tc := range []struct {
		mend               func(string, []CRFTok, []CRFLabel)
		text, labels, want string
	}{
		// The Royal Society of Chemistry's list number, then the names.
		{crfBareListNumber, "1 P. J. Gmytrasiewicz, E. H. Durfee and D. K. Wehe, in Proceedings, 1991.", "aaaaaaaaaaaaaaaaaaoocoyo", "#aaaaaaaaaaaaaaaaaoocoyo"},
		{crfBareListNumber, "7 舒仁輝. 東都事略與宋史比較研究. 北京: 商務, 2007.", "aaotolopoyo", "#aotolopoyo"},
		// An organisation whose name begins with a number of four digits.
		{crfBareListNumber, "1000 Genomes Project Consortium, A global reference, Nature, 2015.", "aaaaotttocoyo", "aaaaotttocoyo"},
		// A number glued to the name is no list number.
		{crfBareListNumber, "3M Company, Post-it notes, 1980.", "aaottoyo", "aaottoyo"},
		// Author-date styles with nothing between names, year and title.
		{crfHanNamesBeforeYear, "张瑞喜, 梁竹青, 段雪梅, 高丽忠, and 金永乐 2023 一种面料的后整理加工方法及面料. 中国.", "aaaaaaaottttopo", "aaaaaaaoaaytopo"},
		{crfHanNamesBeforeYear, "张玲 2023 基于压褶形态的服装设计创新研究. 硕士学位论文, 东华大学.", "tttotoco", "aytotoco"},
		{crfHanNamesBeforeYear, "中国共产党中央委员会 2022 高举中国特色社会主义伟大旗帜.", "ttto", "ayto"},
		// The title after a full stop is read right; "2025 年" is part of it.
		{crfHanNamesBeforeYear, "戴銘昇. 銀行法講義（2025 年 4 月版）. 台灣 2025.", "aottttttoonno", "aottttttoonno"},
		{crfHanNamesBeforeYear, "銀行法講義 2025 年 4 月版. 台灣.", "tttttolo", "tttttolo"},
		// A title, then the year and the place: no title after the year.
		{crfHanNamesBeforeYear, "中国统计年鉴 2019. 北京.", "ttolo", "ttolo"},
		// "In" with no mark before it, inside what the CRF read as one title.
		{crfChapterHost, "Spengler, O. (1928). The Decline of the West In Form and Actuality. New York.", "aaaooyootttttttttollo",
			"aaaooyootttttocccollo"},
		// A title that capitalises its little words keeps its "In".
		{crfChapterHost, "Soubly, Diane M. The Sun And Stars In The Epics Of William Blake. PhD Thesis, 1981.", "aaaaottttttttttokkoyo",
			"aaaaottttttttttokkoyo"},
		// After a title, "In", the editors and their mark, then the book.
		{crfChapterHost, "BARFIELD, G. A passion for politics. In : PROCTOR, G. (eds.), Politicizing the person-centred approach. PCCS Books, 2006.",
			"aaaottttoooeeeeooooottttoppoyo",
			"aaaottttoooeeeeoooooccccoppoyo"},
		// A style that leaves the chapter's title out: "in" after the authors.
		{crfChapterHost, "K. Abbott and D. Snidal, in The Politics of Global Regulation, eds. W. Mattli, Princeton University Press, 2009.",
			"aaaaaaaootttttoooeeeopppoyo",
			"aaaaaaaoocccccoooeeeopppoyo"},
		// Not when the reference has a container: a journal article whose title holds "In".
		{crfChapterHost, "Smith, J. Life In Space. Nature, 2001.", "aaaotttocoyo", "aaaotttocoyo"},
		// Nor when the words after "In" are not a title: a thesis's university.
		{crfChapterHost, "Wang, L. A study of rivers. In: PhD thesis, Wuhan University, 2001.", "aaaottttoookkoppoyo", "aaaottttoookkoppoyo"},
		// GB/T 7714's analytic in a host: the editors after "//".
		{crfHostEditors, "Study[M]//BERGMAN L R, CAIRNS R B. Developmental science. Mahwah: Erlbaum, 2000.", "tokooccccccccccolopoyo", "tokooeeeeeeeoccolopoyo"},
		{crfHostEditors, "Psychology[C]//Bickman L，Ellis H. Proceedings of the Conference. Hillsdale: Erlbaum.", "tokooccccccccccclopo", "tokooeeeeeoccccclopo"},
		{crfHostEditors, "研究[M]//王小明, 李华. 论文集. 北京: 科学出版社, 2001.", "tokoocccccclopoyo", "tokooeeeocclopoyo"},
		// A journal's abbreviation, a title in title case, an initial: no editors.
		{crfHostEditors, "Sick leave[M]//Scand J Public Health. Swedish Council, 2004.", "ttokooccccoppoyo", "ttokooccccoppoyo"},
		{crfHostEditors, "The Decline of the West[M]//Form and Actuality. 2: Perspectives. New York: Knopf, 1928.", "tttttokoocccccccollopoyo", "tttttokoocccccccollopoyo"},
		{crfHostEditors, "A review[M]//M. Collins (Ed.), The review of books. Manhattan: LRN, 1984.", "ttokooccccccccccccolopoyo", "ttokooccccccccccccolopoyo"},
		// A conference's elided year ends its name; a volume after a
		// quotation in single quotes stays the volume.
		{crfElidedYear, "Böck, R.; Siegert, I. Proceedings of ERM4CT ’15 2015.", "aoaooaoaocccovyo", "aoaooaoaocccccyo"},
		{crfElidedYear, "R. Böck, Proceedings of TEI '18 (2018).", "aoaotttogoyoo", "aoaotttttoyoo"},
		{crfElidedYear, "Smith, J. ‘Nature’ 15, 1–3.", "aoaoocovogo", "aoaoocovogo"},
		// ACS without titles: the journal run into the last author's initials.
		{crfJournalRunIntoNames, "Boxer, D.; Poupeye, V. Oxford Art Online 2003.", "aaaaaaaaaaaayo", "aaaaaaaaacccyo"},
		{crfJournalRunIntoNames, "Altuhov, A. Y. Spravochnik. Inzhenernyi zhurnal 2014, 3–6.", "aaaaaaaottyogo", "aaaaaaccccyogo"},
		{crfJournalRunIntoNames, "Russell, D.A. and and Michael Winterbottom 1989.", "aaaaaaaayo", "aaaaaaaayo"},
		{crfJournalRunIntoNames, "Smith, J. Nature Physics. Nature 2001.", "aaaattocyo", "aaaattocyo"},
		// ACS and Elsevier without titles: the one name before the year that
		// ends the reference; not a title with a stop before the year.
		{crfJournalBeforeYear, "Cummins, A. Oxford Art Online 2003.", "aaaatttyo", "aaaacccyo"},
		{crfJournalBeforeYear, "J. Griffin, The Odyssey (1987).", "aaaottoyoo", "aaaottoyoo"},
		{crfJournalBeforeYear, "Smith, J. A History of Rome. 2003.", "aaaottttoyo", "aaaottttoyo"},
		{crfJournalBeforeYear, "Thomson, W. T. Theory of Vibration 1993, 461–487.", "aaaaaotttyogo", "aaaaaotttyogo"},
		// A title ended too soon: at a part's number, at an erratum's citation.
		{crfTitleGoesOn, "ABSTRACT: HYDRAZINEN 2. MITT. DARSTELLUNG. Chem Inf, 6, 1.", "ttttoeeeoccovogo", "ttttttttoccovogo"},
		{crfTitleGoesOn, "ABSTRACT: HYDRAZINEN 1. MITT. METHODEN. Chem Inf, 6, 1.", "ttttoccccccovogo", "ttttttttcccovogo"},
		{crfTitleGoesOn, "Energy surfaces [J. Chem. Phys. 77, 2460]. The Journal, 77, 6350.", "ttocccccovogooccovogo", "tttttttttttttoccovogo"},
		// Not a GB/T 7714 type code, nor a title's lower-case words.
		{crfTitleGoesOn, "题名[J]. 刊名, 2020, 15: 1-2.", "tokoocoyovogo", "tokoocoyovogo"},
		{crfTitleGoesOn, "Die Evolution, Nr. 57. erneuter Abdruck im Jahrbuch. u. Psychother 11, 11–21.", "ttttttoccccccccvogo", "ttttttoccccccccvogo"},
		// A paper named by its authors and its proceedings; unsigned, or with a
		// publisher, the proceedings are the work.
		{crfProceedingsHost, "Böck, R.; Siegert, I. Proceedings of ERM4CT ’15 2015.", "aoaooaoaotttttyo", "aoaooaoaocccccyo"},
		{crfProceedingsHost, "Proceedings of ERM4CT ’15. (2015).", "tttttooyoo", "tttttooyoo"},
		{crfProceedingsHost, "Gupta RK (1988) Proceedings of the Conference. Milano: Ricerca, p. 416.", "aaoyottttolopooogo", "aaoyottttolopooogo"},
		{crfProceedingsHost, "Smith, J. Proceedings and rules. Nature, 2001.", "aoaotttocoyo", "aoaotttocoyo"},
		// The Royal Society of Chemistry writes no title.
		{crfJournalAfterNames, "M. Guerin, Corrosion Science, 2016, 102, 291–300.", "aaaaaaoyovogo", "aaaoccoyovogo"},
		{crfJournalAfterNames, "R. Jadhav and D. Palande, Neurosurgery, 1998, 43, 616–9.", "aaaaaaaaaoyovogo", "aaaaaaaocoyovogo"},
		// Elsevier without titles: the journal's first words read as a name.
		{crfJournalAfterNames, "M.P. Natali, A. Meza, Earth, Planets and Space 69 (2017).", "aaaaaaaaaocccvoyoo", "aaaaaaaococccvoyoo"},
		{crfJournalAfterNames, "N. Majumdar, et al., Nucl. Instrum. 566 (2006) 489.", "aaaaaaaocccovoyogo", "aaaaaaaocccovoyogo"},
		{crfJournalAfterNames, "S. Coleman, Q-balls, Nucl. Phys. B262, 263 (1985).", "aaaaaoccccvogoyoo", "aaaaaoccccvogoyoo"},
		// Names written family first, a title, or no year after: unchanged.
		{crfJournalAfterNames, "Guerin, M., Corrosion Science, 2016, 102.", "aaaaaaaoyovo", "aaaaaaaoyovo"},
		{crfJournalAfterNames, "M. Guerin, Corrosion. Science, 2016.", "aaaotocoyo", "aaaotocoyo"},
		{crfJournalAfterNames, "J. Smith, K. Jones, World Bank.", "aaaaaaaaaao", "aaaaaaaaaao"},
		// A type code is no field; the number of a patent or a standard around
		// the title is a number, not the title.
		{crfTypeCodeNumbers, "题名[M/OL].", "tttto", "tokoo"},
		{crfTypeCodeNumbers, "不锈钢管的制造方法:中国,CN111020404A[P].", "tttttttto", "tonnnokoo"},
		{crfTypeCodeNumbers, "微波加热路面综合养护车：CN2777030Y[P/OL].", "tttttto", "tonokoo"},
		{crfTypeCodeNumbers, "参考文献著录规则: GB/T 7714—2015[S].", "ttttttto", "tonnokoo"},
		{crfTypeCodeNumbers, "DB6106/T209—2023地理标志产品[S/OL].", "ttttto", "ntokoo"},
		{crfTypeCodeNumbers, "标准化工作导则: 第1部分[S].", "tttttoooo", "tttttokoo"}, // not a number
		{crfTypeCodeNumbers, "题名: CN2777030Y[M].", "tttoooo", "tttokoo"},    // a patent number only before [P]
		// An organisation's name before "Title[M]" is the author.
		{crfOrganisationAuthor, "中国造纸学会. 中国造纸年鉴：2003[M]. 北京: 中国轻工业出版社, 2003.", "aaaoyokoolopoyo", "aotoyokoolopoyo"},
		{crfOrganisationAuthor, "National Nurses United. What employers should do[EB/OL].", "ttttttttokoo", "aaaottttokoo"},
		{crfOrganisationAuthor, "Royal Society of Chemistry. Annual report[R].", "tttttttokoo", "aaaaottokoo"},
		{crfOrganisationAuthor, "Climate change 2014. Synthesis report[R].", "ttttttokoo", "ttttttokoo"}, // a title
		{crfOrganisationAuthor, "王小明. 题名[M].", "aotokoo", "aotokoo"},
	} {
		if got := crfRelabelled(t, tc.text, tc.labels, tc.mend); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}
