package parse

import "testing"

// TestPublishedSources checks that the published documents' sources are
// those of the documents decoded: the same files, bytes, formats and
// editions' sums, in the same order.
func TestPublishedSources(t *testing.T) {
	docs, _ := PublishedDocuments()
	src := PublishedSources()
	if len(src.Documents) != len(docs) || len(docs) == 0 {
		t.Fatalf("%d sources for %d documents", len(src.Documents), len(docs))
	}
	for i, d := range docs {
		s := src.Documents[i]
		switch {
		case s.File.Name != d.File.Name, s.File.Src != d.File.Src:
			t.Errorf("source %d is %s, want %s", i, s.File.Name, d.File.Name)
		case s.Format != d.Format:
			t.Errorf("%s: format %s, want %s", s.File.Name, s.Format, d.Format)
		case s.Edition.SHA256 != d.Edition.SHA256:
			t.Errorf("%s: sum %s, want %s", s.File.Name, s.Edition.SHA256, d.Edition.SHA256)
		case len(s.Skills)+len(s.Roles) != 0:
			t.Errorf("%s: a source with content", s.File.Name)
		}
	}
}
