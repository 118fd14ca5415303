package parse_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"slices"
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

// TestPublished checks that the embedded snapshot is the September 2025
// downloads, byte for byte, and that it parses into the whole framework:
// every role, its levels in the order and with the grades of the table
// of role levels, every skill.
func TestPublished(t *testing.T) {
	docs, _ := parse.PublishedDocuments()
	want := map[string]string{ // the sums of published/README.md
		"published/roles-2025-09.csv":        "a143d69f8e6f31902df1ac94df21740ba89e417f629f4bd5716d15b594ca7268",
		"published/skills-a-to-z-2025-09.md": "d804e54afad45e9f1c4ce07c67d70293b8dbceac046e6a9effd50ad9497953c8",
	}
	if len(docs) != len(want) {
		t.Fatalf("published documents = %d, want %d", len(docs), len(want))
	}
	for _, d := range docs {
		sum := sha256.Sum256([]byte(d.File.Src))
		if got := hex.EncodeToString(sum[:]); got != want[d.File.Name] || d.Edition.SHA256 != got {
			t.Errorf("%s: sha256 %s, edition %s, want %s", d.File.Name, got, d.Edition.SHA256, want[d.File.Name])
		}
		if d.Edition.Date != "2025-09" {
			t.Errorf("%s: edition date %q, want 2025-09", d.File.Name, d.Edition.Date)
		}
	}
	fw, _ := parse.Published()
	if again, _ := parse.Published(); again != fw {
		t.Error("Published returned a new framework on the second call")
	}
	if e := fw.Edition(); e != parse.PublishedEdition() || e.Date != "2025-09" || len(e.SHA256) != 64 {
		t.Errorf("edition %v, PublishedEdition %v", e, parse.PublishedEdition())
	}
	if n := len(fw.Skills); n != 188 {
		t.Errorf("published skills = %d, want 188", n)
	}
	for _, s := range fw.Skills {
		if n := len(s.Levels); s.SeniorCivilService && n != 0 || !s.SeniorCivilService && n != 4 {
			t.Errorf("skill %s: %d levels (Senior Civil Service %v)", s.Name.Value, n, s.SeniorCivilService)
		}
	}
	var roles, levels, scs, graded int
	for _, r := range fw.Roles {
		roles++
		levels += len(r.Levels)
		if r.SeniorCivilService {
			scs++
			if len(r.Levels) != 0 {
				t.Errorf("Senior Civil Service role %s has %d levels", r.Name.Value, len(r.Levels))
			}
		}
		// The levels the table of role levels knows are in its order,
		// with its grades.
		order := parse.SeniorityLevels(r.Name.Value)
		last := -1
		for _, l := range r.Levels {
			i := slices.IndexFunc(order, func(e parse.SeniorityLevel) bool { return framework.Key(e.Name) == l.Name.Key() })
			if i < 0 {
				continue
			}
			if i < last {
				t.Errorf("%s: level %s out of the table's order", r.Name.Value, l.Name.Value)
			}
			last = i
			var got []string
			for _, g := range l.Grades {
				got = append(got, g.Value)
			}
			if !slices.Equal(got, order[i].Grades) {
				t.Errorf("%s: grades %q, table %q", l.Name.Value, got, order[i].Grades)
			}
			if len(got) > 0 {
				graded++
			}
		}
	}
	if roles != 52 || levels != 201 || scs != 4 {
		t.Errorf("published: %d roles (%d Senior Civil Service), %d levels; want 52 (4), 201", roles, scs, levels)
	}
	if graded < 190 {
		t.Errorf("%d levels have grades from the table, want at least 190", graded)
	}
	da := fw.Role("Data analyst")
	if da == nil || len(da.Levels) != 4 || da.Levels[0].Name.Value != "Associate data analyst" || da.Levels[3].Name.Value != "Principal data analyst" || da.Family.Value != "Data" {
		t.Errorf("Data analyst: %v", da)
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
