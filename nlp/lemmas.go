package nlp

import (
	"errors"
	"hash/maphash"
	"parley/internal/strhash"
	"strings"

	"github.com/aaaton/golem/v4/dicts/en"
)

// lemmaDict is golem's English lemma dictionary (github.com/aaaton/golem,
// dicts/en) in a pointer-free hash table over the dictionary text, which
// loads several times faster than golem.New and costs the garbage collector
// nothing to scan.
//
// The dictionary has a line per lemma: the lemma, then its forms, separated
// by tabs. golem maps each string to the lemma of the first line it is on,
// and adds the string itself to its candidates once for each further time it
// is listed; lemmaDict keeps the first lemma and that count, from which
// lemmaPick finds what it found from golem's candidates.
type lemmaDict struct {
	data  string
	ents  []lemmaEnt // ents[0] is unused: slot.ent 0 marks an empty slot
	slots []lemmaSlot
	mask  uint32
	seed  uint64
}

type lemmaEnt struct {
	off, n         uint32 // the string
	baseOff, baseN uint32 // the lemma of its first line
	extra          uint32 // how many more times it is listed
}

type lemmaSlot struct {
	k8  uint64 // the key's first 8 bytes, zero-padded
	tag uint32 // high bits of its hash, and its length (up to 255)
	ent uint32
}

func newLemmaDict() (*lemmaDict, error) {
	b, err := en.New().GetResource()
	if err != nil {
		return nil, err
	}
	return buildLemmaDict(string(b))
}

func buildLemmaDict(data string) (*lemmaDict, error) {
	d := &lemmaDict{data: data, seed: maphash.Comparable(maphash.MakeSeed(), 0)}
	size := 1 << 10
	for size < strings.Count(data, "\t")+strings.Count(data, "\n")+1 {
		size *= 2
	}
	size *= 2
	d.slots = make([]lemmaSlot, size)
	d.mask = uint32(size - 1)
	d.ents = make([]lemmaEnt, 1, size/2)
	for at := 0; at < len(data); {
		end := strings.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += at
		}
		if end > at {
			line := data[at:end]
			if strings.IndexByte(line, '\t') < 0 {
				return nil, errors.New("lemma dictionary: a line with one form")
			}
			baseN := strings.IndexByte(line, '\t')
			for w := at; ; {
				n := strings.IndexByte(data[w:end], '\t')
				if n < 0 {
					n = end - w
				}
				d.add(uint32(w), uint32(n), uint32(at), uint32(baseN))
				w += n + 1
				if w > end {
					break
				}
			}
		}
		at = end + 1
	}
	return d, nil
}

// add records that data[off:off+n] is listed on the line of the lemma
// data[baseOff:baseOff+baseN].
func (d *lemmaDict) add(off, n, baseOff, baseN uint32) {
	s := d.data[off : off+n]
	if e := d.find(s); e != 0 {
		d.ents[e].extra++
		return
	}
	e := uint32(len(d.ents))
	d.ents = append(d.ents, lemmaEnt{off: off, n: n, baseOff: baseOff, baseN: baseN})
	h, k8 := d.hash(s)
	i := uint32(h) & d.mask
	for d.slots[i].ent != 0 {
		i = (i + 1) & d.mask
	}
	d.slots[i] = lemmaSlot{k8: k8, tag: lemmaTag(h, n), ent: e}
}

func lemmaTag(h uint64, n uint32) uint32 { return uint32(h>>32)&^0xff | min(n, 0xff) }

// find returns the entry of s, 0 if there is none.
func (d *lemmaDict) find(s string) uint32 {
	h, k8 := d.hash(s)
	i, tag := uint32(h)&d.mask, lemmaTag(h, uint32(len(s)))
	for {
		sl := &d.slots[i]
		if sl.ent == 0 {
			return 0
		}
		if sl.tag == tag && sl.k8 == k8 {
			if len(s) <= 8 {
				return sl.ent
			}
			e := &d.ents[sl.ent]
			if int(e.n) == len(s) && d.data[e.off+8:e.off+e.n] == s[8:] {
				return sl.ent
			}
		}
		i = (i + 1) & d.mask
	}
}

// inDict reports whether the dictionary lists the word in lower case.
func (d *lemmaDict) inDict(w string) bool { return d.find(strings.ToLower(w)) != 0 }

// hash hashes s and returns its first 8 bytes, zero-padded.
func (d *lemmaDict) hash(s string) (h, k8 uint64) { return strhash.Sum(d.seed, s) }

// pick returns what lemmaPick used to get from golem's candidate lemmas for
// norm (sorted, the first different from norm and no longer, else the
// first), and whether the dictionary has norm at all.
func (d *lemmaDict) pick(norm string) string {
	key := strings.ToLower(norm)
	e := d.find(key)
	if e == 0 {
		return norm
	}
	x := &d.ents[e]
	base := d.data[x.baseOff : x.baseOff+x.baseN]
	if x.extra == 0 {
		return base
	}
	// The candidates are base and key (extra times), sorted.
	first, second := base, key
	if key < base {
		first, second = key, base
	}
	if first != norm && len(first) <= len(norm) {
		return first
	}
	if second != norm && len(second) <= len(norm) {
		return second
	}
	return first
}
