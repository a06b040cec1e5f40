package coding

import (
	"slices"

	"parley/cameo"
	"parley/nlp"
)

// modality is how the text presents an event: as having happened, or as
// intended, threatened, refused or merely wished for.
type modality int

const (
	realis  modality = iota
	future           // "will meet", "would attend"
	intent           // "agreed to meet", "is ready to talk", "plans to visit"
	threat           // "threatened to attack"
	refused          // "refused to meet", "declined to attend"
	wish             // "urged X to meet", "could attack": no event of its own
	ordered          // "ordered police to return the cars": done at the order of the governor's subject
)

// orderVerbs take an object and an infinitive that their subject has
// done ("ordered police to free the activists", "instructed the army to
// withdraw").
var orderVerbs = map[string]bool{"order": true, "instruct": true, "direct": true, "command": true}

var intentVerbs = map[string]bool{
	"agree": true, "pledge": true, "promise": true, "vow": true, "offer": true, "plan": true,
	"intend": true, "prepare": true, "seek": true, "aim": true, "hope": true,
	"want": true, "propose": true, "undertake": true, "commit": true, "resolve": true,
	"expect": true, "volunteer": true,
	// nouns of intent ("announced their intention to lay down arms", "made
	// a commitment to ease restrictions")
	"intention": true, "intent": true, "readiness": true, "willingness": true, "commitment": true,
}

// realisVerbs govern an event that happens ("decided to lift sanctions",
// "began to withdraw"): the event is coded as it is.
var realisVerbs = map[string]bool{
	"decide": true, "vote": true, "move": true, "begin": true, "start": true, "continue": true,
	"manage": true, "resume": true, "rush": true, "act": true, "proceed": true, "hasten": true,
	"go": true, "come": true, "use": true, "help": true, "dare": true, "choose": true,
	"opt": true, "elect": true, "try": true, "attempt": true, "seek": false,
}

var intentAdjectives = map[string]bool{
	"ready": true, "willing": true, "prepared": true, "determined": true, "committed": true,
	"poised": true, "set": true, "eager": true, "keen": true, "likely": true, "expected": true,
	"scheduled": true, "slated": true, "due": true,
}

// hypothetical verbs take a gerund that names an option, not an act
// ("considered imposing sanctions", "discussed sending troops").
var hypothetical = map[string]bool{
	"consider": true, "weigh": true, "contemplate": true, "discuss": true, "mull": true,
	"debate": true, "explore": true, "propose": true, "suggest": true, "recommend": true,
	"envisage": true, "envision": true, "advocate": true,
}

var refusalVerbs = map[string]bool{"refuse": true, "decline": true, "reject": true, "refusal": true}

var threatVerbs = map[string]bool{"threaten": true, "warn": true, "vow": false}

// modalityOf reads the words before the verb at anchor and returns how the
// event is presented and the token of the word that governs it (-1 if none).
func modalityOf(toks []nlp.Token, anchor int) (modality, int) {
	k := anchor - 1
	for k >= 0 && (toks[k].Tag == "RB" || toks[k].Norm == "not" || toks[k].Norm == "n't") {
		k--
	}
	if k < 0 {
		return realis, -1
	}
	t := toks[k]
	if toks[anchor].Tag == "VBG" && hypothetical[t.Lemma] {
		return wish, k // "would consider shooting down": an option weighed, no event
	}
	if t.Tag == "MD" || t.Norm == "wo" || t.Norm == "'ll" {
		switch t.Norm {
		case "will", "would", "shall", "wo", "'ll":
			return future, k
		}
		return wish, k
	}
	if t.Norm != "to" || toks[anchor].Tag != "VB" {
		return realis, -1
	}
	if c := k - 1; c > 0 {
		for c > 0 && (toks[c].Tag == "RB" || toks[c].Norm == "not") {
			c--
		}
		if toks[c].Norm == "and" || toks[c].Norm == "or" {
			// "agreed to free the hostages and to open talks", "commits
			// Poland to train soldiers and to send aid": a second
			// infinitive has the first's governor
			if t := earlierInfinitive(toks, c); t >= 0 {
				return modalityOf(toks, t+1)
			}
		}
	}
	g := k - 1
	for g >= 0 && (toks[g].Tag == "RB" || toks[g].Norm == "not" || timeWords[toks[g].Norm] ||
		toks[g].Norm == "on" && g+1 < k && timeWords[toks[g+1].Norm]) { // "decided on Thursday to"
		g--
	}
	if g < 0 {
		return wish, -1
	}
	if o := orderer(toks, g); o >= 0 {
		return ordered, o
	}
	if v := controller(toks, g); v >= 0 {
		switch {
		case bindVerbs[toks[v].Lemma]:
			// "the agreement commits Poland to send aid": Poland's
			// undertaking, whoever binds it
			return intent, v
		case forceVerbs[toks[v].Lemma]:
			// "the sanctions forced Iran to release the prisoners": done,
			// by Iran; the forcing is an event of its own. Not when the
			// forcing is only tried or to come ("tried to force", "will
			// not force").
			if m, g := modalityOf(toks, v); m == realis && g < 0 && (v == 0 || toks[v-1].Norm != "not" && toks[v-1].Norm != "n't") {
				return realis, -1
			}
		}
		return wish, v // "urged Israel to allow aid", "persuaded X to": asked for, not done
	}
	gt := toks[g]
	if gt.IsNoun() && isHeadline(toks) && !slices.ContainsFunc(toks[:k], func(t nlp.Token) bool { return t.IsVerb() || t.Tag == "MD" }) {
		// "Kenya to Send Troops to Somalia": a headline's subject and
		// infinitive, with "is" dropped, tell what it will do
		return future, k
	}
	switch {
	case refusalVerbs[gt.Lemma]:
		return refused, g
	case threatVerbs[gt.Lemma]:
		return threat, g
	case intentVerbs[gt.Lemma] || intentAdjectives[gt.Norm]:
		return intent, g
	case gt.Norm == "going" || gt.Norm == "about":
		return future, g
	case realisVerbs[gt.Lemma]:
		return realis, g
	}
	return wish, g
}

// bindVerbs take an object and an infinitive that the object undertakes to
// do ("the agreement commits Poland to send aid", "obliges Kyiv to hold
// elections").
var bindVerbs = map[string]bool{"commit": true, "oblige": true, "obligate": true, "bind": true}

// forceVerbs take an object and an infinitive that the object is made to
// do, and does ("forced Iran to release the prisoners").
var forceVerbs = map[string]bool{"force": true, "compel": true}

// controlVerbs take an object that is the doer of their infinitive ("urged
// Israel to allow aid", "commits Poland to keep sending aid"): with
// orderVerbs, bindVerbs and forceVerbs, the verbs of appeal and pressure,
// whose infinitive is only wished for.
var controlVerbs = map[string]bool{
	"urge": true, "press": true, "pressure": true, "pressurize": true, "pressurise": true,
	"persuade": true, "convince": true, "ask": true, "encourage": true, "push": true,
	"call": false, "invite": true, "advise": true, "exhort": true, "implore": true,
	"entreat": true, "beg": true, "request": true, "tell": true, "warn": true,
}

// controller returns the verb of object control whose object ends at k
// ("urged [Israel] to", "commits [Poland] to", "forced [the
// government] to"), or -1.
func controller(toks []nlp.Token, k int) int {
	if !toks[k].IsNoun() && toks[k].Tag != "PRP" {
		return -1
	}
	for j := k; j >= 0 && j >= k-6; j-- {
		t := &toks[j]
		if t.IsVerb() && t.Tag != "VBG" && t.Tag != "VBN" {
			if j < k && (controlVerbs[t.Lemma] || bindVerbs[t.Lemma] || forceVerbs[t.Lemma] || orderVerbs[t.Lemma]) {
				return j
			}
			return -1
		}
		if !t.IsNoun() && t.Tag != "DT" && t.Tag != "JJ" && t.Tag != "CD" && t.Tag != "POS" && t.Tag != "PRP" && t.Tag != "PRP$" && t.Norm != "'s" {
			return -1
		}
	}
	return -1
}

// earlierInfinitive returns the "to" of the infinitive that the one after
// the conjunction at k is coordinated with ("to train soldiers and to keep
// sending aid"), in the same clause and at most 12 tokens back, or -1.
func earlierInfinitive(toks []nlp.Token, k int) int {
	for j := k - 1; j >= 1 && j >= k-12; j-- {
		switch toks[j].Norm {
		case ";", ":", ".", "and", "or", "but", "that", "which", "who":
			return -1
		case "to":
			if toks[j+1].Tag == "VB" {
				return j
			}
		}
	}
	return -1
}

// infinitiveOf returns the "to" of the infinitive the verb at anchor is
// ("to send", "to keep sending"), or -1.
func infinitiveOf(toks []nlp.Token, anchor int) int {
	k := anchor - 1
	for k >= 0 && toks[k].Tag == "RB" {
		k--
	}
	if toks[anchor].Tag == "VBG" && k >= 1 && toks[k].Tag == "VB" && aspectVerbs[toks[k].Lemma] {
		k-- // "to keep sending"
		for k >= 0 && toks[k].Tag == "RB" {
			k--
		}
	}
	if k < 1 || toks[k].Norm != "to" || toks[k+1].Tag != "VB" {
		return -1
	}
	return k
}

// coordinatedInfinitive returns the verb of the infinitive that the one at
// anchor follows after "and" ("to train soldiers and to keep sending aid":
// train), whose doer it shares, or -1.
func coordinatedInfinitive(toks []nlp.Token, anchor int) int {
	k := infinitiveOf(toks, anchor)
	if k < 2 {
		return -1
	}
	c := k - 1
	for c > 0 && (toks[c].Tag == "RB" || toks[c].Norm == "not") {
		c--
	}
	if toks[c].Norm != "and" && toks[c].Norm != "or" {
		return -1
	}
	if t := earlierInfinitive(toks, c); t >= 0 {
		return t + 1
	}
	return -1
}

// controlledSubject returns the token that ends the object of a control
// verb whose infinitive is the verb at anchor ("commits [Poland] to send
// aid", "urged [Israel] to allow aid"): its doer; or -1.
func controlledSubject(toks []nlp.Token, anchor int) int {
	k := infinitiveOf(toks, anchor)
	if k < 1 || toks[k-1].Tag == "PRP" {
		return -1 // "commits them to work together": whom the pronoun names, as before
	}
	if v := controller(toks, k-1); v < 0 || orderVerbs[toks[v].Lemma] {
		return -1 // "ordered police to free them": done by who orders it (modalityOf)
	}
	return k - 1
}

// orderer returns the order verb whose object ends at k ("ordered [the
// police] to"), or -1.
func orderer(toks []nlp.Token, k int) int {
	for j := k; j >= 0 && j >= k-5; j-- {
		t := &toks[j]
		if t.IsVerb() && t.Tag != "VBG" {
			if j < k && orderVerbs[t.Lemma] {
				return j
			}
			return -1
		}
		if !t.IsNoun() && t.Tag != "DT" && t.Tag != "JJ" && t.Tag != "CD" && t.Tag != "POS" && t.Tag != "PRP" && t.Tag != "PRP$" {
			return -1
		}
	}
	return -1
}

// intentCode maps an event stated as intended to CAMEO's "express intent"
// (03x) or "threaten" (13x) codes.
func intentCode(code string) string {
	switch cameo.Root(code) {
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		switch code {
		case "061", "062", "063", "064":
			return "031" + code[2:] // "agreed to expand military cooperation": 0312
		}
		return "031"
	case "07":
		switch code {
		case "071", "072", "073", "074":
			return "033" + code[2:] // "pledged military aid": 0332
		}
		return "033"
	case "08":
		return "035"
	}
	return threatCode(code)
}

// threatCode maps a threatened conflictual event to its 13x code; codes of
// other roots are returned unchanged.
func threatCode(code string) string {
	switch {
	case code == "191":
		return "1381"
	case code == "192":
		return "1382"
	case code == "172" || len(code) == 4 && code[:3] == "172":
		return "132"
	case code == "161":
		return "1313"
	case code == "163" || code == "162" || len(code) == 4 && code[:3] == "162":
		return "1312"
	case code == "164" || code == "166":
		return "134"
	}
	switch cameo.Root(code) {
	case "14":
		return "133"
	case "15":
		return "138"
	case "16":
		return "131"
	case "17":
		return "137"
	case "18":
		return "1383"
	case "19":
		return "1384"
	case "20":
		return "1385"
	}
	return code
}

// possibleThreat reports whether the modal at gov ("could", "may",
// "might") presents a hostile act of the subject as a possibility ("Egypt
// could suspend relations with Israel", "Iran may close the strait"): news
// reports such a warning of what the doer would do as a threat.
func possibleThreat(toks []nlp.Token, gov int, code string) bool {
	if gov < 0 || toks[gov].Tag != "MD" || threatCode(code) == code {
		return false
	}
	switch toks[gov].Norm {
	case "could", "may", "might":
	default:
		return false
	}
	r := cameo.Root(code)
	return r >= "16" && r <= "20"
}

func cooperative(code string) bool {
	r := cameo.Root(code)
	return r >= "03" && r <= "08"
}

var speechVerbs = map[string]bool{
	"say": true, "declare": true, "insist": true, "reiterate": true, "stress": true, "state": true,
	"add": true, "tell": true, "write": true, "announce": true, "argue": true, "maintain": true,
}

// speaker returns the speech verb whose clause holds the modal at gov ("X
// said Y must ..."), or -1.
func speaker(toks []nlp.Token, gov int) int {
	if gov < 0 {
		return -1
	}
	quotes := 0
	for k := gov - 1; k >= 0 && k >= gov-12; k-- {
		t := toks[k]
		if t.Norm == "\"" {
			quotes++
		}
		if t.Norm == ";" || t.Norm == "." {
			return -1
		}
		if t.IsVerb() && speechVerbs[t.Lemma] {
			return k
		}
	}
	for k := 0; k < gov-12; k++ {
		if toks[k].Norm == "\"" {
			quotes++
		}
	}
	for k := gov + 1; k < len(toks) && quotes%2 == 0; k++ {
		if toks[k].Norm == "." || toks[k].Norm == ";" || toks[k].Norm == "\"" {
			break
		}
		if toks[k].Norm != "," {
			continue
		}
		// "Iran was behind the attacks, Israel's prime minister said": the
		// speech verb of a closing attribution
		for j := k + 1; j < len(toks) && j <= k+7; j++ {
			if toks[j].IsVerb() && speechVerbs[toks[j].Lemma] && j > k+1 && (j+1 >= len(toks) || toks[j+1].Norm == "." || toks[j+1].Norm == "on" || toks[j+1].Norm == "in" || toks[j+1].Norm == "," || toks[j+1].Norm == "\"") {
				return j
			}
			if toks[j].IsVerb() || toks[j].Norm == "," || toks[j].Norm == "." {
				break
			}
		}
		break
	}
	if quotes%2 == 1 {
		// "\"Israel must halt its operation,\" the minister said": the
		// speech verb after the closing quote, next to its speaker
		for k := gov + 1; k < len(toks); k++ {
			if toks[k].Norm != "\"" {
				continue
			}
			for j := k + 1; j < len(toks) && j <= k+7; j++ {
				if toks[j].IsVerb() && speechVerbs[toks[j].Lemma] {
					return j
				}
				if toks[j].IsVerb() || toks[j].Norm == "." {
					break
				}
			}
			break
		}
	}
	return -1
}

// demandCode maps the event a speaker says another must carry out to the
// CAMEO demand (10x) for it.
func demandCode(code string) string {
	switch cameo.Root(code) {
	case "03", "05":
		return "102"
	case "04":
		return "106"
	case "06":
		return "101"
	case "07":
		return "103"
	case "08":
		return "105"
	}
	return "100"
}

// mustAfter returns the verb governed by "must" or "should" in the clause
// reported after a speech verb ("said Y must VERB"), or -1.
func mustAfter(toks []nlp.Token, from int) int {
	for k := from + 1; k < len(toks) && k <= from+14; k++ {
		switch toks[k].Norm {
		case ";", ".", "\"", "“", "”":
			return -1
		case "must", "should":
			j := k + 1
			for j < len(toks) && (toks[j].Tag == "RB" || toks[j].Norm == "not") {
				j++
			}
			// after a modal only a verb's base form can stand, whatever
			// the tagger says ("must hand/NN over")
			if j < len(toks) && (toks[j].Tag == "VB" || toks[j].Tag == "VBP" || toks[j].Tag == "NN") {
				return j
			}
			return -1
		}
	}
	return -1
}

// timeWords may stand between a verb and its infinitive ("threatened today
// to impose").
var timeWords = map[string]bool{
	"today": true, "yesterday": true, "tomorrow": true, "tonight": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "again": true,
}
