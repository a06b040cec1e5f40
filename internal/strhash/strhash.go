// Package strhash is the string hash of nlp's lookup tables and of
// internal/wordset's word filters.
package strhash

import (
	"encoding/binary"
	"math/bits"
	"unsafe"
)

// Sum hashes s with seed (after wyhash's final mix) and returns its first 8
// bytes, zero-padded, as well: the tables of the tagger and the lemma
// dictionary compare those before the whole key.
func Sum(seed uint64, s string) (h, k8 uint64) {
	const k0, k1, k2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	n := len(s)
	b := unsafe.Slice(unsafe.StringData(s), n)
	var y uint64
	switch {
	case n > 16:
		h := seed
		for len(b) > 16 {
			h = mix(binary.LittleEndian.Uint64(b)^k1, binary.LittleEndian.Uint64(b[8:])^h)
			b = b[16:]
		}
		b = unsafe.Slice(unsafe.StringData(s), n)
		k8 = binary.LittleEndian.Uint64(b)
		y = binary.LittleEndian.Uint64(b[n-16:]) ^ h ^ binary.LittleEndian.Uint64(b[n-8:])*k0
	case n >= 8:
		k8 = binary.LittleEndian.Uint64(b)
		y = binary.LittleEndian.Uint64(b[n-8:])
	case n >= 4:
		k8 = uint64(binary.LittleEndian.Uint32(b)) | uint64(binary.LittleEndian.Uint32(b[n-4:]))>>(8*(8-n))<<32
	case n > 0:
		k8 = uint64(b[0])
		if n > 1 {
			k8 |= uint64(b[1]) << 8
			if n > 2 {
				k8 |= uint64(b[2]) << 16
			}
		}
	}
	return mix(k8^k1^uint64(n), y^seed^k2), k8
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
