package parley

// Actor is a coded actor as it appears in an event record.
type Actor struct {
	Text    string `json:"text"`              // the words in the sentence
	Code    string `json:"code"`              // CAMEO actor code, e.g. AFGGOV
	Country string `json:"country,omitempty"` // ISO 3166 alpha-3, when known
	Sector  string `json:"sector,omitempty"`  // CAMEO sector (GOV, MIL, REB, ...)
	Span    *Span  `json:"span,omitempty"`    // byte offsets in Document.Body()
}

// Span is a [start, end) byte range in Document.Body().
type Span [2]int
