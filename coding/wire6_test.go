package coding_test

import "testing"

// wire6Floor is how many sentences of testdata/wire6.jsonl must come out
// right: short wire sentences for giving in to demands, inquiries and
// commissions set up, social media blocked, aid transfers announced, debt
// restructuring, official complaints, lockdowns lifted, troops pulled
// out, hunger strikes announced, crowds gathered outside institutions,
// observers and inspectors received, positions abandoned, plans suspended,
// stances softened, berating, travel bans on persons, concessions won,
// schools reopened, internet restored, delisting, power handed to civilians,
// constitutions restored, citizenship or immunity stripped, aid workers
// freed, cities handed over, prisoners returned, fuel let in, shelling
// stopped, loan tranches disbursed, elections or reports called shams,
// protests declared illegal, cities locked down, newspapers shuttered and
// military rule imposed, price or tax hikes rolled back, subsidies
// reinstated and victims compensated.
const wire6Floor = 56

func TestWire6(t *testing.T) { codeSet(t, "testdata/wire6.jsonl", "wire6", wire6Floor) }
