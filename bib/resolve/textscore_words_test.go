package resolve

import (
	"testing"

	"github.com/citegraph/citegraph/bib"
	"github.com/citegraph/citegraph/bib/refparse"
)

// Two noisy copies (ocrnoise at 5%, noiseSeed) of a reference of the
// Crossref styles set, parsed by the default parser: noise misspelt most
// of their words ("Calor D oppler SonoGraphi", "Galeblaidor", "Jourrnal",
// "Socciety") but not most of their trigrams, and they are one work. The
// third, constructed, is another paper of the journal's volume.
func TestNoisyWordsByTrigrams(t *testing.T) {
	var lists [][]bib.Reference
	for _, raw := range []string{
		"Han, S. S., Choi, S. J., Se, C. H., & Eun, C. K. (1996). Calor D oppler SonoGraphi in Thickened Gallbladder Wall. Jourrnal of the Korean Radiological Sociey, 3S(5), 739.",
		"an, Sa ng Suk. Color DopplerSonography in Thickened Galeblaidor Wall. Journal of fhe Korean Radiological Socciety. l996,35. 5. 739",
		"Han, S. S. (1996). Sonographic Findings of Acute Cholecystitis. Journal of the Korean Radiological Society, 35(5), 745.",
	} {
		lists = append(lists, []bib.Reference{{Raw: raw, Work: refparse.ParseReference(raw)}})
	}
	c := corpusOf(lists...)
	if !sameWork(c, 0, 1) {
		t.Errorf("the two noisy copies are two works")
	}
	if sameWork(c, 0, 2) || sameWork(c, 1, 2) {
		t.Errorf("another paper of the volume joined")
	}
}
