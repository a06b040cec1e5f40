package coding_test

import "testing"

// wire5Floor is how many sentences of testdata/wire5.jsonl must come out
// right: short wire sentences for force posture (call-ups, troops or police
// sent to a place), ceasefires kept, property returned, raids, cyber
// intrusions, disinformation, floated threats, strike votes and aid teams.
const wire5Floor = 31

func TestWire5(t *testing.T) { codeSet(t, "testdata/wire5.jsonl", "wire5", wire5Floor) }
