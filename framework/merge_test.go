package framework_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func parseTestdata(t *testing.T, names ...string) []*framework.Document {
	t.Helper()
	var docs []*framework.Document
	for _, name := range names {
		path := filepath.Join("..", "testdata", name)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := parse.Parse(path, src)
		if doc == nil {
			t.Fatalf("%s: not a framework document", path)
		}
		docs = append(docs, doc)
	}
	return docs
}

func levelNames(r *framework.Role) []string {
	var names []string
	for _, l := range r.Levels {
		names = append(names, l.Name.Value)
	}
	return names
}

// TestMergeLevelIdentity merges the real documents that give the
// Digital portfolio manager's levels: the role page calls its fourth
// level "Head of portolio", the roles download "Head of portfolio".
func TestMergeLevelIdentity(t *testing.T) {
	dpm := []string{"Digital portfolio analyst", "Digital portfolio manager", "Senior digital portfolio manager", "Head of portfolio"}
	tests := []struct {
		name    string
		files   []string
		levels  []string
		aliases []string // "alias in file: name in file"
	}{{
		name:   "role page and role-level export",
		files:  []string{"role-page-digital-portfolio-manager-2024.txt", "role-level-digital-portfolio-manager.txt"},
		levels: []string{"Digital portfolio analyst", "Digital portfolio manager", "Senior digital portfolio manager", "Head of portolio"},
	}, {
		name:    "role page and roles download",
		files:   []string{"role-page-digital-portfolio-manager-2024.txt", "roles-sample.csv"},
		levels:  dpm,
		aliases: []string{"Head of portolio in ../testdata/role-page-digital-portfolio-manager-2024.txt: Head of portfolio in ../testdata/roles-sample.csv"},
	}, {
		name:    "all three",
		files:   []string{"role-level-digital-portfolio-manager.txt", "roles-sample.csv", "role-page-digital-portfolio-manager-2024.txt"},
		levels:  dpm,
		aliases: []string{"Head of portolio in ../testdata/role-page-digital-portfolio-manager-2024.txt: Head of portfolio in ../testdata/roles-sample.csv"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := parseTestdata(t, tt.files...)
			fw := framework.Merge(docs...)
			r := fw.Role("Digital portfolio manager")
			if r == nil {
				t.Fatal("no Digital portfolio manager")
			}
			if diff := cmp.Diff(tt.levels, levelNames(r)); diff != "" {
				t.Errorf("levels (-want +got):\n%s", diff)
			}
			var aliases []string
			for _, a := range fw.Aliases {
				if a.Role != r {
					t.Errorf("alias %q of role %q, not the merged role", a.Level.Name.Value, a.Role.Name.Value)
				}
				aliases = append(aliases, a.Level.Name.Value+" in "+a.Level.Name.Span.File.Name+": "+a.Name.Value+" in "+a.Name.Span.File.Name)
			}
			if diff := cmp.Diff(tt.aliases, aliases); diff != "" {
				t.Errorf("aliases (-want +got):\n%s", diff)
			}
			// The merged level is the download's, numbered by the page.
			if len(tt.aliases) > 0 {
				head := r.Level("Head of portfolio")
				if head == nil || head.Number != 4 || len(head.Skills) == 0 || len(head.Grades) == 0 {
					t.Errorf("Head of portfolio = %+v, want number 4 with skills and grades", head)
				}
				if r.Level("Head of portolio") != nil {
					t.Error(`Role.Level("Head of portolio") is a level`)
				}
			}
		})
	}
}

// TestMergeRolesInKeyOrder checks that merged roles come in the order of
// their keys, however the documents order them and however they write
// the names (case, spaces), each merged role once: the published
// framework's roles, given in reverse and again in other case.
func TestMergeRolesInKeyOrder(t *testing.T) {
	pub, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	var roles []*framework.Role
	for _, d := range pub.Documents {
		roles = append(roles, d.Roles...)
	}
	if len(roles) < 40 {
		t.Fatalf("the published framework has %d roles", len(roles))
	}
	reversed := &framework.Document{Format: framework.FormatJSON}
	upper := &framework.Document{Format: framework.FormatJSON}
	for i := len(roles) - 1; i >= 0; i-- {
		r := *roles[i]
		reversed.Roles = append(reversed.Roles, &r)
		u := *roles[i]
		u.Name.Value = " " + strings.ToUpper(u.Name.Value)
		upper.Roles = append(upper.Roles, &u)
	}
	fw := framework.Merge(upper, reversed)
	var keys []string
	for _, r := range fw.Roles {
		keys = append(keys, r.Name.Key())
	}
	if !slices.IsSorted(keys) {
		t.Errorf("merged roles not in key order: %q", keys)
	}
	if len(slices.Compact(slices.Clone(keys))) != len(keys) {
		t.Errorf("a key merged twice: %q", keys)
	}
	want := map[string]bool{}
	for _, r := range roles {
		want[r.Name.Key()] = true
	}
	if len(keys) != len(want) {
		t.Errorf("%d merged roles, want %d, one a key", len(keys), len(want))
	}
}
