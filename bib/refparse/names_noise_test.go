package refparse

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
)

// The author lists below are constructed: real names with the damage
// PDF extraction and OCR do (internal/ocrnoise draws the same edits).
type noisyListCase struct {
	in   string
	want []bib.Name
	rest string // the text after the list
}

func checkNoisyLists(t *testing.T, tests []noisyListCase) {
	t.Helper()
	for _, tt := range tests {
		checkNameList(t, tt.in, tt.want, tt.rest)
	}
}

func fg(f, g string) bib.Name { return bib.Name{Family: f, Given: g} }

// A lost space after initials (gluedWordAt).
func TestNoisyNamesGlued(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"M.E.Jung, W.-J. Kim, Bioorganic & Medicinal Chemistry 14 (2006) 92.", []bib.Name{fg("Jung", "M.E."), fg("Kim", "W.-J.")}, " Bioorganic & Medicinal Chemistry 14 (2006) 92."},
		{"Knapp, C.The Classical Weekly 1933, 26, 142.", []bib.Name{fg("Knapp", "C.")}, "The Classical Weekly 1933, 26, 142."},
		{"Cebulla, A.(2018). Welfare-to-Work.", []bib.Name{fg("Cebulla", "A.")}, "(2018). Welfare-to-Work."},
		{"Lelekakis, N.Martin, D.; Wijaya, J. IEEE Transactions", []bib.Name{fg("Lelekakis", "N."), fg("Martin", "D."), fg("Wijaya", "J.")}, " IEEE Transactions"},
		{"Swanzy.H. B.; Smith, J. Notes and Queries", []bib.Name{fg("Swanzy", "H. B."), fg("Smith", "J.")}, " Notes and Queries"},
		// Not initials: an abbreviated source keeps its words.
		{"Phys.Rev.Lett. 2001, 86, 1.", nil, "Phys.Rev.Lett. 2001, 86, 1."},
	})
}

// A stop read as a comma before the separator: "A,;".
func TestNoisyNamesCommaBeforeSeparator(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"Boschi, A,; Laterre, C. Neuro-Ophthalmology 1994", []bib.Name{fg("Boschi", "A"), fg("Laterre", "C.")}, " Neuro-Ophthalmology 1994"},
	})
}

// A family name split by a space (splitFamilyParts).
func TestNoisyNamesSplitFamily(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"Ackerma n, N. (1999). Title", []bib.Name{fg("Ackerman", "N.")}, " (1999). Title"},
		{"B elikov, M. Y.; Ershov, O. V. Russian Journal", []bib.Name{fg("Belikov", "M. Y."), fg("Ershov", "O. V.")}, " Russian Journal"},
		{"Karabego vic A.; Ponovic M. Advances in Business", []bib.Name{fg("Karabegovic", "A"), fg("Ponovic", "M")}, " Advances in Business"},
		{"P R asuli, D.K. Hammond, Radiology 182 (1992) 822.", []bib.Name{fg("Rasuli", "P"), fg("Hammond", "D.K.")}, " Radiology 182 (1992) 822."},
		// Titles: an article, or words followed by no initials.
		{"A review, J. Smith and others", nil, "A review, J. Smith and others"},
		{"La chambre claire, Gallimard, Paris 1980", nil, "La chambre claire, Gallimard, Paris 1980"},
	})
}

// A capital read in lower case (lowerNameAt).
func TestNoisyNamesLowerCase(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"anderson, N B. (2010). Charity", []bib.Name{fg("Anderson", "N B.")}, " (2010). Charity"},
		{"L. alessio, M. Campagna, American Journal", []bib.Name{fg("Alessio", "L."), fg("Campagna", "M.")}, " American Journal"},
		{"Ansah, m. A. Legon Journal 2018", []bib.Name{fg("Ansah", "M. A.")}, " Legon Journal 2018"},
		{"h. Reineeke, C.E. Murry, Cardiovascular Pathology", []bib.Name{fg("Reineeke", "H."), fg("Murry", "C.E.")}, " Cardiovascular Pathology"},
		// Lower-case words that are no names.
		{"economic growth, A. Smith", nil, "economic growth, A. Smith"},
		{"Smith, J. and others", []bib.Name{fg("Smith", "J.")}, " and others"},
	})
}

// Letters read as digits (readNameDigits).
func TestNoisyNamesDigits(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"8usija, D. W.; Leffler, C. W. Circulation Research 1990", []bib.Name{fg("Busija", "D. W."), fg("Leffler", "C. W.")}, " Circulation Research 1990"},
		{"McLaughlin, 5.; Paton, R. A. Knowledge", []bib.Name{fg("McLaughlin", "S."), fg("Paton", "R. A.")}, " Knowledge"},
		{"Petrat-Me1in, B.; Andersen, P. Journal", []bib.Name{fg("Petrat-Melin", "B."), fg("Andersen", "P.")}, " Journal"},
		// Numbers: a label, an ordinal, a model.
		{"18-Tang H, Sun H. Title", nil, "18-Tang H, Sun H. Title"},
		{"Proceedings of the 55th Annual Meeting of the Society, Japan", nil, "Proceedings of the 55th Annual Meeting of the Society, Japan"},
	})
}

// A doubled initial (initialsShape).
func TestNoisyNamesDoubledInitial(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"DD.J. Adams, Molecular Physics 32 (1976) 647.", []bib.Name{fg("Adams", "DD.J.")}, " Molecular Physics 32 (1976) 647."},
		{"Belikov, M.YY.; Ershov, O. V. Russian", []bib.Name{fg("Belikov", "M.YY."), fg("Ershov", "O. V.")}, " Russian"},
	})
}

// A comma for the stop after initials (commaForStop).
func TestNoisyNamesCommaForStop(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"N.B, Anderson, PsycEXTRA Dataset (2010).", []bib.Name{fg("Anderson", "N.B")}, " PsycEXTRA Dataset (2010)."},
		{"H,Liri, X. Chen, J. Wang, Kidney International", []bib.Name{fg("Liri", "H"), fg("Chen", "X."), fg("Wang", "J.")}, " Kidney International"},
		// Initials closed by their stop, then a comma: an author known
		// by initials only.
		{"A. H., Geological Magazine 72 (1935) 525.", nil, "A. H., Geological Magazine 72 (1935) 525."},
	})
}

// A separator lost after a family name (unmarkedFamilyEnd).
func TestNoisyNamesUnmarkedEnd(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"B. Fultz H. Kuwano, H. Ouyang, Journal of Applied Physics", []bib.Name{fg("Fultz", "B."), fg("Kuwano", "H."), fg("Ouyang", "H.")}, " Journal of Applied Physics"},
		{"J. SILVERMAN Internal Medicine News 38 (2005) 72.", []bib.Name{fg("SILVERMAN", "J.")}, " Internal Medicine News 38 (2005) 72."},
		// Bare capitals start a title.
		{"A Study of Things (2005) 72.", nil, "A Study of Things (2005) 72."},
	})
}

// Initials lost after "Family," (lostGiven) and a stop for that comma (invStop).
func TestNoisyNamesLostGivenAndStop(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"Bahrett, . 2013). Editorial.", []bib.Name{fg("Bahrett", "")}, " 2013). Editorial."},
		{"Adrion, .;Klinger, A. Medicine", []bib.Name{fg("Adrion", ""), fg("Klinger", "A.")}, " Medicine"},
		{"Smit,. Making Sense of Projects 57–66", []bib.Name{fg("Smit", "")}, " Making Sense of Projects 57–66"},
		{"Koskoff, (2014). From the Editor.", []bib.Name{fg("Koskoff", "")}, " (2014). From the Editor."},
		{"Adonin. S. A.; Gorokh, I. D. Russian Journal", []bib.Name{fg("Adonin", "S. A."), fg("Gorokh", "I. D.")}, " Russian Journal"},
		// A sentence, then a list of letters.
		{"Notes. A, B and C.", nil, "Notes. A, B and C."},
	})
}

// A name damaged beyond reading inside a list (resync), and a separator
// lost between two names of a list separated by ";" (resumesAt).
func TestNoisyNamesResync(t *testing.T) {
	checkNoisyLists(t, []noisyListCase{
		{"Ukiya, M.; Kawaguchi, T.; OGihara E,; Tachi, Y. Chemistry & Biodiversity 2013", []bib.Name{fg("Ukiya", "M."), fg("Kawaguchi", "T."), fg("Tachi", "Y.")}, " Chemistry & Biodiversity 2013"},
		{"Ahmed, R.; Altieri, A.; D’Souza, D. M. Leigh, D. A.; Mullen, K. M. Journal of the American Chemical Society 2011", []bib.Name{fg("Ahmed", "R."), fg("Altieri", "A."), fg("D’Souza", "D. M."), fg("Leigh", "D. A."), fg("Mullen", "K. M.")}, " Journal of the American Chemical Society 2011"},
		{"Al Aloul, B., Sigurdsson, G., Li, J.-., Dykoski, R., & Tholakanahalli, V. N. (2015). Atrial Flutter", []bib.Name{fg("Al Aloul", "B."), fg("Sigurdsson", "G."), fg("Dykoski", "R."), fg("Tholakanahalli", "V. N.")}, " (2015). Atrial Flutter"},
		{"Belikov, M.; Er shov, 0. V.; Eremkin, A. V. Russian Journal", []bib.Name{fg("Belikov", "M."), fg("Eremkin", "A. V.")}, " Russian Journal"},
		{"BescHin, N. CubelLi, R.; Della Sala, S. Journal of Neurology", []bib.Name{fg("BescHin", "N."), fg("CubelLi", "R."), fg("Della Sala", "S.")}, " Journal of Neurology"},
		// A title after the list: no name closed by a comma follows.
		{"Smith, J., Title words here, Jones, K. Journal 2001", []bib.Name{fg("Smith", "J.")}, " Title words here, Jones, K. Journal 2001"},
		// Names written initials first are not resumed.
		{"A. Smith, B. Jones, Journal of Things, C. Lee, 12 (2001) 5.", []bib.Name{fg("Smith", "A."), fg("Jones", "B.")}, " Journal of Things, C. Lee, 12 (2001) 5."},
	})
}
