package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// showFormats are the output formats of show and compare.
var showFormats = []string{"text", "json", "markdown"}

// loadFramework reads paths (the embedded published framework with none)
// and merges them, for show and compare.
func loadFramework(e *env, paths []string) (*framework.Framework, int) {
	in, err := readInputs(e, paths)
	if err != nil {
		e.errorf("%v", err)
		return nil, exitUsage
	}
	return framework.Merge(in.docs...), exitOK
}

// showView is what show prints, in every format.
type showView struct {
	Kind     string           `json:"kind"` // family, role, role level, skill
	Name     string           `json:"name"`
	Slug     string           `json:"slug,omitempty"`
	Role     string           `json:"role,omitempty"`
	Family   string           `json:"family,omitempty"`
	Roles    []string         `json:"roles,omitempty"`
	Levels   []showLevel      `json:"levels,omitempty"`
	Skills   []showReq        `json:"skills,omitempty"`
	Required []showRequiredBy `json:"requiredBy,omitempty"`
	Edition  string           `json:"edition,omitempty"`
}

type showLevel struct {
	Name        string    `json:"name"`
	Grades      []string  `json:"grades,omitempty"`
	Skills      []showReq `json:"skills,omitempty"`
	Status      string    `json:"status,omitempty"` // a skill's level
	Descriptors []string  `json:"descriptors,omitempty"`
}

type showReq struct {
	Skill string `json:"skill"`
	Level string `json:"level,omitempty"`
}

type showRequiredBy struct {
	Role  string `json:"role"`
	Level string `json:"level"`
	At    string `json:"at"`
}

func texts(ts []framework.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Value)
	}
	return out
}

func reqs(qs []*framework.Requirement) []showReq {
	var out []showReq
	for _, q := range qs {
		lv := ""
		if q.Level.Valid() {
			lv = q.Level.String()
		}
		out = append(out, showReq{q.Skill.Value, lv})
	}
	return out
}

// find looks name up as a role, a family, a skill, then a role level.
func find(fw *framework.Framework, name string) (showView, bool) {
	if r := fw.Role(name); r != nil {
		v := showView{Kind: "role", Name: r.Name.Value, Slug: r.Slug, Family: r.Family.Value}
		for _, l := range r.Levels {
			v.Levels = append(v.Levels, showLevel{Name: l.Name.Value, Grades: texts(l.Grades), Skills: reqs(l.Skills)})
		}
		return v, true
	}
	if f := fw.Family(name); f != nil {
		v := showView{Kind: "family", Name: f.Name, Slug: f.Slug}
		for _, r := range f.Roles {
			v.Roles = append(v.Roles, r.Name.Value)
		}
		return v, true
	}
	if s := fw.Skill(name); s != nil {
		v := showView{Kind: "skill", Name: s.Name.Value, Slug: s.Slug}
		for _, l := range s.Levels {
			v.Levels = append(v.Levels, showLevel{Name: l.Level.String(), Status: l.Status.String(), Descriptors: texts(l.Descriptors)})
		}
		for _, q := range fw.RequiringSkill(s.Name.Value, 0) {
			at := ""
			if q.Requirement.Level.Valid() {
				at = q.Requirement.Level.String()
			}
			v.Required = append(v.Required, showRequiredBy{q.Role.Name.Value, q.Level.Name.Value, at})
		}
		return v, true
	}
	if r, l := fw.RoleLevel(name); l != nil {
		return showView{Kind: "role level", Name: l.Name.Value, Role: r.Name.Value,
			Levels: []showLevel{{Name: l.Name.Value, Grades: texts(l.Grades)}}, Skills: reqs(l.Skills)}, true
	}
	return showView{}, false
}

// closest returns up to three names of fw nearest to name (by edit
// distance of their keys), for an unknown name's message.
func closest(fw *framework.Framework, name string) []string {
	q := framework.Key(name)
	if len(q) > 100 {
		q = q[:100] // the cost is bounded by the names' lengths, not the query's
	}
	seen := map[string]bool{}
	var names []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, f := range fw.Families() {
		add(f.Name)
	}
	for _, r := range fw.Roles {
		add(r.Name.Value)
		for _, l := range r.Levels {
			add(l.Name.Value)
		}
	}
	for _, s := range fw.Skills {
		add(s.Name.Value)
	}
	type cand struct {
		name string
		d    int
	}
	var cs []cand
	for _, n := range names {
		k := framework.Key(n)
		d := distance(q, k)
		if strings.Contains(k, q) && q != "" {
			d = min(d, len(k)-len(q))
		}
		if d <= max(3, len(q)/3) {
			cs = append(cs, cand{n, d})
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		return cs[i].name < cs[j].name
	})
	var out []string
	for i := 0; i < len(cs) && i < 3; i++ {
		out = append(out, cs[i].name)
	}
	return out
}

// distance is the Levenshtein distance of a and b, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func unknownName(e *env, fw *framework.Framework, what, name string) int {
	msg := fmt.Sprintf("no %s named %q", what, name)
	if c := closest(fw, name); len(c) > 0 {
		msg += "; closest: " + strings.Join(quoteAll(c), ", ")
	}
	e.errorf("%s", msg)
	return exitUsage
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

func checkFormat(e *env, f string) bool {
	for _, g := range showFormats {
		if f == g {
			return true
		}
	}
	e.errorf("unknown --format %q: want text, json or markdown", f)
	return false
}

// queryArgs reads the arguments of show and compare: the flags, then
// names names, then the PATHs of the framework (the embedded one with
// none). It returns the names, the format and the framework, or a nil
// framework and the exit status.
func queryArgs(e *env, command string, names int, args []string) ([]string, string, *framework.Framework, int) {
	fs := newFlags(e, command)
	flagFormat := queryFlags(fs)
	pos, st, ok := parseFlags(fs, args)
	if !ok {
		return nil, "", nil, st
	}
	if len(pos) < names {
		fs.Usage()
		return nil, "", nil, exitUsage
	}
	if !checkFormat(e, *flagFormat) {
		return nil, "", nil, exitUsage
	}
	fw, st := loadFramework(e, pos[names:])
	return pos[:names], *flagFormat, fw, st
}

var showCommand = &command{
	name:    "show",
	usage:   "[--format text|json|markdown] NAME [PATH...]",
	summary: "print a role family, role, role level or skill by name or slug (the embedded published framework with no PATH)",
	flags:   func(fs *flag.FlagSet) { queryFlags(fs) },
	run:     runShow,
}

var compareCommand = &command{
	name:    "compare",
	usage:   "[--format text|json|markdown] FROM TO [PATH...]",
	summary: "compare two role levels skill by skill: what is new, dropped, raised, lowered or unchanged",
	flags:   func(fs *flag.FlagSet) { queryFlags(fs) },
	run:     runCompare,
}

// queryFlags registers the flags of show and compare.
func queryFlags(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "output `format`: text, json or markdown")
}

func runShow(e *env, args []string) int {
	pos, format, fw, st := queryArgs(e, "show", 1, args)
	if fw == nil {
		return st
	}
	v, ok := find(fw, pos[0])
	if !ok {
		return unknownName(e, fw, "family, role, role level or skill", pos[0])
	}
	v.Edition = fw.Edition().String()
	var b strings.Builder
	switch format {
	case "json":
		j, _ := json.MarshalIndent(v, "", "  ")
		b.Write(j)
		b.WriteByte('\n')
	case "markdown":
		writeShowMarkdown(&b, v)
	default:
		writeShowText(&b, v)
	}
	if format == "json" {
		fmt.Fprint(e.stdout, b.String())
	} else if err := e.human(b.String()); err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

func writeShowText(b *strings.Builder, v showView) {
	fmt.Fprintf(b, "%s: %s\n", v.Kind, v.Name)
	if v.Role != "" {
		fmt.Fprintf(b, "role: %s\n", v.Role)
	}
	if v.Family != "" {
		fmt.Fprintf(b, "family: %s\n", v.Family)
	}
	for _, r := range v.Roles {
		fmt.Fprintf(b, "  %s\n", r)
	}
	for _, l := range v.Levels {
		if v.Kind == "skill" {
			fmt.Fprintf(b, "\n%s (%s)\n", l.Name, l.Status)
			for _, d := range l.Descriptors {
				fmt.Fprintf(b, "  - %s\n", d)
			}
			continue
		}
		fmt.Fprintf(b, "\n%s", l.Name)
		if len(l.Grades) > 0 {
			fmt.Fprintf(b, " (%s)", strings.Join(l.Grades, ", "))
		}
		b.WriteByte('\n')
		for _, q := range l.Skills {
			fmt.Fprintf(b, "  %s: %s\n", q.Skill, orNone(q.Level))
		}
	}
	for _, q := range v.Skills {
		fmt.Fprintf(b, "  %s: %s\n", q.Skill, orNone(q.Level))
	}
	if len(v.Required) > 0 {
		b.WriteString("\nrequired by:\n")
		for _, r := range v.Required {
			fmt.Fprintf(b, "  %s / %s: %s\n", r.Role, r.Level, orNone(r.At))
		}
	}
	fmt.Fprintf(b, "\nedition: %s\n", v.Edition)
}

func writeShowMarkdown(b *strings.Builder, v showView) {
	fmt.Fprintf(b, "# %s\n\n", mdCell(v.Name))
	fmt.Fprintf(b, "%s", upperFirst(v.Kind))
	if v.Role != "" {
		fmt.Fprintf(b, " of %s", mdCell(v.Role))
	}
	if v.Family != "" {
		fmt.Fprintf(b, " in the %s family", mdCell(v.Family))
	}
	b.WriteString(".\n")
	for _, r := range v.Roles {
		fmt.Fprintf(b, "\n- %s", mdCell(r))
	}
	if len(v.Roles) > 0 {
		b.WriteByte('\n')
	}
	for _, l := range v.Levels {
		if v.Kind == "skill" {
			fmt.Fprintf(b, "\n## %s (%s)\n\n", mdCell(upperFirst(l.Name)), l.Status)
			for _, d := range l.Descriptors {
				fmt.Fprintf(b, "- %s\n", mdCell(d))
			}
			continue
		}
		fmt.Fprintf(b, "\n## %s\n\n", mdCell(l.Name))
		if len(l.Grades) > 0 {
			fmt.Fprintf(b, "Grades: %s\n\n", mdCell(strings.Join(l.Grades, ", ")))
		}
		writeReqTable(b, l.Skills)
	}
	if len(v.Skills) > 0 {
		b.WriteByte('\n')
		writeReqTable(b, v.Skills)
	}
	if len(v.Required) > 0 {
		b.WriteString("\n## Required by\n\n| role | role level | at |\n| --- | --- | --- |\n")
		for _, r := range v.Required {
			fmt.Fprintf(b, "| %s | %s | %s |\n", mdCell(r.Role), mdCell(r.Level), orNone(r.At))
		}
	}
	fmt.Fprintf(b, "\nEdition: %s\n", v.Edition)
}

func writeReqTable(b *strings.Builder, qs []showReq) {
	if len(qs) == 0 {
		return
	}
	b.WriteString("| skill | level |\n| --- | --- |\n")
	for _, q := range qs {
		fmt.Fprintf(b, "| %s | %s |\n", mdCell(q.Skill), orNone(q.Level))
	}
}

// mdCell escapes text from a file for Markdown (see [markdownEscape]).
func mdCell(s string) string { return markdownEscape(s) }

func orNone(s string) string {
	if s == "" {
		return "(none stated)"
	}
	return s
}

// compareView is what compare prints.
type compareView struct {
	From    string         `json:"from"`
	To      string         `json:"to"`
	Skills  []compareSkill `json:"skills"`
	Edition string         `json:"edition,omitempty"`
}

type compareSkill struct {
	Skill       string   `json:"skill"`
	Move        string   `json:"move"`
	From        string   `json:"from,omitempty"`
	To          string   `json:"to,omitempty"`
	Descriptors []string `json:"descriptors,omitempty"`
}

func levelName(l framework.Level) string {
	if l.Valid() {
		return l.String()
	}
	return ""
}

func runCompare(e *env, args []string) int {
	pos, format, fw, st := queryArgs(e, "compare", 2, args)
	if fw == nil {
		return st
	}
	var lv [2]*framework.RoleLevel
	var roles [2]*framework.Role
	for i, n := range pos[:2] {
		if roles[i], lv[i] = fw.RoleLevel(n); lv[i] == nil {
			return unknownName(e, fw, "role level", n)
		}
	}
	c := framework.Compare(lv[0], lv[1])
	v := compareView{From: roles[0].Name.Value + " / " + c.From, To: roles[1].Name.Value + " / " + c.To, Edition: fw.Edition().String()}
	for _, s := range c.Skills {
		v.Skills = append(v.Skills, compareSkill{s.Skill, s.Move.String(), levelName(s.From), levelName(s.To), s.Descriptors})
	}
	var b strings.Builder
	switch format {
	case "json":
		j, _ := json.MarshalIndent(v, "", "  ")
		b.Write(j)
		b.WriteByte('\n')
	case "markdown":
		fmt.Fprintf(&b, "# From %s to %s\n\n| skill | change | from | to |\n| --- | --- | --- | --- |\n", mdCell(v.From), mdCell(v.To))
		for _, s := range v.Skills {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", mdCell(s.Skill), s.Move, orDash(s.From), orDash(s.To))
		}
		for _, s := range v.Skills {
			if len(s.Descriptors) == 0 || s.Move == "unchanged" {
				continue
			}
			fmt.Fprintf(&b, "\n## %s (%s)\n\n", mdCell(s.Skill), s.To)
			for _, d := range s.Descriptors {
				fmt.Fprintf(&b, "- %s\n", mdCell(d))
			}
		}
		fmt.Fprintf(&b, "\nEdition: %s\n", v.Edition)
	default:
		fmt.Fprintf(&b, "from: %s\nto: %s\n", v.From, v.To)
		for _, s := range v.Skills {
			fmt.Fprintf(&b, "\n%s: %s (%s -> %s)\n", s.Skill, s.Move, orDash(s.From), orDash(s.To))
			if s.Move == "unchanged" {
				continue
			}
			for _, d := range s.Descriptors {
				fmt.Fprintf(&b, "  - %s\n", d)
			}
		}
		fmt.Fprintf(&b, "\nedition: %s\n", v.Edition)
	}
	if format == "json" {
		fmt.Fprint(e.stdout, b.String())
	} else if err := e.human(b.String()); err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	return exitOK
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
