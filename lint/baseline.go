package lint

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
)

// BaselineVersion is the version of the baseline file format.
const BaselineVersion = 1

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
// the order of diags, which [Run] sorts by position). It does not depend
// on line or column numbers, so editing above a finding keeps its
// fingerprint, nor on the number of places a finding repeats at (see
// [Diagnostic.Repeats]): it is that of its message without the count,
// so adding, removing or moving rows that repeat it keeps it.
func Fingerprints(diags []Diagnostic) []string {
	seen := map[string]int{}
	fps := make([]string, len(diags))
	for i, d := range diags {
		id := d.Rule + "\x00" + strings.ReplaceAll(fileName(d.Span), "\\", "/") + "\x00" + normMessage(BaseMessage(d))
		n := seen[id]
		seen[id] = n + 1
		sum := sha256.Sum256(fmt.Appendf(nil, "%s\x00%d", id, n))
		fps[i] = hex.EncodeToString(sum[:16])
	}
	return fps
}

// NewBaseline returns the baseline that accepts diags, its entries
// sorted by file, rule, message and fingerprint.
func NewBaseline(diags []Diagnostic) *Baseline {
	fps := Fingerprints(diags)
	b := &Baseline{Version: BaselineVersion, Entries: make([]Entry, len(diags))}
	for i, d := range diags {
		b.Entries[i] = Entry{Fingerprint: fps[i], Rule: d.Rule, File: fileName(d.Span), Message: BaseMessage(d)}
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

// WriteBaseline writes the baseline that accepts diags to w as indented
// JSON. The output depends only on the findings, not on their order.
func WriteBaseline(w io.Writer, diags []Diagnostic) error {
	data, err := json.MarshalIndent(NewBaseline(diags), "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// ErrBaseline is wrapped by the errors of [ReadBaseline].
var ErrBaseline = errors.New("invalid baseline")

// ReadBaseline parses a baseline file written by [WriteBaseline]. name is
// used in positions. A file that is not one is an error at the line and
// column of its first problem, wrapping [ErrBaseline]: a JSON syntax
// error, a key the format does not have, a value of the wrong type, a
// version other than [BaselineVersion], a finding without a fingerprint,
// or text after the baseline object.
func ReadBaseline(name string, src []byte) (*Baseline, error) {
	r := newJSONReader(name, src, ErrBaseline)
	b := &Baseline{}
	if err := readBaseline(r, b); err == nil {
		r.end("baseline object")
	}
	if len(r.errs) > 0 {
		r.errs.Sort()
		e := r.errs[0]
		e.Msg = "bad baseline: " + e.Msg
		return nil, e
	}
	return b, nil
}

func readBaseline(r *jsonReader, b *Baseline) error {
	ok, err := r.open('{', "the baseline")
	if err != nil || !ok {
		return err
	}
	top := r.start
	version, seen := -1, map[string]bool{}
	err = r.object(func(key string, _ int) error {
		if seen[key] {
			r.errorf("duplicate key %q", key)
		}
		seen[key] = true
		switch key {
		case "version":
			tok, err := r.token()
			if err != nil {
				return err
			}
			version = r.start
			n, ok := tok.(json.Number)
			if !ok {
				r.errorf("\"version\" must be a number, not %s", kind(tok))
				return r.skip(tok)
			}
			if n.String() != strconv.Itoa(BaselineVersion) {
				r.errorf("version %s, want %d", shorten(n.String()), BaselineVersion)
				return nil
			}
			b.Version = BaselineVersion
			return nil
		case "findings":
			tok, err := r.token()
			if err != nil || tok == nil { // null, as Go writes no findings
				return err
			}
			if tok != json.Delim('[') {
				r.errorf(`"findings" must be an array, not %s`, kind(tok))
				return r.skip(tok)
			}
			b.Entries = []Entry{}
			return r.array(func(tok json.Token) error {
				if tok != json.Delim('{') {
					r.errorf("a finding must be an object, not %s", kind(tok))
					return r.skip(tok)
				}
				b.Entries = append(b.Entries, Entry{})
				return readEntry(r, &b.Entries[len(b.Entries)-1], len(b.Entries))
			})
		}
		r.errorf("unknown key %q: want \"version\" or \"findings\"", key)
		return r.skipValue()
	})
	if err != nil {
		return err
	}
	if version < 0 {
		r.errorAt(top, "no \"version\": want %d", BaselineVersion)
	}
	return nil
}

// readEntry reads the n-th finding of a baseline, whose '{' was read.
func readEntry(r *jsonReader, e *Entry, n int) error {
	start := r.start
	seen := map[string]bool{}
	err := r.object(func(key string, _ int) error {
		if seen[key] {
			r.errorf("duplicate key %q", key)
		}
		seen[key] = true
		var dst *string
		switch key {
		case "fingerprint":
			dst = &e.Fingerprint
		case "rule":
			dst = &e.Rule
		case "file":
			dst = &e.File
		case "message":
			dst = &e.Message
		default:
			r.errorf("unknown key %q in a finding: want \"fingerprint\", \"rule\", \"file\" or \"message\"", key)
			return r.skipValue()
		}
		s, ok, err := r.str(fmt.Sprintf("%q", key))
		if ok {
			*dst = s
		}
		return err
	})
	if err != nil {
		return err
	}
	if e.Fingerprint == "" {
		r.errorAt(start, "finding %d has no fingerprint", n)
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

// Filter returns the diagnostics that the baseline does not accept, in
// order, and the entries that accept none of diags (stale entries: the
// finding was fixed or changed, and the baseline can be refreshed). An
// entry accepts at most one finding.
func (b *Baseline) Filter(diags []Diagnostic) (kept []Diagnostic, stale []Entry) {
	want := map[string]int{}
	for _, e := range b.Entries {
		want[e.Fingerprint]++
	}
	for i, fp := range Fingerprints(diags) {
		if want[fp] > 0 {
			want[fp]--
			continue
		}
		kept = append(kept, diags[i])
	}
	for _, e := range b.Entries {
		if want[e.Fingerprint] > 0 {
			want[e.Fingerprint]--
			stale = append(stale, e)
		}
	}
	return kept, stale
}
