// Package data embeds parley's built-in dictionaries and sample articles.
//
// FS has the layout that docs/dictionaries.md describes: actors/, cameo/,
// verbs/ and samples/. Any fs.FS with the same layout (os.DirFS of a user's
// directory, say) can stand in for it.
package data

import "embed"

// FS holds the built-in dictionaries and sample articles.
//
//go:embed actors/*.txt cameo/*.txt verbs/*.txt discards.txt samples/*.jsonl
var FS embed.FS
