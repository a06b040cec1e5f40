// Package dictfile reads parley's line-oriented dictionary files: one record
// a line, fields separated by '|', items by ';', '#' comments.
package dictfile

import (
	"bufio"
	"fmt"
	"io/fs"
	"strings"
)

// Line is one record of a dictionary file.
type Line struct {
	File   string
	Number int
	Fields []string
}

// Errorf returns an error naming the line's file and number.
func (l Line) Errorf(format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", l.File, l.Number, fmt.Sprintf(format, args...))
}

// Items splits field i into its ';'-separated items, trimmed, empty ones dropped.
func (l Line) Items(i int) []string {
	if i >= len(l.Fields) {
		return nil
	}
	return Items(l.Fields[i])
}

// Items splits s on ';', trimming items and dropping empty ones.
func Items(s string) []string {
	var out []string
	for _, it := range strings.Split(s, ";") {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
}

// Read returns the records of a file in fsys.
func Read(fsys fs.FS, name string) ([]Line, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open dictionary: %w", err)
	}
	defer f.Close()
	var out []Line
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	n := 0
	for sc.Scan() {
		n++
		text := sc.Text()
		if i := strings.IndexByte(text, '#'); i >= 0 {
			text = text[:i]
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		fields := strings.Split(text, "|")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		out = append(out, Line{File: name, Number: n, Fields: fields})
	}
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// Glob returns the files matching pattern in fsys, sorted.
func Glob(fsys fs.FS, pattern string) ([]string, error) {
	names, err := fs.Glob(fsys, pattern)
	if err != nil {
		return nil, fmt.Errorf("glob %s: %w", pattern, err)
	}
	return names, nil
}
