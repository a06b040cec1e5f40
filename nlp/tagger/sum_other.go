//go:build !amd64

package tagger

import "unsafe"

// sum48 sets scores[0:48] to the sum of the 48-float vectors at
// dense[48*vs[i]] for i < n, adding them in order.
func sum48(scores *[256]float32, dense *float32, vs *uint32, n int) {
	sc := scores[:denseWidth]
	clear(sc)
	for _, v := range unsafe.Slice(vs, n) {
		row := unsafe.Slice((*float32)(unsafe.Add(unsafe.Pointer(dense), uintptr(v)*denseWidth*4)), denseWidth)
		for c := range sc {
			sc[c] += row[c]
		}
	}
}

// hasAVX is for the tests, which switch between the amd64 versions.
var hasAVX = false
