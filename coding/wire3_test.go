package coding_test

import "testing"

// wire3Floor is how many sentences of testdata/wire3.jsonl must come out
// right. Raise it when the coder gets better; a drop is a regression. The
// known miss: "investment in Vietnam" (a target after "in" is not taken).
const wire3Floor = 34

// TestWire3 codes short wire sentences written for parley covering force
// postures (passive deployments, call-ups, recruitment), disinformation and
// shut-offs, withdrawals of staff, investment and treaties, debt relief,
// strikes called by unions, and concessions (stepping aside, returns,
// withdrawn complaints, shelved projects, demands granted).
func TestWire3(t *testing.T) {
	codeSet(t, "testdata/wire3.jsonl", "wire3", wire3Floor)
}
