package shallow

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"parley/peerdict"
)

// Options are the coding switches of TABARI's .options file and
// PETRARCH's config that the coder honours.
type Options struct {
	// MaxVerbs and MaxConj make a sentence complex when it has more verbs
	// or conjunctions (TABARI COMPLEX: VERBS[n] CONJ[n]); 0 turns them off.
	MaxVerbs, MaxConj int
	// NoActPrior codes nothing when no actor comes before the verb.
	NoActPrior bool
	// DefaultSource is used when no actor precedes the verb (with
	// DefaultPrior), DefaultTarget when none follows it (with DefaultAfter).
	DefaultSource, DefaultTarget string
	DefaultPrior, DefaultAfter   bool
	// Comma elimination: comma-delimited phrases of Min..Max words in the
	// middle, EMin..EMax at the end and BMin..BMax at the start are dropped.
	CommaOn                                    bool
	CommaMin, CommaMax, EMin, EMax, BMin, BMax int
	// MinWords skips shorter sentences.
	MinWords int
	// RequireDyad drops events without a target.
	RequireDyad bool
	// CodeBy is "clause" (every clause), "sentence" (the first event) or
	// "all".
	CodeBy string
	// TimeShift applies the verbs file's <TIME> phrases (SET: TIME SHIFT);
	// their "###" and "+++" codes discard a sentence or make it complex.
	TimeShift bool
	// ConvertAgent makes an agent found without an actor an actor of its
	// own (TABARI SET: CONVERT AGENT; "~MIL"); PETRARCH always does, with
	// the unnamed actor written "---" ("---GOV").
	ConvertAgent bool
	// Forward resolves a pronoun that no actor of its sentence precedes to
	// the first actor of the story's previous sentence (TABARI FORWARD:).
	Forward bool
	// ForwardMask reads the story and sentence numbers from a record's
	// identifier ("^^*****NNN*SSS": ^ skipped, * ignored, N story, S
	// sentence), applied to the header after its date.
	ForwardMask string
}

// Story returns the story number the forward mask reads from a record
// header (the text after the date), "" when there is no mask.
func (o *Options) Story(header string) string {
	if o.ForwardMask == "" {
		return ""
	}
	var b strings.Builder
	for i, m := range o.ForwardMask {
		if m == 'N' && i < len(header) {
			b.WriteByte(header[i])
		}
	}
	return b.String()
}

// DefaultOptions are the peers' defaults.
// Comma phrases: TABARI drops internal and final ones of 2 to 10 words,
// PETRARCH's config of 2 to 8.
func DefaultOptions(f peerdict.Format) Options {
	max := 8
	if f == peerdict.TABARI {
		max = 10
	}
	return Options{CommaOn: true, CommaMin: 2, CommaMax: max, EMin: 2, EMax: max, BMin: 0, BMax: 0,
		RequireDyad: true, CodeBy: "clause", ConvertAgent: f == peerdict.PETRARCH, MinWords: minWords(f)}
}

// minWords is the default SET: MINIMUM WORDS: TABARI skips sentences of
// fewer than 8 words; PETRARCH has no minimum.
func minWords(f peerdict.Format) int {
	if f == peerdict.TABARI {
		return 8
	}
	return 0
}

var (
	reBracket = regexp.MustCompile(`\[([^\]]*)\]`)
	reKV      = regexp.MustCompile(`([A-Z]+)\s*=\s*(\d+)`)
)

// Apply applies one TABARI option command, e.g. "COMPLEX: VERBS[5] CONJ[4]
// NOACTPRIOR", "DEFAULT: SOURCE [X] PRIOR TARGET [Y] AFTER", "DEFAULT: OFF",
// "COMMA: MIN = 2 MAX = 10 ..." or "SET: MINIMUM WORDS = 4". Commands that
// only affect output (LABEL:, OUTPUT:, FORWARD:) are accepted and ignored.
func (o *Options) Apply(cmd string) error {
	cmd = strings.TrimSpace(cmd)
	head, rest, ok := strings.Cut(cmd, ":")
	if !ok {
		return fmt.Errorf("option %q: want COMMAND: ARGS", cmd)
	}
	head = strings.ToUpper(strings.TrimSpace(head))
	rest = strings.ToUpper(strings.TrimSpace(rest))
	switch head {
	case "COMPLEX":
		o.MaxVerbs, o.MaxConj, o.NoActPrior = 0, 0, false
		for _, m := range regexp.MustCompile(`(VERBS|CONJ)\s*\[\s*(\d+)\s*\]`).FindAllStringSubmatch(rest, -1) {
			n, _ := strconv.Atoi(m[2])
			if m[1] == "VERBS" {
				o.MaxVerbs = n
			} else {
				o.MaxConj = n
			}
		}
		o.NoActPrior = strings.Contains(rest, "NOACTPRIOR")
	case "DEFAULT":
		if strings.HasPrefix(rest, "OFF") {
			o.DefaultSource, o.DefaultTarget, o.DefaultPrior, o.DefaultAfter = "", "", false, false
			return nil
		}
		if i := strings.Index(rest, "SOURCE"); i >= 0 {
			if m := reBracket.FindStringSubmatch(rest[i:]); m != nil {
				o.DefaultSource = strings.TrimSpace(m[1])
			}
		}
		if i := strings.Index(rest, "TARGET"); i >= 0 {
			if m := reBracket.FindStringSubmatch(rest[i:]); m != nil {
				o.DefaultTarget = strings.TrimSpace(m[1])
			}
		}
		o.DefaultPrior = strings.Contains(rest, "PRIOR")
		o.DefaultAfter = strings.Contains(rest, "AFTER")
	case "COMMA":
		if strings.HasPrefix(rest, "OFF") {
			o.CommaOn = false
			return nil
		}
		o.CommaOn = true
		for _, m := range reKV.FindAllStringSubmatch(rest, -1) {
			n, _ := strconv.Atoi(m[2])
			switch m[1] {
			case "MIN":
				o.CommaMin = n
			case "MAX":
				o.CommaMax = n
			case "EMIN":
				o.EMin = n
			case "EMAX":
				o.EMax = n
			case "BMIN":
				o.BMin = n
			case "BMAX":
				o.BMax = n
			}
		}
	case "SET":
		key, val, _ := strings.Cut(rest, "=")
		key, val = strings.Join(strings.Fields(key), " "), strings.TrimSpace(val)
		switch key {
		case "MINIMUM WORDS":
			n, err := strconv.Atoi(strings.Fields(val + " 0")[0])
			if err != nil {
				return fmt.Errorf("option %q: %w", cmd, err)
			}
			o.MinWords = n
		case "TIME SHIFT":
			o.TimeShift = strings.HasPrefix(val, "T")
		case "CODE BY SENTENCE":
			o.CodeBy = "sentence"
		case "CODE BY CLAUSE":
			o.CodeBy = "clause"
		case "CODE ALL":
			o.CodeBy = "all"
		case "CONVERT AGENT":
			o.ConvertAgent = strings.HasPrefix(val, "T")
		}
	case "FORWARD":
		f := strings.Fields(rest)
		o.Forward = len(f) > 0 && f[len(f)-1] != "OFF"
		o.ForwardMask = ""
		if o.Forward {
			o.ForwardMask = f[0]
		}
	case "LABEL", "OUTPUT", "ISSUES", "COMPLEX EXPLAIN":
	default:
		return fmt.Errorf("option %q: unknown command %s", cmd, head)
	}
	return nil
}

// Set applies a PETRARCH config option (comma_min, require_dyad, ...).
func (o *Options) Set(key, value string) error {
	key = strings.ToLower(strings.TrimSpace(key))
	value = strings.TrimSpace(value)
	b := strings.EqualFold(value, "true")
	n, nerr := strconv.Atoi(value)
	num := func(p *int) error {
		if nerr != nil {
			return fmt.Errorf("option %s = %q: not a number", key, value)
		}
		*p = n
		return nil
	}
	switch key {
	case "require_dyad":
		o.RequireDyad = b
	case "comma_min":
		return num(&o.CommaMin)
	case "comma_max":
		return num(&o.CommaMax)
	case "comma_emin":
		return num(&o.EMin)
	case "comma_emax":
		return num(&o.EMax)
	case "comma_bmin":
		return num(&o.BMin)
	case "comma_bmax":
		return num(&o.BMax)
	}
	return nil
}
