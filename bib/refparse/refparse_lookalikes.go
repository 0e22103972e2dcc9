package refparse

// Text taken from PDFs and scans reads digits as the letters they look
// like: "(l995)", "2O08", "19B3", "I76", "201S". The rules find years,
// volumes and pages by their digits, so readDigitLookAlikes reads such
// numbers back before parsing. Only runs that clean text does not write
// are rewritten: a leading "S" or "B" is a supplement's page or a code
// ("S213", "B12"), and a trailing one a unit or a suffix ("28S", "10B",
// "1971B") unless the run is a year ("201S").

// lookAlikeDigit is the digit a look-alike letter stands for, 0 for none.
// Lower case "o", "s" and "b" are left out: OCR reads the digits as upper
// case letters, and "1960s" is a decade.
func lookAlikeDigit(c byte) byte {
	switch c {
	case 'l', 'I':
		return '1'
	case 'O':
		return '0'
	case 'S':
		return '5'
	case 'B':
		return '8'
	}
	return 0
}

// readDigitLookAlikes rewrites each run of ASCII letters and digits made
// of digits and look-alike letters, with no fewer digits than letters, as
// the number it stands for. s is returned as it is when nothing changes.
func readDigitLookAlikes(s string) string {
	var b []byte // nil until the first change
	for i := 0; i < len(s); {
		if !isASCIIAlnum(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isASCIIAlnum(s[j]) {
			j++
		}
		if run := s[i:j]; lookAlikeNumber(run) {
			if b == nil {
				b = []byte(s)
			}
			for k := i; k < j; k++ {
				if d := lookAlikeDigit(s[k]); d != 0 {
					b[k] = d
				}
			}
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(b)
}

// lookAlikeNumber reports whether a run is a number with look-alike
// letters that clean text would not write.
func lookAlikeNumber(run string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(run); i++ {
		switch {
		case isDigitByte(run[i]):
			digits++
		case lookAlikeDigit(run[i]) != 0:
			letters++
		default:
			return false
		}
	}
	if letters == 0 || digits < letters || len(run) < 2 {
		return false
	}
	switch run[0] {
	case 'S', 'B':
		return false
	}
	switch run[len(run)-1] {
	case 'S', 'B':
		return len(run) == 4 && (run[0] == '1' || run[0] == '2')
	}
	return true
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
