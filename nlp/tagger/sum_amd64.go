package tagger

// sum48 sets scores[0:48] to the sum of the 48-float vectors at
// dense[48*vs[i]] for i < n, adding them in order, 4 or 8 classes at a time.
// Each class's sum is the same as one float32 addition after another, so
// the result does not depend on the instructions used.
func sum48(scores *[256]float32, dense *float32, vs *uint32, n int) {
	if hasAVX {
		sum48AVX(scores, dense, vs, n)
		return
	}
	sum48SSE(scores, dense, vs, n)
}

//go:noescape
func sum48SSE(scores *[256]float32, dense *float32, vs *uint32, n int)

//go:noescape
func sum48AVX(scores *[256]float32, dense *float32, vs *uint32, n int)

func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)

func xgetbv() (eax, edx uint32)

// hasAVX reports whether the processor and the operating system support
// AVX: CPUID says so (with OSXSAVE) and the OS saves the YMM registers.
var hasAVX = func() bool {
	_, _, ecx, _ := cpuid(1, 0)
	const osxsave, avx = 1 << 27, 1 << 28
	if ecx&osxsave == 0 || ecx&avx == 0 {
		return false
	}
	eax, _ := xgetbv()
	return eax&6 == 6
}()
