//go:build linux

// Package cputime measures the CPU time of the calling thread, for
// benchmarks on a busy machine, where wall time says more about the other
// processes than about the code.
package cputime

import (
	"runtime"
	"syscall"
	"time"
)

// Start locks the goroutine to its thread and returns a function that
// unlocks it and reports the thread's CPU time (user and system) since.
func Start() func() time.Duration {
	runtime.LockOSThread()
	t0 := now()
	return func() time.Duration {
		d := now() - t0
		runtime.UnlockOSThread()
		return d
	}
}

func now() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(1 /* RUSAGE_THREAD */, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
