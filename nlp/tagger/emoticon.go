package tagger

import "strings"

// emoticonList is the set of emoticons the tokenizer keeps whole and the
// tagger tags SYM, space-separated. It is parley's own list of common
// Western and Eastern emoticons, not prose's: the two agree on the common
// ones, and the nlp tests compare with prose only on text that holds none of
// the emoticons one list has and the other lacks.
const emoticonList = `:) :-) :)) :-)) :( :-( :(( :-(( ;) ;-) :D :-D ;D xD XD xDD XDD =) =( =D ` +
	`:P :-P :p :-p ;P ;p :o :-o :O :-O :0 :| :-| :/ :-/ :\ :* :-* :'( :') :-] :] :-[ :[ ` +
	`:} :-} :3 :> :< >:( >:) :S :-S :$ :@ O:) 0:) <3 </3 8-) 8D ^_^ ^^ ^-^ -_- -__- ` +
	`o_O O_o o_o O_O o.O O.o T_T ;_; >_< >.< @_@ v_v (: (; ¯\_(ツ)_/¯`

var emoticons = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, e := range strings.Fields(emoticonList) {
		m[e] = struct{}{}
	}
	return m
}()

// Emoticons returns the emoticon set, one string each.
func Emoticons() []string { return strings.Fields(emoticonList) }

// IsEmoticon reports whether s is one of the known emoticons.
func IsEmoticon(s string) bool {
	// Every emoticon is 2 to 11 runes long and starts with one of a few
	// bytes; check the cheap things before the map.
	if len(s) < 2 || len(s) > 32 || !emoStart[s[0]] || !emoEnd[s[len(s)-1]] {
		return false
	}
	_, ok := emoticons[s]
	return ok
}

// The first and last bytes of the emoticons.
var emoStart, emoEnd = func() (first, last [256]bool) {
	for _, e := range strings.Fields(emoticonList) {
		first[e[0]] = true
		last[e[len(e)-1]] = true
	}
	return first, last
}()
