package dates_test

import (
	"testing"
	"time"

	"parley/dates"
)

// paragraph is news text with a typical density of date expressions.
const paragraph = "Afghan officials have been left out of talks with the Taliban and the group has " +
	"refused to sit at the same table with the government officials despite Afghan President " +
	"Ashraf Ghani's repeated calls for talks in the past. The Taliban was overthrown by the " +
	"US-led coalition invasion in 2001, and the Taliban maintains the idea that the country is " +
	"occupied by foreign forces, deeming the Afghan government illegitimate and a \u201cforeign\u201d " +
	"puppet. Ghani has been preparing the scene for a future ceasefire with the Taliban. In May, " +
	"he launched a four-day Loya Jirga -- a grand assembly that brought together 3,200 " +
	"participants including politicians, tribal elders, and other prominent figures to prepare " +
	"a shared strategy. In February, Taliban representatives and Afghan officials including " +
	"former president Hamid Karzai met in Moscow, Russia, for a two-day conference. On Monday, " +
	"US envoy Zalmay Khalilzad said talks held since last year had made progress, and a new " +
	"round is expected to start on June 29, 2019 in Doha, two weeks after the meeting of 12 March."

func BenchmarkFind(b *testing.B) {
	r := time.Date(2019, 6, 15, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(paragraph)))
	b.ReportAllocs()
	for b.Loop() {
		dates.Find(paragraph, r)
	}
}
