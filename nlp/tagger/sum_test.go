package tagger

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sumGo is the reference for sum48: float32 additions, vector by vector.
func sumGo(dense []float32, vs []uint32) (out [256]float32) {
	for _, v := range vs {
		for c := 0; c < denseWidth; c++ {
			out[c] += dense[int(v)*denseWidth+c]
		}
	}
	return out
}

func TestSum48(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	dense := make([]float32, 64*denseWidth)
	special := []float32{0, float32(math.Copysign(0, -1)), 1e-45, -1e-45, 3.4e38, -3.4e38, float32(math.Inf(1)), 1, -1}
	for i := denseWidth; i < len(dense); i++ {
		if r.IntN(4) == 0 {
			dense[i] = special[r.IntN(len(special))]
		} else {
			dense[i] = float32(r.NormFloat64() * math.Pow(10, float64(r.IntN(8)-4)))
		}
	}
	avx := hasAVX
	defer func() { hasAVX = avx }()
	for k := 0; k < 2000; k++ {
		vs := make([]uint32, r.IntN(16)+1)
		for i := range vs {
			vs[i] = uint32(r.IntN(64))
		}
		want := sumGo(dense, vs)
		for _, useAVX := range []bool{false, true} {
			if useAVX && !avx {
				continue
			}
			hasAVX = useAVX
			var got [256]float32
			got[47] = 99 // overwritten
			sum48(&got, &dense[0], &vs[0], len(vs))
			for c := 0; c < denseWidth; c++ {
				if math.Float32bits(got[c]) != math.Float32bits(want[c]) && !(got[c] != got[c] && want[c] != want[c]) {
					t.Fatalf("avx %v, vectors %v, class %d: got %v, want %v", useAVX, vs, c, got[c], want[c])
				}
			}
		}
	}
}

// TestNoAVX tags the edge cases and a sample with the SSE code.
func TestNoAVX(t *testing.T) {
	avx := hasAVX
	defer func() { hasAVX = avx }()
	m, err := English()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"The", "US-led", "coalition", "overthrew", "the", "Taliban", "in", "2001", ".", "Ghani", "'s", "calls", "were", "“", "foreign", "”", "puppets", "."}
	want := make([]string, len(words))
	m.Tag(words, want)
	hasAVX = false
	got := make([]string, len(words))
	m.Tag(words, got)
	for i := range words {
		if got[i] != want[i] {
			t.Errorf("%s: SSE %s, AVX %s", words[i], got[i], want[i])
		}
	}
}
