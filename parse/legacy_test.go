package parse_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func parseFile(t *testing.T, path string) *framework.Document {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := parse.Parse(path, src)
	if doc == nil {
		t.Fatalf("%s: not a framework document", path)
	}
	return doc
}

// TestLegacyRoles checks that the roles of the older guidance, and only
// they, are marked legacy, in the model and through the JSON export, and
// that a role a current document gives too is not.
func TestLegacyRoles(t *testing.T) {
	legacy := []string{"legacy-guidance-product-manager-2020.txt", "legacy-guidance-software-developer.html"}
	current := []string{"role-page-digital-portfolio-manager-2024.txt", "role-level-digital-portfolio-manager.txt", "roles-sample.csv"}
	var docs []*framework.Document
	for _, name := range append(legacy, current...) {
		doc := parseFile(t, filepath.Join("..", "testdata", name))
		wantLegacy := doc.Format.IsLegacy()
		if len(doc.Roles) == 0 {
			t.Fatalf("%s: no roles", name)
		}
		for _, r := range doc.Roles {
			if r.Legacy != wantLegacy {
				t.Errorf("%s: role %q: Legacy = %v, want %v", name, r.Name.Value, r.Legacy, wantLegacy)
			}
		}
		docs = append(docs, doc)
	}

	// Through the export and back.
	fw := framework.Merge(docs[:2]...)
	out, err := framework.Export(fw, framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := parse.As(framework.FormatJSON, "export.json", out)
	if err != nil {
		t.Fatalf("As(FormatJSON): %v", err)
	}
	if len(back.Roles) != 2 {
		t.Fatalf("read back %d roles, want 2", len(back.Roles))
	}
	for _, r := range back.Roles {
		if !r.Legacy {
			t.Errorf("read back role %q: Legacy = false, want true", r.Name.Value)
		}
	}
	again, err := framework.Export(framework.Merge(back), framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(out) {
		t.Error("export -> parse -> export is not byte-identical")
	}

	// Product manager and Software developer are in the older guidance
	// and in the published roles download: merged, they are current
	// roles.
	all := framework.Merge(append(docs, parseFile(t, filepath.Join("published", "roles-2025-09.csv")))...)
	for _, name := range []string{"Product manager", "Software developer", "Digital portfolio manager"} {
		if r := all.Role(name); r == nil || r.Legacy {
			t.Errorf("merged role %q is missing or legacy, want a current role", name)
		}
	}
	for _, r := range framework.Merge(docs...).Roles {
		want := r.Name.Value == "Product manager" || r.Name.Value == "Software developer"
		if r.Legacy != want {
			t.Errorf("merged role %q without the download: Legacy = %v, want %v", r.Name.Value, r.Legacy, want)
		}
	}
}

// TestLegacySkillRoundTrip checks that a skill marked legacy in a JSON
// export is read back so, and exported again so.
func TestLegacySkillRoundTrip(t *testing.T) {
	fw := &framework.Framework{Skills: []*framework.Skill{
		{Name: framework.Text{Value: "Retired skill"}, Legacy: true},
		{Name: framework.Text{Value: "Current skill"}},
	}}
	out, err := framework.Export(fw, framework.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	back, err := parse.As(framework.FormatJSON, "export.json", out)
	if err != nil {
		t.Fatalf("As(FormatJSON): %v", err)
	}
	if len(back.Skills) != 2 || !back.Skills[0].Legacy || back.Skills[1].Legacy {
		t.Fatalf("read back %d skills, legacy %v, want 2, [true false]", len(back.Skills), func() []bool {
			var b []bool
			for _, s := range back.Skills {
				b = append(b, s.Legacy)
			}
			return b
		}())
	}
}
