package parse_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestDetect(t *testing.T) {
	for name, want := range map[string]framework.Format{
		"skills-a-to-z.md": framework.FormatSkillsMarkdown,
		"role-page-digital-portfolio-manager-2024.txt": framework.FormatRolePage,
		"role-level-digital-portfolio-manager.txt":     framework.FormatRoleLevel,
		"legacy-guidance-product-manager-2020.txt":     framework.FormatLegacyGuidance,
		"not-framework-pmo-article.txt":                "",
		"seeds-README.md":                              "",
	} {
		if got := parse.Detect(readFixture(t, name)); got != want {
			t.Errorf("Detect(%s) = %q, want %q", name, got, want)
		}
	}
}

func TestNotFramework(t *testing.T) {
	doc, err := parse.Parse("seeds/002.txt", readFixture(t, "not-framework-pmo-article.txt"))
	if doc != nil {
		t.Errorf("got a document for the PMO article")
	}
	if !errors.Is(err, parse.ErrNotFramework) {
		t.Fatalf("error %v does not wrap ErrNotFramework", err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "seeds/002.txt: not a framework document") {
		t.Errorf("error does not start with the file name: %s", msg)
	}
	for _, f := range parse.Formats() {
		if !strings.Contains(msg, string(f)) {
			t.Errorf("error does not list format %s: %s", f, msg)
		}
	}
}

// TestPublished checks that the embedded snapshot is the fixtures, byte
// for byte, and parses into the published framework.
func TestPublished(t *testing.T) {
	docs, _ := parse.PublishedDocuments()
	if len(docs) != 4 {
		t.Fatalf("published documents = %d, want 4", len(docs))
	}
	for _, d := range docs {
		if d.File.Src != string(readFixture(t, filepath.Base(d.File.Name))) {
			t.Errorf("embedded %s differs from testdata", d.File.Name)
		}
	}
	fw, _ := parse.Published()
	if n := len(fw.Skills); n != 188 {
		t.Errorf("published skills = %d, want 188", n)
	}
	var roles []string
	for _, r := range fw.Roles {
		roles = append(roles, r.Name.Value)
	}
	if got := strings.Join(roles, ", "); got != "Digital portfolio manager, Product manager" {
		t.Errorf("published roles = %s", got)
	}
	dpm := fw.Role("digital portfolio manager")
	if dpm.Family.Value != "Product and delivery" || len(dpm.Levels) != 4 {
		t.Errorf("merged Digital portfolio manager: family %q, %d levels", dpm.Family.Value, len(dpm.Levels))
	}
}

// TestTolerance parses each fixture again with CRLF line ends and a byte
// order mark, and checks that the structure is the same.
func TestTolerance(t *testing.T) {
	for _, name := range []string{
		"skills-a-to-z.md",
		"role-page-digital-portfolio-manager-2024.txt",
		"role-level-digital-portfolio-manager.txt",
		"legacy-guidance-product-manager-2020.txt",
	} {
		src := readFixture(t, name)
		crlf := append([]byte("\ufeff"), bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))...)
		a, _ := parse.Parse(name, src)
		b, _ := parse.Parse(name, crlf)
		if a == nil || b == nil {
			t.Errorf("%s: no document (LF %v, CRLF+BOM %v)", name, a != nil, b != nil)
			continue
		}
		if sa, sb := summary(a), summary(b); sa != sb {
			t.Errorf("%s: LF gives %s, CRLF+BOM gives %s", name, sa, sb)
		}
	}
}

func summary(d *framework.Document) string {
	var b strings.Builder
	b.WriteString(string(d.Format))
	for _, s := range d.Skills {
		b.WriteString("|" + s.Name.Value)
		for _, l := range s.Levels {
			b.WriteString(" " + l.Level.String() + ":" + string(rune('0'+len(l.Descriptors))))
		}
	}
	for _, r := range d.Roles {
		b.WriteString("|" + r.Name.Value)
		for _, l := range r.Levels {
			b.WriteString("/" + l.Name.Value)
			for _, q := range l.Skills {
				b.WriteString("," + q.Skill.Value + "=" + q.Level.String())
			}
		}
	}
	return b.String()
}
