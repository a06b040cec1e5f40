package tagger_test

import "github.com/jdkato/prose/v3/tag/aptagmodel"

func modelBytes() []byte { return aptagmodel.English }
