package main

import (
	"flag"
	"fmt"
	"log/slog"
	"strings"

	"parley"
	"parley/cameo"
	"parley/coding"
	"parley/data"
	"parley/nlp"
	"parley/peerdict"
	"parley/pipeline"
	"parley/shallow"
)

// peerFlags select TABARI or PETRARCH dictionaries for `parley code`.
type peerFlags struct {
	format  string
	files   string
	project string
	beside  bool
}

func (p *peerFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.format, "dict-format", "", "code with peer dictionaries: tabari or petrarch")
	fs.StringVar(&p.files, "dict-files", "", "comma-separated peer dictionary files (kind from the name: actors, agents, verbs, discards; or KIND=PATH)")
	fs.StringVar(&p.project, "dict-project", "", "TABARI .project file naming the dictionaries")
	fs.BoolVar(&p.beside, "dict-beside", false, "code with the peer dictionaries beside the built-in ones, not instead")
}

// pickCoder returns the built-in coder, or the peer coder when --dict-format
// is given (both with --dict-beside).
func (m *Main) pickCoder(cf codeFlags) (pipeline.Coder, error) {
	if cf.peer.format == "" && cf.peer.files == "" && cf.peer.project == "" {
		return loadCoder(cf.dict, m.Log)
	}
	pc, err := loadPeerCoder(cf.peer, m.Log)
	if err != nil {
		return nil, err
	}
	if !cf.peer.beside {
		return pc, nil
	}
	bc, err := loadCoder(cf.dict, m.Log)
	if err != nil {
		return nil, err
	}
	return bothCoders{bc, pc}, nil
}

// loadPeerCoder reads the peer dictionaries; entries it cannot read are
// logged with their file and line, and loading goes on.
func loadPeerCoder(p peerFlags, log *slog.Logger) (*shallow.DocCoder, error) {
	if p.format == "" {
		p.format = "tabari"
	}
	f, err := peerdict.ParseFormat(p.format)
	if err != nil {
		return nil, fmt.Errorf("%w: --dict-format: %v", errUsage, err)
	}
	d := peerdict.NewDict(f)
	var bad []error
	if p.project != "" {
		pr, err := peerdict.ReadProject(p.project)
		if err != nil {
			return nil, err
		}
		pd, errs, err := pr.Load()
		if err != nil {
			return nil, err
		}
		d, bad = pd, errs
		d.Format = f
	}
	for _, path := range strings.Split(p.files, ",") {
		if path = strings.TrimSpace(path); path == "" {
			continue
		}
		kind, ok := peerdict.Kind(""), false
		if k, rest, found := strings.Cut(path, "="); found && !strings.ContainsAny(k, "/.") {
			kind, ok, path = peerdict.Kind(strings.ToLower(k)), true, rest
		} else {
			kind, ok = peerdict.GuessKind(path)
		}
		if !ok {
			return nil, fmt.Errorf("%w: --dict-files %s: cannot tell the kind from the name; write actors=PATH, agents=, verbs= or discards=", errUsage, path)
		}
		errs, err := peerdict.ReadFile(path, kind, d)
		if err != nil {
			return nil, err
		}
		bad = append(bad, errs...)
	}
	for _, e := range bad {
		log.Warn("dictionary", "error", e)
	}
	if len(d.Verbs) == 0 || len(d.Actors) == 0 {
		return nil, fmt.Errorf("%w: peer dictionaries need actors and verbs (got %d actors, %d verbs)", errUsage, len(d.Actors), len(d.Verbs))
	}
	parser, err := nlp.Default()
	if err != nil {
		return nil, err
	}
	codes, _ := cameo.Load(data.FS, "cameo/codes.txt")
	return &shallow.DocCoder{Coder: shallow.New(d), Parser: parser, Codes: codes}, nil
}

// bothCoders codes with the built-in and the peer dictionaries and keeps
// the events of both.
type bothCoders struct {
	a, b pipeline.Coder
}

func (c bothCoders) Code(doc *parley.Document) (coding.Result, error) {
	ra, err := c.a.Code(doc)
	if err != nil {
		return ra, err
	}
	rb, err := c.b.Code(doc)
	if err != nil {
		return ra, err
	}
	ra.Events = append(ra.Events, rb.Events...)
	return ra, nil
}
