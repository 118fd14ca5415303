package lint_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
)

// mismatchFinding is what a descriptor-mismatch finding says, in brief.
type mismatchFinding struct {
	File, RoleLevel, Skill, Level, Against, Kind string
	Severity                                     lint.Severity
}

var mismatchMessage = regexp.MustCompile(`^role level "([^"]*)", skill "([^"]*)" \(([a-z ]+)\): ` +
	`(?:level not stated; closest catalogue level is ([a-z]+); )?` +
	`descriptors differ from (the catalogue|\S+): (minor drift|wholesale difference)`)

func parseMismatch(t *testing.T, d lint.Diagnostic) mismatchFinding {
	t.Helper()
	m := mismatchMessage.FindStringSubmatch(d.Message)
	if m == nil {
		t.Fatalf("unexpected message %q", d.Message)
	}
	level := m[3]
	if m[4] != "" {
		level = "inferred " + m[4]
	}
	return mismatchFinding{
		File: filepath.Base(d.Span.File.Name), RoleLevel: m[1], Skill: m[2], Level: level,
		Against: m[5], Kind: m[6], Severity: d.Severity,
	}
}

// TestDescriptorMismatchRealSeeds lints the real role page (seed 000), the
// real role-level export of its second level (seed 001) and the real
// catalogue together. Every expected finding was checked by hand against
// the catalogue's bullets.
func TestDescriptorMismatchRealSeeds(t *testing.T) {
	const (
		page  = "role-page-digital-portfolio-manager-2024.txt"
		level = "role-level-digital-portfolio-manager.txt"
		cat   = "the catalogue"
	)
	fw := framework.Merge(readSeed(t, page), readSeed(t, level), readSeed(t, "skills-a-to-z.md"))
	diags := lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.DescriptorMismatch}})
	var got []mismatchFinding
	for _, d := range diags {
		got = append(got, parseMismatch(t, d))
		if len(d.Related) == 0 {
			t.Errorf("%s: no related locations", d)
		}
	}
	const (
		analyst = "Digital portfolio analyst"
		manager = "Digital portfolio manager"
		senior  = "Senior digital portfolio manager"
		head    = "Head of portolio"
		comm    = "Communicating analysis and insight"
		gov     = "Governance and assurance"
		srm     = "Stakeholder relationship management"
		drift   = "minor drift"
		whole   = "wholesale difference"
	)
	w, e := lint.Warning, lint.Error
	// Findings come sorted by file name, then position.
	want := []mismatchFinding{
		// Seed 001 agrees with the catalogue everywhere: it is not reported
		// against seed 000's second role level, whose differences from the
		// catalogue are reported once, at seed 000.
		// Seed 000 against the catalogue, in page order.
		{page, analyst, comm, "working", cat, whole, e},
		{page, analyst, gov, "awareness", cat, whole, e},
		{page, analyst, srm, "working", cat, drift, w},
		{page, manager, comm, "working", cat, whole, e},
		{page, manager, gov, "working", cat, whole, e},
		{page, manager, srm, "working", cat, drift, w},
		{page, senior, gov, "practitioner", cat, whole, e},
		{page, senior, srm, "practitioner", cat, whole, e},
		{page, head, comm, "expert", cat, whole, e},
		{page, head, gov, "practitioner", cat, whole, e},
		{page, head, srm, "expert", cat, whole, e},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
		for _, d := range diags {
			t.Log(d)
		}
	}
}

// TestDescriptorMismatchRelated checks the related locations of a drift
// finding: each reworded page line with its closest catalogue line, then
// the catalogue's level.
func TestDescriptorMismatchRelated(t *testing.T) {
	fw := framework.Merge(readSeed(t, "role-page-digital-portfolio-manager-2024.txt"), readSeed(t, "skills-a-to-z.md"))
	diags := lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.DescriptorMismatch}})
	var d *lint.Diagnostic
	for i := range diags {
		if strings.Contains(diags[i].Message, `"Stakeholder relationship management" (working)`) {
			d = &diags[i]
			break
		}
	}
	if d == nil {
		t.Fatal("no finding for stakeholder relationship management (working)")
	}
	var got []string
	for _, r := range d.Related {
		got = append(got, filepath.Base(r.Span.File.Name)+": "+r.Span.Text()+" => "+r.Message)
	}
	want := []string{
		"role-page-digital-portfolio-manager-2024.txt: tailor communication to stakeholders' needs and work with them to build relationships, while also meeting user needs => " +
			`closest catalogue line is "tailor communication to stakeholders' needs and work with them to build relationships while meeting user needs" (1 word differs)`,
		"role-page-digital-portfolio-manager-2024.txt: build and reach consensus => " +
			`closest catalogue line is "build and reach consensus with stakeholders" (2 words differ)`,
		"role-page-digital-portfolio-manager-2024.txt: work to improve stakeholder relationships, using evidence to explain decisions made => " +
			`closest catalogue line is "work to improve stakeholder relationships using evidence to explain decisions" (1 word differs)`,
	}
	if len(got) != len(want)+1 {
		t.Fatalf("got %d related locations, want %d:\n%s", len(got), len(want)+1, strings.Join(got, "\n"))
	}
	if diff := cmp.Diff(want, got[:len(want)]); diff != "" {
		t.Errorf("related mismatch (-want +got):\n%s", diff)
	}
	last := d.Related[len(d.Related)-1]
	if last.Message != "catalogue defines Stakeholder relationship management (working) here" || !strings.HasPrefix(last.Span.Text(), "2. Working") {
		t.Errorf("last related = %q at %q, want the catalogue's working level", last.Message, last.Span.Text())
	}
}

// reqDoc builds a one-role-level document whose requirements are given as
// text: "Skill|level" lines followed by descriptor lines, blank lines
// between requirements. It lets the classification be tested on the real
// catalogue independently of the page parsers.
func reqDoc(name, src string) *framework.Document {
	f := framework.NewFile(name, src)
	lvl := &framework.RoleLevel{Name: framework.Text{Value: "Digital portfolio manager"}}
	var req *framework.Requirement
	for off := 0; off < len(src); {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := framework.NewText(f, off, end)
		switch {
		case line.Value == "":
			req = nil
		case req == nil:
			skill, level, _ := strings.Cut(line.Value, "|")
			req = &framework.Requirement{Skill: framework.NewText(f, off, off+len(skill))}
			if level != "" {
				req.Level, _ = framework.ParseLevel(level)
			}
			lvl.Skills = append(lvl.Skills, req)
		default:
			req.Descriptors = append(req.Descriptors, line)
		}
		off = end + 1
	}
	role := &framework.Role{Name: framework.Text{Value: "Digital portfolio manager"}, Levels: []*framework.RoleLevel{lvl}}
	return &framework.Document{File: f, Format: framework.FormatRoleLevel, Roles: []*framework.Role{role}}
}

func TestDescriptorMismatchKinds(t *testing.T) {
	cat := framework.Merge(readSeed(t, "skills-a-to-z.md"))
	tests := []struct {
		name, src string
		want      []string // messages, in order
	}{
		{"identical", "Planning|awareness\nunderstand the importance of planning and forecasting\nshow an awareness of the different ways to develop a plan\n", nil},
		{"case and space only", "Planning|awareness\nUnderstand the importance of  planning and forecasting\nshow an awareness of the different ways to develop a plan\n", nil},
		{"unknown skill", "Quantum basket weaving|working\nweave\n", nil},
		{"undefined level", "Planning|working\nplan things\n", nil},
		{"no descriptors", "Planning|awareness\n", nil},
		{"unstated level identical", "Governance and assurance\nexplain how governance and assurance works\nfollow appropriate governance and assurance processes\ncontribute to deciding what governance and assurance is required for a product or service\n", nil},
		{"minor drift", "Planning|awareness\nunderstand the importance of planning and also forecasting\nshow an awareness of the different ways to develop a plan\n", []string{
			`role level "Digital portfolio manager", skill "Planning" (awareness): descriptors differ from the catalogue: minor drift, 1 line of 2 reworded: reworded "understand the importance of planning and {+also+} forecasting"`,
		}},
		{"unstated level drift", "Governance and assurance\nexplain how governance and assurance works\nfollow the appropriate governance and assurance processes\ncontribute to deciding what governance and assurance is required for a product or service\n", []string{
			`role level "Digital portfolio manager", skill "Governance and assurance" (working): level not stated; closest catalogue level is working; descriptors differ from the catalogue: minor drift, 1 line of 3 reworded: reworded "follow {+the+} appropriate governance and assurance processes"`,
		}},
		{"another level", "Governance and assurance|awareness\nexplain how governance and assurance works\nfollow appropriate governance and assurance processes\ncontribute to deciding what governance and assurance is required for a product or service\n", []string{
			`role level "Digital portfolio manager", skill "Governance and assurance" (awareness): descriptors differ from the catalogue: wholesale difference, 3 lines with no close counterpart, 2 lines missing (page has 3, catalogue has 2); these are the catalogue's working descriptors`,
		}},
		{"another skill", "Agile working|awareness\nunderstand the importance of planning and forecasting\nshow an awareness of the different ways to develop a plan\n", []string{
			`role level "Digital portfolio manager", skill "Agile working" (awareness): descriptors differ from the catalogue: wholesale difference, 2 lines with no close counterpart, 4 lines missing (page has 2, catalogue has 4); these are the catalogue's descriptors of "Planning" (awareness)`,
		}},
		{"missing line", "Planning|awareness\nunderstand the importance of planning and forecasting\n", []string{
			`role level "Digital portfolio manager", skill "Planning" (awareness): descriptors differ from the catalogue: wholesale difference, 1 line missing (page has 1, catalogue has 2): removed "show an awareness of the different ways to develop a plan"`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fw := framework.Merge(reqDoc("page.txt", tt.src))
			var got []string
			for _, d := range lint.Run(fw, lint.Options{Rules: []*lint.Rule{lint.DescriptorMismatch}, Catalogue: cat}) {
				got = append(got, d.Message)
				if !strings.HasPrefix(d.Span.Text(), "Planning") && !strings.HasPrefix(d.Span.Text(), "Governance") && !strings.HasPrefix(d.Span.Text(), "Agile") {
					t.Errorf("finding at %q, want the skill name", d.Span.Text())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("messages mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDescriptorMismatchPagePair(t *testing.T) {
	cat := framework.Merge(readSeed(t, "skills-a-to-z.md"))
	a := reqDoc("a.txt", "Planning|awareness\nunderstand the importance of planning and forecasting\nshow an awareness of the different ways to develop a plan\n")
	b := reqDoc("b.txt", "Planning\nunderstand the importance of planning and forecasting\nshow an awareness of the different ways to develop a plan\n\n"+
		"Governance and assurance\nexplain how governance and assurance works\n")
	c := reqDoc("c.txt", "Planning\nunderstand the importance of planning and forecasting well\nshow an awareness of the different ways to develop a plan\n")
	// A skill the catalogue lacks: the pages are compared with each other.
	d := reqDoc("d.txt", "Portfolio wrangling|working\nwrangle the portfolio\nreport on the portfolio\n")
	e := reqDoc("e.txt", "Portfolio wrangling|working\nwrangle the whole portfolio\nreport on the portfolio\n")
	var got []string
	for _, d := range lint.Run(framework.Merge(a, b, c, d, e), lint.Options{Rules: []*lint.Rule{lint.DescriptorMismatch}, Catalogue: cat}) {
		got = append(got, d.String())
		for _, r := range d.Related {
			got = append(got, "  "+r.Span.Pos().String()+": "+r.Message)
		}
	}
	want := []string{
		`b.txt:5:1: error: role level "Digital portfolio manager", skill "Governance and assurance" (working): level not stated; closest catalogue level is working; descriptors differ from the catalogue: wholesale difference, 2 lines missing (page has 1, catalogue has 3): removed "follow appropriate governance and assurance processes"; removed "contribute to deciding what governance and assurance is required for a product or service" (descriptor-mismatch)`,
		`  skills-a-to-z.md:3440:5: catalogue line missing from the page: "follow appropriate governance and assurance processes"`,
		`  skills-a-to-z.md:3442:5: catalogue line missing from the page: "contribute to deciding what governance and assurance is required for a product or service"`,
		`  skills-a-to-z.md:3436:1: catalogue defines Governance and assurance (working) here`,
		`c.txt:1:1: warning: role level "Digital portfolio manager", skill "Planning" (awareness): level not stated; closest catalogue level is awareness; descriptors differ from the catalogue: minor drift, 1 line of 2 reworded: reworded "understand the importance of planning and forecasting {+well+}" (descriptor-mismatch)`,
		`  c.txt:2:1: closest catalogue line is "understand the importance of planning and forecasting" (1 word differs)`,
		`  skills-a-to-z.md:4623:1: catalogue defines Planning (awareness) here`,
		`e.txt:1:1: warning: role level "Digital portfolio manager", skill "Portfolio wrangling" (working): descriptors differ from d.txt: minor drift, 1 line of 2 reworded: reworded "wrangle the {+whole+} portfolio" (descriptor-mismatch)`,
		`  e.txt:2:1: closest d.txt line is "wrangle the portfolio" (1 word differs)`,
		`  d.txt:1:1: d.txt gives Portfolio wrangling for role level "Digital portfolio manager" here`,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
}
