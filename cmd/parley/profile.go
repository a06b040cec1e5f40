package main

import (
	"fmt"
	"os"
	"runtime/debug"
	"runtime/pprof"
)

// startProfile writes a CPU profile to path (nothing when path is empty)
// until the returned function is called.
func startProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// tuneGC trades memory for speed in the batch coding commands: the heap
// may grow to five times what is live (GOGC=400) but stays under a soft
// limit of 256 MiB, so the collector runs a quarter as often on the small
// live heap of coding. GOGC or GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(256 << 20)
	}
}
