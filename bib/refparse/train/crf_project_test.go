package train

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// TestCRFProjectWork puts works back on the words of references of the
// development split as a parser gives them: the given names before the
// first author's family name, the month and day of a date of which the
// work keeps the year, every date of that year but a date of access, a
// value written with other spaces than the reference, a DOI behind a
// resolver, and a Chinese name in one word.
func TestCRFProjectWork(t *testing.T) {
	for _, c := range []struct {
		text string
		work bib.Work
		want string
	}{{
		text: "P. D. Alevizos. A linear time algorithm for labeling planar projections of polyhedra. IEEE/RSJ IROS '91 (Osaka, Japan), 1991.",
		work: bib.Work{Authors: []bib.Name{{Family: "Alevizos", Given: "P. D."}}, Year: 1991,
			Title: "A linear time algorithm for labeling planar projections of polyhedra", Container: "IEEE/RSJ IROS '91", Place: "Osaka, Japan"},
		want: "author[ P . D . Alevizos ] . title[ A linear time algorithm for labeling planar projections of polyhedra ] . container-title[ IEEE/RSJ IROS ' 91 ] ( location[ Osaka , Japan ] ) , year[ 1991 ] .",
	}, {
		text: "W. Sterling, F. Carino and C. Boss, \"Multimedia Databases and Servers,\" AT&T Technical Journal, Vol. 74, No. 5, September/October 1995, pp. 54-67.",
		work: bib.Work{Authors: []bib.Name{{Family: "Sterling", Given: "W."}, {Family: "Carino", Given: "F."}, {Family: "Boss", Given: "C."}}, Year: 1995,
			Title: "Multimedia Databases and Servers", Container: "AT&T Technical Journal", Volume: "74", Issue: "5", Pages: "54-67"},
		want: "author[ W . Sterling , F . Carino and C . Boss ] , \" title[ Multimedia Databases and Servers ] , \" container-title[ AT&T Technical Journal ] , Vol . volume[ 74 ] , No . issue[ 5 ] , year[ September/October 1995 ] , pp . pages[ 54-67 ] .",
	}, {
		// A day goes with its month; a number after the year without a
		// month is no day; the year written again is the year again.
		text: "Thompson, Wayne. (1996, November 13). WFU Begins New Construction Program. Science, 1996, 12, 5.",
		work: bib.Work{Authors: []bib.Name{{Family: "Thompson", Given: "Wayne"}}, Year: 1996, Title: "WFU Begins New Construction Program"},
		want: "author[ Thompson , Wayne ] . ( year[ 1996 , November 13 ] ) . title[ WFU Begins New Construction Program ] . Science , year[ 1996 ] , 12 , 5 .",
	}, {
		// Every date of the work's year, an ISO date among them.
		text: "赵成, 2024. 为强国建设[N/OL]. 人民日报, 2024-01-08. Pilkington, M. 2006. Geophysics 71 (2006): 35.",
		work: bib.Work{Authors: []bib.Name{{Family: "赵", Given: "成"}}, Year: 2024, Title: "为强国建设", Container: "人民日报"},
		want: "author[ 赵成 ] , year[ 2024 ] . title[ 为强国建设 ] [ N/OL ] . container-title[ 人民日报 ] , year[ 2024-01-08 ] . Pilkington , M . 2006 . Geophysics 71 ( 2006 ) : 35 .",
	}, {
		// A date of access is no date of the work.
		text: "Sourcebooks. 2012. Sourcebooks Announces Agile Publishing Model. Online: http://www.sourcebooks.com/blog/agile.html (accessed 30 January 2012).",
		work: bib.Work{Authors: []bib.Name{{Literal: "Sourcebooks"}}, Year: 2012, Title: "Sourcebooks Announces Agile Publishing Model", URL: "http://www.sourcebooks.com/blog/agile.html"},
		want: "author[ Sourcebooks ] . year[ 2012 ] . title[ Sourcebooks Announces Agile Publishing Model ] . Online : URL[ http://www.sourcebooks.com/blog/agile.html ] ( accessed 30 January 2012 ) .",
	}, {
		text: "Gruffat D, Rapport d’évaluation finale. Bamako, Mali; Août 2015",
		work: bib.Work{Authors: []bib.Name{{Family: "Gruffat", Given: "D"}}, Year: 2015, Title: "Rapport d’évaluation finale", Place: "Bamako, Mali"},
		want: "author[ Gruffat D ] , title[ Rapport d’évaluation finale ] . location[ Bamako , Mali ] ; year[ Août 2015 ]",
	}, {
		text: "ABBADI, Kamel. Biologie fondamentale. Vanves : FOUCHER, 2010. 139 p. doi:10.1128/JVI.02005-10",
		work: bib.Work{Authors: []bib.Name{{Family: "ABBADI", Given: "Kamel"}}, Year: 2010, Title: "Biologie fondamentale",
			Publisher: "FOUCHER", Place: "Vanves", Pages: "139p", DOI: "10.1128/jvi.02005-10"},
		want: "author[ ABBADI , Kamel ] . title[ Biologie fondamentale ] . location[ Vanves ] : publisher[ FOUCHER ] , year[ 2010 ] . pages[ 139 p ] . DOI[ doi:10.1128/JVI.02005-10 ]",
	}, {
		text: "[287] 毕于运. 秸秆资源评价与利用研究[D]. 中国农业科学院, 2010.",
		work: bib.Work{Authors: []bib.Name{{Family: "毕", Given: "于运"}}, Year: 2010, Title: "秸秆资源评价与利用研究", Publisher: "中国农业科学院"},
		want: "[ 287 ] author[ 毕于运 ] . title[ 秸秆资源评价与利用研究 ] [ D ] . publisher[ 中国农业科学院 ] , year[ 2010 ] .",
	}} {
		toks := refparse.CRFTokenize(c.text, nil)
		if got := crfShow(c.text, toks, crfProjectWork(c.text, toks, &c.work)); got != c.want {
			t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}
