package coding_test

import "testing"

// wire8Floor is how many sentences of testdata/wire8.jsonl must come out
// right. The set was written before parley was run on it, as a held-out
// check on topics and grammar the earlier sets cover little: courts and
// trials, coups, sanctions and trade measures, expulsions and recalls of
// diplomats, cyber attacks and disinformation, border closures and
// refugees, denials, suspensions from organisations, condolences,
// accepted proposals, permission to return and reduced relatives
// ("activists detained last week were freed"). The first run got 42 of
// its 52 right (the held-out figure). Sentences that must code no
// event (accidents, disasters) are in TestBuiltinRules, as codeSet cannot
// want no event.
const wire8Floor = 52

func TestWire8(t *testing.T) { codeSet(t, "testdata/wire8.jsonl", "wire8", wire8Floor) }
