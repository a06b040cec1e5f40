package coding_test

import "testing"

// codesFloor is how many sentences of testdata/codes.jsonl must come out
// right. Raise it when the coder or the dictionaries get better; a drop is a
// regression.
const codesFloor = 426

// TestCodes codes one or two short wire sentences written for parley for
// every CAMEO event code below the roots (data/cameo/codes.txt), each with
// the event a news coder should find, the same way as TestProtestPolice. It
// checks that the built-in verb dictionaries reach every code from ordinary
// news wording; run with -v to see every sentence and the exact-code count.
func TestCodes(t *testing.T) {
	codeSet(t, "testdata/codes.jsonl", "codes", codesFloor)
}
