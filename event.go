package parley

// Event is one coded event record, the shape that `parley code` writes, one
// JSON object a line. Fields may be added, never renamed.
type Event struct {
	ID            string    `json:"id"`
	Doc           string    `json:"doc"`
	Sentence      int       `json:"sentence"`
	Text          string    `json:"text"`
	Span          Span      `json:"span"`
	Source        *Actor    `json:"source"`
	Target        *Actor    `json:"target"`
	CAMEO         string    `json:"cameo"`
	Root          string    `json:"root"`
	QuadClass     int       `json:"quad_class"`
	Goldstein     float64   `json:"goldstein"`
	PLOVER        PLOVER    `json:"plover"`
	Negated       bool      `json:"negated"`
	Date          string    `json:"date"`
	DatePrecision string    `json:"date_precision"`
	Location      *Location `json:"location"`
	Confidence    float64   `json:"confidence"`
	Rule          string    `json:"rule"`
	// VerbSpan is the byte range of the words that triggered the code, for
	// highlighting evidence.
	VerbSpan *Span `json:"verb_span,omitempty"`
}

// PLOVER is the event's type, mode and context in the PLOVER ontology.
type PLOVER struct {
	Type    string   `json:"type"`
	Mode    string   `json:"mode"`
	Context []string `json:"context"`
}

// Date precisions.
const (
	PrecisionDay      = "day"
	PrecisionMonth    = "month"
	PrecisionYear     = "year"
	PrecisionDocument = "document"
)

// Location is where an event happened.
type Location struct {
	Name    string  `json:"name"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	// Precision is "city", "region" or "country": how closely Lat and Lon
	// place the event.
	Precision string `json:"precision,omitempty"`
}
