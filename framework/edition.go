package framework

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"
)

// Edition says which content a document or a framework holds. The
// framework has no version numbers, so an edition is the date the
// content was published or downloaded and a hash of its sources.
type Edition struct {
	// Date is when the content was published or downloaded, as
	// "YYYY-MM-DD" or "YYYY-MM" (a download known by its month); empty
	// if unknown.
	Date string

	// SHA256 is the lower-case hex SHA-256 of the source bytes of a
	// document, or, for a framework, of its documents' sums (see
	// [Framework.Edition]).
	SHA256 string
}

// IsZero reports whether nothing is known of the edition.
func (e Edition) IsZero() bool { return e == Edition{} }

// String formats the edition as "2025-09 (sha256 a143d69f8e6f)", with the
// first 12 hex digits of the sum.
func (e Edition) String() string {
	d := e.Date
	if d == "" {
		d = "undated"
	}
	if e.SHA256 == "" {
		return d
	}
	return fmt.Sprintf("%s (sha256 %.12s)", d, e.SHA256)
}

// SourceEdition returns the edition of a document read from src: the later
// of its stated dates (published, updated), and the SHA-256 of src.
func SourceEdition(src string, dates ...Date) Edition {
	return SumEdition(hashString(src), dates...)
}

// SumEdition is [SourceEdition] for a source whose SHA-256 (lower-case
// hex) the caller knows: an embedded document, known byte for byte.
func SumEdition(sum string, dates ...Date) Edition {
	return Edition{Date: latestDate(dates...), SHA256: sum}
}

// latestDate returns the latest stated date of ds as YYYY-MM-DD, or "".
func latestDate(ds ...Date) string {
	var t time.Time
	for _, d := range ds {
		if d.Time.After(t) {
			t = d.Time
		}
	}
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// Edition returns the framework's edition: the latest date of its
// documents' editions, and the SHA-256 of the lines "<sum>\n" of its
// documents' sums in [Framework.Documents] order (for a document read
// from a JSON export, the sums of the documents that export lists). The
// same documents give the same edition, however they were read. A
// framework whose documents have no sums (built in code) has none.
func (f *Framework) Edition() Edition {
	var date string
	h := sha256.New()
	known := false // a document's sum is known
	add := func(e Edition) {
		if e.Date > date {
			date = e.Date
		}
		known = known || e.SHA256 != ""
		fmt.Fprintf(h, "%s\n", e.SHA256)
	}
	for _, d := range f.Documents {
		if d == nil {
			continue
		}
		if d.Sources != nil {
			for _, s := range d.Sources {
				if s != nil {
					add(s.Edition)
				}
			}
			continue
		}
		add(d.Edition)
	}
	if !known {
		return Edition{Date: date} // documents built in code
	}
	return Edition{Date: date, SHA256: hex.EncodeToString(h.Sum(nil))}
}

// hashString returns the lower-case hex SHA-256 of s, without copying s
// whole: a source can be megabytes.
func hashString(s string) string {
	h := sha256.New()
	var buf [32 << 10]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}
