package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// checkPosition fails unless e is at a place in src, with the line and
// column that its offset resolves to.
func checkPosition(t *testing.T, name string, src []byte, e *framework.Error) {
	t.Helper()
	if e.Pos.Offset < 0 || e.Pos.Offset > len(src) {
		t.Fatalf("%v: offset %d outside the input of %d bytes", e, e.Pos.Offset, len(src))
	}
	if want := framework.NewFile(name, string(src)).Position(e.Pos.Offset); e.Pos != want {
		t.Fatalf("%v: position %+v, offset %d resolves to %+v", e, e.Pos, e.Pos.Offset, want)
	}
}

// FuzzReadBaseline checks that Read does not panic, that its
// error wraps ErrInvalid at a place in the input, and that a baseline it
// accepts decodes the same with encoding/json and reads back the same
// when written again.
func FuzzReadBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"fingerprint": "0a1b", "rule": "spelling", "file": "a.md", "message": "\"mangers\" is misspelt"}]}`))
	f.Add([]byte(`{"version": 1,}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "b.json"
		b, err := Read(name, src)
		if err != nil {
			var e *framework.Error
			if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %T does not wrap ErrInvalid in a *framework.Error: %v", err, err)
			}
			checkPosition(t, name, src, e)
			return
		}
		// What Read accepts, encoding/json reads the same.
		var std Baseline
		dec := json.NewDecoder(bytes.NewReader(src))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&std); err != nil {
			t.Fatalf("accepted, but encoding/json fails: %v", err)
		}
		if diff := cmp.Diff(&std, b); diff != "" {
			t.Fatalf("encoding/json reads otherwise (-encoding/json +Read):\n%s", diff)
		}
		data, err := json.MarshalIndent(b, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		again, err := Read(name, data)
		if err != nil {
			t.Fatalf("the baseline written again does not read: %v\n%s", err, data)
		}
		if diff := cmp.Diff(b, again); diff != "" {
			t.Fatalf("the baseline written again reads differently (-first +again):\n%s", diff)
		}
	})
}
