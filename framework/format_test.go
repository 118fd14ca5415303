package framework_test

import (
	"slices"
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// TestFormats validates the registry of formats: every format once, with
// a name, the legacy ones those of the older guidance, each CSV table
// written in one format that has a header.
func TestFormats(t *testing.T) {
	all := []framework.Format{
		framework.FormatSkillsMarkdown, framework.FormatRolePage, framework.FormatRoleLevel,
		framework.FormatLegacyGuidance, framework.FormatJSON, framework.FormatRolesCSV,
		framework.FormatSkillsCSV, framework.FormatChangesCSV, framework.FormatLegacyHTML,
	}
	fs := framework.Formats()
	if len(fs) != len(all) {
		t.Errorf("Formats() has %d formats, want %d", len(fs), len(all))
	}
	names := map[string]bool{}
	tables := map[framework.CSVTable]bool{}
	for _, f := range fs {
		if !slices.Contains(all, f.Format) {
			t.Errorf("Formats() has %q, which is not a Format constant", f.Format)
		}
		if f.Name == "" || names[f.Name] {
			t.Errorf("format %q: name %q empty or repeated", f.Format, f.Name)
		}
		names[f.Name] = true
		if got, ok := f.Format.Info(); !ok || got.Name != f.Name {
			t.Errorf("%q.Info() = %+v, %v; want the registry's entry", f.Format, got, ok)
		}
		if got, want := f.Format.IsLegacy(), f.Format == framework.FormatLegacyGuidance || f.Format == framework.FormatLegacyHTML; got != want {
			t.Errorf("%q.IsLegacy() = %v, want %v", f.Format, got, want)
		}
		if f.Table != "" && (len(f.Header) == 0 || tables[f.Table]) {
			t.Errorf("format %q writes table %q: no header, or another format writes it too", f.Format, f.Table)
		}
		tables[f.Table] = true
	}
	for _, f := range all {
		if _, ok := f.Info(); !ok {
			t.Errorf("%q is not in the registry", f)
		}
	}
	if _, ok := framework.Format("nonsense").Info(); ok || framework.Format("nonsense").IsLegacy() {
		t.Errorf("an unknown format is known")
	}
	// The CSV headers are the official layouts, which ExportCSV writes.
	for _, tab := range []framework.CSVTable{framework.CSVRoles, framework.CSVSkills} {
		if !tables[tab] {
			t.Errorf("no format writes CSV table %q", tab)
		}
	}
}
