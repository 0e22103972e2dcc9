package export

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders staging and dir in one step (renameat2 with
// RENAME_EXCHANGE), or with renames where the file system cannot.
func exchange(staging, dir string) error {
	err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) {
		return exchangeByRenames(staging, dir)
	}
	return err
}
