package coding_test

import "testing"

// wire10Floor is how many sentences of testdata/wire10.jsonl must come out
// right. The set was written before parley was run on it, as a held-out
// check on maritime incidents (coast guards ramming and detaining fishing
// boats, tankers seized in straits), cyberattacks attributed to states,
// sanctions and export controls, aid deliveries and blocked convoys,
// election observers and disputed results, hostage diplomacy, border
// closures, drone strikes, ceasefire violations, extraditions, diplomatic
// expulsions, arms deals, police raids on newspapers, hunger strikes and
// treaty ratifications, with lower-case and headline variants, passives,
// a pronoun subject and refusals. The first run got 56 of its 64 right
// (the held-out figure). One want was corrected after that run: "the US
// Treasury sanctioned" is coded USAGOVTRS, the Treasury's own code under
// USAGOV, which the first want had left out.
const wire10Floor = 64

func TestWire10(t *testing.T) { codeSet(t, "testdata/wire10.jsonl", "wire10", wire10Floor) }
