package framework_test

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// testSkill is a skill of a made-up edition: its descriptors by level and
// the level the one role level requires (0: not required).
type testSkill struct {
	name     string
	levels   [4][]string
	required string
}

// testEdition builds an edition of the framework from the official CSV
// downloads of one role level, "Test analyst", and its skills.
func testEdition(t *testing.T, skills []testSkill) *framework.Framework {
	t.Helper()
	write := func(recs [][]string) []byte {
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.WriteAll(recs)
		return b.Bytes()
	}
	roles := [][]string{{"Role Family", "Role", "Role Description", "Role Level", "Role Level Description", "Skill Name", "Skill Description", "Skill Level", "Skill Level Description", "Role Type"}}
	cat := [][]string{{"Skill Name", "Skill Description", "Awareness", "Working", "Practitioner", "Expert", "Roles that require Skill"}}
	for _, s := range skills {
		rec := []string{s.name, s.name + " is a made-up skill for tests."}
		for _, ds := range s.levels {
			rec = append(rec, "You can:\n- "+strings.Join(ds, "\n- "))
		}
		cat = append(cat, append(rec, "Test analyst"))
		if s.required != "" {
			l, _ := framework.ParseLevel(s.required)
			roles = append(roles, []string{"Data", "Test analyst", "A test analyst tests.", "Test analyst", "A test analyst tests a lot.",
				s.name, s.name + " is a made-up skill for tests.", s.required, "You can:\n- " + strings.Join(s.levels[l-1], "\n- "), ""})
		}
	}
	var docs []*framework.Document
	for name, src := range map[string][]byte{"roles.csv": write(roles), "skills.csv": write(cat)} {
		d, err := parse.Parse(name, src)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		docs = append(docs, d)
	}
	return framework.Merge(docs...)
}

var (
	visualisation = testSkill{"Data visualisation", [4][]string{
		{"explain why charts help readers", "name the common kinds of chart"},
		{"draw clear charts of a data set with support", "choose a chart for the question asked"},
		{"design accessible visualisations for a service", "review the charts others draw"},
		{"set the standard for visualisation across the organisation", "coach others in visual storytelling"},
	}, "working"}
	statistics = testSkill{"Statistical methods", [4][]string{
		{"explain what a mean and a median tell you", "recognise sampling bias in a survey"},
		{"fit a linear regression and read its coefficients", "test a hypothesis with a t-test"},
		{"choose among generalised linear models for messy data", "quality assure the statistics of a team"},
		{"develop new estimation methods for official statistics", "advise ministers on statistical uncertainty"},
	}, "practitioner"}
	wrangling = testSkill{"Data wrangling", [4][]string{
		{"open a spreadsheet of survey returns", "spot missing values in a column"},
		{"join two tables on a shared key", "reshape a wide table to long"},
		{"build repeatable pipelines that clean returns", "profile the quality of a new source"},
		{"design the cleaning standards of a department", "automate quality checks across teams"},
	}, "working"}
	storytelling = testSkill{"Data storytelling", [4][]string{
		{"say who a finding matters to", "sketch the story of a chart"},
		{"write a short briefing from an analysis", "tailor a message to its audience"},
		{"lead a narrative across several analyses", "present to senior leaders with confidence"},
		{"shape the organisation's voice on its data", "mentor others in storytelling"},
	}, "awareness"}
)

// TestAssessAcrossEditions reads a form of an old edition against a new
// one in which a skill is renamed, one removed and one added: the
// renamed skill's answer is carried over and said to be, the removed
// one listed with its answer, the added one flagged not yet assessed.
func TestAssessAcrossEditions(t *testing.T) {
	old := testEdition(t, []testSkill{visualisation, statistics, wrangling})
	renamed := statistics
	renamed.name = "Applying statistical methods"
	cur := testEdition(t, []testSkill{visualisation, renamed, storytelling})
	if old.Edition() == cur.Edition() {
		t.Fatal("the two editions have one edition")
	}

	fm, err := framework.NewForm(old, "Test analyst", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range fm.Skills {
		s.Rated, s.Rating, s.Evidence = true, framework.Level(i+1), "evidence "+s.ID
	}
	got, err := parse.ReadForm("old.csv", fm.CSV())
	if err != nil {
		t.Fatal(err)
	}
	a, errs := framework.Assess(cur, got, "")
	if errs.Err() != nil {
		t.Fatal(errs.Err())
	}
	if a.FormEdition != old.Edition() || a.Edition != cur.Edition() {
		t.Errorf("editions %v and %v, want %v and %v", a.FormEdition, a.Edition, old.Edition(), cur.Edition())
	}
	type row struct {
		ID, Rating, Status, RenamedFrom, Evidence string
		New                                       bool
	}
	var rows []row
	for _, g := range a.Skills {
		rows = append(rows, row{g.ID, g.Rating.String(), g.Status.String(), g.RenamedFrom, g.Evidence, g.New})
	}
	want := []row{
		{"data-visualisation", "awareness", "below", "", "evidence data-visualisation", false},
		{"applying-statistical-methods", "working", "below", "Statistical methods", "evidence statistical-methods", false},
		{"data-storytelling", "unknown", "not-assessed", "", "", true},
	}
	if d := cmp.Diff(want, rows); d != "" {
		t.Errorf("skills (-want +got):\n%s", d)
	}
	wantDropped := []framework.DroppedSkill{{ID: "data-wrangling", Name: "Data wrangling", Rated: true, Rating: framework.Practitioner, Reason: "removed from the framework"}}
	if d := cmp.Diff(wantDropped, a.Dropped); d != "" {
		t.Errorf("dropped (-want +got):\n%s", d)
	}

	// Read against its own edition, the same form has nothing carried,
	// dropped or new.
	a, errs = framework.Assess(old, got, "")
	if errs.Err() != nil || len(a.Dropped) != 0 || len(a.Skills) != 3 {
		t.Fatalf("against its own edition: %v, %d dropped, %d skills", errs.Err(), len(a.Dropped), len(a.Skills))
	}
	for _, g := range a.Skills {
		if g.New || g.RenamedFrom != "" {
			t.Errorf("%s: new %v, renamed from %q against its own edition", g.ID, g.New, g.RenamedFrom)
		}
	}
}

// TestTeamOfFive assesses five made-up people against the published
// framework and checks each person's counts and the team's coverage.
func TestTeamOfFive(t *testing.T) {
	fw, err := parse.Published()
	if err != nil {
		t.Fatal(err)
	}
	people := []struct {
		name   string
		target string
		offset int // each rating is the requirement plus offset, within 0..4
	}{
		{"Ada", "", 0}, {"Grace", "", -1}, {"Alan", "", 1}, {"Edsger", "Principal data analyst", 0}, {"Barbara", "", -5},
	}
	var as []*framework.Assessment
	for _, p := range people {
		fm, err := framework.NewForm(fw, "Senior data analyst", p.target)
		if err != nil {
			t.Fatal(err)
		}
		fm.Person = p.name
		for _, s := range fm.Skills {
			req := s.Required
			if s.Target != 0 {
				req = s.Target
			}
			s.Rated, s.Rating = true, framework.Level(min(4, max(0, int(req)+p.offset)))
		}
		back, err := parse.ReadForm(p.name+".csv", fm.CSV())
		if err != nil {
			t.Fatal(err)
		}
		a, errs := framework.Assess(fw, back, "")
		if errs.Err() != nil {
			t.Fatal(errs.Err())
		}
		as = append(as, a)
	}
	n := len(as[0].Skills)
	if n != 9 {
		t.Fatalf("%d skills for a senior data analyst, want 9", n)
	}
	counts := func(a *framework.Assessment) [4]int {
		return [4]int{a.Count(framework.Below), a.Count(framework.At), a.Count(framework.Above), a.Count(framework.NotAssessed)}
	}
	if got := counts(as[0]); got != [4]int{0, n, 0, 0} {
		t.Errorf("Ada: %v, want all at", got)
	}
	if got := counts(as[1]); got != [4]int{n, 0, 0, 0} {
		t.Errorf("Grace: %v, want all below", got)
	}
	// Alan is one above everywhere, but where practitioner is wanted
	// and he is expert: still above.
	if got := counts(as[2]); got != [4]int{0, 0, n, 0} {
		t.Errorf("Alan: %v, want all above", got)
	}
	if as[3].Target != "Principal data analyst" || counts(as[3])[1] != len(as[3].Skills) {
		t.Errorf("Edsger: target %q, %v", as[3].Target, counts(as[3]))
	}
	for _, g := range as[4].Skills {
		if !g.Rated || g.Rating != 0 || g.Status != framework.Below || g.Next != framework.Awareness || len(g.NextDescriptors) == 0 {
			t.Fatalf("Barbara: %+v, want none, below, growing into awareness", g)
		}
	}

	team := framework.NewTeam(as)
	if d := cmp.Diff([]string{"Ada", "Grace", "Alan", "Edsger", "Barbara"}, team.People); d != "" {
		t.Errorf("people (-want +got):\n%s", d)
	}
	if len(team.Skills) < n || len(team.Cells) != 5 {
		t.Fatalf("%d skills, %d rows", len(team.Skills), len(team.Cells))
	}
	for j, s := range team.Skills[:n] {
		// Asked of all five; covered by Ada, Alan and Edsger.
		if s.Required != 5 || s.Assessed != 5 || s.Covered != 3 || s.Highest < framework.Practitioner {
			t.Errorf("%s: %+v", s.ID, s)
		}
		if team.Cells[1][j].Status != framework.Below || team.Cells[2][j].Status != framework.Above {
			t.Errorf("%s: Grace %v, Alan %v", s.ID, team.Cells[1][j].Status, team.Cells[2][j].Status)
		}
	}
	// Skills only Edsger's target asks of him are blank for the others.
	for j := n; j < len(team.Skills); j++ {
		if team.Cells[0][j] != nil || team.Cells[3][j] == nil || team.Skills[j].Required != 1 {
			t.Errorf("%s: asked of the wrong people", team.Skills[j].ID)
		}
	}
}
