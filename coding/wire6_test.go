package coding_test

import "testing"

// wire6Floor is how many sentences of testdata/wire6.jsonl must come out
// right: short wire sentences for giving in to demands, inquiries and
// commissions set up, social media blocked, aid transfers announced, debt
// restructuring and official complaints.
const wire6Floor = 12

func TestWire6(t *testing.T) { codeSet(t, "testdata/wire6.jsonl", "wire6", wire6Floor) }
