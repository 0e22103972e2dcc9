//go:build !linux

package refparse

import "time"

// rpThreadCPU is not available here: benchmarks report wall-clock rates only.
func rpThreadCPU() (time.Duration, bool) { return 0, false }
