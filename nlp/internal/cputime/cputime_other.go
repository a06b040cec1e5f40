//go:build !linux

package cputime

import "time"

// Start returns a function that reports the wall time since, where the
// thread's CPU time is not at hand.
func Start() func() time.Duration {
	t0 := time.Now()
	return func() time.Duration { return time.Since(t0) }
}
