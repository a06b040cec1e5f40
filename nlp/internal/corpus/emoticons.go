package corpus

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"parley/nlp/tagger"
)

// ProseDir is the directory of prose's module source in the module cache,
// or "" when it is not there.
func ProseDir() string {
	mod := os.Getenv("GOMODCACHE")
	if mod == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return ""
		}
		mod = filepath.Join(home, "go", "pkg", "mod")
	}
	ms, _ := filepath.Glob(filepath.Join(mod, "github.com", "jdkato", "prose", "v3@v3.2.3"))
	if len(ms) == 0 {
		return ""
	}
	return ms[0]
}

// ProseEmoticons returns the emoticons prose knows, read from its source
// in the module cache (nil when it is absent). Tests only: parley's own
// list is nlp/tagger's.
func ProseEmoticons() []string {
	dir := ProseDir()
	if dir == "" {
		return nil
	}
	f, err := parser.ParseFile(token.NewFileSet(), filepath.Join(dir, "internal", "emoticon", "emoticon.go"), nil, 0)
	if err != nil {
		return nil
	}
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		if kv, ok := n.(*ast.KeyValueExpr); ok {
			if lit, ok := kv.Key.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil {
					out = append(out, s)
				}
			}
		}
		return true
	})
	return out
}

var emoticonSets = sync.OnceValues(func() (shared, odd []string) {
	prose := map[string]bool{}
	for _, e := range ProseEmoticons() {
		prose[e] = true
	}
	ours := map[string]bool{}
	for _, e := range tagger.Emoticons() {
		ours[e] = true
		if prose[e] {
			shared = append(shared, e)
		} else {
			odd = append(odd, e)
		}
	}
	for e := range prose {
		if !ours[e] {
			odd = append(odd, e)
		}
	}
	return shared, odd
})

// SharedEmoticons are the emoticons both parley and prose know.
func SharedEmoticons() []string {
	s, _ := emoticonSets()
	return s
}

// HasOddEmoticon reports whether s holds an emoticon that only one of
// parley and prose knows: there the two may split and tag differently on
// purpose, so the tests that compare them skip such text.
func HasOddEmoticon(s string) bool {
	_, odd := emoticonSets()
	for _, e := range odd {
		if strings.Contains(s, e) {
			return true
		}
	}
	return false
}
