// Package parley holds the domain vocabulary of the parley event coder:
// documents in, coded political events out.
//
// The pipeline, one package per stage, each a plain function over these types:
//
//	ingest   reads JSON lines, text files and directories into Documents
//	nlp      splits sentences, tokenizes, tags parts of speech and lemmatizes
//	actors   finds actor mentions from dictionaries (countries, agents, groups, people)
//	dates    resolves date expressions against the document's date
//	coding   matches verb and noun patterns and assigns source and target: Events
//	pipeline runs the stages over a stream of documents with a fixed worker count
//	eval     scores Events against gold files
//
// Wiring and configuration live in cmd/parley; dictionaries are embedded by
// package data and can be replaced with any fs.FS.
package parley
