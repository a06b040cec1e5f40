package peerdict

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Project is a TABARI .project file: the files a coding run uses. Paths are
// resolved against the project file's directory.
type Project struct {
	Path     string
	Actors   []string
	Verbs    []string
	Agents   []string
	Discards []string
	Options  string
	Text     []string
}

// ReadProject reads a TABARI .project file. Lines are "<tag> value";
// unknown tags (sessions, coder, output files) are ignored.
func ReadProject(path string) (*Project, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open project: %w", err)
	}
	defer f.Close()
	return ParseProject(f, path)
}

// ParseProject reads a project from r; path names it and anchors relative paths.
func ParseProject(r io.Reader, path string) (*Project, error) {
	p := &Project{Path: path}
	dir := filepath.Dir(path)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		t := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(t, "<") {
			continue
		}
		end := strings.IndexByte(t, '>')
		if end < 0 {
			continue
		}
		tag := strings.ToLower(t[1:end])
		val := strings.TrimSpace(t[end+1:])
		if val == "" || strings.HasPrefix(val, "<") {
			continue
		}
		val = filepath.Join(dir, val)
		switch tag {
		case "actorsfile", "actorfile":
			p.Actors = append(p.Actors, val)
		case "verbsfile", "verbfile":
			p.Verbs = append(p.Verbs, val)
		case "agentsfile", "agentfile":
			p.Agents = append(p.Agents, val)
		case "discardsfile", "discardfile":
			p.Discards = append(p.Discards, val)
		case "optionsfile":
			p.Options = val
		case "textfile":
			p.Text = append(p.Text, val)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read project %s: %w", path, err)
	}
	if len(p.Actors) == 0 && len(p.Verbs) == 0 {
		return nil, fmt.Errorf("project %s names no <actorsfile> or <verbsfile>", path)
	}
	return p, nil
}

// Load reads every dictionary the project names into a TABARI Dict.
// Bad entries come back as errs; err is for files that cannot be opened.
func (p *Project) Load() (*Dict, []error, error) {
	d := NewDict(TABARI)
	var errs []error
	for _, set := range []struct {
		files []string
		kind  Kind
	}{{p.Actors, KindActors}, {p.Agents, KindAgents}, {p.Verbs, KindVerbs}, {p.Discards, KindDiscards}} {
		for _, f := range set.files {
			e, err := ReadFile(f, set.kind, d)
			if err != nil {
				return nil, errs, err
			}
			errs = append(errs, e...)
		}
	}
	return d, errs, nil
}
