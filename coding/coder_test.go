package coding_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"parley"
	"parley/actors"
	"parley/cameo"
	"parley/coding"
	"parley/nlp"
)

// testFS is a small dictionary written for these tests, so they exercise the
// coder's rules and not the built-in dictionaries.
var testFS = fstest.MapFS{
	"actors/countries.txt": {Data: []byte("USA | United States; US; U.S. | American; Americans | Washington\nAFG | Afghanistan | Afghan; Afghans | Kabul\nRUS | Russia | Russian; Russians | Moscow\nFRA | France | French | Paris\n")},
	"actors/agents.txt":    {Data: []byte("GOV | government; officials; president; minister; ministry; delegation\nMIL | troops; army; forces; military\nCOP | police\nCVL | protesters\nLAB | workers\nEDU | students\nOPP | rioters\n")},
	"actors/groups.txt":    {Data: []byte("AFGINSTAL | Taliban\nIGOWSTNAT | NATO\nNGOMSF | Doctors Without Borders\n")},
	"actors/people.txt":    {Data: []byte("Ashraf Ghani; Ghani | AFGGOV 2014-09-29..2021-08-15; AFGELI\nHamid Karzai; Karzai | AFGGOV 2001-12-22..2014-09-29; AFGELI\n")},
	"cameo/codes.txt": {Data: []byte(`010 | Make statement | 0 | | |
040 | Consult | 1 | CONSULT | |
042 | Make a visit | 1.9 | CONSULT | visit |
046 | Engage in negotiation | 7 | CONSULT | |
0256 | Appeal for ceasefire | 3 | REQUEST | | military
111 | Criticize or denounce | -2 | ACCUSE | disapprove |
120 | Reject | -4 | REJECT | |
125 | Reject proposal to meet | -5 | REJECT | |
1246 | Refuse to de-escalate | -4 | REJECT | |
173 | Arrest | -5 | COERCE | arrest |
174 | Expel or deport individuals | -5 | COERCE | |
190 | Use conventional military force | -10 | ASSAULT | |
072 | Provide military aid | 8.3 | AID | |
100 | Demand | -5 | REQUEST | |
020 | Make an appeal or request | 3 | REQUEST | |
193 | Fight with small arms and light weapons | -10 | ASSAULT | |
036 | Express intent to meet or negotiate | 4 | AGREE | |
1384 | Threaten conventional attack | -7 | THREATEN | |
141 | Demonstrate or rally | -6.5 | PROTEST | demonstrate |
143 | Conduct strike or boycott | -6.5 | PROTEST | strike |
175 | Use tactics of violent repression | -9 | COERCE | |
145 | Protest violently, riot | -7.5 | PROTEST | riot |
1712 | Destroy property | -9.2 | ASSAULT | destroy |
085 | Ease economic sanctions, boycott, embargo | 7 | CONCEDE | |
0841 | Return, release person(s) | 7 | RETREAT | release |
016 | Deny responsibility | 0 | | |
112 | Accuse | -2 | ACCUSE | |
1723 | Impose curfew | -5 | COERCE | curfew |
163 | Impose embargo, boycott, or sanctions | -8 | SANCTION | |
063 | Engage in judicial cooperation | 7.4 | COOPERATE | |
060 | Engage in material cooperation | 6 | COOPERATE | |
154 | Mobilize or increase armed forces | -7.2 | MOBILIZE | troops | military
0874 | Retreat or surrender militarily | 10 | RETREAT | disarm | military
166 | Expel or withdraw | -7 | SANCTION | expel |
0813 | Ease curfew | 5 | RETREAT | |
0811 | Ease restrictions on political freedoms | 5 | CONCEDE | |
1053 | Demand release of persons or property | -5 | REQUEST | yield |
195 | Employ aerial weapons | -10 | ASSAULT | aerial |
1832 | Carry out car bombing | -10 | ASSAULT | explosives |
1833 | Carry out roadside bombing | -10 | ASSAULT | explosives |
`)},
	"verbs/test.txt": {Data: []byte(`010 | say
040 | meet; meet with; sit at table with
042 | visit; send delegation to; send to
046 | n:talks
0256 | call for ceasefire
111 | criticize; deem illegitimate; complain
1246 | reject ceasefire
173 | arrest; n:arrest
174 | deport
063 | hand over
060 | join forces
042 | arrive in
154 | deploy
0813 | lift curfew
0811 | unblock twitter
0874 | n:withdrawal; withdraw
1053 | demand release
190 | attack; overthrow; clash; kill; n:fighting
141 | n:protests
193 | shoot; <come under fire
072 | <receive weapons
020 | call on
141 | protest
143 | n:strike; go on strike
175 | disperse; tear-gassed
190 | launch strike; strike
1712 | set fire to
085 | lift sanctions
0841 | exchange prisoners; release
016 | deny
112 | accuse of
072 | supply weapons
1723 | impose curfew
163 | impose sanctions
166 | igo:expel
`)},
}

func testCoder(t *testing.T) *coding.Coder {
	t.Helper()
	p, err := nlp.Default()
	if err != nil {
		t.Fatal(err)
	}
	codes, bad := cameo.Load(testFS, "cameo/codes.txt")
	if len(bad) > 0 {
		t.Fatal(bad)
	}
	acts, bad, err := actors.Load(testFS)
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	verbs, bad, err := coding.LoadVerbs(testFS, codes)
	if err != nil || len(bad) > 0 {
		t.Fatal(err, bad)
	}
	return &coding.Coder{Parser: p, Actors: acts, Verbs: verbs, Codes: codes}
}

func brief(evs []parley.Event) string {
	var out []string
	for _, e := range evs {
		tgt := "-"
		if e.Target != nil {
			tgt = e.Target.Code
		}
		neg := ""
		if e.Negated {
			neg = "!"
		}
		out = append(out, fmt.Sprintf("%s %s%s %s %s", e.Source.Code, neg, e.CAMEO, tgt, e.Date))
	}
	return strings.Join(out, "; ")
}

func TestCodeRules(t *testing.T) {
	c := testCoder(t)
	for _, tc := range []struct{ name, text, want string }{
		{"subject verb object", "Russian troops attacked French forces.", "RUSMIL 190 FRAMIL 2019-06-15"},
		{"passive by-agent", "The Taliban was overthrown by the US-led coalition in 2001.", "USA 190 AFGINSTAL 2001"},
		{"relative clause skipped", "The US, which still holds a presence in Afghanistan, began talks with the Taliban in February.", "USA 046 AFGINSTAL 2019-02"},
		{"refusal", "The Taliban refused to sit at the same table with Afghan officials.", "AFGINSTAL 125 AFGGOV 2019-06-15"},
		{"negation", "Afghan officials did not meet the Taliban.", "AFGGOV !040 AFGINSTAL 2019-06-15"},
		{"participle subject", "However, with the Taliban rejecting the ceasefire, nothing moved.", "AFGINSTAL 1246 - 2019-06-15"},
		{"a place before a participle is not its subject", "Afghan officials marched through Moscow criticizing the Taliban.", "AFGGOV 111 AFGINSTAL 2019-06-15"},
		{"participle after comma", "The Taliban spoke, deeming the Afghan government illegitimate.", "AFGINSTAL 111 AFGGOV 2019-06-15"},
		{"compound subject meets both ways", "In February, Taliban representatives and Afghan officials met in Moscow.", "AFGINSTAL 040 AFGGOV 2019-02; AFGGOV 040 AFGINSTAL 2019-02"},
		{"dated role", "Former president Hamid Karzai criticized the Taliban.", "AFGELI 111 AFGINSTAL 2019-06-15"},
		{"role on the event's date", "In 2010, Karzai criticized the Taliban.", "AFGGOV 111 AFGINSTAL 2010"},
		{"infinitive wish is no event", "The aim was to convince the Taliban to meet Afghan officials.", ""},
		{"coordinated verbs share a subject", "Ghani visited Moscow on Monday and met Russian officials.", "AFGGOV 042 RUSGOV 2019-06-10; AFGGOV 040 RUSGOV 2019-06-10"},
		{"statement only alone; future attack is a threat", "Ghani said the army would attack the Taliban.", "AFGMIL 1384 AFGINSTAL 2019-06-15"},
		{"intent absorbs its verb", "The Taliban agreed to meet Afghan officials.", "AFGINSTAL 036 AFGGOV 2019-06-15"},
		{"won't meet is a refusal", "The Taliban won't meet Afghan officials.", "AFGINSTAL 125 AFGGOV 2019-06-15"},
		{"urged to meet is no meeting", "Ghani urged the Taliban to meet Afghan officials.", ""},
		{"group coreference", "The Taliban spoke. The group has refused to meet with the government.", "AFGINSTAL 125 AFGGOV 2019-06-15"},
		{"agent takes the article's country", "Afghan police arrested protesters in Kabul. The police arrested more protesters.", "AFGCOP 173 AFGCVL 2019-06-15; AFGCOP 173 AFGCVL 2019-06-15"},
		{"an act announced is the announcer's", "Russian troops announced the killing of Afghan officials.", "RUSMIL 190 AFGGOV 2019-06-15"},
		{"an act of no actor announced is no event", "Russian troops announced the killing of the project.", ""},
		{"a participle after 'and' in a subject modifies its noun", "The Taliban and attacked villagers met Afghan officials.", "AFGINSTAL 040 AFGGOV 2019-06-15"},
		{"a time is no pattern's preposition", "Afghan officials called a meeting on Friday.", ""},
		{"protesters act where they are", "Afghan police arrested protesters. Protesters attacked French troops in Moscow.", "AFGCOP 173 AFGCVL 2019-06-15; RUSCVL 190 FRAMIL 2019-06-15"},
		{"lower-case abbreviation is a word", "let us meet the Taliban.", ""},
		{"serial comma in a compound subject", "The US, Russia, and France met on Monday.", "USA 040 RUS 2019-06-10; RUS 040 USA 2019-06-10; USA 040 FRA 2019-06-10; FRA 040 USA 2019-06-10; RUS 040 FRA 2019-06-10; FRA 040 RUS 2019-06-10"},
		{"pro- names whom they support", "Afghan police arrested protesters. Pro-Russia protesters attacked Afghan troops.", "AFGCOP 173 AFGCVL 2019-06-15; AFGCVL 190 AFGMIL 2019-06-15"},
		{"agent shared by coordinated adjectives", "US and Afghan officials met the Taliban.", "USAGOV 040 AFGINSTAL 2019-06-15; AFGGOV 040 AFGINSTAL 2019-06-15"},
		{"country name is its own actor", "Russia and Afghan officials met the Taliban.", "RUS 040 AFGINSTAL 2019-06-15; AFGGOV 040 AFGINSTAL 2019-06-15"},
		{"compound subject acting together", "Russian and French troops attacked on Monday.", "RUSMIL 190 - 2019-06-10; FRAMIL 190 - 2019-06-10"},
		{"compound subject acting on each other", "Russian and Afghan troops clashed on Monday.", "RUSMIL 190 AFGMIL 2019-06-10; AFGMIL 190 RUSMIL 2019-06-10"},
		{"a place is not what a pair acts on", "Russian and Afghan troops clashed in Moscow on Monday.", "RUSMIL 190 AFGMIL 2019-06-10; AFGMIL 190 RUSMIL 2019-06-10"},
		{"reduced passive: the actor was acted on, by an unnamed attacker", "Three Afghan troops killed in the attack were buried on Monday.", "AFGUAF 190 AFGMIL 2019-06-10"},
		{"received: the giver is the source", "The Afghan army received weapons from Russia.", "RUS 072 AFGMIL 2019-06-15"},
		{"received from no one is no event", "The Afghan army received weapons.", ""},
		{"fire received from troops", "Afghan police came under fire from Russian troops.", "RUSMIL 193 AFGCOP 2019-06-15"},
		{"fire received from officials is criticism", "The plan came under fire from Afghan officials.", "AFGGOV 111 - 2019-06-15"},
		{"a quantity is no preposition", "Up to 100 Afghan protesters attacked French troops.", "AFGCVL 190 FRAMIL 2019-06-15"},
		{"said Y must do it is a demand, even with a mis-tagged verb", "A Russian minister said that the Taliban must attack Afghan troops.", "RUSGOV 100 AFGINSTAL 2019-06-15"},
		{"an ethnic group lives in the article's country", "Afghan police said ethnic Russians attacked Afghan troops.", "AFG 190 AFGMIL 2019-06-15"},
		{"a title in the text beats the dictionary's dates", "In 2010, President Ghani met Russian officials.", "AFGGOV 040 RUSGOV 2010"},
		{"a headline's present tense read as a noun", "Russia and France call on US to stop.", "RUS 020 USA 2019-06-15; FRA 020 USA 2019-06-15"},
		{"an option considered is no act", "Russia would consider attacking the Taliban.", ""},
		{"a participle between commas is passive", "The Afghan troops, attacked near Kabul on Monday, were buried.", ""},
		{"nominal gerund is no event", "The US has advised against travel to Russia after the museum shooting last week.", ""},
		{"scheduled is intent", "Ghani is scheduled to visit Moscow.", "AFGGOV 036 RUSGOV 2019-06-15"},
		{"a headline's verb read as a noun, with its object", "Russia criticizes Afghan officials", "RUS 111 AFGGOV 2019-06-15"},
		{"a weapon as the doer: unidentified armed forces of the place", "A car bomb in Kabul killed Afghan troops.", "AFGUAF 1832 AFGMIL 2019-06-15"},
		{"a bomb of no kind in the table keeps the verb's code", "A bomb in Kabul killed Afghan troops.", "AFGUAF 190 AFGMIL 2019-06-15"},
		{"a gerund the tagger reads as a verb is a weapon", "Shelling in Kabul killed Afghan troops.", "AFGUAF 190 AFGMIL 2019-06-15"},
		{"violence that broke out: the armed men of the place", "Fighting broke out in Kabul on Monday.", "AFGUAF 190 AFG 2019-06-10"},
		{"a protest that broke out: the civilians of the place, against its government", "Protests broke out in Kabul on Monday.", "AFGCVL 141 AFGGOV 2019-06-10"},
		{"violence that broke out between two actors: theirs", "Fighting broke out between Afghan troops and the Taliban on Monday.", "AFGMIL 190 AFGINSTAL 2019-06-10"},
		{"a protest broken up is no protest that happened", "Afghan police broke up protests in Kabul.", ""},
		{"what is handed over is not the target, its receiver is", "Russia handed over Taliban fighters to Afghan officials.", "RUS 063 AFGGOV 2019-06-15"},
		{"aircraft attack from the air", "Russian warplanes attacked Afghan troops.", "RUS 195 AFGMIL 2019-06-15"},
		{"a weapon's user by a participle's by-agent", "A car bomb planted by the Taliban killed Afghan troops.", "AFGINSTAL 1832 AFGMIL 2019-06-15"},
		{"joined forces: no one's troops", "Russia and France joined forces on Monday.", "RUS 060 FRA 2019-06-10; FRA 060 RUS 2019-06-10"},
		{"a verb after an actor's adjective is no modifier", "The Afghan military attacked Russian troops.", "AFGMIL 190 RUSMIL 2019-06-15"},
		{"a demand about captives is made of their holder", "Russia demanded the release of Afghan officials held by the Taliban.", "RUS 1053 AFGINSTAL 2019-06-15"},
		{"a participle's patient may be a preposition's object", "NATO met with Afghan officials arrested by the Taliban.", "IGOWSTNAT 040 AFGGOV 2019-06-15; AFGINSTAL 173 AFGGOV 2019-06-15"},
		{"troops arriving are deployed", "A convoy of Russian troops arrived in Kabul.", "RUSMIL 154 AFG 2019-06-15"},
		{"a delegation arriving visits", "A Russian delegation arrived in Kabul.", "RUSGOV 042 AFGGOV 2019-06-15"},
		{"a verb coordinated with a passive is passive", "In Kabul, Afghan officials said 20 people were killed or attacked.", "AFGGOV 010 - 2019-06-15"},
		{"a noun phrase's modifying nouns keep its preposition", "Afghan officials were arrested by the Kabul city police and will meet the Taliban.", "AFGCOP 173 AFGGOV 2019-06-15; AFGGOV 036 AFGINSTAL 2019-06-15"},
		{"'and both' is the last pair", "Russia and France met in Kabul, and both criticized the Taliban.", "RUS 040 FRA 2019-06-15; FRA 040 RUS 2019-06-15; RUS 111 AFGINSTAL 2019-06-15; FRA 111 AFGINSTAL 2019-06-15"},
		{"'and both' of no pair named is no one", "Karimov met Nazarbayev in Kabul with Russia, and both criticized the Taliban.", ""},
		{"the withdrawal of troops is theirs", "The withdrawal of Russian troops from Kabul began on Monday.", "RUSMIL 0874 AFG 2019-06-10"},
		{"workers withdrawing reduce relations, only armed men retreat", "Russian workers withdrew from Kabul.", "RUSLAB 166 AFG 2019-06-15"},
		{"a name's word is no negation", "Doctors Without Borders withdrew from Kabul.", "NGOMSF 166 AFG 2019-06-15"},
		{"a coercive passive in no place: the article's country", "Afghan officials spoke on Monday. Fifty protesters had been arrested.", "AFGCOP 173 AFGCVL 2019-06-15"},
		{"the demonyms of a country are its people", "The Afghans of Russia criticized the Taliban.", "RUS 111 AFGINSTAL 2019-06-15"},
		{"a foreign minister is his own country's", "Russia met France. The foreign minister criticized the Taliban.", "RUS 040 FRA 2019-06-15; RUSGOV 111 AFGINSTAL 2019-06-15"},
		{"a person named gives the article its country", "Ghani criticized the government.", "AFGGOV 111 - 2019-06-15"},
		{"the two who met are 'the two leaders'", "Ghani met Karzai in Moscow, and the two leaders criticized the Taliban.", "AFGGOV 040 AFGELI 2019-06-15; AFGGOV 111 AFGINSTAL 2019-06-15; AFGELI 111 AFGINSTAL 2019-06-15"},
		{"the agent of a country is the subject, not the country", "The president of Afghanistan criticized the Taliban.", "AFGGOV 111 AFGINSTAL 2019-06-15"},
		{"armed men deployed are their own state's deployment", "Russian troops were deployed to Kabul.", "RUSMIL 154 AFGGOV 2019-06-15"},
		{"a curfew lifted with no agent: the government of the place", "A curfew was lifted in Kabul.", "AFGGOV 0813 AFG 2019-06-15"},
		{"an irregular past read as a noun after its subject is the verb", "The Russian army withdrew from Kabul on Friday.", "RUSMIL 0874 AFG 2019-06-14"},
		{"a verb the lemmatizer does not know", "Afghan officials unblocked Twitter.", "AFGGOV 0811 - 2019-06-15"},
		{"killed by a weapon, passive", "Afghan troops were killed by a roadside bomb.", "AFGUAF 1833 AFGMIL 2019-06-15"},
		{"a weapon's user named after by", "Afghan troops were killed in an air strike by Russian forces.", "RUSMIL 190 AFGMIL 2019-06-15"},
		{"an arrest in the passive: the police of the place", "Afghan protesters were arrested in Kabul on Monday.", "AFGCOP 173 AFGCVL 2019-06-10"},
		{"an arrest in the passive, of no known place", "Some protesters were arrested on Monday.", ""},
		{"an arrest that is not told as done", "Protesters could be arrested in Kabul.", ""},
		{"the object before a passive verb", "New sanctions were imposed on Afghanistan by Russia.", "RUS 163 AFG 2019-06-15"},
		{"the object before a passive verb, no agent: the state of the place", "A curfew was imposed in Kabul on Monday.", "AFGGOV 1723 AFG 2019-06-10"},
		{"a compound subject with a determiner, and a floating quantifier", "Russia and the US have both criticized the Taliban.", "RUS 111 AFGINSTAL 2019-06-15; USA 111 AFGINSTAL 2019-06-15"},
		{"a crowd protests: the civilians of the place", "Thousands protested in Kabul on Monday.", "AFGCVL 141 AFGGOV 2019-06-10"},
		{"a crowd at no known place", "Thousands protested on Monday.", ""},
		{"an exchange between the subjects, both ways", "Russia and Afghanistan exchanged 95 prisoners on Friday.", "RUS 0841 AFG 2019-06-14; AFG 0841 RUS 2019-06-14"},
		{"a denied clause is no event", "Russia denied that it had supplied weapons to the Taliban.", "RUS 016 - 2019-06-15"},
		{"a clause denied without that is no event", "Russia denied its troops had attacked the Taliban.", "RUS 016 - 2019-06-15"},
		{"a progressive denied without that is no event", "Russia denies its troops are attacking the Taliban.", "RUS 016 - 2019-06-15"},
		{"observers from an actor are the actor's", "Observers from NATO criticized Russia.", "IGOWSTNAT 111 RUS 2019-06-15"},
		{"what someone is acquitted of is no event", "An Afghan court acquitted Russian troops of attacking the Taliban.", ""},
		{"a reduced relative 'accused of' is the accused, not the accuser", "Russia deported Afghan officials accused of spying.", "RUS 174 AFGGOV 2019-06-15"},
		{"a verb after a denial and \"and\" is done", "Russia denied the Taliban's request and attacked Afghan troops.", "RUS 190 AFGMIL 2019-06-15"},
		{"killed in an accident: no attack", "Afghan soldiers were killed in a helicopter crash near Kabul on Monday.", ""},
		{"a reduced relative killed in a crash: no attack", "Ghani met the families of Afghan soldiers killed in the crash in Kabul.", "AFGGOV 040 AFG 2019-06-15"},
		{"fire from troops is gunfire, not a blaze", "Afghan protesters were killed by fire from Russian troops in Kabul.", "RUSMIL 190 AFGCVL 2019-06-15"},
		{"a reduced relative read as a past tense: the first phrase was acted on", "Afghan students arrested in Kabul were released.", "AFGGOV 0841 - 2019-06-15"},
		{"a past tense before a place and a passive after \"and\" is done", "Afghan students protested in Kabul and were arrested.", "AFGEDU 141 AFGGOV 2019-06-15; AFGCOP 173 - 2019-06-15"},
		{"what someone is accused of is no event", "Afghan protesters accused Russian troops of attacking the Taliban.", "AFGCVL 112 RUSMIL 2019-06-15"},
		{"negation ends at a new verb phrase", "Ghani will not attack the Taliban and has met Russian officials.", "AFGGOV !190 AFGINSTAL 2019-06-15; AFGGOV 040 RUSGOV 2019-06-15"},
		{"they opens a sentence: the previous sentence's plural actor", "Afghan protesters gathered in Kabul. They accused Russian troops of attacking the Taliban.", "AFGCVL 112 RUSMIL 2019-06-15"},
		{"a condition is no event", "If Russia attacks the Taliban, Afghan troops will respond.", ""},
		{"a participle shares the subject after a headline's colon", "Afghanistan: Russian troops attacked Kabul, killing Taliban fighters.", "RUSMIL 190 AFGGOV 2019-06-15; RUSMIL 190 AFGINSTAL 2019-06-15"},
		{"a state's protest is words", "Russia protested against Afghan troops.", "RUS 111 AFGMIL 2019-06-15"},
		{"a broker is no target", "Russia and Afghanistan met in talks hosted by France.", "RUS 040 AFG 2019-06-15; AFG 040 RUS 2019-06-15"},
		{"a sea named for a country is a place", "Russian troops attacked Afghan forces in the South France Sea.", "RUSMIL 190 AFGMIL 2019-06-15"},
		{"an agent placed in a country belongs to it", "Russian troops attacked police in Afghanistan.", "RUSMIL 190 AFGCOP 2019-06-15"},
		{"a past verb read as an adjective after a name", "Troops in Afghanistan attacked Taliban forces.", "AFGMIL 190 AFGINSTAL 2019-06-15"},
		{"the two sides are the last pair named", "Russia and Afghanistan met in Kabul. The two sides criticized the Taliban.", "RUS 040 AFG 2019-06-15; AFG 040 RUS 2019-06-15; RUS 111 AFGINSTAL 2019-06-15; AFG 111 AFGINSTAL 2019-06-15"},
		{"both sides: a pair of agents", "Afghan troops and the Taliban clashed on Monday. Both sides criticized Russia.", "AFGMIL 190 AFGINSTAL 2019-06-10; AFGINSTAL 190 AFGMIL 2019-06-10; AFGMIL 111 RUS 2019-06-15; AFGINSTAL 111 RUS 2019-06-15"},
		{"both sides in a country with no pair named before: the country's", "Both sides in Afghanistan criticized Russia.", "AFG 111 RUS 2019-06-15"},
		{"the two countries are no pair of agents", "Afghan troops and Russian police clashed on Monday. The two countries criticized France.", "AFGMIL 190 RUSCOP 2019-06-10; RUSCOP 190 AFGMIL 2019-06-10"},
		{"each other: both ways", "Russia and France criticized each other.", "RUS 111 FRA 2019-06-15; FRA 111 RUS 2019-06-15"},
		{"the agents a pattern sends are the subject's own", "Russia sent a delegation to Kabul.", "RUS 042 AFGGOV 2019-06-15"},
		{"who is sent is not the target of a conveying verb", "Russia sent Afghan officials to Kabul.", "RUS 042 AFGGOV 2019-06-15"},
		{"a nominal event with a possessive doer", "Russia's attack on Afghan troops ended on Monday.", "RUS 190 AFGMIL 2019-06-10"},
		{"a nominal event with its doer after by", "The arrest of Afghan protesters by Russian troops angered Ghani.", "RUSMIL 173 AFGCVL 2019-06-15"},
		{"a nominal event demanded is no event", "Ghani demanded Russia's attack on the Taliban.", ""},
		{"a generic nominal is no event", "Afghanistan saw a rise in Russian attacks.", ""},
		{"a past verb read as an adjective", "NATO imposed sanctions on Afghanistan.", "IGOWSTNAT 163 AFG 2019-06-15"},
		{"a headline's weapon subject", "Car Bomb in Kabul Kills Afghan Troops", "AFGUAF 1832 AFGMIL 2019-06-15"},
		{"a headline's passive without its auxiliary", "Curfew Imposed in Kabul", "AFGGOV 1723 AFG 2019-06-15"},
		{"a third-person verb read as an adjective", "Russia lifts sanctions against Afghanistan.", "RUS 085 AFG 2019-06-15"},
		{"a title-case headline", "Taliban Criticize Afghan Officials Over Talks", "AFGINSTAL 111 AFGGOV 2019-06-15"},
		{"a headline's verb read as a noun, without an object", "Russia criticizes violence in Kabul", "RUS 111 AFG 2019-06-15"},
		{"a strike launched by workers is a walkout", "Afghan workers launched a strike on Monday.", "AFGLAB 143 AFGGOV 2019-06-10"},
		{"a strike begun by troops is an attack", "Russian troops began a strike on Afghan forces.", "RUSMIL 190 AFGMIL 2019-06-15"},
		{"a crowd participle describes the actor", "Afghan police dispersed striking workers.", "AFGCOP 175 AFGLAB 2019-06-15"},
		{"the actor after by in a hyphenated nominal is its target", "Afghan police dispersed a sit-in by workers.", "AFGCOP 175 AFGLAB 2019-06-15"},
		{"protest as the purpose of a gathering", "Afghan students gathered outside the ministry for hours to protest.", "AFGEDU 141 AFGGOV 2019-06-15"},
		{"an infinitive protest urged is no protest", "Ghani asked Afghan students to protest.", ""},
		{"hyphenated verb read as an adjective", "Afghan police tear-gassed protesters.", "AFGCOP 175 AFGCVL 2019-06-15"},
		{"hyphenated passive with a by-agent", "Afghan protesters were tear-gassed by police.", "AFGCOP 175 AFGCVL 2019-06-15"},
		{"buildings burnt by protesters are a violent protest", "Afghan rioters set fire to the ministry.", "AFGOPP 145 AFGGOV 2019-06-15"},
		{"a participle in an apposition does not take the phrase before it as its doer", "Karzai, a member of the Taliban movement arrested in 2001, met Russian officials.", "AFGELI 040 RUSGOV 2001"},
		{"people counted by a number are a crowd", "About 500 people protested in Kabul.", "AFGCVL 141 AFGGOV 2019-06-15"},
		{"a crowd of no named place is of the article's country", "Afghan police arrested a journalist. Hundreds protested outside the ministry.", "AFGCOP 173 - 2019-06-15; AFGCVL 141 AFGGOV 2019-06-15"},
		{"a complaint made to someone is about whom it names", "Afghanistan complained to NATO over Russian attacks.", "AFG 111 RUS 2019-06-15"},
		{"what someone urges that another do is not done", "Ghani urged that Russian troops attack the Taliban.", ""},
		{"a demand that another do something is the demand's owner's", "Ghani repeated his demand that Russian troops attack the Taliban.", "AFGGOV 100 RUSMIL 2019-06-15"},
		{"a threat is aimed at the subject of its condition", "The Taliban threatened to attack unless Russian troops left.", "AFGINSTAL 1384 RUSMIL 2019-06-15"},
		{"an act ordered is done by who orders it", "Ghani ordered Afghan troops to attack the Taliban.", "AFGGOV 190 AFGINSTAL 2019-06-15"},
		{"a hostile act the doer could take is a threat", "Russia could attack Afghan forces.", "RUS 1384 AFGMIL 2019-06-15"},
		{"a hostile act a weapon could do is no event", "The bomb could kill Afghan troops.", ""},
		{"a protest in a foreign capital targets the government of the place", "Russian students protested in Kabul.", "RUSEDU 141 AFGGOV 2019-06-15"},
		{"a measure's owner lifts it in the passive", "NATO sanctions on Russia were lifted.", "IGOWSTNAT 085 RUS 2019-06-15"},
		{"released with no agent: by the state of the place", "Afghan protesters were released in Kabul.", "AFGGOV 0841 AFGCVL 2019-06-15"},
		{"deported with no agent: by the state left", "Afghan workers were deported from Russia.", "RUSGOV 174 AFGLAB 2019-06-15"},
		{"deported from no named place: no event", "Afghan workers were deported.", ""},
		{"a protest's place, then whom it is against", "Afghan students protested in Paris against Ghani.", "AFGEDU 141 AFGGOV 2019-06-15"},
		{"a protest in the protesters' own country targets its government", "Afghan workers went on strike in Afghanistan.", "AFGLAB 143 AFGGOV 2019-06-15"},
		{"the members of a group named as a target are the group", "Russia criticized officials of the Taliban.", "RUS 111 AFGINSTAL 2019-06-15"},
		{"a spokesman for a group speaks for it", "A spokesman for the Taliban criticized Russia.", "AFGINSTAL 111 RUS 2019-06-15"},
		{"an igo: pattern is an organisation's act on a member", "NATO expelled Afghanistan.", "IGOWSTNAT 166 AFG 2019-06-15"},
		{"an igo: pattern done by a state codes nothing", "Russia expelled Afghanistan.", ""},
		{"an igo: pattern on what a member owns codes nothing", "NATO expelled Afghanistan's funds.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRule(t, c, tc.text, tc.want) })
	}
}

// TestBuiltinRules checks rules that need the built-in dictionaries'
// patterns (compound event nouns, weapons).
func TestBuiltinRules(t *testing.T) {
	c := newCoder(t)
	for _, tc := range []struct{ name, text, want string }{
		{"a pair that urges both sides is not the sides: the pair named before", "Armenia and Azerbaijan clashed on Monday. The United States and France urged both sides to exercise restraint.", "ARM 190 AZE 2019-06-10; AZE 190 ARM 2019-06-10; USA 0256 ARM 2019-06-15; USA 0256 AZE 2019-06-15; FRA 0256 ARM 2019-06-15; FRA 0256 AZE 2019-06-15"},
		{"the two countries with no pair named: the article's two", "India expelled Pakistani diplomats. India blamed Pakistan for the attack. Islamabad expelled an Indian diplomat. The two countries have fought three wars.", "IND 161 PAKGOV 2019-06-15; IND 1123 PAK 2019-06-15; PAKGOV 161 INDGOV 2019-06-15; IND 190 PAK 2019-06-15; PAK 190 IND 2019-06-15"},
		{"a finite verb after and does not share an infinitive's subject", "Pakistan ordered an Indian diplomat to leave the country and closed its airspace to Indian airlines.", "PAK 161 INDGOV 2019-06-15; PAK 172 INDBUS 2019-06-15"},
		{"an accusation after and shares the subject of said, not of the reported clause", "Russia's defence ministry said its forces had destroyed 28 Ukrainian drones and accused Kyiv of targeting civilians.", "RUSMIL 1712 UKR 2019-06-15; RUSGOV 112 UKRGOV 2019-06-15"},
		{"a noun labelled by call is no event of the caller; calling it baseless is criticism", "Pakistan called the expulsions \"baseless and provocative\".", "PAK 111 - 2019-06-15"},
		{"calling an offensive a declaration of war is criticism", "Congo called the offensive \"a declaration of war\".", "COD 111 - 2019-06-15"},
		{"calling an agreement a step is praise, no signing", "Afghanistan's Foreign Ministry called the agreement \"a significant step\" towards peace.", "AFGGOV 051 - 2019-06-15"},
		{"police calling a protest illegal criticise it, no protest of theirs", "German police called the protest \"illegal\".", "DEUCOP 111 - 2019-06-15"},
		{"that faction is the last group named", "The army clashed with FARC dissidents. The government suspended talks with that faction in March.", "COLMIL 190 COLREBFAR 2019-06-15; COLGOV 164 COLREBFAR 2019-03"},
		{"a kidnapped father is a civilian", "ELN rebels kidnapped the father of a footballer in Colombia.", "COLREBELN 181 COLCVL 2019-06-15"},
		{"promising to suspend kidnappings is intent to de-escalate", "The ELN also promised to suspend kidnappings for ransom, a demand that President Ghani had made a condition for continuing the negotiations.", "COLREBELN 0356 - 2019-06-15"},
		{"suspending kidnappings de-escalates", "The ELN suspended kidnappings in Colombia.", "COLREBELN 087 COL 2019-06-15"},
		{"a participle after before is the clause subject's", "ELN rebels kidnapped a Colombian mayor and held him for 12 days before releasing him.", "COLREBELN 181 COLGOV 2019-06-15; COLREBELN 0841 - 2019-06-15"},
		{"what an attack did after a comma is the attack", "Russia launched drones at Ukraine overnight, damaging energy facilities in Kyiv.", "RUS 1952 UKR 2019-06-15"},
		{"victims named after a comma are an event of their own", "Israeli troops shelled Hamas positions, killing five Palestinian civilians.", "ISRMIL 194 PSEINSHMS 2019-06-15; ISRMIL 190 PSECVL 2019-06-15"},
		{"what a speaker says it must do is no demand", "Rwanda says it must protect its border.", "RWA 010 - 2019-06-15"},
		{"a role in supporting someone is no support by the subject", "The United States imposed sanctions on a Rwandan army officer over his alleged role in supporting the rebels.", "USA 163 RWAMIL 2019-06-15"},
		{"members after an organisation are its members", "The UN Security Council met on Saturday. Several members condemned the rebel advance and demanded that Rwandan forces withdraw.", "IGOUNO 040 - 2019-06-15; IGOUNO 111 RWAREB 2019-06-15; IGOUNO 1056 RWAMIL 2019-06-15"},
		{"soldiers placed in the sentence are that place's, not the article's", "Pakistan expelled an Indian diplomat. Pakistan closed its airspace. Militants killed 11 soldiers in an ambush in Jammu and Kashmir.", "PAK 161 INDGOV 2019-06-15; PAK 172 - 2019-06-15; INDINS 190 INDMIL 2019-06-15"},
		{"what a plan would have happen is no event", "France proposed a plan under which Hezbollah fighters would withdraw from the border.", "FRA 030 - 2019-06-15"},
		{"who after a comma is the one just named, even after by", "North Korea rejected a statement by the United States, who called the launch reckless.", "PRK 120 USA 2019-06-15; USA 111 PRK 2019-06-15"},
		{"rebels talking in a capital are not its", "Colombia's government and the rebels resumed peace talks in Havana.", "COLGOV 046 COLREB 2019-06-15; COLREB 046 COLGOV 2019-06-15"},
		{"arming a named group is military aid", "Rwanda said Congo was arming the FDLR.", "COD 072 CODREBFDL 2019-06-15"},
		{"an outsider urging both parties: the pair of the conflict, however long ago named", "The army and the RSF signed a truce in Sudan. The truce held. Fighting stopped. Aid arrived. The United Nations urged both parties to talk.", "SDNMIL 0871 SDNREBRSF 2019-06-15; SDNREBRSF 0871 SDNMIL 2019-06-15; IGOUNO 026 SDNMIL 2019-06-15; IGOUNO 026 SDNREBRSF 2019-06-15"},
		{"a pair that hosts talks hosts them together, not each other", "Cuba and Norway hosted the talks.", "CUB 043 - 2019-06-15; NOR 043 - 2019-06-15"},
		{"a second measure with no one named: the country of the first's target", "India expelled two Pakistani diplomats and suspended cross-border trade.", "IND 161 PAKGOV 2019-06-15; IND 163 PAK 2019-06-15"},
		{"calling an act baseless aims at whoever did the act before", "India expelled two Pakistani diplomats. Pakistan called the expulsions \"baseless\".", "IND 161 PAKGOV 2019-06-15; PAK 111 IND 2019-06-15"},
		{"the bloc is the last organisation named", "NATO met on Monday. The bloc imposed sanctions on Russia.", "IGOWSTNAT 040 - 2019-06-10; IGOWSTNAT 163 RUS 2019-06-15"},
		{"how a sanction is applied, after a comma, is the sanction", "ECOWAS imposed sanctions on Niger, cutting off electricity supplies.", "IGOAFRECW 163 NER 2019-06-15"},
		{"calling a strike still calls it", "Unions called a general strike on Monday.", "LAB 143 - 2019-06-10"},
		{"a compound event noun's doer: an air strike is no labour strike", "A Saudi air strike killed Yemeni soldiers.", "SAU 195 - 2019-06-15; SAU 190 YEMMIL 2019-06-15"},
		{"dying is no event, what killed is", "Yemeni soldiers died in a Saudi air strike.", "SAU 195 - 2019-06-15"},
		{"killed by a disaster: no attack", "Twelve jade miners were killed by a landslide in Myanmar's Kachin state.", ""},
		{"killed by a named storm: no attack", "Dozens of people were killed by Cyclone Freddy in Malawi.", ""},
		{"a people named by its demonym after a country's adjective lives in that country", "Bosnian Serbs demanded a ceasefire with Bosnian army forces.", "BIH 1056 BIHMIL 2019-06-15"},
		{"an extradition approved is judicial cooperation, not praise", "A Dutch court approved the extradition of a suspected militant to France.", "NLDJUD 063 FRA 2019-06-15"},
		{"a suspension of aid announced is aid cut", "Denmark announced a suspension of aid to Egypt.", "DNK 162 EGY 2019-06-15"},
		{"a light verb further back across an amount", "The Pentagon announced a new $2 billion aid package for Ukraine.", "USAMILDOD 070 UKR 2019-06-15"},
		{"an irregular past the tagger read as an adjective, after its subject", "Rebels fought government troops in Mali.", "MLIREB 190 MLIMIL 2019-06-15"},
		{"men belonging to a group are the group's, and a clause after after is theirs", "Police fled after gangs belonging to the Viv Ansanm coalition torched homes in Haiti and fought police.", "HTICRMVIV 1712 HTI 2019-06-15; HTICRMVIV 190 HTICOP 2019-06-15"},
		{"a past tense after a day, read as an adjective, is the verb", "The United States on Thursday imposed sanctions on Venezuelan officials.", "USA 163 VENGOV 2019-06-13"},
		{"a pattern's words may stand further apart across a noun phrase", "The UAE lifted the pre-existing trade and travel restrictions on Israel.", "ARE 081 ISR 2019-06-15"},
		{"but not across a clause", "Argentine protesters blocked roads to protest against austerity measures.", "ARGOPP 144 ARGGOV 2019-06-15"},
		{"condemning the arrests aims at who made the arrests before", "Kosovo police arrested three Serbian nationals on Tuesday. Belgrade condemned the arrests.", "XKXCOP 173 SRBCVL 2019-06-11; SRBGOV 111 XKXCOP 2019-06-15"},
		{"rejecting the measures aims at who imposed the sanctions before", "The United States imposed sanctions on Venezuelan officials. Caracas rejected the measures.", "USA 163 VENGOV 2019-06-15; VENGOV 120 USA 2019-06-15"},
		{"a release is demanded of who arrested the men", "Kosovo police arrested three Serbian nationals on Tuesday. Belgrade demanded the release of the men.", "XKXCOP 173 SRBCVL 2019-06-11; SRBGOV 1053 XKXCOP 2019-06-15"},
		{"him is the last person named, not the subject of the verb before it", "Spanish Prime Minister Pedro Sanchez received opposition candidate Edmundo Gonzalez and said Spain would grant him asylum.", "ESP 033 VENOPP 2019-06-15"},
		{"a surname alone is the person named before with it", "Opposition candidate Edmundo Gonzalez arrived in Madrid. Spain granted Gonzalez asylum.", "VENOPP 042 ESPGOV 2019-06-15; ESP 075 VENOPP 2019-06-15"},
		{"his before an act done to a person is the last person named", "Opposition candidate Edmundo Gonzalez arrived in Madrid. A Caracas court had issued a warrant for his arrest.", "VENOPP 042 ESPGOV 2019-06-15; VENJUD 173 VENOPP 2019-06-15"},
		{"them is the last plural actor before it, not the verb's subject", "Kosovo police arrested three Serbian nationals, accusing them of smuggling weapons.", "XKXCOP 173 SRBCVL 2019-06-15; XKXCOP 1121 SRBCVL 2019-06-15"},
		{"them is not the subject of the verb before it", "The rebels said government troops had attacked them.", "MIL 190 REB 2019-06-15"},
		{"him is not the subject of the verb before it", "Opposition leader Edmundo Gonzalez said President Nicolas Maduro had threatened him.", "VENGOV 130 VENOPP 2019-06-15"},
		{"people an attack kills are the civilians of the place, as in the passive", "A Myanmar military air strike killed at least 31 people in a village in Myanmar.", "MMRMIL 190 MMR 2019-06-15"},
		{"people killed after a comma are the attack's own doing", "Insurgents bombarded a government-held part of Syria's second city Aleppo overnight, killing at least eight people.", "SYRINS 194 SYR 2019-06-15"},
		{"soldiers an attack kills are no civilians", "A Saudi air strike killed at least 12 soldiers in Yemen.", "SAU 195 - 2019-06-15; SAU 190 YEMMIL 2019-06-15"},
		{"a threatener's own pronoun is no target: the condition's subject is", "Washington warned that it would seek further sanctions if Iran failed to honour its promises.", "USAGOV 130 IRN 2019-06-15"},
		{"agents from both sides with no pair named are the article's two countries, and them is both", "Kosovo police arrested three Serbian nationals. Belgrade condemned the arrests. Serbia put its army on alert. Serbian officials protested. Serbian President Aleksandar Vucic spoke. Kosovo's government criticised Belgrade. The EU envoy arrived in Kosovo. The EU envoy met negotiators from both sides and urged them to avoid unilateral steps.", "XKXCOP 173 SRBCVL 2019-06-15; SRBGOV 111 XKXCOP 2019-06-15; SRB 152 - 2019-06-15; SRBGOV 111 - 2019-06-15; SRBGOV 010 - 2019-06-15; XKXGOV 111 SRBGOV 2019-06-15; IGOEUREEC 042 XKX 2019-06-15; IGOEUREEC 040 XKXGOV 2019-06-15; IGOEUREEC 040 SRBGOV 2019-06-15; IGOEUREEC 0241 XKX 2019-06-15; IGOEUREEC 0241 SRB 2019-06-15"},
		{"an office named with a person's name is a person for he, with the office's country", "Imran Khan's party said its lawmakers were detained. Interior Minister Mohsin Naqvi said he would arrest the party's leaders.", "PAKCOP 173 PAKLEG 2019-06-15; PAKGOV 137 PAKPTY 2019-06-15"},
		{"the men are the people last acted on; their release is asked of who arrested them", "Kosovo police arrested three Serbian nationals on Tuesday. Serbia's president said the three detainees were innocent and demanded their release.", "XKXCOP 173 SRBCVL 2019-06-11; SRBGOV 1053 XKXCOP 2019-06-15"},
		{"the men who did something are no reference back", "Kosovo police arrested three Serbian nationals on Tuesday. The men who attacked the patrol fled.", "XKXCOP 173 SRBCVL 2019-06-11"},
		{"a verb written with re- and a hyphen is the verb without it", "Ethiopia re-opened its border with Eritrea.", "ETH 0872 ERI 2019-06-15"},
		{"people abused are assaulted", "Kenyan police abused protesters.", "KENCOP 182 KENOPP 2019-06-15"},
		{"power abused is no assault", "The Kenyan minister abused his power.", ""},
		{"a region's adjective names the region (CAMEO's regional codes), not the article's country", "Russia attacked Ukraine. European leaders condemned Russia.", "RUS 190 UKR 2019-06-15; EURGOV 111 RUS 2019-06-15"},
		{"a region has no government to protest against", "European farmers protested.", "EURAGR 141 - 2019-06-15"},
		{"a country's flags are a symbol, not the country", "British protesters waved Palestinian flags outside the Israeli embassy in London.", "GBROPP 141 ISRGOV 2019-06-15"},
		{"his forces are the forces of the armed group he leads", "In May 2024, Mohamed Hamdan Dagalo said his forces would attack the army in Sudan.", "SDNREBRSF 1384 SDNMIL 2024-05"},
		{"their forces are the forces of the group", "The Taliban said their fighters attacked the army in Kandahar.", "AFGINSTAL 190 AFGMIL 2019-06-15"},
		{"its envoy is the envoy of the country that speaks", "Malaysia said its special envoy had met Myanmar's junta chief.", "MYSGOV 040 MMRMIL 2019-06-15"},
		{"its soldiers are the army's that said it", "The Congolese army said its soldiers clashed with M23 rebels.", "CODMIL 190 CODREBM23 2019-06-15"},
		{"the bloc is the organisation of states named before", "ECOWAS warned Niger. The bloc imposed sanctions on Niger.", "IGOAFRECW 130 NER 2019-06-15; IGOAFRECW 163 NER 2019-06-15"},
		{"a state's ships blocking a mission restrict movement", "Chinese vessels blocked a resupply mission to Philippine troops.", "CHN 191 PHLMIL 2019-06-15"},
		{"a partnership suspended reduces relations", "The United States suspended its strategic partnership with Georgia.", "USA 160 GEO 2019-06-15"},
		{"agreements revoked reduce relations", "Niger revoked military cooperation agreements with France.", "NER 160 FRA 2019-06-15"},
		{"a pair that says it after a comma is not the pair the sentence is about", "The army and the RSF signed a truce in Sudan, Saudi Arabia and the United States said. Fighting between the two sides erupted on Monday.", "SDNMIL 0871 SDNREBRSF 2019-06-15; SDNREBRSF 0871 SDNMIL 2019-06-15; SDNMIL 190 SDNREBRSF 2019-06-10"},
		{"a pair named again reaches on", "The army and the RSF signed a truce in Sudan. The two sides met. The truce held. Russia urged both parties to talk.", "SDNMIL 0871 SDNREBRSF 2019-06-15; SDNREBRSF 0871 SDNMIL 2019-06-15; SDNMIL 040 SDNREBRSF 2019-06-15; SDNREBRSF 040 SDNMIL 2019-06-15; RUS 026 SDNMIL 2019-06-15; RUS 026 SDNREBRSF 2019-06-15"},
		{"both sides urged by a pair are another pair", "Russia and Ukraine traded accusations. Turkey and Qatar urged both sides to hold talks.", "RUS 112 UKR 2019-06-15; UKR 112 RUS 2019-06-15; TUR 026 RUS 2019-06-15; TUR 026 UKR 2019-06-15; QAT 026 RUS 2019-06-15; QAT 026 UKR 2019-06-15"},
		{"fighting between two actors that broke out: theirs", "Fighting between Afghan troops and the Taliban broke out on Monday.", "AFGMIL 190 AFGINSTAL 2019-06-10"},
		{"fighting between the pair named before", "The army and the RSF signed a truce in Sudan. Fighting between the two sides erupted on Monday.", "SDNMIL 0871 SDNREBRSF 2019-06-15; SDNREBRSF 0871 SDNMIL 2019-06-15; SDNMIL 190 SDNREBRSF 2019-06-10"},
		{"one actor named twice in a compound subject is no pair", "President Ghani and the Taliban leader, Haibatullah Akhundzada, signed a ceasefire agreement.", "AFGGOV 0871 AFGINSTAL 2019-06-15; AFGINSTAL 0871 AFGGOV 2019-06-15"},
		{"an adjective between the and a phrase of a compound subject", "The army and the paramilitary Rapid Support Forces signed a truce in Sudan.", "SDNMIL 0871 SDNREBRSF 2019-06-15; SDNREBRSF 0871 SDNMIL 2019-06-15"},
		{"a country's adjective before a place noun is where, not whom", "Russia signed an agreement in the Saudi city of Jeddah.", "RUS 057 - 2019-06-15"},
		{"pressure faced from someone is their demand", "The Afghan government came under pressure from the IMF to cut subsidies.", "IGOWLDIMF 100 AFGGOV 2019-06-15"},
		{"a participle before for is a reduced relative, no act of its noun", "Afghan activists jailed for protesting against Ghani were freed on Monday.", "AFGGOV 0841 - 2019-06-10"},
		{"killed by a crash named at length: no attack", "Victims were killed by the Malaysia Airlines flight MH17 crash in Ukraine.", ""},
		{"people killed: the civilians of the place", "Eight people were killed in an air strike by Russian forces in Syria.", "RUSMIL 190 SYRCVL 2019-06-15"},
		{"people killed by a foreign force of no known place: no one's civilians", "Three children were killed in a Russian air strike.", "RUS 190 - 2019-06-15"},
		{"a weapon's user after a chain of participles", "The mayor was killed by a missile believed to have been fired by Syrian troops.", "SYRMIL 190 SYRGOV 2019-06-15"},
		{"a maker's name before a model number is an aircraft", "A Boeing 737 was shot down by Iranian forces.", "IRNMIL 193 - 2019-06-15"},
		{"after a clause's subject: its doer, not the speaker", "UN troops withdrew, an AFP correspondent said, two weeks after Syrian rebels kidnapped dozens of soldiers.", "IGOUNO 0874 - 2019-06-15; SYRREB 181 SYRMIL 2019-06-15"},
		{"a news agency is not the article's country", "An AFP correspondent in Damascus said rebels kidnapped dozens of soldiers.", "SYRREB 181 SYRMIL 2019-06-15"},
		{"a pair that signs: each signs with the other", "Israel and the United Arab Emirates signed a peace agreement on Monday.", "ISR 057 ARE 2019-06-10; ARE 057 ISR 2019-06-10"},
		{"allowing people to return home is a release", "Israel allowed displaced Palestinians to return to northern Gaza.", "ISR 0841 PSE 2019-06-15"},
		{"accepting a formula is agreeing", "Armenia accepted a formula for ending the dispute with Azerbaijan.", "ARM 030 AZE 2019-06-15"},
		{"suspended from an organisation, in the passive: by the organisation", "Mali was suspended from the African Union after the coup.", "IGOAFRAFU 160 MLI 2019-06-15"},
		{"expelled from an organisation, in the passive: ties cut", "Russia was expelled from the Council of Europe.", "IGOEURCOE 160 RUS 2019-06-15"},
		{"opening a criminal case is investigating a crime", "Belarus opened a criminal case against a Polish journalist.", "BLR 091 POLMED 2019-06-15"},
		{"challenging an election's result in court is a lawsuit", "Kenya's opposition challenged the results of the vote in court.", "KENOPP 115 KENJUD 2019-06-15"},
		{"extended condolences", "The Egyptian president extended his condolences to Morocco after the earthquake.", "EGYGOV 018 MAR 2019-06-15"},
		{"a high commissioner recalled", "Ghana recalled its high commissioner from Nigeria.", "GHA 161 NGA 2019-06-15"},
		{"duties imposed on a country's goods", "India imposed anti-dumping duties on Chinese steel.", "IND 163 CHN 2019-06-15"},
		{"a denied clause holds no object of the denial", "Kenyan police denied they had used live ammunition.", "KENCOP 016 - 2019-06-15"},
		{"seizing power is unconventional force", "Soldiers in Mali seized power on Tuesday.", "MLIMIL 180 - 2019-06-11"},
		{"ousting in a coup is unconventional force", "Army officers in Guinea ousted President Conde in a coup.", "GINMIL 180 GINGOV 2019-06-15"},
		{"a coup noun is unconventional force", "The Sudanese army staged a coup against the government.", "SDNMIL 180 SDNGOV 2019-06-15"},
		{"upholding a death sentence is legal action", "Pakistan's Supreme Court upheld the death sentence against a militant leader.", "PAKJUD 173 PAKINS 2019-06-15"},
		{"sentenced in absentia is legal action", "A court in Minsk sentenced an exiled opposition leader in absentia.", "BLRJUD 173 BLROPP 2019-06-15"},
		{"an acquittal eases a legal sanction", "A court in Cairo acquitted three Egyptian journalists.", "EGYJUD 081 EGYMED 2019-06-15"},
		{"refugees named by their ethnicity are their country's, wherever they are", "Thailand deported dozens of Uyghur refugees.", "THA 174 CHNREF 2019-06-15"},
		{"an organisation suspending a member cuts its ties", "The Commonwealth suspended Zimbabwe in March.", "IGOWLDCWN 160 ZWE 2019-03"},
		{"suspended from an organisation named by its acronym", "Zimbabwe was suspended from SADC.", "IGOAFRSAD 160 ZWE 2019-06-15"},
		{"a bare suspension of something other than a member is no event", "Kenya suspended three senior judges.", ""},
		{"forces sent to join a mission abroad keep the peace", "Chad sent 1,000 soldiers to Mali to join the stabilisation mission.", "TCD 074 MLI 2019-06-15"},
		{"suspending what a member owns is no suspension of the member", "The EU suspended Hungary's funds.", ""},
		{"the mediator of talks mediates, it does not negotiate", "Norway mediated talks between Colombia and the ELN.", "NOR 045 COL 2019-06-15; NOR 045 COLREBELN 2019-06-15"},
		{"taking power in a coup is unconventional force", "The military took power in Thailand in a coup in 2014.", "THAMIL 180 THA 2014"},
		{"cleared of charges is an acquittal", "A court in Lagos cleared the former governor of all charges.", "NGAJUD 081 NGAELI 2019-06-15"},
		{"upholding a conviction is finding guilty", "Pakistan's Supreme Court upheld the conviction of an opposition leader.", "PAKJUD 116 PAKOPP 2019-06-15"},
		{"a country's own army overthrowing its government is a coup", "The army of Burkina Faso overthrew the government in January.", "BFAMIL 180 BFAGOV 2019-01"},
		{"officers of no country overthrowing a president are his country's army", "Mutinous officers overthrew President Alpha Conde of Guinea.", "GINMIL 180 GINGOV 2019-06-15"},
		{"soldiers of no country named act for the country whose rulers they seize, not the article's", "Washington condemned the United States' rivals. Mutinous officers overthrew President Alpha Conde of Guinea.", "USAGOV 111 USA 2019-06-15; GINMIL 180 GINGOV 2019-06-15"},
		{"soldiers of no country named seizing power are the place's army", "Washington condemned the United States' rivals. Troops seized power in Niger.", "USAGOV 111 USA 2019-06-15; NERMIL 180 NER 2019-06-15"},
		{"soldiers of no country named detaining a president are his country's", "Washington condemned the United States' rivals. Soldiers detained Niger's president.", "USAGOV 111 USA 2019-06-15; NERMIL 173 NERGOV 2019-06-15"},
		{"soldiers speaking to a president are not his country's", "Washington condemned the United States' rivals. Soldiers spoke to Niger's president.", "USAGOV 111 USA 2019-06-15; USAMIL 010 NERGOV 2019-06-15"},
		{"soldiers killing civilians may be anyone's", "Washington condemned the United States' rivals. Soldiers killed Malian civilians.", "USAGOV 111 USA 2019-06-15; USAMIL 190 MLICVL 2019-06-15"},
		{"the object of a binding verb does the act it is bound to keep doing", "The agreement commits Poland to keep sending military aid to Ukraine.", "POL 072 UKR 2019-06-15"},
		{"a second infinitive after and has the first's doer, the control verb's object", "Zelensky signed an agreement that commits Poland to train Ukrainian soldiers and to keep sending military aid to Ukraine.", "UKRGOV 057 - 2019-06-15; POL 0312 UKRMIL 2019-06-15; POL 072 UKR 2019-06-15"},
		{"what a binding verb's object is bound to do is its intent", "The deal commits Poland to send military aid to Ukraine.", "POL 0332 UKR 2019-06-15"},
		{"what an urged object is to do is no event", "Germany urged France to send tanks to Ukraine.", "DEU 020 FRA 2019-06-15"},
		{"what a forced object is made to do is done by it", "The sanctions forced Iran to release the prisoners.", "IRN 0841 IRNCVL 2019-06-15"},
		{"a second infinitive after and has the first's governor", "Iran agreed to free the hostages and to open talks with the United States.", "IRN 0353 IRNCVL 2019-06-15; IRN 036 USA 2019-06-15"},
		{"an intent inside a demand is asked for, not intended", "The rebels demanded that Assad agree to let in aid.", "SYRREB 100 SYRGOV 2019-06-15"},
		{"a claimed attack's object is the claim's target", "The US claimed that they had attacked Iraq.", "USA 015 IRQ 2019-06-15"},
		{"an attack claimed of another is an accusation of it", "The US claimed that ISIL had attacked Iraq.", "USA 112 IMGMUSISI 2019-06-15"},
		{"fired from a place with no agent: the place's armed men, not the event noun; it is the target", "Israel said a mortar bomb was fired at it from the Gaza Strip on Tuesday in the first such attack since the war ended.", "PSEUAF 193 ISR 2019-06-11"},
		{"fired at someone from a place with no agent: the place's armed men", "Rockets were fired at Israel from Lebanon.", "LBNUAF 193 ISR 2019-06-15"},
		{"the place fired from is not the target", "Rockets were fired from Lebanon.", "LBNUAF 194 - 2019-06-15"},
		{"a foreign army overthrowing a government is war", "Tanzanian troops overthrew the government of Uganda in 1979.", "TZAMIL 190 UGAGOV 1979"},
		{"a gerund after a weapon noun is the weapon", "Four children were killed in Israeli tank shelling in the Gaza Strip on Friday.", "ISR 190 PSECVL 2019-06-14"},
		{"ramming a boat damages property", "A Vietnamese patrol vessel rammed a Chinese fishing boat.", "VNM 171 CHN 2019-06-15"},
		{"ramming a bill through is no attack", "The government rammed the budget through parliament.", ""},
		{"export controls are sanctions, not administrative curbs", "The Netherlands imposed export curbs on chip-making machines to China.", "NLD 163 CHN 2019-06-15"},
		{"tightened export controls", "Britain tightened export controls on drone parts to Iran.", "GBR 163 IRN 2019-06-15"},
		{"revoking a ratification reduces relations", "Moscow revoked its ratification of the arms treaty.", "RUSGOV 160 - 2019-06-15"},
		{"saying an election was rigged criticises it", "The Ugandan opposition said the election was rigged.", "UGAOPP 111 - 2019-06-15"},
		{"calling a vote flawed criticises it", "Washington called the Belarusian election deeply flawed.", "USAGOV 111 BLR 2019-06-15"},
		{"extradited with no agent: by the state left, to the state it goes to", "A Mexican drug lord was extradited from Colombia to the United States.", "COLGOV 063 MEXCRM 2019-06-15"},
		{"extradited to a state, from a state", "The suspect was extradited to Russia from Cyprus.", "CYPGOV 063 RUS 2019-06-15"},
		{"embassy staff ordered to leave are diplomats expelled", "Latvia ordered six Russian embassy staff to leave the country.", "LVA 161 RUSGOV 2019-06-15"},
		{"a participle with only its place before the subject's past-tense verb is passive", "Migrants held in a detention camp in Libya refused food on Monday.", "LBYREF 142 LBYGOV 2019-06-10"},
		{"a past tense with an object before the place is the subject's verb", "Libyan police held the migrants in detention near Tripoli.", "LBYCOP 173 LBYREF 2019-06-15"},
		{"prisoners in a foreign state's jails protest against it", "Lebanese prisoners in Syrian jails went on hunger strike.", "LBNCVL 142 SYRGOV 2019-06-15"},
		{"the subject of a clause after 'after' is its doer, not the main clause's", "Japan protested after Chinese troops attacked Japanese fishermen.", "JPN 111 CHNMIL 2019-06-15; CHNMIL 190 JPNAGR 2019-06-15"},
		{"a clause after 'after' with the tagger's participle for its past tense", "Manila complained after Chinese coast guard vessels attacked Filipino fishermen.", "PHLGOV 110 CHNMIL 2019-06-15; CHNMIL 190 PHLAGR 2019-06-15"},
		{"a state invading after sanctions is the invader", "The EU imposed sanctions after Russia invaded Ukraine.", "IGOEUREEC 163 - 2019-06-15; RUS 190 UKR 2019-06-15"},
		{"a state's forces blocking aid restrict movement, they do not protest", "Aid trucks were blocked at the border by Israeli forces.", "ISRMIL 191 - 2019-06-15"},
		{"civilians blocking a road protest", "Farmers blocked the highway to Brussels.", "BELAGR 144 BELGOV 2019-06-15"},
		{"a ban on a country's imports is a sanction", "China banned the import of Australian wine.", "CHN 163 AUS 2019-06-15"},
		{"a state's ships blocking a resupply mission restrict movement", "Chinese navy ships blocked a Vietnamese supply boat.", "CHNMIL 191 VNM 2019-06-15"},
		{"a state blocking a convoy restricts movement", "Serbia blocked a Kosovo aid convoy at the border.", "SRB 191 XKX 2019-06-15"},
		{"weapons bought from a state: the seller, not its forces", "Egypt signed a contract to buy 30 fighter jets from France.", "EGY 057 FRA 2019-06-15"},
		{"a quoted we is the quote's speaker, after the quote", "\"We will not negotiate with terrorists,\" Nigeria's information minister said.", "NGAGOV 125 NGAINS 2019-06-15"},
		{"a quoted we is the quote's speaker, after an inverted speech verb", "\"We condemn this attack,\" said Pakistan's interior minister.", "PAKGOV 111 - 2019-06-15"},
		{"a quoted we is the quote's speaker, before the quote", "Kenya's president said: \"We condemn the coup in Niger.\"", "KENGOV 111 NER 2019-06-15"},
		{"must in a quote: a demand by the speaker after it", "\"Russia must withdraw its troops,\" said the French president.", "FRAGOV 105 RUS 2019-06-15"},
		{"must in a quote: a demand by the subject of the speech verb after it", "\"Israel must halt its military operation in Rafah,\" South Africa's foreign minister told reporters.", "ZAFGOV 105 ISR 2019-06-15"},
		{"he opening a sentence is the last sentence's subject, an office holder", "Mexico's president met Joe Biden. He asked the United States to stop the flow of guns.", "MEXGOV 040 USAELI 2019-06-15; MEXGOV 020 USA 2019-06-15"},
		{"the ministry is the ministry last named", "Germany's foreign ministry summoned Russia's ambassador. The ministry said it would expel Russian diplomats.", "DEUGOV 114 RUSGOV 2019-06-15; DEUGOV 1313 RUSGOV 2019-06-15"},
		{"unidentified attackers are the unidentified armed force of the place", "Unidentified gunmen killed five soldiers in Kabul.", "AFGUAF 190 AFGMIL 2019-06-15"},
		{"attackers without aircraft bombing plant bombs", "Unidentified attackers bombed a market in Kabul.", "AFGUAF 183 AFG 2019-06-15"},
		{"assassinated with no agent: by unidentified armed men of the victim's country", "Haitian President Jovenel Moise was assassinated at his home.", "HTIUAF 186 HTIGOV 2019-06-15"},
		{"kidnapped with no agent: by unidentified armed men of the place", "Two Chinese engineers were kidnapped in northern Nigeria.", "NGAUAF 181 CHN 2019-06-15"},
		{"an army ousting its ruler is a coup; a month as written holds a role ending in it", "Sudan's army ousted Omar al-Bashir in April 2019.", "SDNMIL 180 SDNGOV 2019-04"},
		{"ousting by a vote is no force", "Nepal's parliament ousted the prime minister.", ""},
		{"retaliating to come is a threat", "Tehran would retaliate against any Israeli attack, Iran's foreign minister said.", "IRNGOV 1384 ISR 2019-06-15"},
		{"an intransitive verb after its subject is no participle", "Canada's prime minister apologised after parliament honoured a veteran.", "CANGOV 055 - 2019-06-15"},
		{"hours given to leave are an ultimatum", "Burkina Faso's junta gave the French ambassador 48 hours to leave the country.", "BFAMIL 139 FRAGOV 2019-06-15"},
		{"suspending political parties bans them", "Mali's junta suspended political parties.", "MLIMIL 1722 MLIPTY 2019-06-15"},
		{"a headline's verb after an organisation's chief", "UN Chief Urges Ceasefire In Sudan", "IGOUNO 0256 SDN 2019-06-15"},
		{"an armed group's fighters are the group", "Fighters from the Allied Democratic Forces killed 40 civilians in eastern Congo.", "CODREBADF 190 CODCVL 2019-06-15"},
		{"an armed group's members are the group, past an agent word", "Rebels from the M23 group attacked an army base.", "CODREBM23 190 CODMIL 2019-06-15"},
		{"a place the actors know, taken by armed men, is territory occupied", "Taliban fighters captured Ghazni.", "AFGINSTAL 192 AFG 2019-06-15"},
		{"a person captured by armed men is no territory", "Rebels captured John Smith.", "REB 173 - 2019-06-15"},
		{"said to be behind an attack: an accusation by the speaker", "The Kremlin said on Friday that Ukraine was behind the attack.", "RUSGOV 1123 UKR 2019-06-14"},
		{"said to be behind an attack, in a closing attribution", "Iran was behind the attacks, Israel's prime minister said.", "ISRGOV 1123 IRN 2019-06-15"},
		{"behind an attack, told by no one: no accusation", "Ukraine was behind the attack on the bridge.", ""},
		{"must in a clause with a closing attribution: the speaker's demand", "Russia must withdraw its troops from Ukraine, the French president said.", "FRAGOV 105 RUS 2019-06-15"},
		{"a participle after a quote's attribution is the speaker's", "\"India stands with Nepal,\" Modi said, offering condolences after the earthquake.", "INDGOV 018 - 2019-06-15"},
		{"a title-case headline may leave a subordinator in lower case", "Rebels Threaten Attack if Talks Fail", "REB 1384 - 2019-06-15"},
		{"a headline's list of actors with its last comma kept", "Japan, India, Sign Ceasefire", "JPN 0871 IND 2019-06-15; IND 0871 JPN 2019-06-15"},
		{"a headline's verb after a name, read as a possessive", "Ghana, Germany Sign Billion Dollar Aid Package", "GHA 070 - 2019-06-15; DEU 070 - 2019-06-15"},
		{"a headline's plain verb after a plural subject, read as an adjective", "Police Arrest Dozens of Protesters in Lagos", "NGACOP 175 NGAOPP 2019-06-15"},
		{"a headline's verb read as a noun is no part of the actor before it", "Rebels Release Hostages in Colombia", "COLREB 0841 COLCVL 2019-06-15"},
		{"a headline's verb read as an adjective", "Militants Storm Hotel in Nairobi", "KENINS 190 KEN 2019-06-15"},
		{"a noun compound that opens a headline is no subject and verb", "Gas Attack in Jerusalem Kills Scores", "ISRUAF 190 - 2019-06-15"},
		{"a headline's participle without its auxiliary, read as a past tense", "Curfew Lifted in Lagos After Talks", "NGAGOV 0813 NGA 2019-06-15"},
		{"police turning on protesters repress them", "Kenyan Police Turn on Protesters in Nairobi", "KENCOP 175 KENOPP 2019-06-15"},
		{"planes that pummel positions attack from the air", "Fighter Planes Pummel Rebel Positions in Syria", "SYRMIL 195 SYR 2019-06-15"},
		{"expanded recruitment is mobilisation", "Rebels Expand Recruitment in Mali", "MLIREB 154 MLI 2019-06-15"},
		{"declined aid is rejected", "Sudan Declines Humanitarian Aid", "SDN 1223 - 2019-06-15"},
		{"a commission into abuses investigates them", "Kenya Launches Commission into Police Abuses", "KEN 092 KENCOP 2019-06-15"},
		{"a need for assistance expressed is an appeal for aid", "Yemeni Leader Expresses Need for Foreign Assistance", "YEMGOV 023 - 2019-06-15"},
		{"a headline's verb agrees with the head noun before of and a list after it", "Leaders of Egypt and Sudan Meet in Cairo", "EGY 040 SDN 2019-06-15; SDN 040 EGY 2019-06-15"},
		{"a gerund that opens a headline before its verb is a noun", "Suicide Bombing Kills Dozens at Market in Pakistan", "PAKUAF 1834 PAK 2019-06-15"},
		{"a headline's subject and infinitive tell what it will do", "Egypt to Release Political Prisoners", "EGY 035 EGYCVL 2019-06-15"},
		{"a headline's infinitive of force is a threat", "Kenya to Send Troops to Somalia", "KEN 138 SOM 2019-06-15"},
		{"found guilty with no agent: by the courts of the place", "Three activists were found guilty of treason in Egypt.", "EGYJUD 116 EGYHRI 2019-06-15"},
		{"a by-agent after the places a participle tells", "Students were abducted from a school in Kenya by an insurgent group.", "KENINS 181 KENEDU 2019-06-15"},
		{"a protest noun that opens a headline's clause after as happens, by the place's crowd, not the main clause's subject", "Police Fire Tear Gas as Protests Spread Across Kenya", "KENCOP 175 - 2019-06-15; KENCVL 141 KENGOV 2019-06-15"},
		{"a headline's verb ending in -ss after a plural subject", "Kenyan Citizens Express Support for Striking Teachers", "KENCVL 051 KENEDU 2019-06-15"},
		{"a headline's verb read as an adjective before a noun that may be a verb", "Gunmen Open Fire on Bus in Nigeria", "NGAUAF 193 NGA 2019-06-15"},
		{"a title-case headline with one plain word left in lower case", "Hundreds of Kenyan Troops Deployed to northern Somalia Amid Rising Tensions", "KENMIL 154 SOM 2019-06-15"},
		{"a headline's participle with its was dropped: done to its subject, by the state", "Opposition Leader Arrested in Pakistan", "PAKCOP 173 PAKOPP 2019-06-15"},
		{"a headline's participle after a colon, read as a past tense", "Egypt: Activists Detained Ahead of Vote", "EGYCOP 173 EGYHRI 2019-06-15"},
		{"a protest noun that opens a headline, placed at once, happened there", "Deadly Protests in Kenya Over Tax Bill", "KENCVL 141 KENGOV 2019-06-15"},
		{"a violence noun that opens a headline, placed at once, is its place's armed men's", "Clashes in Nigeria Leave 5 Dead", "NGAUAF 190 NGA 2019-06-15"},
		{"a leader who quits accedes to a change in leadership", "Kenyan Leader Quits After Corruption Scandal", "KENGOV 0831 - 2019-06-15"},
		{"an intention announced to do something is intent to do it", "Rebels in Mali Announce Their Intention to Lay Down Arms", "MLIREB 035 - 2019-06-15"},
		{"a commitment made to do something is intent to do it", "Kenya Makes Commitment to Ease Media Restrictions", "KEN 035 KENMED 2019-06-15"},
		{"military trainers sent are military cooperation", "Japan Sends Military Trainers to Kenya", "JPN 062 KEN 2019-06-15"},
		{"trade ties boosted are economic cooperation", "Egypt and Sudan Boost Trade Ties", "EGY 061 SDN 2019-06-15; SDN 061 EGY 2019-06-15"},
		{"a headline's actor on strike, its verb dropped, strikes", "Kenyan Doctors on Strike Over Pay", "KENHLH 143 KENGOV 2019-06-15"},
		{"a headline's abbreviated North Korea is not South Korea", "N. Korean Troops Fire on S. Korean Soldiers", "PRKMIL 193 KORMIL 2019-06-15"},
		{"a headline's speaker before a colon demands what another must do", "Zelensky: Russia Must Withdraw Troops", "UKRGOV 105 RUS 2019-06-15"},
		{"a headline's verb after a list with its last comma, read as a noun", "Ghana, Togo, Recall Ambassadors From Mali", "GHA 161 MLIGOV 2019-06-15; TGO 161 MLIGOV 2019-06-15"},
		{"a headline's rap is criticism", "Kenyan Opposition Raps Government Over Spending", "KENOPP 111 KENGOV 2019-06-15"},
		{"a headline's nix is a rejection", "Parliament Nixes Peace Deal With Rebels", "LEG 120 REB 2019-06-15"},
		{"that demand rejected is the demand made before: at its maker", "Azerbaijan demanded that Armenia amend its constitution. Armenia rejected that demand.", "AZE 1044 ARM 2019-06-15; ARM 124 AZE 2019-06-15"},
		{"condemning the strikes as a violation of another's sovereignty is aimed at who struck", "The United States carried out air strikes in Yemen. Iran condemned the strikes as a violation of Yemen's sovereignty.", "USA 195 YEM 2019-06-15; IRN 111 USA 2019-06-15"},
		{"troops ordered to leave, past what describes them, are told to withdraw", "Chad ordered the French soldiers still stationed in the country to leave.", "TCD 1056 FRAMIL 2019-06-15"},
		{"troops given until a date to leave are told to withdraw, on the article's date, not the deadline's", "Chad gives French troops until January 31 to leave", "TCD 1056 FRAMIL 2019-06-15"},
		{"an agreement ended reduces relations", "Chad ended a defence agreement with France.", "TCD 160 FRA 2019-06-15"},
		{"faculties blockaded by students are a protest", "Students blockaded dozens of university faculties in Serbia.", "SRBEDU 144 SRBGOV 2019-06-15"},
		{"villages handed to a state are yielded", "Armenia handed four villages to Azerbaijan.", "ARM 084 AZE 2019-06-15"},
		{"a rally with signs hostile to a foreign country is aimed at it", "Several hundred people rallied in Chad on Saturday, some carrying signs hostile to France.", "TCDCVL 141 FRA 2019-06-15"},
		{"all parties in an article about one country with no pair named are its", "Protesters clashed with police in Mozambique. The Southern African Development Community urged all parties to exercise restraint.", "MOZOPP 145 MOZCOP 2019-06-15; IGOAFRSAD 0256 MOZ 2019-06-15"},
		{"his supporters are the civilians of his country", "Opposition leader Venancio Mondlane called on his supporters to continue the protests.", "MOZOPP 020 MOZCVL 2019-06-15"},
		{"a name that is no actor before that is what killed, not the clause's subject", "The minister resigned over the collapse of a canopy at the station in Novi Sad that killed 15 people.", "GOV 0831 - 2019-06-15"},
		{"an offer rejected in a relative clause without a pronoun is the offer made before, even at home; a verb after an is a noun", "President Aleksandar Vucic offered to pardon demonstrators, an offer the students rejected.", "SRBGOV 056 SRBOPP 2019-06-15; SRBEDU 120 SRBGOV 2019-06-15"},
		{"a pair that agrees to give something to one of them: that one agrees with the other", "Armenia and Azerbaijan met in Almaty. The two sides agreed to return the villages to Azerbaijan.", "ARM 040 AZE 2019-06-15; AZE 040 ARM 2019-06-15; ARM 030 AZE 2019-06-15; AZE 030 ARM 2019-06-15"},
		{"a peace treaty with no partner named is with the side dealt with before", "Armenia handed four villages to Azerbaijan. Azerbaijan said it was ready to sign a peace treaty.", "ARM 084 AZE 2019-06-15; AZE 030 ARM 2019-06-15; AZE 032 ARM 2019-06-15"},
		{"people charged are the place's civilians", "Prosecutors have charged 13 people in Serbia.", "SRBJUD 173 SRB 2019-06-15"},
	} {
		t.Run(tc.name, func(t *testing.T) { checkRule(t, c, tc.text, tc.want) })
	}
}

// checkRule codes text as a document of 2019-06-15 and compares its events,
// in brief, with want.
func checkRule(t *testing.T, c *coding.Coder, text, want string) {
	t.Helper()
	doc := parley.Document{ID: "t", Date: "2019-06-15", Text: text}
	r, err := c.Code(&doc)
	if err != nil {
		t.Fatal(err)
	}
	if got := brief(r.Events); got != want {
		t.Errorf("%s\n got %s\nwant %s", text, got, want)
	}
}

func TestDiscards(t *testing.T) {
	c := testCoder(t)
	fsys := fstest.MapFS{"discards.txt": {Data: []byte("sport | world cup qualifier; striker; scored twice\nbad line without bar\n")}}
	d, bad, err := coding.LoadDiscards(fsys)
	if err != nil || len(bad) != 1 || !strings.Contains(bad[0].Error(), "discards.txt:2") {
		t.Fatalf("load: %v %v", err, bad)
	}
	c.Discards = d
	for _, tc := range []struct {
		doc  parley.Document
		want string
	}{
		{parley.Document{ID: "a", Date: "2020-01-01", Title: "Brazil attack beats Argentina in World Cup qualifier", Text: "Russian troops attacked French forces."}, ""},
		{parley.Document{ID: "b", Date: "2020-01-01", Text: "Russian troops attacked French forces. The striker scored twice."}, "RUSMIL 190 FRAMIL 2020-01-01"},
		{parley.Document{ID: "c", Date: "2020-01-01", Text: "The striker attacked French forces. He scored twice. Russian troops attacked French forces."}, ""},
		// one sentence of a political story: its violence is kept, the rest not
		{parley.Document{ID: "d", Date: "2020-01-01", Text: "Russian troops attacked French forces after a world cup qualifier. Russia met France before the world cup qualifier. France met Russia. The talks went on. Nothing else happened. It rained. The day ended."}, "RUSMIL 190 FRAMIL 2020-01-01; FRA 040 RUS 2020-01-01"},
	} {
		r, err := c.Code(&tc.doc)
		if err != nil {
			t.Fatal(err)
		}
		if got := brief(r.Events); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.doc.ID, got, tc.want)
		}
	}
}
