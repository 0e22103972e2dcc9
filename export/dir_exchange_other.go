//go:build !linux

package export

// exchange swaps the folders staging and dir.
func exchange(staging, dir string) error { return exchangeByRenames(staging, dir) }
