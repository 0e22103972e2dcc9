package refparse

// The chain runs over tags, not labels. The punctuation and keywords
// between fields are labelled other (train/crf_data.go), so in a chain over the
// labels alone other forgets the field before it: ". Journal" after a
// title is, to the transitions, the same as after an author, and a
// reference's title and container-title are told apart by token features
// alone. So other is split by the field that came last: tag 0 is other
// before any field, tags 1 to CRFNumLabels−1 are the fields (a field's tag
// is its label), and tag CRFNumLabels−1+x is other after field x. An
// other tag takes the emission weights of other; only the transitions
// tell the tags apart, and decoding maps tags back to labels.
//
// A tag goes on to any field, or to its own other: a field x to other
// after x, an other tag to itself. No chain starts in an other after a
// field.

// CRFNumTags is the number of tags.
const CRFNumTags = 2*CRFNumLabels - 1

// CRFTagLabel is the label of each tag.
var CRFTagLabel = func() (l [CRFNumTags]CRFLabel) {
	for t := range l {
		if t < CRFNumLabels {
			l[t] = CRFLabel(t)
		}
	}
	return l
}()

// CRFOwnOther is the other tag each tag may go on to.
var CRFOwnOther = func() (o [CRFNumTags]uint8) {
	for t := range o {
		switch {
		case t == 0 || t >= CRFNumLabels:
			o[t] = uint8(t)
		default:
			o[t] = uint8(CRFNumLabels - 1 + t)
		}
	}
	return o
}()

// CRFAllowed reports whether tag p may be followed by tag y.
func CRFAllowed(p, y int) bool {
	return CRFTagLabel[y] != CRFOther || int(CRFOwnOther[p]) == y
}

// CRFTags writes the tags of a labelling to tags.
func CRFTags(labels []CRFLabel, tags []uint8) {
	own := uint8(0)
	for i, l := range labels {
		if l == CRFOther {
			tags[i] = own
			continue
		}
		tags[i] = uint8(l)
		own = CRFOwnOther[l]
	}
}
