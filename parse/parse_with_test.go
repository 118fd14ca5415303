package parse

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestParseWith checks that ParseWith without a sum gives what
// ParseString gives, down to the errors and the edition's date, with the
// edition's SHA-256 left empty; that a document of the embedded snapshot
// keeps its sum; and that its limits are those given, or the defaults.
func TestParseWith(t *testing.T) {
	names := []string{
		"skills-a-to-z.md", "role-page-digital-portfolio-manager-2024.txt", "role-level-digital-portfolio-manager.txt",
		"legacy-guidance-product-manager-2020.txt", "roles-sample.csv", "skills-sample.csv", "changelog-sample.csv",
		"legacy-guidance-software-developer.html",
	}
	dated := 0
	for _, name := range names {
		b, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		want, wantErr := ParseString(name, string(b))
		got, gotErr := ParseWith(name, string(b), Options{NoSum: true})
		if want == nil || got == nil {
			t.Fatalf("%s: documents %v and %v (%v)", name, want, got, wantErr)
		}
		if want.Edition.SHA256 == "" || got.Edition.SHA256 != "" {
			t.Errorf("%s: sums %q with ParseString, %q without a sum", name, want.Edition.SHA256, got.Edition.SHA256)
		}
		if want.Edition.Date != got.Edition.Date {
			t.Errorf("%s: edition dated %q, %q without a sum", name, want.Edition.Date, got.Edition.Date)
		}
		if want.Edition.Date != "" {
			dated++
		}
		got.Edition.SHA256 = want.Edition.SHA256
		if d := diffDocs(want, got); d != "" {
			t.Errorf("%s: without a sum (-ParseString +ParseWith):\n%s", name, d)
		}
		if (wantErr == nil) != (gotErr == nil) || wantErr != nil && wantErr.Error() != gotErr.Error() {
			t.Errorf("%s: errors %v, %v without a sum", name, wantErr, gotErr)
		}
	}
	if dated == 0 {
		t.Error("no fixture is dated: the edition's date is not checked")
	}
	pub, _ := published.sources()
	doc, err := ParseWith("copy.md", pub[0].src, Options{NoSum: true})
	if err != nil || doc == nil || doc.Edition.SHA256 != pub[0].sha256 {
		t.Errorf("embedded document without a sum: %v, %v", doc, err)
	}
	if _, err := ParseWith("x.txt", "Role page\n\nabc", Options{Limits: &Limits{MaxBytes: 5}}); !errors.Is(err, ErrLimit) {
		t.Errorf("a source over the limit given: %v", err)
	}
	long := string(make([]byte, DefaultLimits.MaxLineBytes+1))
	if _, err := ParseWith("x.txt", long, Options{}); !errors.Is(err, ErrLimit) {
		t.Errorf("a line over the default limit: %v", err)
	}
}
