// Package wordset is a filter of words in front of a dictionary's map: it
// answers "certainly not in the dictionary" for most words of a text from
// 16 KiB that stay in the processor's cache, where a lookup in a map of
// tens of thousands of names misses it. A word it lets through is looked
// up as before, so the filter changes no result.
package wordset

import "parley/internal/strhash"

// Filter is a Bloom filter with one hash function over 131,072 bits. The
// zero value is empty and ready to use; it is read-only once filled and
// then safe for concurrent use.
type Filter struct {
	bits [1 << 11]uint64
}

// Add adds w.
func (f *Filter) Add(w string) {
	h := hash(w)
	f.bits[h>>6&(1<<11-1)] |= 1 << (h & 63)
}

// May reports whether w may have been added: false means it was not.
func (f *Filter) May(w string) bool {
	h := hash(w)
	return f.bits[h>>6&(1<<11-1)]&(1<<(h&63)) != 0
}

// Bit returns w's bit of 64, from the same hash: the words of a sentence
// OR-ed together give a 64-bit summary against which a few wanted words
// are checked at once.
func Bit(w string) uint64 {
	return 1 << (hash(w) & 63)
}

// hash is the string hash of nlp's tables (wyhash's mix), which reads
// eight bytes at a time: a byte-at-a-time FNV-1a cost twice as much.
func hash(w string) uint64 {
	h, _ := strhash.Sum(0x9e3779b97f4a7c15, w)
	return h
}
