package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/cmd/internal/input"
	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
	"github.com/ddat-tools/ddat/schema"
)

// assess writes self-assessment forms and reads filled ones back: a
// person's gaps, a team's matrix. Ratings are personal data: nothing is
// read but the files named, nothing written but the output asked for.

var (
	templateFormats = []string{"csv", "json", "markdown"}
	gapFormats      = []string{"text", "json", "markdown", "csv"}
)

type assessOptions struct {
	target, level, format, out string
}

var assessCommand = &command{
	name:    "assess",
	usage:   "template LEVEL [--target LEVEL] [--format csv|json|markdown] [--out FILE] | gap [--target LEVEL] [--level LEVEL] [--format text|json|markdown|csv] [--out FILE] FILE...",
	summary: "write a self-assessment form for a role level, or read filled forms: each person's gaps and the team's matrix",
	run:     runAssess,
}

func assessFlags(fs *flag.FlagSet, sub string) *assessOptions {
	o := &assessOptions{}
	fs.StringVar(&o.target, "target", "", "the role `LEVEL` aimed for (name or slug)")
	fs.StringVar(&o.out, "out", "", "write to `FILE` (atomically) instead of standard output")
	switch sub {
	case "template":
		fs.StringVar(&o.format, "format", "csv", "form `format`: csv, json or markdown")
	case "gap":
		fs.StringVar(&o.format, "format", "text", "output `format`: text, json, markdown or csv")
		fs.StringVar(&o.level, "level", "", "the role `LEVEL` every form must be for (name or slug); a form for another is a problem")
	}
	return o
}

func runAssess(e *env, args []string) int {
	if len(args) == 0 || (args[0] != "template" && args[0] != "gap") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			assessUsage(e.stdout)
			return exitOK
		}
		if len(args) > 0 {
			e.errorf("unknown assess command %q: want template or gap", args[0])
		}
		assessUsage(e.stderr)
		return exitUsage
	}
	fs := newFlags(e, "assess")
	fs.Usage = func() {
		assessUsage(fs.Output())
		fmt.Fprintf(fs.Output(), "\nFlags of assess %s:\n", args[0])
		fs.PrintDefaults()
	}
	o := assessFlags(fs, args[0])
	pos, st, ok := parseFlags(fs, args[1:])
	if !ok {
		return st
	}
	formats := templateFormats
	if args[0] == "gap" {
		formats = gapFormats
	}
	if !contains(formats, o.format) {
		e.errorf("unknown --format %q: want %s", o.format, strings.Join(formats, ", "))
		return exitUsage
	}
	fw, err := parse.Published()
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	if args[0] == "template" {
		if len(pos) != 1 {
			fs.Usage()
			return exitUsage
		}
		return assessTemplate(e, fw, pos[0], o)
	}
	if len(pos) == 0 {
		fs.Usage()
		return exitUsage
	}
	return assessGap(e, fw, pos, o)
}

func assessUsage(w io.Writer) {
	c := lookupCommand("assess")
	fmt.Fprintf(w, "usage: ddat assess %s\n\n%s.\n", c.usage, upperFirst(c.summary))
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// emit writes data to --out, or standard output: a human format (text,
// Markdown) escaped line by line there (see [env.human]).
func emit(e *env, out string, data []byte, human bool) int {
	if out != "" {
		if err := writeOutput(e.reads, "--out", out, data); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		return exitOK
	}
	var err error
	if human {
		err = e.human(string(data))
	} else {
		_, err = e.stdout.Write(data)
	}
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

func assessTemplate(e *env, fw *framework.Framework, level string, o *assessOptions) int {
	fm, err := framework.NewForm(fw, level, o.target)
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	var data []byte
	switch o.format {
	case "json":
		data = fm.JSON()
	case "markdown":
		data = formMarkdown(fm)
	default:
		data = fm.CSV()
	}
	return emit(e, o.out, data, o.format == "markdown")
}

// formMarkdown writes a form as a Markdown document to fill in: a table
// of the skills with room for the person's level and evidence, then each
// skill's descriptors by level.
func formMarkdown(fm *framework.Form) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Self-assessment: %s\n\n", mdEscape(fm.Level))
	fmt.Fprintf(&b, "- Role: %s\n", mdEscape(fm.Role))
	if fm.Target != "" {
		fmt.Fprintf(&b, "- Target level: %s\n", mdEscape(fm.Target))
	}
	fmt.Fprintf(&b, "- Edition: %s\n- Person:\n\n", mdEscape(fm.Edition.String()))
	fmt.Fprintf(&b, "Give your level of each skill (awareness, working, practitioner, expert or none) and your evidence.\n\n")
	fmt.Fprintf(&b, "| Skill ID | Skill | Required level | Target level | Your level | Evidence |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, s := range fm.Skills {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |  |  |\n", mdEscape(s.ID), mdEscape(s.Name), levelWord(s.Required), levelWord(s.Target))
	}
	for _, s := range fm.Skills {
		fmt.Fprintf(&b, "\n## %s\n\n", mdEscape(s.Name))
		for i, ds := range s.Descriptors {
			l := framework.Levels[i]
			mark := ""
			if l == s.Required {
				mark = " (required)"
			}
			if l == s.Target {
				mark += " (target)"
			}
			fmt.Fprintf(&b, "%s%s:\n", l.Title(), mark)
			if len(ds) == 0 {
				b.WriteString("- (not described)\n")
			}
			for _, d := range ds {
				fmt.Fprintf(&b, "- %s\n", mdEscape(d))
			}
			b.WriteString("\n")
		}
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n')
}

func levelWord(l framework.Level) string {
	if !l.Valid() {
		return ""
	}
	return l.String()
}

func ratingWord(rated bool, l framework.Level) string {
	switch {
	case !rated:
		return ""
	case l == 0:
		return "none"
	}
	return l.String()
}

// gapPerson is one form read and assessed.
type gapPerson struct {
	file string // as shown
	a    *framework.Assessment
}

func assessGap(e *env, fw *framework.Framework, files []string, o *assessOptions) int {
	status := exitOK
	var people []gapPerson
	var problems framework.ErrorList
	var want *framework.RoleLevel
	if o.level != "" {
		if _, want = fw.RoleLevel(o.level); want == nil {
			e.errorf("--level %q is not a role level of the framework", o.level)
			return exitUsage
		}
	}
	if o.target != "" {
		if _, t := fw.RoleLevel(o.target); t == nil {
			e.errorf("--target %q is not a role level of the framework", o.target)
			return exitUsage
		}
	}
	wd := cwd()
	assessor := framework.NewAssessor(fw)
	for _, name := range files {
		shown := input.DisplayName(wd, name)
		src, err := readLimited(e.reads, name, shown, parse.MaxFormBytes)
		if err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		fm, err := parse.ReadFormString(shown, src)
		var el framework.ErrorList
		switch {
		case fm == nil:
			e.println(err.Error())
			return exitUsage
		case errors.As(err, &el):
			problems = append(problems, el...)
		case err != nil:
			e.println(err.Error())
			return exitUsage
		}
		if want != nil {
			if _, l := fw.RoleLevel(fm.Level); l != want {
				problems.Add(fm.LevelSpan, framework.ErrNoRoleLevel, "a form for %q, not for %s", fm.Level, want.Name.Value)
				continue
			}
		}
		a, errs := assessor.Assess(fm, o.target)
		problems = append(problems, errs...)
		if a.Level == "" {
			continue // no role level to assess against
		}
		if a.Person == "" {
			a.Person = strings.TrimSuffix(path.Base(shown), path.Ext(shown))
		}
		people = append(people, gapPerson{shown, a})
	}
	problems.Sort()
	for _, p := range problems {
		e.println(p.Error())
	}
	if len(problems) > 0 {
		status = exitFailing
	}
	as := make([]*framework.Assessment, len(people))
	for i, p := range people {
		as[i] = p.a
	}
	team := framework.NewTeam(as)
	var b bytes.Buffer
	switch o.format {
	case "json":
		writeGapJSON(&b, fw, people, team, problems)
	case "markdown":
		writeGapMarkdown(&b, people, team)
	case "csv":
		writeGapCSV(&b, people)
	default:
		writeGapText(&b, people, team)
	}
	if st := emit(e, o.out, b.Bytes(), o.format == "markdown" || o.format == "text" || o.format == ""); st != exitOK {
		return st
	}
	return status
}

// The JSON of assess gap (schema/assessment.schema.json).
type (
	gapJSON struct {
		Schema   string                    `json:"$schema"`
		Edition  framework.FormEditionJSON `json:"edition"`
		People   []gapPersonJSON           `json:"people"`
		Team     gapTeamJSON               `json:"team"`
		Problems []gapProblemJSON          `json:"problems"`
	}
	gapPersonJSON struct {
		Person      string                    `json:"person"`
		File        string                    `json:"file"`
		Role        string                    `json:"role"`
		Level       string                    `json:"level"`
		Target      string                    `json:"target,omitempty"`
		FormEdition framework.FormEditionJSON `json:"formEdition"`
		Counts      gapCountsJSON             `json:"counts"`
		Skills      []gapSkillJSON            `json:"skills"`
		Dropped     []gapDroppedJSON          `json:"dropped"`
	}
	gapCountsJSON struct {
		Below       int `json:"below"`
		At          int `json:"at"`
		Above       int `json:"above"`
		NotAssessed int `json:"notAssessed"`
	}
	gapSkillJSON struct {
		ID              string   `json:"id"`
		Name            string   `json:"name"`
		Required        string   `json:"required"`
		Rating          string   `json:"rating"`
		Status          string   `json:"status"`
		Next            string   `json:"next,omitempty"`
		NextDescriptors []string `json:"nextDescriptors"`
		Evidence        string   `json:"evidence"`
		RenamedFrom     string   `json:"renamedFrom,omitempty"`
		New             bool     `json:"new,omitempty"`
	}
	gapDroppedJSON struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		Rating string `json:"rating"`
		Reason string `json:"reason"`
	}
	gapTeamJSON struct {
		People []string           `json:"people"`
		Skills []gapTeamSkillJSON `json:"skills"`
		// Matrix[i][j] is person i's status in skill j, "" where not asked.
		Matrix [][]string `json:"matrix"`
	}
	gapTeamSkillJSON struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		Asked    int    `json:"asked"`
		Assessed int    `json:"assessed"`
		Covered  int    `json:"covered"`
		Highest  string `json:"highest"`
	}
	gapProblemJSON struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Message string `json:"message"`
	}
)

func editionJSON(ed framework.Edition) framework.FormEditionJSON {
	return framework.FormEditionJSON(ed)
}

func writeGapJSON(w *bytes.Buffer, fw *framework.Framework, people []gapPerson, t *framework.Team, problems framework.ErrorList) {
	out := gapJSON{Schema: schema.Assessment.ID(), Edition: editionJSON(fw.Edition()), People: []gapPersonJSON{},
		Team: gapTeamJSON{People: []string{}, Skills: []gapTeamSkillJSON{}, Matrix: [][]string{}}, Problems: []gapProblemJSON{}}
	for _, p := range people {
		a := p.a
		pj := gapPersonJSON{Person: a.Person, File: p.file, Role: a.Role, Level: a.Level, Target: a.Target,
			FormEdition: editionJSON(a.FormEdition), Skills: []gapSkillJSON{}, Dropped: []gapDroppedJSON{},
			Counts: gapCountsJSON{a.Count(framework.Below), a.Count(framework.At), a.Count(framework.Above), a.Count(framework.NotAssessed)}}
		for _, g := range a.Skills {
			pj.Skills = append(pj.Skills, gapSkillJSON{ID: g.ID, Name: g.Name, Required: levelWord(g.Required),
				Rating: ratingWord(g.Rated, g.Rating), Status: g.Status.String(), Next: levelWord(g.Next),
				NextDescriptors: append([]string{}, g.NextDescriptors...), Evidence: g.Evidence, RenamedFrom: g.RenamedFrom, New: g.New})
		}
		for _, d := range a.Dropped {
			pj.Dropped = append(pj.Dropped, gapDroppedJSON{d.ID, d.Name, ratingWord(d.Rated, d.Rating), d.Reason})
		}
		out.People = append(out.People, pj)
	}
	out.Team.People = append(out.Team.People, t.People...)
	for _, s := range t.Skills {
		out.Team.Skills = append(out.Team.Skills, gapTeamSkillJSON{s.ID, s.Name, s.Required, s.Assessed, s.Covered, levelWord(s.Highest)})
	}
	for _, row := range t.Cells {
		r := make([]string, len(row))
		for j, g := range row {
			if g != nil {
				r[j] = g.Status.String()
			}
		}
		out.Team.Matrix = append(out.Team.Matrix, r)
	}
	for _, p := range problems {
		out.Problems = append(out.Problems, gapProblemJSON{p.Pos.Filename, p.Pos.Line, p.Pos.Column, p.Msg})
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	w.Write(b)
	w.WriteByte('\n')
}

// cellMark is a team matrix cell: the person's level, shortened, and how
// it stands ("P=" at practitioner as required, "W<" below, "E>" above,
// "?" not assessed), "" where the skill was not asked of them.
func cellMark(g *framework.SkillGap) string {
	if g == nil {
		return ""
	}
	if g.Status == framework.NotAssessed {
		return "?"
	}
	l := "-"
	if g.Rating.Valid() {
		l = strings.ToUpper(g.Rating.String()[:1])
	}
	switch g.Status {
	case framework.Below:
		return l + "<"
	case framework.Above:
		return l + ">"
	}
	return l + "="
}

const matrixLegend = "A, W, P, E: awareness, working, practitioner, expert; -: none; <, =, >: below, at, above the requirement; ?: not assessed"

func personHeading(p gapPerson) string {
	a := p.a
	s := fmt.Sprintf("%s (%s): %s", a.Person, p.file, a.Level)
	if a.Target != "" {
		s += ", aiming at " + a.Target
	}
	if a.FormEdition != a.Edition {
		s += fmt.Sprintf("; form of edition %s read against %s", a.FormEdition, a.Edition)
	}
	return s
}

func gapCounts(a *framework.Assessment) string {
	return fmt.Sprintf("%d below, %d at, %d above, %d not assessed",
		a.Count(framework.Below), a.Count(framework.At), a.Count(framework.Above), a.Count(framework.NotAssessed))
}

func gapLine(g framework.SkillGap) string {
	s := fmt.Sprintf("%s: ", g.Name)
	if g.Rated {
		s += ratingWord(true, g.Rating)
	} else {
		s += "not assessed"
	}
	s += ", requires " + levelWord(g.Required)
	if g.RenamedFrom != "" {
		s += fmt.Sprintf(" (renamed from %q, answer carried over)", g.RenamedFrom)
	}
	if g.New {
		s += " (new since the form's edition: not yet assessed)"
	}
	return s
}

func writeGapText(w *bytes.Buffer, people []gapPerson, t *framework.Team) {
	for i, p := range people {
		if i > 0 {
			w.WriteString("\n")
		}
		a := p.a
		fmt.Fprintf(w, "%s\n  %s\n", escapeText(personHeading(p)), gapCounts(a))
		for _, st := range []framework.Status{framework.Below, framework.NotAssessed, framework.At, framework.Above} {
			for _, g := range a.Skills {
				if g.Status != st {
					continue
				}
				fmt.Fprintf(w, "  %-12s %s\n", st, escapeText(gapLine(g)))
				if st == framework.Below {
					if len(g.NextDescriptors) > 0 {
						fmt.Fprintf(w, "  %-12s grow into %s:\n", "", g.Next)
					}
					for _, d := range g.NextDescriptors {
						fmt.Fprintf(w, "  %-12s   - %s\n", "", escapeText(d))
					}
				}
			}
		}
		for _, d := range a.Dropped {
			fmt.Fprintf(w, "  %-12s %s: %s", "dropped", escapeText(d.Name), escapeText(d.Reason))
			if d.Rated {
				fmt.Fprintf(w, " (answered %s)", ratingWord(true, d.Rating))
			}
			w.WriteString("\n")
		}
	}
	if len(people) < 2 {
		return
	}
	fmt.Fprintf(w, "\nTeam: %d people x %d skills (%s)\n", len(t.People), len(t.Skills), matrixLegend)
	// Widths in characters (as a terminal shows them), names cut at a
	// character's edge.
	width := len("skill")
	for _, s := range t.Skills {
		width = max(width, utf8.RuneCountInString(escapeText(s.Name)))
	}
	width = min(width, 60)
	fmt.Fprintf(w, "%-*s", width, "skill")
	for i := range t.People {
		fmt.Fprintf(w, " %3d", i+1)
	}
	w.WriteString("  coverage\n")
	for j, s := range t.Skills {
		name := []rune(escapeText(s.Name))
		if len(name) > width {
			name = append(name[:width-1], '~')
		}
		w.WriteString(string(name) + strings.Repeat(" ", width-len(name)))
		for i := range t.People {
			fmt.Fprintf(w, " %3s", cellMark(t.Cells[i][j]))
		}
		fmt.Fprintf(w, "  %d/%d at or above, highest %s\n", s.Covered, s.Required, highestWord(s.Highest))
	}
	for i, p := range t.People {
		fmt.Fprintf(w, "%3d: %s\n", i+1, escapeText(p))
	}
}

func highestWord(l framework.Level) string {
	if !l.Valid() {
		return "none"
	}
	return l.String()
}

func writeGapMarkdown(w *bytes.Buffer, people []gapPerson, t *framework.Team) {
	w.WriteString("# Self-assessment gaps\n")
	for _, p := range people {
		a := p.a
		fmt.Fprintf(w, "\n## %s\n\n%s.\n\n", mdEscape(personHeading(p)), gapCounts(a))
		w.WriteString("| Skill | Required | Level | Status | Next level to grow into |\n| --- | --- | --- | --- | --- |\n")
		for _, g := range a.Skills {
			name := mdEscape(g.Name)
			if g.RenamedFrom != "" {
				name += " (renamed from " + mdEscape(g.RenamedFrom) + ")"
			}
			if g.New {
				name += " (new)"
			}
			next := ""
			if g.Status == framework.Below {
				var ds []string
				for _, d := range g.NextDescriptors {
					ds = append(ds, mdEscape(d))
				}
				if g.Next.Valid() {
					next = g.Next.String()
					if len(ds) > 0 {
						next += ": " + strings.Join(ds, "; ")
					}
				}
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s |\n", name, levelWord(g.Required), ratingWord(g.Rated, g.Rating), g.Status, next)
		}
		if len(a.Dropped) > 0 {
			w.WriteString("\nNo longer asked about:\n\n")
			for _, d := range a.Dropped {
				fmt.Fprintf(w, "- %s: %s", mdEscape(d.Name), mdEscape(d.Reason))
				if d.Rated {
					fmt.Fprintf(w, " (answered %s)", ratingWord(true, d.Rating))
				}
				w.WriteString("\n")
			}
		}
	}
	if len(people) < 2 {
		return
	}
	fmt.Fprintf(w, "\n## Team\n\n%s.\n\n| Skill |", matrixLegend)
	for _, p := range t.People {
		fmt.Fprintf(w, " %s |", mdEscape(p))
	}
	w.WriteString(" Coverage |\n| --- |")
	for range t.People {
		w.WriteString(" --- |")
	}
	w.WriteString(" --- |\n")
	for j, s := range t.Skills {
		fmt.Fprintf(w, "| %s |", mdEscape(s.Name))
		for i := range t.People {
			fmt.Fprintf(w, " %s |", mdEscape(cellMark(t.Cells[i][j])))
		}
		fmt.Fprintf(w, " %d/%d at or above, highest %s |\n", s.Covered, s.Required, highestWord(s.Highest))
	}
}

// writeGapCSV writes one row per person and skill (a spreadsheet's
// pivot table makes the matrix), every cell formula-safe.
func writeGapCSV(w *bytes.Buffer, people []gapPerson) {
	cw := csv.NewWriter(w)
	put := func(rec ...string) {
		for i, c := range rec {
			rec[i] = framework.NeutraliseCell(c)
		}
		cw.Write(rec)
	}
	put("Person", "File", "Role level", "Target level", "Skill ID", "Skill", "Required level", "Level", "Status", "Next level", "Renamed from", "Evidence")
	for _, p := range people {
		a := p.a
		for _, g := range a.Skills {
			status := g.Status.String()
			if g.New {
				status = "new"
			}
			put(a.Person, p.file, a.Level, a.Target, g.ID, g.Name, levelWord(g.Required), ratingWord(g.Rated, g.Rating), status,
				levelWord(g.Next), g.RenamedFrom, g.Evidence)
		}
		for _, d := range a.Dropped {
			put(a.Person, p.file, a.Level, a.Target, d.ID, d.Name, "", ratingWord(d.Rated, d.Rating), "dropped: "+d.Reason, "", "", "")
		}
	}
	cw.Flush()
}
