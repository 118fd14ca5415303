package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/lint/config"
	"github.com/ddat-tools/ddat/schema"
)

// ruleEnums match the lists of rule IDs in schema/config.schema.json: the
// names of "rules" and the values of an ignore entry's "rule".
var ruleEnums = []*regexp.Regexp{
	regexp.MustCompile(`("propertyNames": \{"enum": \[)[^\]]*(\]\})`),
	regexp.MustCompile(`("rule": \{"type": "string", "enum": \[)[^\]]*(\]\})`),
}

// TestConfigSchemaRules checks that the config schema lists the IDs of
// lint.All, in order, so that ddat validate and editors reject an unknown
// rule as ddat lint does. The schema package cannot import lint, so the
// lists are written into the schema; run with -update to rewrite them.
func TestConfigSchemaRules(t *testing.T) {
	name := filepath.Join(repoRoot(t), "schema", "config.schema.json")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(lint.All))
	for i, r := range lint.All {
		ids[i] = `"` + r.ID + `"`
	}
	want := string(src)
	for _, re := range ruleEnums {
		if n := len(re.FindAllStringIndex(want, -1)); n != 1 {
			t.Fatalf("%s: %d matches of %s, want 1", name, n, re)
		}
		want = re.ReplaceAllString(want, "${1}"+strings.Join(ids, ", ")+"${2}") // IDs are kebab-case: no "$"
	}
	if got := string(src); got != want {
		if *update {
			if err := os.WriteFile(name, []byte(want), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("%s lists other rules than lint.All (-want +got); run go test -update to rewrite it:\n%s", name, cmp.Diff(want, got))
	}

	// What validate says agrees with what lint's configuration reader says.
	for _, r := range lint.All {
		doc := `{"rules": {"` + r.ID + `": "off"}, "ignore": [{"rule": "` + r.ID + `", "reason": "r"}]}`
		if err := schema.Validate(schema.Config, []byte(doc)); err != nil {
			t.Errorf("validate rejects rule %s: %v", r.ID, err)
		}
		if _, err := config.Parse("c.json", []byte(doc)); err != nil {
			t.Errorf("lint rejects rule %s: %v", r.ID, err)
		}
	}
	doc := `{"rules": {"speling": "off"}}`
	if err := schema.Validate(schema.Config, []byte(doc)); err == nil {
		t.Errorf("validate accepts the unknown rule in %s", doc)
	}
	if _, err := config.Parse("c.json", []byte(doc)); err == nil {
		t.Errorf("lint accepts the unknown rule in %s", doc)
	}
}
