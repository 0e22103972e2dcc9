package export

import (
	"fmt"
	"os/exec"
	"time"
)

// runWithTimeout runs cmd, killing it after seconds.
func runWithTimeout(cmd *exec.Cmd, seconds int) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Duration(seconds) * time.Second):
		cmd.Process.Kill()
		<-done
		return fmt.Errorf("still running after %ds", seconds)
	}
}
