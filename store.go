package parley

import "context"

// Mention is one coded event record as the store keeps it: the event as the
// coder wrote it, the document it came from, and the deduplicated event
// (cluster) it was merged into, with the reason.
type Mention struct {
	Event
	DocDate   string `json:"doc_date"`             // the document's publication date
	DocSource string `json:"doc_source,omitempty"` // the outlet, when known
	DocTitle  string `json:"doc_title,omitempty"`
	DocURL    string `json:"doc_url,omitempty"`
	// Cluster is the id of the StoredEvent this mention belongs to.
	Cluster string `json:"cluster"`
	// DedupReason says why the mention was merged into its cluster: which
	// other mention it was linked to and on what grounds. The first mention
	// of a cluster has the reason "first report".
	DedupReason string `json:"dedup_reason"`
	// Evidence is the sentence cut into runs, with the actor and verb spans
	// marked, for display. Filled only by StoredEvent lookups.
	Evidence []Run `json:"evidence,omitempty"`
}

// Run is a piece of an evidence sentence. Mark is "", "source", "target" or
// "verb". Text is plain text, never HTML.
type Run struct {
	Text string `json:"text"`
	Mark string `json:"mark,omitempty"`
}

// StoredEvent is a deduplicated event: every mention of the same real event
// (same dyad, same CAMEO root, compatible location, dates within a window),
// across articles, sources and days, clustered into one record. Its coded
// fields come from the representative mention (the most precisely dated, then
// the most confident).
type StoredEvent struct {
	ID            string    `json:"id"`
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
	Text          string    `json:"text"` // the representative mention's sentence
	Doc           string    `json:"doc"`  // the representative mention's document
	Sentence      int       `json:"sentence"`
	URL           string    `json:"url,omitempty"` // the representative document's URL
	Rule          string    `json:"rule"`

	NumMentions int    `json:"num_mentions"`
	NumSources  int    `json:"num_sources"`
	NumArticles int    `json:"num_articles"`
	FirstSeen   string `json:"first_seen"` // earliest publication date of a mention
	LastSeen    string `json:"last_seen"`  // latest publication date of a mention
	// DedupReason summarises why the mentions form one event.
	DedupReason string `json:"dedup_reason"`
	// MentionIDs lists the ids of the mentions, in clustering order.
	MentionIDs []string `json:"mention_ids"`
	// Mentions is filled only by EventStore.FindEvent.
	Mentions []Mention `json:"mentions,omitempty"`
}

// CodedDocument is a document with the events coded from it.
type CodedDocument struct {
	Doc       Document
	Events    []Event
	Sentences int
}

// AddResult says what AddDocuments did.
type AddResult struct {
	Added      int      // documents stored
	Duplicates []string // ids of documents skipped: same id or same normalized text as a stored one
	Mentions   int      // event records stored
}

// EventFilter selects deduplicated events. Empty fields do not filter.
type EventFilter struct {
	Actor   string // CAMEO actor code prefix, matched against source or target ("AFG", "AFGINSTAL")
	Country string // ISO3 of the source, the target or the location
	CAMEO   string // CAMEO event code prefix ("04", "046")
	Root    string // CAMEO root, two digits
	PLOVER  string // PLOVER type (CONSULT)
	From    string // first event date, YYYY-MM-DD, inclusive
	To      string // last event date, YYYY-MM-DD, inclusive
	// Box is a location box: min lon, min lat, max lon, max lat. Only
	// located events fall in a box.
	Box     *[4]float64
	Located bool   // only events with a location
	Text    string // case-insensitive substring of any mention's sentence or actor text
	Cursor  string // from a previous page; "" starts at the newest event
	// Limit is FindEvents' page size: 0 means DefaultLimit, above MaxLimit
	// is cut to MaxLimit. For Dyads it is how many dyads, busiest first:
	// 0 means DefaultDyads, a negative number all of them.
	Limit int
}

// Page sizes of FindEvents.
const (
	DefaultLimit = 100
	MaxLimit     = 1000
)

// DefaultDyads is how many dyads Dyads returns when the filter's Limit is 0.
const DefaultDyads = 1000

// Intervals for aggregates.
const (
	IntervalDay   = "day"
	IntervalWeek  = "week" // weeks start on Monday; a week is named by its Monday
	IntervalMonth = "month"
)

// DyadStat aggregates the events from one actor to another in one period
// (Period is "" when no interval was asked for).
type DyadStat struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Period        string  `json:"period,omitempty"`
	Count         int     `json:"count"`
	Mentions      int     `json:"mentions"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// TimelineStat aggregates the events of one quad class in one period.
type TimelineStat struct {
	Period        string  `json:"period"`
	QuadClass     int     `json:"quad_class"`
	Count         int     `json:"count"`
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// StoreStats counts what a store holds.
type StoreStats struct {
	Documents int `json:"documents"`
	Mentions  int `json:"mentions"`
	Events    int `json:"events"`
}

// EventStore keeps documents, their coded events (mentions) and the
// deduplicated events the mentions are clustered into. Implementations:
// store/sqlite and store/postgres; store/storetest is their contract.
type EventStore interface {
	// AddDocuments stores the documents, their mentions and the updated
	// clusters in one transaction. A document whose id or normalized text
	// (dedup.TextHash) is already stored, or appears earlier in the
	// same call, is skipped and listed in Duplicates. It returns EINVALID
	// for a document that fails Validate.
	AddDocuments(ctx context.Context, docs []CodedDocument) (AddResult, error)
	// HasDocument reports whether a document with this id is stored.
	HasDocument(ctx context.Context, id string) (bool, error)
	// Document returns a stored document, or ENOTFOUND.
	Document(ctx context.Context, id string) (*Document, error)
	// FindEvents returns a page of deduplicated events, newest date first
	// (ties by id, descending), and the cursor of the next page ("" at the
	// end). A malformed cursor or filter is EINVALID.
	FindEvents(ctx context.Context, f EventFilter) ([]*StoredEvent, string, error)
	// FindEvent returns one deduplicated event with all its mentions and
	// their evidence, or ENOTFOUND.
	FindEvent(ctx context.Context, id string) (*StoredEvent, error)
	// Dyads aggregates the filtered events by source and target code (and
	// by period when interval is not ""). Events without a target are left
	// out. It returns the f.Limit busiest dyads (DefaultDyads when 0, all
	// when negative): ordered by their count of events over the whole
	// filter, descending, then by source and target code, each dyad with
	// its periods in order. Cursor is ignored.
	Dyads(ctx context.Context, f EventFilter, interval string) ([]DyadStat, error)
	// Timeline aggregates the filtered events by period and quad class.
	Timeline(ctx context.Context, f EventFilter, interval string) ([]TimelineStat, error)
	// Stats counts documents, mentions and events.
	Stats(ctx context.Context) (StoreStats, error)
	// Close releases the store.
	Close() error
}

// BulkLoader is an EventStore that can also store a large load (tens of
// thousands of documents) in one transaction much faster than AddDocuments:
// it drops the secondary indexes of the mentions and events, appends the
// rows in key order and builds the indexes again (sorted builds, not one
// random insert a row each). Both store/sqlite and store/postgres implement
// it; callers type-assert an EventStore to it.
type BulkLoader interface {
	// BulkAddDocuments stores the documents as AddDocuments does, with the
	// same result and the same stored state (events, mention clusters and
	// reasons, rollups); loading documents already stored skips them. It
	// rebuilds whole indexes, so it costs what the store holds as well as
	// what it loads: use it for loads comparable to the store or larger,
	// AddDocuments for small batches. Readers of the store wait while it
	// runs (PostgreSQL) or see the store as it was (SQLite). It returns
	// EINVALID for a document that fails Validate.
	BulkAddDocuments(ctx context.Context, docs []CodedDocument) (AddResult, error)
}
