package parse_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// mustParse parses a fixture and fails the test on any error.
func mustParse(t *testing.T, name string) *framework.Document {
	t.Helper()
	doc, err := parse.Parse(name, readFixture(t, name))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return doc
}

// pos returns "line:col" of the start of sp.
func pos(sp framework.Span) string {
	p := sp.Pos()
	return fmt.Sprintf("%d:%d", p.Line, p.Column)
}

// requirements renders a level's skills as "name=level/descriptors".
func requirements(l *framework.RoleLevel) []string {
	var out []string
	for _, r := range l.Skills {
		out = append(out, fmt.Sprintf("%s=%s/%d", r.Skill.Value, r.Level, len(r.Descriptors)))
	}
	return out
}

func TestRolePage(t *testing.T) {
	doc := mustParse(t, "role-page-digital-portfolio-manager-2024.txt")
	if len(doc.Notes) > 0 {
		t.Errorf("notes on a clean page: %v", doc.Notes)
	}
	if doc.Title.Value != "Digital portfolio manager" || doc.Published.Value != "28 February 2024" || doc.Updated.Value != "28 February 2024" {
		t.Errorf("title %q, published %q, updated %q", doc.Title.Value, doc.Published.Value, doc.Updated.Value)
	}
	if got := pos(doc.Published.Span); got != "9:11" {
		t.Errorf("published date at %s, want 9:11", got)
	}
	if len(doc.Roles) != 1 {
		t.Fatalf("%d roles, want 1", len(doc.Roles))
	}
	role := doc.Roles[0]
	if role.LevelCount.Count != 4 || pos(role.LevelCount.Text.Span) != "17:1" {
		t.Errorf("level count %d at %s, want 4 at 17:1", role.LevelCount.Count, pos(role.LevelCount.Text.Span))
	}
	if len(role.Description) != 1 || !strings.Contains(role.Description[0].Value, "group , or") {
		t.Errorf("role description %q", role.Description)
	}
	var levels []string
	for _, l := range role.Levels {
		levels = append(levels, fmt.Sprintf("%d %s @%s", l.Number, l.Name.Value, pos(l.Name.Span)))
	}
	want := []string{
		"1 Digital portfolio analyst @21:4",
		"2 Digital portfolio manager @105:4",
		"3 Senior digital portfolio manager @189:4",
		"4 Head of portolio @278:4",
	}
	if diff := cmp.Diff(want, levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{
		"Agile working=awareness/4",
		"Communicating analysis and insight=working/3",
		"Governance and assurance=awareness/2",
		"Planning=awareness/2",
		"Stakeholder relationship management=working/4",
		"Strategic thinking=awareness/2",
	}, requirements(role.Levels[0])); diff != "" {
		t.Errorf("level 1 skills (-want +got):\n%s", diff)
	}
	for _, l := range role.Levels {
		if len(l.Skills) != 6 || len(l.Responsibilities) == 0 {
			t.Errorf("level %s: %d skills, %d responsibilities", l.Name.Value, len(l.Skills), len(l.Responsibilities))
		}
	}
	r := role.Levels[0].Skills[1]
	if r.Scale.Value != "Working is the second of 4 ascending skill levels" || pos(r.LevelText.Span) != "49:8" {
		t.Errorf("scale %q, level text at %s", r.Scale.Value, pos(r.LevelText.Span))
	}
	if got := r.Descriptors[0]; got.Value != "understand the appropriate media to communicate findings" || pos(got.Span) != "55:5" {
		t.Errorf("first descriptor %q at %s", got.Value, pos(got.Span))
	}
	var shared []string
	for _, s := range role.SharedSkills {
		shared = append(shared, fmt.Sprintf("%s:%d", s.Role.Value, len(s.Skills)))
	}
	if diff := cmp.Diff([]string{"Content strategist:3", "Data governance manager:3", "Technical writer:3", "Business architect:2", "Graphic designer:2"}, shared); diff != "" {
		t.Errorf("shared skills (-want +got):\n%s", diff)
	}
}

func TestRoleLevel(t *testing.T) {
	doc := mustParse(t, "role-level-digital-portfolio-manager.txt")
	role := doc.Roles[0]
	if role.Family.Value != "Product and delivery" || role.Name.Value != "Digital portfolio manager" || pos(role.Name.Span) != "1:28" {
		t.Errorf("family %q, role %q at %s", role.Family.Value, role.Name.Value, pos(role.Name.Span))
	}
	if len(role.Levels) != 1 {
		t.Fatalf("%d levels, want 1", len(role.Levels))
	}
	l := role.Levels[0]
	if l.Name.Value != "Digital portfolio manager" || len(l.Description) != 1 || len(l.Responsibilities) != 5 {
		t.Errorf("level %q: %d description, %d responsibilities", l.Name.Value, len(l.Description), len(l.Responsibilities))
	}
	// The format states no skill levels: they stay unknown.
	if diff := cmp.Diff([]string{
		"Agile working=unknown/4",
		"Communicating analysis and insight=unknown/4",
		"Governance and assurance=unknown/3",
		"Planning=unknown/2",
		"Stakeholder relationship management=unknown/4",
		"Strategic thinking=unknown/2",
	}, requirements(l)); diff != "" {
		t.Errorf("skills (-want +got):\n%s", diff)
	}
}

func TestLegacyGuidance(t *testing.T) {
	doc := mustParse(t, "legacy-guidance-product-manager-2020.txt")
	if doc.Title.Value != "Product manager" || doc.Published.Value != "7 January 2020" {
		t.Errorf("title %q, published %q", doc.Title.Value, doc.Published.Value)
	}
	role := doc.Roles[0]
	if len(role.Skills) != 10 || role.Skills[0].Skill.Value != "Agile working" || role.Skills[0].Level != 0 {
		t.Errorf("role-wide skills: %d", len(role.Skills))
	}
	var levels, lifecycle []string
	for _, l := range role.Levels {
		levels = append(levels, fmt.Sprintf("%s/%d/%d", l.Name.Value, len(l.Responsibilities), len(l.Skills)))
		if r := l.Skill("Life-cycle perspective"); r != nil {
			lifecycle = append(lifecycle, r.Level.String()+"@"+pos(r.LevelText.Span))
		}
	}
	// Page chrome (Contents, Read more, Related content) makes no level.
	if diff := cmp.Diff([]string{
		"Associate product manager/0/10",
		"Product manager/5/10",
		"Senior product manager/4/10",
		"Lead product manager/6/10",
		"Head of product/6/10",
	}, levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"awareness@165:155", "working@204:294", "expert@240:519", "practitioner@278:471", "expert@316:515"}, lifecycle); diff != "" {
		t.Errorf("Life-cycle perspective levels (-want +got):\n%s", diff)
	}
	r := role.Levels[0].Skills[0]
	if strings.Contains(r.Description.Value, "Relevant skill level") || !strings.HasPrefix(r.Description.Value, "You know about agile") {
		t.Errorf("description %q", r.Description.Value)
	}
}

// TestPageErrors checks what the page parsers say about damaged input:
// an error or a note at the line and column of the damage, saying what
// was expected.
func TestPageErrors(t *testing.T) {
	for _, tc := range []struct {
		format    framework.Format
		name, src string
		want      string // substring of the error or of a note, with its position
	}{
		{framework.FormatRoleLevel, "level.txt", "Product and delivery role: Digital portfolio manager\nRole level: Analyst\nSkill: Planning\n- plan\nLevel 3 of 4 somehow\n",
			`level.txt:5:1: expected "Role level:"`},
		{framework.FormatRoleLevel, "level.txt", "Role level: Analyst\nSkill: Planning\n",
			`level.txt:1:1: expected "<family> role: <role name>"`},
		{framework.FormatRolePage, "page.txt", "Digital portfolio manager\n\nSkill Description\n\nPlanning\n\nLevel: working\n",
			`page.txt:1:1: role "Digital portfolio manager" has no role levels`},
		{framework.FormatRolePage, "page.txt", "Analyst role\n\n1. Analyst\n\nSkill Description\n\nPlanning\n\nLevel: working\n\n  • plan things\n",
			`page.txt:11:5: unexpected-bullet`},
		{framework.FormatLegacyGuidance, "legacy.txt", "Guidance\nAnalyst\nIntroduction to the role of analyst\nAn analyst analyses.\nSkills required to be an analyst\nPlanning. You plan.\nJunior analyst\nSkills needed for this role\nPlanning. You plan.\n",
			`legacy.txt:9:1: no-skill-level: skill "Planning" states no level`},
	} {
		doc, err := parse.As(tc.format, tc.name, []byte(tc.src))
		var got []string
		if err != nil {
			got = append(got, err.Error())
		}
		if doc != nil {
			for _, n := range doc.Notes {
				got = append(got, fmt.Sprintf("%s: %s: %s", n.Span, n.Code, n.Message))
			}
		}
		if !strings.Contains(strings.Join(got, "\n"), tc.want) {
			t.Errorf("%s: want %q in:\n%s", tc.name, tc.want, strings.Join(got, "\n"))
		}
	}
}

// TestPageFormatsWithoutChrome checks that each page format parses from
// the smallest text that has its shape.
func TestPageFormatsWithoutChrome(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want framework.Format
	}{
		{"Analyst\n\n1. Junior analyst\n\nSkill Description\n\nPlanning\n\nLevel: working\n\nYou can:\n\n- plan\n", framework.FormatRolePage},
		{"Data role: Analyst\nRole level: Junior analyst\nSkill: Planning\n- plan\n", framework.FormatRoleLevel},
		{"Guidance\nAnalyst\nIntroduction to the role of analyst\nAn analyst analyses.\nJunior analyst\nSkills needed for this role\nPlanning. You plan. (Relevant skill level: working)\n", framework.FormatLegacyGuidance},
	} {
		doc, err := parse.Parse("x.txt", []byte(tc.src))
		if err != nil || doc.Format != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want a %s document", tc.src, doc, err, tc.want)
			continue
		}
		r := doc.Roles[0].Levels[0].Skills[0]
		if r.Skill.Value != "Planning" || doc.Roles[0].Levels[0].Name.Value != "Junior analyst" {
			t.Errorf("%s: skill %q in level %q", tc.want, r.Skill.Value, doc.Roles[0].Levels[0].Name.Value)
		}
	}
}

// TestBulletsAndSpace checks that "-" and "*" bullets, NBSP and trailing
// space read as the published "•" bullets do.
func TestBulletsAndSpace(t *testing.T) {
	name := "role-page-digital-portfolio-manager-2024.txt"
	src := readFixture(t, name)
	want := mustParse(t, name)
	for _, variant := range [][]byte{
		bytes.ReplaceAll(src, []byte("•"), []byte("-")),
		bytes.ReplaceAll(src, []byte("•"), []byte("*")),
		bytes.ReplaceAll(bytes.ReplaceAll(src, []byte("\n"), []byte(" \u00a0\n")), []byte("  •"), []byte("\t•")),
	} {
		got, err := parse.Parse(name, variant)
		if err != nil {
			t.Fatal(err)
		}
		if a, b := detail(want), detail(got); a != b {
			t.Errorf("variant differs:\n%s", cmp.Diff(a, b))
		}
	}
}

// detail renders a role page's values, without positions.
func detail(d *framework.Document) string {
	var b strings.Builder
	for _, r := range d.Roles {
		for _, l := range r.Levels {
			fmt.Fprintf(&b, "%d %s resp=%q\n", l.Number, l.Name.Value, texts(l.Responsibilities))
			for _, q := range l.Skills {
				fmt.Fprintf(&b, "  %s %s %q\n", q.Skill.Value, q.Level, texts(q.Descriptors))
			}
		}
	}
	return b.String()
}

func texts(ts []framework.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Value)
	}
	return out
}
