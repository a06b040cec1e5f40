module parley

go 1.26.8

require (
	github.com/aaaton/golem/v4 v4.0.2
	github.com/aaaton/golem/v4/dicts/en v1.0.0
	github.com/jdkato/prose/v3 v3.2.3
)

require (
	golang.org/x/sync v0.25.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
