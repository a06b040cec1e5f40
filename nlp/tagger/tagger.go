// Package tagger is a fast part-of-speech tagger that reads the averaged
// perceptron model shipped with prose (github.com/jdkato/prose/v3, package
// tag/aptagmodel) and gives exactly the tags prose's tagger gives for it.
//
// prose finds each of the 14 features of a token by building its key string
// ("i-1 word " + word, ...) and binary-searching 75,000 sorted feature
// strings. This package takes the model apart at load time instead: every
// feature is one of 14 templates applied to a word, a suffix, a first byte or
// one or two previous tags, so the features are regrouped by what they are
// applied to. A word is looked up once per sentence in one hash table, which
// gives the features of all the word templates at once; tag features sit in
// arrays indexed by tag number. Each feature's weights are stored as a dense
// vector of 48 float32s (0 for the classes it has no weight for), so a
// token's 14 vectors are summed with SIMD additions (sum_amd64.s). The sums
// are made in prose's order, one float32 addition after another for each
// class, and adding 0 changes no sum, so the scores, and even the ties, come
// out as prose's do.
//
// Everything a Model holds is free of pointers but for a few slices, so the
// garbage collector does not trace the lexicon. The cost is memory: the
// English model takes about 20 MB, and 15 ms to load.
package tagger

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"math/bits"
	"parley/internal/strhash"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// The templates whose value is a string looked up in the lexicon.
const (
	fWord   = iota // "i word " + w[i]
	fWordM1        // "i-1 word " + w[i-1]
	fWordP1        // "i+1 word " + w[i+1]
	fWordM2        // "i-2 word " + w[i-2]
	fWordP2        // "i+2 word " + w[i+2]
	fSuf           // "i suffix " + last 3 bytes of the raw word
	fSufM1         // "i-1 suffix " + last 3 bytes of w[i-1]
	fSufP1         // "i+1 suffix " + last 3 bytes of w[i+1]
	nLex
)

// Feature key prefixes, as the model's feature strings spell them.
var lexPrefix = [nLex]string{
	fWord: "i word ", fWordM1: "i-1 word ", fWordP1: "i+1 word ", fWordM2: "i-2 word ",
	fWordP2: "i+2 word ", fSuf: "i suffix ", fSufM1: "i-1 suffix ", fSufP1: "i+1 suffix ",
}

const (
	pBias    = "bias"
	pPref1   = "i pref1 "
	pTag1    = "i-1 tag "
	pTag2    = "i-2 tag "
	pTagPair = "i tag+i-2 tag "
	pTagWord = "i-1 tag+i word "
)

// Context sentinels: the words before the first and after the last token,
// and the tags before the first.
const (
	start1 = "-START-"
	start2 = "-START2-"
	end1   = "-END-"
	end2   = "-END2-"
)

// entry is what the lexicon knows of one string: the features it forms in
// each lexical template, the "i-1 tag+i word" features it forms with a tag,
// and the class the model assigns it outright, if any. f holds the weight
// vectors of its lexical features (0 for none).
//
// An entry takes 64 bytes, a cache line.
type entry struct {
	k8     uint64 // the string's first 8 bytes, zero-padded
	off    uint32 // the string, in Model.data
	n      uint16
	fixed  int16 // class for an unambiguous word, or -1
	f      [nLex]uint32
	tw0    uint32 // its "i-1 tag+i word" features start at Model.tw[tw0]
	suf    uint32 // the entry of the string's last 3 bytes
	twMask uint64 // their tags if there are at most 64 tags, else their number
}

type tagFeat struct {
	tag uint16
	vec uint32
}

type slot struct {
	tag uint32 // high bits of the key's hash, and its length (up to 255)
	ent uint32 // entry number; 0 marks an empty slot
}

// Model is a loaded tagging model. It is immutable and safe for concurrent use.
type Model struct {
	classes []string
	data    string // the model bytes; lexicon keys are slices of it

	// Each feature's weights are a vector of stride floats, by class, 0
	// for a class without one: vector v is dense[v*stride:][:stride].
	// Vector 0 is all 0 and stands for an absent feature.
	dense  []float32
	stride int

	bias  uint32
	pref1 [257]uint32 // by first byte; [256] for the empty word

	// Tags are numbered: classes first, then every other string the model
	// uses as a tag. unknownTag stands for any other tag.
	tagNames   []string
	tagIDs     map[string]uint32
	unknownTag uint32
	tag1       []uint32 // by tag number, unknownTag included
	tag2       []uint32
	tagPair    []uint32 // [prev1*(unknownTag+1)+prev2]

	ents    []entry // ents[0] is the entry of every unknown string
	tw      []tagFeat
	twMasks bool // whether entries' twMask is a set of tags
	slots   []slot
	mask    uint32
	seed    uint64

	// Sentinel entries (word and suffix) and tag numbers.
	start1E, start2E, end1E, end2E uint32
	start1S, start2S, end1S, end2S uint32
	start1T, start2T               uint32
	dashT, symT, nnT, noneT        uint32
	dash, sym, nn, noneTag         string

	pool sync.Pool
}

const magic = "PROSETAG"

var english = sync.OnceValues(func() (*Model, error) { return Load(aptagmodel.English) })

// English returns the English model that prose ships, loading it on first use.
func English() (*Model, error) { return english() }

// Classes returns the tags the model predicts, by class number.
func (m *Model) Classes() []string { return m.classes }

type decoder struct {
	b   []byte
	pos int
	err error
}

func (d *decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b)-d.pos {
		d.err = fmt.Errorf("tagger: model truncated at byte %d (want %d more)", d.pos, n)
		return nil
	}
	s := d.b[d.pos : d.pos+n]
	d.pos += n
	return s
}

func (d *decoder) u32() uint32 {
	if b := d.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) u16() int {
	if b := d.take(2); b != nil {
		return int(binary.LittleEndian.Uint16(b))
	}
	return 0
}

// builder holds what Load learns of the features before it lays out the
// weights.
type builder struct {
	m       *Model
	featOff []byte // the model's (nFeatures+1) weight offsets
	ids     []byte // its class of each weight
	wts     []byte // its weights
	lex     [][nLex]int32
	tws     []twItem
}

type twItem struct {
	ent  uint32
	tag  uint32
	feat int32
}

// vec writes feature f's weights into the next dense vector and returns its
// number, or 0 if f < 0 or f has no weights.
func (b *builder) vec(f int32) uint32 {
	if f < 0 {
		return 0
	}
	m := b.m
	from := binary.LittleEndian.Uint32(b.featOff[4*f:])
	to := binary.LittleEndian.Uint32(b.featOff[4*f+4:])
	if from == to {
		return 0
	}
	v := len(m.dense) / m.stride
	m.dense = m.dense[:len(m.dense)+m.stride]
	row := m.dense[v*m.stride:]
	for i := from; i < to; i++ {
		// In the model's order, as the scores would get them: 0 + w is w.
		row[b.ids[i]] += math.Float32frombits(binary.LittleEndian.Uint32(b.wts[4*i:]))
	}
	return uint32(v)
}

// Load decodes a model in prose's flat perceptron format (version 1). data
// must not change afterwards: the lexicon's strings are slices of it.
func Load(data []byte) (*Model, error) {
	d := &decoder{b: data}
	if string(d.take(len(magic))) != magic {
		return nil, errors.New("tagger: not a flat perceptron model")
	}
	if v := d.u32(); v != 1 {
		return nil, fmt.Errorf("tagger: model format version %d, want 1", v)
	}
	m := &Model{seed: maphash.Comparable(maphash.MakeSeed(), 0)}
	if len(data) > 0 {
		m.data = unsafe.String(&data[0], len(data))
	}
	nc := int(d.u32())
	if nc > 256 {
		return nil, fmt.Errorf("tagger: %d classes", nc)
	}
	m.classes = make([]string, nc)
	for i := range m.classes {
		m.classes[i] = string(d.take(d.u16()))
	}
	nf := int(d.u32())
	np := int(d.u32())
	blobLen := int(d.u32())
	blobAt := d.pos
	d.take(blobLen)
	featOff := d.take(4 * (nf + 1))
	b := &builder{m: m}
	b.featOff = d.take(4 * (nf + 1))
	b.ids = d.take(np)
	b.wts = d.take(4 * np)
	if d.err != nil {
		return nil, d.err
	}
	for _, c := range b.ids {
		if int(c) >= nc {
			return nil, fmt.Errorf("tagger: a weight has class %d of %d", c, nc)
		}
	}
	for i := 0; i <= nf; i++ {
		o := binary.LittleEndian.Uint32(b.featOff[4*i:])
		if o > uint32(np) || (i > 0 && o < binary.LittleEndian.Uint32(b.featOff[4*i-4:])) {
			return nil, fmt.Errorf("tagger: bad weight offset for feature %d", i)
		}
	}

	// The tag vocabulary: classes, then the tags of the special cases.
	m.tagIDs = make(map[string]uint32, nc+8)
	for _, c := range m.classes {
		m.addTag(c)
	}
	for _, t := range []string{start1, start2, "-", "SYM", "NN", "-NONE-"} {
		m.addTag(t)
	}

	m.slots = make([]slot, 1<<15)
	m.mask = 1<<15 - 1
	m.ents = make([]entry, 1, 1<<14)
	m.ents[0] = entry{fixed: -1}
	b.lex = make([][nLex]int32, 1, 1<<14)
	b.lex[0] = noFeatures

	bias := int32(-1)
	var pref1 [257]int32
	for i := range pref1 {
		pref1[i] = -1
	}
	type pairItem struct {
		t1, t2 uint32
		feat   int32
	}
	type tagItem struct {
		tag  uint32
		feat int32
	}
	var pairs []pairItem
	var tag1s, tag2s []tagItem
	for f := 0; f < nf; f++ {
		lo := binary.LittleEndian.Uint32(featOff[4*f:])
		hi := binary.LittleEndian.Uint32(featOff[4*f+4:])
		if lo > hi || int(hi) > blobLen {
			return nil, fmt.Errorf("tagger: bad string offset for feature %d", f)
		}
		at := uint32(blobAt) + lo
		s := m.data[at : uint32(blobAt)+hi]
		feat := int32(f)
		switch {
		case s == pBias:
			bias = feat
		case strings.HasPrefix(s, pPref1):
			switch v := s[len(pPref1):]; len(v) {
			case 0:
				pref1[256] = feat
			case 1:
				pref1[v[0]] = feat
			}
		case strings.HasPrefix(s, pTag1):
			tag1s = append(tag1s, tagItem{m.addTag(s[len(pTag1):]), feat})
		case strings.HasPrefix(s, pTag2):
			tag2s = append(tag2s, tagItem{m.addTag(s[len(pTag2):]), feat})
		case strings.HasPrefix(s, pTagPair):
			// "T1 T2": tags have no spaces, so a key with one space is
			// the only kind that can match.
			v := s[len(pTagPair):]
			if i := strings.IndexByte(v, ' '); i >= 0 && strings.IndexByte(v[i+1:], ' ') < 0 {
				pairs = append(pairs, pairItem{m.addTag(v[:i]), m.addTag(v[i+1:]), feat})
			}
		case strings.HasPrefix(s, pTagWord):
			// "T word": the tag ends at the first space.
			v := s[len(pTagWord):]
			if i := strings.IndexByte(v, ' '); i >= 0 {
				off := at + uint32(len(pTagWord)+i+1)
				e, err := b.intern(off, uint32(len(v)-i-1))
				if err != nil {
					return nil, err
				}
				b.tws = append(b.tws, twItem{e, m.addTag(v[:i]), feat})
			}
		default:
			for t, p := range lexPrefix {
				if strings.HasPrefix(s, p) {
					e, err := b.intern(at+uint32(len(p)), uint32(len(s)-len(p)))
					if err != nil {
						return nil, err
					}
					b.lex[e][t] = feat
					break
				}
			}
		}
	}

	// The model's unambiguous words.
	ntm := int(d.u32())
	for i := 0; i < ntm && d.err == nil; i++ {
		n := d.u16()
		off := d.pos
		d.take(n)
		c := d.take(1)
		if d.err != nil {
			break
		}
		if int(c[0]) >= nc {
			return nil, fmt.Errorf("tagger: unambiguous word %q has class %d of %d", data[off:off+n], c[0], nc)
		}
		e, err := b.intern(uint32(off), uint32(n))
		if err != nil {
			return nil, err
		}
		m.ents[e].fixed = int16(c[0])
	}
	if d.err != nil {
		return nil, d.err
	}

	// Lay out the weights as dense vectors, vector 0 all zero.
	m.stride = (nc + 3) &^ 3
	if m.stride < denseWidth {
		m.stride = denseWidth
	}
	m.dense = make([]float32, m.stride, (nf+1)*m.stride)
	m.bias = b.vec(bias)
	for i, f := range pref1 {
		m.pref1[i] = b.vec(f)
	}
	m.unknownTag = uint32(len(m.tagNames))
	nt := int(m.unknownTag) + 1
	m.tag1 = make([]uint32, nt)
	m.tag2 = make([]uint32, nt)
	m.tagPair = make([]uint32, nt*nt)
	for _, it := range tag1s {
		m.tag1[it.tag] = b.vec(it.feat)
	}
	for _, it := range tag2s {
		m.tag2[it.tag] = b.vec(it.feat)
	}
	for _, it := range pairs {
		m.tagPair[int(it.t1)*nt+int(it.t2)] = b.vec(it.feat)
	}
	// Group the tag+word features by word (counting sort), each word's in
	// order of tag number.
	b.tws = sortByTag(b.tws, nt)
	m.twMasks = nt <= 64
	next := make([]uint32, len(m.ents)+1)
	for _, it := range b.tws {
		next[it.ent+1]++
		if m.twMasks {
			m.ents[it.ent].twMask |= 1 << it.tag
		} else {
			m.ents[it.ent].twMask++
		}
	}
	for i := range m.ents {
		next[i+1] += next[i]
		m.ents[i].tw0 = next[i]
	}
	m.tw = make([]tagFeat, len(b.tws))
	byEnt := make([]int32, len(b.tws))
	for i, it := range b.tws {
		j := next[it.ent]
		m.tw[j].tag = uint16(it.tag)
		byEnt[j] = int32(i)
		next[it.ent]++
	}
	for i := range m.ents {
		e := &m.ents[i]
		for t, f := range b.lex[i] {
			e.f[t] = b.vec(f)
		}
		lo, hi := m.twRange(e)
		for j := lo; j < hi; j++ {
			m.tw[j].vec = b.vec(b.tws[byEnt[j]].feat)
		}
	}

	for i := range m.ents {
		e := &m.ents[i]
		if e.n <= 3 {
			e.suf = uint32(i)
		} else {
			end := e.off + uint32(e.n)
			e.suf = m.lookup(m.data[end-3 : end])
		}
	}

	m.start1E, m.start1S = m.lookupWord(start1)
	m.start2E, m.start2S = m.lookupWord(start2)
	m.end1E, m.end1S = m.lookupWord(end1)
	m.end2E, m.end2S = m.lookupWord(end2)
	m.start1T, m.start2T = m.tagIDs[start1], m.tagIDs[start2]
	m.dash, m.sym, m.nn, m.noneTag = "-", "SYM", "NN", "-NONE-"
	m.dashT, m.symT, m.nnT, m.noneT = m.tagIDs[m.dash], m.tagIDs[m.sym], m.tagIDs[m.nn], m.tagIDs[m.noneTag]
	m.pool.New = func() any { return new(scratch) }
	return m, nil
}

var noFeatures = [nLex]int32{-1, -1, -1, -1, -1, -1, -1, -1}

// addTag numbers a tag string.
func (m *Model) addTag(t string) uint32 {
	if id, ok := m.tagIDs[t]; ok {
		return id
	}
	id := uint32(len(m.tagNames))
	m.tagNames = append(m.tagNames, t)
	m.tagIDs[t] = id
	return id
}

// tagID is the number of a tag, unknownTag for one the model never uses.
func (m *Model) tagID(t string) uint32 {
	if id, ok := m.tagIDs[t]; ok {
		return id
	}
	return m.unknownTag
}

func (m *Model) key(e uint32) string {
	x := &m.ents[e]
	return m.data[x.off : x.off+uint32(x.n)]
}

// twRange returns where e's "i-1 tag+i word" features are in Model.tw.
func (m *Model) twRange(e *entry) (lo, hi uint32) {
	if m.twMasks {
		return e.tw0, e.tw0 + uint32(bits.OnesCount64(e.twMask))
	}
	return e.tw0, e.tw0 + uint32(e.twMask)
}

// intern returns the entry of the string data[off:off+n], adding it if new.
func (b *builder) intern(off, n uint32) (uint32, error) {
	m := b.m
	s := m.data[off : off+n]
	if e := m.lookup(s); e != 0 {
		return e, nil
	}
	if n > math.MaxUint16 {
		return 0, fmt.Errorf("tagger: a word of %d bytes", n)
	}
	e := uint32(len(m.ents))
	m.ents = append(m.ents, entry{off: off, n: uint16(n), fixed: -1})
	b.lex = append(b.lex, noFeatures)
	m.insert(e)
	if 2*len(m.ents) > len(m.slots) {
		m.slots = make([]slot, 2*len(m.slots))
		m.mask = uint32(len(m.slots) - 1)
		for e := 1; e < len(m.ents); e++ {
			m.insert(uint32(e))
		}
	}
	return e, nil
}

// insert puts entry e in the hash table.
func (m *Model) insert(e uint32) {
	h, k8 := m.hash(m.key(e))
	i := uint32(h) & m.mask
	for m.slots[i].ent != 0 {
		i = (i + 1) & m.mask
	}
	m.ents[e].k8 = k8
	m.slots[i] = slot{tag: slotTag(h, uint32(m.ents[e].n)), ent: e}
}

// slotTag is what a slot keeps of a key's hash and length.
func slotTag(h uint64, n uint32) uint32 {
	return uint32(h>>32)&^0xff | min(n, 0xff)
}

// lookup returns the entry of s, or 0 if the model does not know it.
func (m *Model) lookup(s string) uint32 {
	h, k8 := m.hash(s)
	i, tag := uint32(h)&m.mask, slotTag(h, uint32(len(s)))
	for {
		sl := &m.slots[i]
		if sl.ent == 0 {
			return 0
		}
		// A key of up to 8 bytes is its length and k8.
		if sl.tag == tag {
			x := &m.ents[sl.ent]
			if x.k8 == k8 && int(x.n) == len(s) && (len(s) <= 8 || m.data[x.off+8:x.off+uint32(x.n)] == s[8:]) {
				return sl.ent
			}
		}
		i = (i + 1) & m.mask
	}
}

// lookupWord returns the entries of a context word and of its last 3 bytes.
func (m *Model) lookupWord(w string) (word, suf uint32) {
	word = m.lookup(w)
	if word != 0 {
		return word, m.ents[word].suf
	}
	if len(w) <= 3 {
		return 0, 0
	}
	return 0, m.lookup(w[len(w)-3:])
}

// scratch is per-call working space.
type scratch struct {
	word   []uint32 // entries of the normalized words, 2 sentinels each side
	suf    []uint32 // entries of their last 3 bytes
	rawSuf []uint32 // entries of the raw words' last 3 bytes
	fixed  []int32  // the raw words' unambiguous classes
	lower  []byte
}

func grow(s []uint32, n int) []uint32 {
	if cap(s) < n {
		return make([]uint32, n, n+n/2)
	}
	return s[:n]
}

// Tag tags one sentence: tags[i] becomes the tag of words[i]. tags must be
// at least as long as words. The tags are those prose's tag.Tagger (without
// a lexicon) gives the same words.
func (m *Model) Tag(words []string, tags []string) { m.TagIDs(words, tags, nil) }

// NumWords is the number of strings the model knows; word numbers run from
// 1 to NumWords.
func (m *Model) NumWords() int { return len(m.ents) - 1 }

// TagIDs is Tag, and if ids is not nil also sets ids[i] to the number of the
// normal form (lower case) of words[i] among the strings the model knows, or
// to 0 if it knows none or the word's normal form is a class like !DIGITS.
func (m *Model) TagIDs(words []string, tags []string, ids []uint32) {
	n := len(words)
	if n == 0 {
		return
	}
	_ = tags[n-1]
	if ids != nil {
		_ = ids[n-1]
	}
	s := m.pool.Get().(*scratch)
	s.word = grow(s.word, n+4)
	s.suf = grow(s.suf, n+4)
	s.rawSuf = grow(s.rawSuf, n)
	if cap(s.fixed) < n {
		s.fixed = make([]int32, n, n+n/2)
	}
	s.fixed = s.fixed[:n]
	word, suf, rawSuf, fixed := s.word, s.suf, s.rawSuf, s.fixed

	word[0], suf[0] = m.start1E, m.start1S
	word[1], suf[1] = m.start2E, m.start2S
	word[n+2], suf[n+2] = m.end1E, m.end1S
	word[n+3], suf[n+3] = m.end2E, m.end2S
	for i, w := range words {
		norm, kind := m.normalize(w, s)
		var we, se uint32
		switch kind {
		case same:
			we, se = m.lookupWord(w)
			fixed[i] = int32(m.ents[we].fixed)
			rawSuf[i] = se
		default:
			we, se = m.lookupWord(norm)
			raw := m.lookup(w)
			fixed[i] = int32(m.ents[raw].fixed)
			switch {
			case len(w) <= 3:
				rawSuf[i] = raw
			case kind == lowered && len(norm) == len(w) && norm[len(norm)-3:] == w[len(w)-3:]:
				rawSuf[i] = se
			default:
				rawSuf[i] = m.lookup(w[len(w)-3:])
			}
		}
		word[i+2], suf[i+2] = we, se
		if ids != nil {
			if kind == class {
				ids[i] = 0
			} else {
				ids[i] = we
			}
		}
	}

	nc := len(m.classes)
	ntags := int(m.unknownTag) + 1
	var scores [256]float32
	p1, p2 := m.start1T, m.start2T
	for i, w := range words {
		var tag string
		var tid uint32
		switch {
		case w == "-":
			tag, tid = m.dash, m.dashT
		case IsEmoticon(w):
			tag, tid = m.sym, m.symT
		case w != "" && w[0] == '@':
			tag, tid = m.nn, m.nnT
		case isTrace(w):
			tag, tid = m.noneTag, m.noneT
		case isBracketTag(w):
			tag, tid = w, m.tagID(w)
		case fixed[i] >= 0:
			tid = uint32(fixed[i])
			tag = m.classes[tid]
		default:
			// The features, in prose's order; absent ones add nothing.
			var vs [16]uint32
			k := 0
			put := func(v uint32) {
				vs[k] = v
				k += int(min(v, 1))
			}
			put(m.bias)
			put(m.ents[rawSuf[i]].f[fSuf])
			if w == "" {
				put(m.pref1[256])
			} else {
				put(m.pref1[w[0]])
			}
			put(m.tag1[p1])
			put(m.tag2[p2])
			put(m.tagPair[int(p1)*ntags+int(p2)])
			cur := &m.ents[word[i+2]]
			put(cur.f[fWord])
			if m.twMasks {
				if bit := uint64(1) << (p1 & 63); cur.twMask&bit != 0 {
					put(m.tw[cur.tw0+uint32(bits.OnesCount64(cur.twMask&(bit-1)))].vec)
				}
			} else {
				lo, hi := m.twRange(cur)
				for _, tf := range m.tw[lo:hi] {
					if uint32(tf.tag) == p1 {
						put(tf.vec)
						break
					}
				}
			}
			put(m.ents[word[i+1]].f[fWordM1])
			put(m.ents[suf[i+1]].f[fSufM1])
			put(m.ents[word[i]].f[fWordM2])
			put(m.ents[word[i+3]].f[fWordP1])
			put(m.ents[suf[i+3]].f[fSufP1])
			put(m.ents[word[i+4]].f[fWordP2])
			m.sum(&scores, vs[:k])
			best, bi := float32(math.Inf(-1)), -1
			for c, v := range scores[:nc] {
				if v > best {
					best, bi = v, c
				}
			}
			if bi < 0 {
				tag, tid = "", m.tagID("")
			} else {
				tag, tid = m.classes[bi], uint32(bi)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tid
	}
	m.pool.Put(s)
}

const (
	same    = iota // the word is its own normal form
	lowered        // lower-cased
	class          // replaced by !HYPHEN, !YEAR or !DIGITS
)

// normalize maps a word to the form the model was trained on: !HYPHEN for a
// word with a hyphen after its first byte, !YEAR for a four-character
// integer, !DIGITS for a word starting with a digit, else the word in lower
// case. A lowered ASCII word is written into s.lower and returned as a view
// of it, valid until the next call.
func (m *Model) normalize(w string, s *scratch) (string, int) {
	if w == "" {
		return w, same
	}
	c0 := w[0]
	if c0 != '-' && strings.IndexByte(w, '-') >= 0 {
		return "!HYPHEN", class
	}
	if len(w) == 4 && isInt4(w) {
		return "!YEAR", class
	}
	if c0 >= '0' && c0 <= '9' {
		return "!DIGITS", class
	}
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			l := strings.ToLower(w)
			if l == w {
				return w, same
			}
			return l, lowered
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return w, same
	}
	s.lower = append(s.lower[:0], w...)
	for i, c := range s.lower {
		if 'A' <= c && c <= 'Z' {
			s.lower[i] = c + 'a' - 'A'
		}
	}
	return unsafe.String(&s.lower[0], len(s.lower)), lowered
}

// isInt4 reports whether the 4-byte w is an optionally signed decimal integer.
func isInt4(w string) bool {
	i := 0
	if w[0] == '+' || w[0] == '-' {
		i = 1
	}
	for ; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func isDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isTrace reports whether w is a Penn Treebank trace or elision: 0, *,
// *X* (X a letter, digit, _ or ?), *-N, or *ABC*-N (N of 1 to 3 digits).
func isTrace(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	r := w[1:]
	if len(r) == 2 && r[1] == '*' && (isWordByte(r[0]) || r[0] == '?') {
		return true
	}
	if r[0] == '-' {
		return isDigits(r[1:], 1, 3)
	}
	j := 0
	for j < len(r) && 'A' <= r[j] && r[j] <= 'Z' {
		j++
	}
	return j > 0 && j+1 < len(r) && r[j] == '*' && r[j+1] == '-' && isDigits(r[j+2:], 1, 3)
}

func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// isBracketTag reports whether w is a literal like -LRB-: a hyphen, three
// capital letters, a hyphen. Such words are their own tag.
func isBracketTag(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' &&
		'A' <= w[1] && w[1] <= 'Z' && 'A' <= w[2] && w[2] <= 'Z' && 'A' <= w[3] && w[3] <= 'Z'
}

// hash hashes a string for the lexicon and returns its first 8 bytes,
// zero-padded, as well.
func (m *Model) hash(s string) (h, k8 uint64) { return strhash.Sum(m.seed, s) }

// denseWidth is the vector width the assembly sums: 48 classes.
const denseWidth = 48

// sum sets the first stride scores to the sum of vectors vs, adding them in
// order.
func (m *Model) sum(scores *[256]float32, vs []uint32) {
	if m.stride == denseWidth && len(vs) > 0 {
		sum48(scores, &m.dense[0], &vs[0], len(vs))
		return
	}
	sc := scores[:m.stride]
	clear(sc)
	for _, v := range vs {
		row := m.dense[int(v)*m.stride:][:len(sc)]
		for c := range sc {
			sc[c] += row[c]
		}
	}
}

// sortByTag sorts items by tag (counting sort, stable).
func sortByTag(items []twItem, ntags int) []twItem {
	at := make([]int, ntags+1)
	for _, it := range items {
		at[it.tag+1]++
	}
	for t := 1; t <= ntags; t++ {
		at[t] += at[t-1]
	}
	out := make([]twItem, len(items))
	for _, it := range items {
		out[at[it.tag]] = it
		at[it.tag]++
	}
	return out
}
