//go:build linux

package refparse

import (
	"syscall"
	"time"
)

// rpThreadCPU returns the CPU time the calling thread has used, so that a
// benchmark can report its rate per CPU second on a busy machine. The
// caller must hold its OS thread (runtime.LockOSThread).
func rpThreadCPU() (time.Duration, bool) {
	const rusageThread = 1 // RUSAGE_THREAD
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
