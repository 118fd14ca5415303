package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// The scale corpus: the official CSV layout at a chosen size, built
// deterministically from the real catalogue and the real table of role
// levels. One copy (1×) holds the catalogue's skills (166, less the
// Senior Civil Service ones) and the 49 roles of the table with their
// levels, 9 skills a level: about 1,800 role rows, as the full official
// download has, and about its size (2.4 MB of role rows: the official
// file repeats each role's and level's long descriptions on every row).
// Copy c of n renames every skill and role with a " c" suffix (c > 1),
// so n copies are n times the content, not n repeats of it; the renamed
// roles are not in the table of role levels, so their levels' order is
// inferred (a level-order finding each).
//
// Each copy plants a known set of defects, which TestCorpus checks are
// found, on top of the real catalogue's own (its mojibake, its undefined
// levels), so that a benchmark can check that findings grow with the
// content and not with its square:
//
//   - a typo ("portolio") in a role description: spelling
//   - a skill the catalogue does not have: unknown-skill
//   - an exact duplicate row: structure (duplicate-row)

// corpusSkill is a catalogue skill as the generator writes it.
type corpusSkill struct {
	name   string
	levels map[framework.Level]*framework.SkillLevel
	desc   string
}

// corpusRole is one role of the table of role levels.
type corpusRole struct {
	name, family string
	levels       []string // in seniority order
}

// loadCorpusSources reads the catalogue and the role table once.
func loadCorpusSources(tb testing.TB) ([]corpusSkill, []corpusRole) {
	tb.Helper()
	fw, err := parse.Published()
	if err != nil && fw == nil {
		tb.Fatal(err)
	}
	var skills []corpusSkill
	for _, s := range fw.Skills {
		if s.SeniorCivilService {
			continue
		}
		cs := corpusSkill{name: s.Name.Value, desc: s.Description.Value, levels: map[framework.Level]*framework.SkillLevel{}}
		for _, l := range s.Levels {
			cs.levels[l.Level] = l
		}
		skills = append(skills, cs)
	}
	tsv, err := os.ReadFile(filepath.Join(repoRoot(tb), "testdata", "role-levels-2026-10.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	var roles []corpusRole
	byName := map[string]int{}
	families := []string{"Architecture", "Chief digital and data", "Data", "IT operations", "Product and delivery", "Quality assurance testing", "Software development", "User-centred design"}
	for i, line := range strings.Split(strings.TrimSpace(string(tsv)), "\n") {
		if i == 0 {
			continue
		}
		cols := strings.Split(line, "\t")
		j, ok := byName[cols[0]]
		if !ok {
			j = len(roles)
			byName[cols[0]] = j
			roles = append(roles, corpusRole{name: cols[0], family: families[j%len(families)]})
		}
		roles[j].levels = append(roles[j].levels, cols[3])
	}
	return skills, roles
}

// writeCorpus writes n copies of the corpus into dir as roles-NNN.csv and
// skills-NNN.csv and returns the number of role rows written.
func writeCorpus(tb testing.TB, dir string, n int) int {
	tb.Helper()
	skills, roles := loadCorpusSources(tb)
	rows := 0
	for c := 1; c <= n; c++ {
		suffix := ""
		if c > 1 {
			suffix = fmt.Sprintf(" %d", c)
		}
		var rolesRows [][]string
		usedBy := map[string][]string{}
		for ri, r := range roles {
			roleName := r.name + suffix
			// Role and level descriptions as long as the official ones,
			// in the catalogue's own words: the descriptions of three
			// skills, and a level's descriptors.
			desc := "A " + strings.ToLower(r.name) + " works across a portfolio of services. " + proseOf(skills, ri*3, 4)
			if ri == 0 {
				desc = "A " + strings.ToLower(r.name) + " works across a portolio of services. " + proseOf(skills, ri*3, 4) // planted: spelling
			}
			for li, level := range r.levels {
				levelDesc := "A " + strings.ToLower(level) + " does the work of the level. " + proseOf(skills, ri*5+li*11+1, 3)
				for j := 0; j < 9; j++ {
					s := skills[(ri*7+j*13+li)%len(skills)]
					want := framework.Level(min(1+li*4/max(len(r.levels), 1), 4))
					sl := definedAtOrBelow(s, want)
					if sl == nil {
						continue
					}
					name := s.name + suffix
					row := []string{r.family, roleName, desc, level + suffix, levelDesc,
						name, s.desc, sl.Level.Title(), youCanCell(sl.Descriptors), ""}
					rolesRows = append(rolesRows, row)
					usedBy[name] = appendOnce(usedBy[name], roleName)
				}
			}
			if ri == 1 {
				// planted: a skill the catalogue does not have
				rolesRows = append(rolesRows, []string{r.family, roleName, desc, r.levels[0] + suffix, "A level.", "Stakeholder relationshp management" + suffix, "", "Working", "You can:\n- talk to people", ""})
			}
		}
		rolesRows = append(rolesRows, rolesRows[len(rolesRows)-1]) // planted: duplicate row
		rows += len(rolesRows)
		var skillRows [][]string
		for _, s := range skills {
			row := []string{s.name + suffix, s.desc, "", "", "", "", strings.Join(usedBy[s.name+suffix], ", ")}
			for l, sl := range s.levels {
				if sl.Status == framework.Undefined {
					row[1+int(l)] = sl.Placeholder.Value
				} else {
					row[1+int(l)] = youCanCell(sl.Descriptors)
				}
			}
			skillRows = append(skillRows, row)
		}
		writeCSV(tb, filepath.Join(dir, fmt.Sprintf("roles-%03d.csv", c)), "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type", rolesRows)
		writeCSV(tb, filepath.Join(dir, fmt.Sprintf("skills-%03d.csv", c)), "Skill Name,Skill Description,Awareness,Working,Practitioner,Expert,Roles that require Skill", skillRows)
	}
	return rows
}

// proseOf joins the descriptions of n skills from the i-th on.
func proseOf(skills []corpusSkill, i, n int) string {
	parts := make([]string, n)
	for k := range parts {
		parts[k] = skills[(i+k)%len(skills)].desc
	}
	return strings.Join(parts, " ")
}

func definedAtOrBelow(s corpusSkill, want framework.Level) *framework.SkillLevel {
	for l := want; l >= framework.Awareness; l-- {
		if sl := s.levels[l]; sl != nil && sl.Status == framework.Defined {
			return sl
		}
	}
	return nil
}

func youCanCell(ds []framework.Text) string {
	var b strings.Builder
	b.WriteString("You can:")
	for _, d := range ds {
		b.WriteString("\n- " + d.Value)
	}
	return b.String()
}

func appendOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func writeCSV(tb testing.TB, name, header string, rows [][]string) {
	tb.Helper()
	var b strings.Builder
	b.WriteString(header + "\n")
	for _, row := range rows {
		for i, c := range row {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(c, ",\"\n") {
				c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
			}
			b.WriteString(c)
		}
		b.WriteByte('\n')
	}
	if err := os.WriteFile(name, []byte(b.String()), 0o666); err != nil {
		tb.Fatal(err)
	}
}

var (
	corpusOut    = flag.String("corpus-out", "", "also write the scale corpus into this folder (with -run TestCorpus)")
	corpusCopies = flag.Int("corpus-copies", 1, "copies of the corpus to write with -corpus-out")
)

// TestCorpus checks the shape of the 1× corpus against the full official
// downloads it stands for: about 1,800 role rows and the catalogue's
// skills, with
// one of each planted defect found by lint. With -corpus-out it also
// writes the corpus for timing the command by hand:
//
//	go test ./cmd/ddat -run TestCorpus -args -corpus-out /tmp/corpus -corpus-copies 1
func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	rows := writeCorpus(t, dir, 1)
	if rows < 1600 || rows > 2200 {
		t.Errorf("1× corpus has %d role rows, want about 1,800", rows)
	}
	fw := framework.Merge(readCorpus(t, dir)...)
	// The published catalogue's skills less its Senior Civil Service ones.
	if n := len(fw.Skills); n < 150 || n > 200 {
		t.Errorf("1× corpus has %d skills, want 150 to 200", n)
	}
	var out strings.Builder
	if st := run([]string{"lint", "--fail-on", "none", dir}, nil, &out, io.Discard); st != 0 {
		t.Fatalf("lint exit %d", st)
	}
	for _, want := range []string{`"portolio"`, "Stakeholder relationshp management", "duplicate"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("lint of the corpus does not report the planted %s", want)
		}
	}
	if *corpusOut != "" {
		if err := os.MkdirAll(*corpusOut, 0o777); err != nil {
			t.Fatal(err)
		}
		writeCorpus(t, *corpusOut, *corpusCopies)
	}
}

func readCorpus(t *testing.T, dir string) []*framework.Document {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*framework.Document
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parse.Parse(filepath.Base(n), src)
		if d == nil {
			t.Fatalf("%s: %v", n, err)
		}
		docs = append(docs, d)
	}
	return docs
}
