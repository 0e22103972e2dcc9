package metrics

import "slices"

// RPYSYear is one year of a reference publication year spectrogram.
type RPYSYear struct {
	Year       int
	References int // cited references published this year
	Median     float64
	// Deviation is References minus the median of the five-year window
	// t−2..t+2 (years outside the observed range count 0 references).
	Deviation float64
}

// RPYS is reference publication year spectroscopy (Marx, Bornmann, Barth &
// Leydesdorff 2014, "Detecting the historical roots of research fields by
// reference publication year spectroscopy (RPYS)", J. Assoc. Inf. Sci.
// Technol. 65(4):751–764, doi:10.1002/asi.23089): years holds the publication
// year of every cited reference (one entry per reference, so that a work
// cited n times counts n times; 0 for unknown, ignored). It returns one row
// for every year from the earliest to the latest, with the count and its
// deviation from the median of the five years centred on it, whose peaks
// mark the historical roots of a field. Years outside [minYear, maxYear]
// are left out when those bounds are non-zero.
func RPYS(years []int, minYear, maxYear int) []RPYSYear {
	count := map[int]int{}
	lo, hi := 0, 0
	for _, y := range years {
		if y == 0 || minYear != 0 && y < minYear || maxYear != 0 && y > maxYear {
			continue
		}
		if len(count) == 0 {
			lo, hi = y, y
		}
		count[y]++
		lo, hi = min(lo, y), max(hi, y)
	}
	if len(count) == 0 {
		return nil
	}
	out := make([]RPYSYear, 0, hi-lo+1)
	window := make([]int, 5)
	for y := lo; y <= hi; y++ {
		for k := -2; k <= 2; k++ {
			window[k+2] = count[y+k]
		}
		slices.Sort(window)
		med := float64(window[2])
		out = append(out, RPYSYear{Year: y, References: count[y], Median: med, Deviation: float64(count[y]) - med})
	}
	return out
}
