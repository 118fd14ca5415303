package config

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

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

// configJSON writes c in the configuration format.
func configJSON(t *testing.T, c *Config) []byte {
	type ignore struct {
		Rule   string `json:"rule"`
		Path   string `json:"path,omitempty"`
		Text   string `json:"text,omitempty"`
		Reason string `json:"reason"`
	}
	var v struct {
		Rules  map[string]string `json:"rules"`
		Words  []string          `json:"words"`
		Ignore []ignore          `json:"ignore"`
	}
	v.Rules = map[string]string{}
	for id, rc := range c.Rules {
		if rc.Off {
			v.Rules[id] = "off"
		} else {
			v.Rules[id] = rc.Severity.String()
		}
	}
	v.Words = append([]string{}, c.Words...)
	v.Ignore = []ignore{}
	for _, ig := range c.Ignore {
		v.Ignore = append(v.Ignore, ignore{ig.Rule, ig.Path, ig.Text, ig.Reason})
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// FuzzParseConfig checks that Parse does not panic, that every
// error wraps ErrInvalid at a place in the input, and that a configuration
// it accepts, written again, reads back the same.
func FuzzParseConfig(f *testing.F) {
	f.Add([]byte(`{"rules": {"encoding": "off", "spelling": "Info"}, "words": ["GOV.UK"],
		"ignore": [{"rule": "spelling", "path": "legacy/*.txt", "text": "mangers", "reason": "kept as published"}]}`))
	f.Add([]byte("{\n  \"words\": [\n     \"abc\", @\n  ]\n}\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "c.json"
		c, err := Parse(name, src)
		if c == nil {
			t.Fatalf("nil Config (error %v)", err)
		}
		if err != nil {
			var list framework.ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %T, want a framework.ErrorList: %v", err, err)
			}
			for _, e := range list {
				if !errors.Is(e, ErrInvalid) {
					t.Fatalf("%v does not wrap ErrInvalid", e)
				}
				checkPosition(t, name, src, e)
			}
			return
		}
		again, err := Parse(name, configJSON(t, c))
		if err != nil {
			t.Fatalf("the configuration written again does not read: %v\n%s", err, configJSON(t, c))
		}
		opts := []cmp.Option{
			cmpopts.IgnoreFields(Config{}, "File"),
			cmpopts.IgnoreFields(Rule{}, "Pos"),
			cmpopts.IgnoreFields(Ignore{}, "Pos"),
			cmpopts.EquateEmpty(),
		}
		if diff := cmp.Diff(c, again, opts...); diff != "" {
			t.Fatalf("the configuration written again reads differently (-first +again):\n%s", diff)
		}
	})
}
