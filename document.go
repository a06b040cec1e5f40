package parley

import (
	"fmt"
	"time"
)

// Document is one news article as parley reads it.
type Document struct {
	ID     string `json:"id"`
	Date   string `json:"date"` // publication date, YYYY-MM-DD
	Title  string `json:"title,omitempty"`
	Text   string `json:"text"`
	URL    string `json:"url,omitempty"`
	Source string `json:"source,omitempty"`
	Author string `json:"author,omitempty"` // byline of an HTML page or feed item, when known

	// Origin says where the document was read from (file and line), for
	// error messages. It is not part of the JSON form.
	Origin string `json:"-"`
}

// DateLayout is the layout of Document.Date and Event.Date.
const DateLayout = "2006-01-02"

// MaxDocumentBytes bounds the text of one document; longer ones are refused.
const MaxDocumentBytes = 10 << 20

// Body returns the text that spans and sentence indexes refer to: the title
// and the text joined by one newline, or the text alone when there is no title.
func (d *Document) Body() string {
	if d.Title == "" {
		return d.Text
	}
	return d.Title + "\n" + d.Text
}

// Time parses Date.
func (d *Document) Time() (time.Time, error) {
	t, err := time.Parse(DateLayout, d.Date)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "document %q: date %q is not YYYY-MM-DD", d.ID, d.Date)
	}
	return t, nil
}

// Validate reports what makes a document uncodable.
func (d *Document) Validate() error {
	switch {
	case d.ID == "":
		return Errorf(EINVALID, "document%s: missing id", d.where())
	case d.Date == "":
		return Errorf(EINVALID, "document %q%s: missing date", d.ID, d.where())
	case d.Text == "" && d.Title == "":
		return Errorf(EINVALID, "document %q%s: empty text", d.ID, d.where())
	case len(d.Text)+len(d.Title) > MaxDocumentBytes:
		return Errorf(EINVALID, "document %q%s: %d bytes is over the limit of %d", d.ID, d.where(), len(d.Text)+len(d.Title), MaxDocumentBytes)
	}
	if _, err := d.Time(); err != nil {
		return Errorf(EINVALID, "document %q%s: date %q is not YYYY-MM-DD", d.ID, d.where(), d.Date)
	}
	return nil
}

func (d *Document) where() string {
	if d.Origin == "" {
		return ""
	}
	return fmt.Sprintf(" (%s)", d.Origin)
}
