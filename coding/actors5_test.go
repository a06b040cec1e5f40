package coding_test

import "testing"

// actors5Floor is how many sentences of testdata/actors5.jsonl must come
// out right: short wire sentences for the actors4 dictionary additions
// (foreign and home ministries by their other names, election bodies,
// national guards, security services, militia members, business groups,
// US law-enforcement titles, named ministries and parliaments, regions
// as places of their country, and heads of government with dated terms).
const actors5Floor = 47

func TestActors5(t *testing.T) { codeSet(t, "testdata/actors5.jsonl", "actors5", actors5Floor) }
