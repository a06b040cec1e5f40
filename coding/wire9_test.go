package coding_test

import "testing"

// wire9Floor is how many sentences of testdata/wire9.jsonl must come out
// right. The set was written before parley was run on it, as a held-out
// check on coups ("soldiers ousted the president", "the army seized
// power"), court rulings (upheld sentences, acquittals, sentences in
// absentia), suspensions by regional blocs named without "union",
// refugees named by their ethnicity in another country ("Rohingya
// refugees in Bangladesh"), hostage releases and prisoner swaps,
// mediation, peacekeeping deployments, accusations of election fraud,
// internet shutdowns, curfews and embassy closures, with lower-case and
// headline variants. The first run got 20 of its 42 right (the held-out
// figure). One want was corrected after that run: a conviction ("a court
// convicted Muhammad Yunus") is CAMEO 116, "find guilty", which the
// first want had left out.
const wire9Floor = 42

func TestWire9(t *testing.T) { codeSet(t, "testdata/wire9.jsonl", "wire9", wire9Floor) }
