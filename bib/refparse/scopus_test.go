package refparse

import (
	"fmt"
	"testing"

	"github.com/citegraph/citegraph/bib"
)

func TestParseScopusReference(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want bib.Work
	}{
		// The current style (issue 20's example, from a 2025 export).
		{"Li T.; Yan J.; Li J., Robot-assisted technique versus freehand technique for spine surgery: an umbrella review, Ann Med, 57, (2025)",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Li", Given: "T."}, {Family: "Yan", Given: "J."}, {Family: "Li", Given: "J."}},
				Year: 2025, Title: "Robot-assisted technique versus freehand technique for spine surgery: an umbrella review", Container: "Ann Med", Volume: "57"}},
		// Undotted initials, the list closed by a dot.
		{"Baumeister RF; Vohs KD., Sexual economics: Sex as female resource for social exchange in heterosexual interactions, Personality and Social Psychology Review, 8, 4, pp. 339-363, (2004)",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Baumeister", Given: "RF"}, {Family: "Vohs", Given: "KD."}}, Year: 2004,
				Title: "Sexual economics: Sex as female resource for social exchange in heterosexual interactions", Container: "Personality and Social Psychology Review",
				Volume: "8", Issue: "4", Pages: "339-363"}},
		// 2020–2023 (scopus-bibx.csv): no title.
		{"Kang W., Huang Y., Zhang X., Zhou Y., Zhao W., Proc. IEEE, 104, pp. 2040-2061, (2016)",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Kang", Given: "W."}, {Family: "Huang", Given: "Y."}, {Family: "Zhang", Given: "X."}, {Family: "Zhou", Given: "Y."}, {Family: "Zhao", Given: "W."}},
				Year: 2016, Container: "Proc. IEEE", Volume: "104", Pages: "2040-2061"}},
		// A book: a title and no source.
		{"Stancil D.D., Theory of Magnetostatic Waves, (1993)",
			bib.Work{Type: "book", Authors: []bib.Name{{Family: "Stancil", Given: "D.D."}}, Year: 1993, Title: "Theory of Magnetostatic Waves"}},
		// The volume as "E77-D" (scopus-litstudy-v2.csv).
		{"Milgram P, Kishino F., A taxonomy of mixed reality visual displays, IEICE Transactions on Information and Systems, E77-D, pp. 1321-1329, (1994)",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Milgram", Given: "P"}, {Family: "Kishino", Given: "F."}}, Year: 1994,
				Title: "A taxonomy of mixed reality visual displays", Container: "IEICE Transactions on Information and Systems", Volume: "E77-D", Pages: "1321-1329"}},
		// The old style (scopus-litstudy.csv), no title.
		{"Kalé, L., Skeel, R., (1999) J Comp Phys, 151, p. 283",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Kalé", Given: "L."}, {Family: "Skeel", Given: "R."}}, Year: 1999, Container: "J Comp Phys", Volume: "151", Pages: "283"}},
		// The old style with a title, an issue and what follows ". , ".
		{"Obal II, W.D., McQuinn, M.G., Sanders, W.H., Detecting and exploiting symmetry in discrete-state Markov models (2007) IEEE Transactions on Reliability, 56 (4), pp. 643-654. , DOI 10.1109/TR.2007.909761",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Obal II", Given: "W.D."}, {Family: "McQuinn", Given: "M.G."}, {Family: "Sanders", Given: "W.H."}}, Year: 2007,
				Title: "Detecting and exploiting symmetry in discrete-state Markov models", Container: "IEEE Transactions on Reliability", Volume: "56", Issue: "4", Pages: "643-654", DOI: "10.1109/tr.2007.909761"}},
		// The old style with undotted initials, as some publishers supplied
		// them (scopus-litstudy.csv).
		{"Reddy, VN, Liebmann, MN, Mavrovouniotis, ML., Petri Net Representations in Metabolic Pathways (1993) Proc Int Conf Intell Syst Mol Biol, 94 (1), pp. 328-336. , PMID: 7584354",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Reddy", Given: "VN"}, {Family: "Liebmann", Given: "MN"}, {Family: "Mavrovouniotis", Given: "ML."}}, Year: 1993,
				Title: "Petri Net Representations in Metabolic Pathways", Container: "Proc Int Conf Intell Syst Mol Biol", Volume: "94", Issue: "1", Pages: "328-336"}},
		// The page written "644p" (scopus-bibx.ris, authors shortened).
		{"Maze, J.R., Lukin, M.D., (2008) Nature, 455, 644p",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Maze", Given: "J.R."}, {Family: "Lukin", Given: "M.D."}}, Year: 2008,
				Container: "Nature", Volume: "455", Pages: "644"}},
		{"Gruber, A., Wrachtrup, J., (1997) Science, 276p",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Gruber", Given: "A."}, {Family: "Wrachtrup", Given: "J."}}, Year: 1997,
				Container: "Science", Volume: "276p"}},
		// A volume with letters (scopus-litstudy.csv).
		{"Garg, K., An approach to performance specification of communication protocols using timed Petri nets (1985) IEEE Trans. Software Eng., 11 SE (10), pp. 1216-1225",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Garg", Given: "K."}}, Year: 1985,
				Title: "An approach to performance specification of communication protocols using timed Petri nets", Container: "IEEE Trans. Software Eng.", Volume: "11 SE", Issue: "10", Pages: "1216-1225"}},
		// A year in brackets wins over a four-digit volume: the pattern issue 20
		// (item 8) quotes, "(1999) … 1540, pp. 398-416", on a constructed reference.
		{"Kato, A., Zeger, K., On the capacity of two-dimensional runlength constrained channels (1999) Lecture Notes in Computer Science, 1540, pp. 398-416",
			bib.Work{Type: "article-journal", Authors: []bib.Name{{Family: "Kato", Given: "A."}, {Family: "Zeger", Given: "K."}}, Year: 1999,
				Title: "On the capacity of two-dimensional runlength constrained channels", Container: "Lecture Notes in Computer Science", Volume: "1540", Pages: "398-416"}},
		// A corporate author and a book with its publisher (scopus-umbrella.csv).
		{"National Research Council, (2011) National earthquake resilience: Research, implementation, and outreach, , Washington, D.C.: National Academies Press",
			bib.Work{Type: "book", Authors: []bib.Name{{Literal: "National Research Council"}}, Year: 2011, Title: "National earthquake resilience: Research, implementation, and outreach",
				Publisher: "Washington, D.C.: National Academies Press"}},
		// The year alone (scopus-litstudy-v2.csv).
		{"(2014)", bib.Work{Year: 2014}},
	} {
		got, ok := ParseScopusReference(c.raw)
		if !ok {
			t.Errorf("%q: not in the fixed shape", c.raw)
			continue
		}
		if g, w := fmt.Sprintf("%+v", got), fmt.Sprintf("%+v", c.want); g != w {
			t.Errorf("%q:\n got %s\nwant %s", c.raw, g, w)
		}
	}
	for _, raw := range []string{"Feed and feed additives", "Ruffini PB, 2020, HAGUE J DIPLOM, V15, P371"} {
		if w, ok := ParseScopusReference(raw); ok {
			t.Errorf("%q: read in the fixed shape as %+v", raw, w)
		}
	}
}
