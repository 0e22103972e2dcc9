package export

import (
	"errors"
	"os"
	"path/filepath"
)

// errSwapUnchanged says a swap failed before changing anything.
var errSwapUnchanged = errors.New("the folder could not be renamed")

// exchangeByRenames swaps the folders staging and dir with three renames,
// where the file system has no exchange: dir to a third name, staging to
// dir, the third name to staging. A run killed between the first two
// leaves no dir, and both folders beside it, where the next run removes
// them; never a mix of the two.
func exchangeByRenames(staging, dir string) error {
	aside := filepath.Join(filepath.Dir(staging), "."+filepath.Base(dir)+siblingInfix+"old-"+filepath.Base(staging))
	if err := os.Rename(dir, aside); err != nil {
		return errors.Join(errSwapUnchanged, err)
	}
	if err := os.Rename(staging, dir); err != nil {
		if os.Rename(aside, dir) == nil {
			return errors.Join(errSwapUnchanged, err)
		}
		return err
	}
	return os.Rename(aside, staging)
}
