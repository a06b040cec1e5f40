package validate

import (
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"parley/peerdict"
	"parley/shallow"
)

var (
	reSentence = regexp.MustCompile(`(?s)<Sentence\b([^>]*)>(.*?)</Sentence>`)
	reAttr     = regexp.MustCompile(`(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')`)
	reCoding   = regexp.MustCompile(`<EventCoding\b([^>]*)>`)
	reConfig   = regexp.MustCompile(`<Config\b([^>]*)>`)
	reText     = regexp.MustCompile(`(?s)<Text>(.*?)</Text>`)
	reComment  = regexp.MustCompile(`(?s)<!--.*?-->`)
	reEnvFile  = regexp.MustCompile(`<(Verbfile|Actorfile|Agentfile|Discardfile)>\s*([^<]*?)\s*</`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range reAttr.FindAllStringSubmatch(s, -1) {
		v := a[2]
		if v == "" {
			v = a[3]
		}
		m[strings.ToLower(a[1])] = html.UnescapeString(v)
	}
	return m
}

// ReadPETRARCH reads PETRARCH unit-test records: <Sentence date id valid>
// with <EventCoding sourcecode targetcode eventcode>, <EventCoding
// noevents="True">, <EventCoding error="...">, <Config option value> changes
// and the <Text>. Parse trees are not needed and not read. Records marked
// valid="false" are read but not checked.
func ReadPETRARCH(r io.Reader, file string) ([]*Record, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	src := reComment.ReplaceAllStringFunc(string(b), func(c string) string {
		return strings.Repeat("\n", strings.Count(c, "\n"))
	})
	var recs []*Record
	prevEnd := 0
	for _, m := range reSentence.FindAllStringSubmatchIndex(src, -1) {
		// <Config> changes between records apply from the next record on
		gap := src[prevEnd:m[0]]
		prevEnd = m[1]
		a := attrs(src[m[2]:m[3]])
		body := src[m[4]:m[5]]
		rec := &Record{ID: a["id"], Line: strings.Count(src[:m[0]], "\n") + 1}
		if d := a["date"]; d != "" {
			if rec.Date, err = recordDate(d); err != nil {
				return recs, fmt.Errorf("%s:%d: %w", file, rec.Line, err)
			}
		}
		for _, c := range reConfig.FindAllStringSubmatch(gap+body, -1) {
			ca := attrs(c[1])
			rec.Options = append(rec.Options, ca["option"]+"="+ca["value"])
		}
		if t := reText.FindStringSubmatch(body); t != nil {
			rec.Text = strings.Join(strings.Fields(html.UnescapeString(t[1])), " ")
		}
		for _, c := range reCoding.FindAllStringSubmatch(body, -1) {
			ca := attrs(c[1])
			switch {
			case ca["noevents"] != "":
				rec.Expect = ExpectNone
			case ca["error"] != "":
				rec.Expect = ExpectError
			default:
				rec.Events = append(rec.Events, Triple{ca["sourcecode"], ca["targetcode"], ca["eventcode"]})
			}
		}
		if rec.Expect == ExpectEvents && len(rec.Events) == 0 {
			// A valid record that lists no coding expects no event.
			rec.Expect = ExpectNone
		}
		rec.Checked = !strings.EqualFold(a["valid"], "false")
		recs = append(recs, rec)
	}
	return recs, nil
}

// PETRARCHSuite is a PETRARCH unit-test file with its dictionaries.
type PETRARCHSuite struct {
	Dict       *peerdict.Dict
	Records    []*Record
	DictErrors []error
}

// LoadPETRARCH reads the records file and the dictionaries its
// <Environment> names, looked up in ../dictionaries next to the file's
// directory (PETRARCH's data layout) or beside it.
func LoadPETRARCH(records string) (*PETRARCHSuite, error) {
	b, err := os.ReadFile(records)
	if err != nil {
		return nil, fmt.Errorf("read records: %w", err)
	}
	recs, err := ReadPETRARCH(strings.NewReader(string(b)), records)
	if err != nil {
		return nil, err
	}
	d := peerdict.NewDict(peerdict.PETRARCH)
	s := &PETRARCHSuite{Dict: d, Records: recs}
	kinds := map[string]peerdict.Kind{"Verbfile": peerdict.KindVerbs, "Actorfile": peerdict.KindActors, "Agentfile": peerdict.KindAgents, "Discardfile": peerdict.KindDiscards}
	env := reComment.ReplaceAllString(string(b), "")
	found := 0
	for _, m := range reEnvFile.FindAllStringSubmatch(env, -1) {
		path := findDict(records, m[2])
		errs, err := peerdict.ReadFile(path, kinds[m[1]], d)
		if err != nil {
			return nil, err
		}
		found++
		s.DictErrors = append(s.DictErrors, errs...)
	}
	if found == 0 {
		return nil, fmt.Errorf("%s: no dictionaries named in <Environment>", records)
	}
	return s, nil
}

func findDict(records, name string) string {
	dir := filepath.Dir(records)
	for _, p := range []string{filepath.Join(dir, "..", "dictionaries", name), filepath.Join(dir, name)} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return filepath.Join(dir, "..", "dictionaries", name)
}

// Run codes the suite.
func (s *PETRARCHSuite) Run() *Report {
	c := shallow.New(s.Dict)
	return Run(c, s.Records, func(o *shallow.Options, cmd string) error {
		k, v, _ := strings.Cut(cmd, "=")
		return o.Set(k, v)
	})
}
