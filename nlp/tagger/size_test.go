package tagger

import (
	"testing"
	"unsafe"
)

func TestEntrySize(t *testing.T) {
	if s := unsafe.Sizeof(entry{}); s != 64 {
		t.Errorf("entry is %d bytes", s)
	}
}
