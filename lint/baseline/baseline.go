// Package baseline records the findings of a run as accepted for now, so
// that a later run reports only new ones. [Fingerprints] identifies
// findings without line numbers; [Write] records them, [Read] reads the
// record back, and [Baseline.Filter] picks out the findings it does not
// accept.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/internal/jsonread"
)

// Version is the version of the baseline file format.
const Version = 1

// Baseline is a recorded set of findings that are accepted for now: a
// run filtered by it reports only new findings. Entries are identified by
// fingerprints (see [Fingerprints]) that do not depend on line numbers.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"findings"`
}

// Entry is one finding of a [Baseline]. Rule, File and Message are there
// for the reader; only Fingerprint is compared.
type Entry struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Message     string `json:"message"`
}

// positionRE matches what a message may say about a place in a file
// ("line 12", ":12:4"), which editing above a finding changes.
var positionRE = regexp.MustCompile(`\b(lines?) \d+(?:[-–]\d+)?|:\d+(?::\d+)?\b`)

// normMessage is the message as fingerprinted: compared by
// [framework.Key], with line numbers blanked.
func normMessage(msg string) string {
	return positionRE.ReplaceAllString(framework.Key(msg), "$1 #")
}

// Fingerprints returns a fingerprint for each diagnostic, in order. A
// fingerprint is a hash of the rule, the file name (slash-separated, as
// the file was named), the normalised message and the occurrence index of
// the finding among the findings with the same rule, file and message (in
// the order of diags, which [lint.Run] sorts by position). It does not depend
// on line or column numbers, so editing above a finding keeps its
// fingerprint, nor on the number of places a finding repeats at (see
// [lint.Diagnostic.Repeats]): it is that of its message without the count,
// so adding, removing or moving rows that repeat it keeps it.
func Fingerprints(diags []lint.Diagnostic) []string {
	seen := map[string]int{}
	fps := make([]string, len(diags))
	for i, d := range diags {
		id := d.Rule + "\x00" + strings.ReplaceAll(fileName(d.Span), "\\", "/") + "\x00" + normMessage(lint.BaseMessage(d))
		n := seen[id]
		seen[id] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", id, n))
		fps[i] = hex.EncodeToString(sum[:16])
	}
	return fps
}

// New returns the baseline that accepts diags, its entries
// sorted by file, rule, message and fingerprint.
func New(diags []lint.Diagnostic) *Baseline {
	fps := Fingerprints(diags)
	b := &Baseline{Version: Version, Entries: make([]Entry, len(diags))}
	for i, d := range diags {
		b.Entries[i] = Entry{Fingerprint: fps[i], Rule: d.Rule, File: fileName(d.Span), Message: lint.BaseMessage(d)}
	}
	sort.Slice(b.Entries, func(i, j int) bool {
		x, y := b.Entries[i], b.Entries[j]
		if x.File != y.File {
			return x.File < y.File
		}
		if x.Rule != y.Rule {
			return x.Rule < y.Rule
		}
		if x.Message != y.Message {
			return x.Message < y.Message
		}
		return x.Fingerprint < y.Fingerprint
	})
	return b
}

// Write writes the baseline that accepts diags to w as indented
// JSON. The output depends only on the findings, not on their order.
func Write(w io.Writer, diags []lint.Diagnostic) error {
	data, err := json.MarshalIndent(New(diags), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ErrInvalid is wrapped by the errors of [Read].
var ErrInvalid = errors.New("invalid baseline")

// Read parses a baseline file written by [Write]. name is
// used in positions. A file that is not one is an error at the line and
// column of its first problem, wrapping [ErrInvalid]: a JSON syntax
// error, a key the format does not have, a value of the wrong type, a
// version other than [Version], a finding without a fingerprint,
// or text after the baseline object.
func Read(name string, src []byte) (*Baseline, error) {
	r := jsonread.New(name, src, ErrInvalid)
	b := &Baseline{}
	if err := read(r, b); err == nil {
		r.End("baseline object")
	}
	if len(r.Errs) > 0 {
		r.Errs.Sort()
		e := r.Errs[0]
		e.Msg = "bad baseline: " + e.Msg
		return nil, e
	}
	return b, nil
}

func read(r *jsonread.Reader, b *Baseline) error {
	ok, err := r.Open('{', "the baseline")
	if err != nil || !ok {
		return err
	}
	top := r.Start
	version, seen := -1, map[string]bool{}
	err = r.Object(func(key string, _ int) error {
		if seen[key] {
			r.Errorf("duplicate key %q", key)
		}
		seen[key] = true
		switch key {
		case "version":
			tok, err := r.Token()
			if err != nil {
				return err
			}
			version = r.Start
			n, ok := tok.(json.Number)
			if !ok {
				r.Errorf("\"version\" must be a number, not %s", jsonread.Kind(tok))
				return r.Skip(tok)
			}
			if n.String() != strconv.Itoa(Version) {
				r.Errorf("version %s, want %d", shorten(n.String()), Version)
				return nil
			}
			b.Version = Version
			return nil
		case "findings":
			tok, err := r.Token()
			if err != nil || tok == nil { // null, as Go writes no findings
				return err
			}
			if tok != json.Delim('[') {
				r.Errorf(`"findings" must be an array, not %s`, jsonread.Kind(tok))
				return r.Skip(tok)
			}
			b.Entries = []Entry{}
			return r.Array(func(tok json.Token) error {
				if tok != json.Delim('{') {
					r.Errorf("a finding must be an object, not %s", jsonread.Kind(tok))
					return r.Skip(tok)
				}
				b.Entries = append(b.Entries, Entry{})
				return readEntry(r, &b.Entries[len(b.Entries)-1], len(b.Entries))
			})
		}
		r.Errorf("unknown key %q: want \"version\" or \"findings\"", key)
		return r.SkipValue()
	})
	if err != nil {
		return err
	}
	if version < 0 {
		r.ErrorAt(top, "no \"version\": want %d", Version)
	}
	return nil
}

// readEntry reads the n-th finding of a baseline, whose '{' was read.
func readEntry(r *jsonread.Reader, e *Entry, n int) error {
	start := r.Start
	seen := map[string]bool{}
	err := r.Object(func(key string, _ int) error {
		if seen[key] {
			r.Errorf("duplicate key %q", key)
		}
		seen[key] = true
		_, err := r.StringMember(key, "a finding",
			jsonread.Field{Name: "fingerprint", Dst: &e.Fingerprint}, jsonread.Field{Name: "rule", Dst: &e.Rule},
			jsonread.Field{Name: "file", Dst: &e.File}, jsonread.Field{Name: "message", Dst: &e.Message})
		return err
	})
	if err != nil {
		return err
	}
	if e.Fingerprint == "" {
		r.ErrorAt(start, "finding %d has no fingerprint", n)
	}
	return nil
}

// shorten returns s, or its start and an ellipsis if s is long.
func shorten(s string) string {
	const n = 20
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// Filter returns the indices of the fingerprints fps (see [Fingerprints])
// that the baseline does not accept, in order, and the entries that accept
// none of them (stale entries: the finding was fixed or changed, and the
// baseline can be refreshed). An entry accepts at most one finding.
func (b *Baseline) Filter(fps []string) (kept []int, stale []Entry) {
	want := map[string]int{}
	for _, e := range b.Entries {
		want[e.Fingerprint]++
	}
	for i, fp := range fps {
		if want[fp] > 0 {
			want[fp]--
			continue
		}
		kept = append(kept, i)
	}
	for _, e := range b.Entries {
		if want[e.Fingerprint] > 0 {
			want[e.Fingerprint]--
			stale = append(stale, e)
		}
	}
	return kept, stale
}

func fileName(s framework.Span) string {
	if s.File == nil {
		return ""
	}
	return s.File.Name
}
