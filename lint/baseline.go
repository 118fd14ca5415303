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
// fingerprint.
func Fingerprints(diags []Diagnostic) []string {
	seen := map[string]int{}
	fps := make([]string, len(diags))
	for i, d := range diags {
		id := d.Rule + "\x00" + strings.ReplaceAll(fileName(d.Span), "\\", "/") + "\x00" + normMessage(d.Message)
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
		b.Entries[i] = Entry{Fingerprint: fps[i], Rule: d.Rule, File: fileName(d.Span), Message: d.Message}
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

// ReadBaseline parses a baseline file written by [WriteBaseline]. name is
// used in error messages.
func ReadBaseline(name string, src []byte) (*Baseline, error) {
	var b Baseline
	dec := json.NewDecoder(strings.NewReader(string(src)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&b); err != nil {
		pos := framework.Position{Filename: name}
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pos = framework.NewFile(name, string(src)).Position(int(se.Offset))
		case errors.As(err, &te):
			pos = framework.NewFile(name, string(src)).Position(int(te.Offset))
		}
		return nil, &framework.Error{Pos: pos, Msg: "bad baseline: " + err.Error()}
	}
	if b.Version != BaselineVersion {
		return nil, &framework.Error{Pos: framework.Position{Filename: name},
			Msg: fmt.Sprintf("bad baseline: version %d, want %d", b.Version, BaselineVersion)}
	}
	for i, e := range b.Entries {
		if e.Fingerprint == "" {
			return nil, &framework.Error{Pos: framework.Position{Filename: name},
				Msg: fmt.Sprintf("bad baseline: finding %d has no fingerprint", i+1)}
		}
	}
	return &b, nil
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
