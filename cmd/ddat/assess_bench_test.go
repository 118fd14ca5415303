package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// budgetAssessTeam is the budget of the whole `ddat assess gap` process
// on a team of 50 filled forms (README, "Performance").
const budgetAssessTeam = 60 * time.Millisecond

// writeTeam writes n filled forms of the published framework's data
// analyst levels into dir, with evidence, every tenth of an older
// edition with a skill renamed (read through Diff's renames), and
// returns their paths.
func writeTeam(tb testing.TB, dir string, n int) []string {
	tb.Helper()
	fw, err := parse.Published()
	if err != nil {
		tb.Fatal(err)
	}
	levels := []string{"Data analyst", "Senior data analyst", "Principal data analyst"}
	var paths []string
	for i := range n {
		fm, err := framework.NewForm(fw, levels[i%len(levels)], "Principal data analyst")
		if err != nil {
			tb.Fatal(err)
		}
		fm.Person = fmt.Sprintf("Person %02d", i)
		for j, s := range fm.Skills {
			s.Rated, s.Rating = true, framework.Level((i+j)%5)
			s.Evidence = strings.Repeat("led the census dashboards, ", 1+j%4)
		}
		if i%10 == 9 {
			fm.Edition = framework.Edition{Date: "2024-05", SHA256: strings.Repeat("0", 64)}
			fm.Skills[0].ID, fm.Skills[0].Name = "old-"+fm.Skills[0].ID, "Old "+fm.Skills[0].Name
		}
		p := filepath.Join(dir, fmt.Sprintf("person-%02d.csv", i))
		if err := os.WriteFile(p, fm.CSV(), 0o644); err != nil {
			tb.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestAssessTeamOld checks that the team the benchmarks read has no
// problems and that its older-edition forms are carried across.
func TestAssessTeamOld(t *testing.T) {
	paths := writeTeam(t, t.TempDir(), 10)
	var out, errb strings.Builder
	if st := run(append([]string{"assess", "gap", "--format", "csv"}, paths...), nil, &out, &errb); st != exitOK {
		t.Fatalf("exit %d: %s", st, errb.String())
	}
	if !strings.Contains(out.String(), ",Old Applying statistical and analytical tools and techniques,") {
		t.Errorf("the older-edition form's renamed skill is not carried over:\n%s", out.String())
	}
}

// BenchmarkAssessTeam is the budget check of a team of 50 forms: the
// whole process, and the command run in process.
func BenchmarkAssessTeam(b *testing.B) {
	paths := writeTeam(b, b.TempDir(), 50)
	b.Run("Process", func(b *testing.B) {
		benchProcess(b, budgetAssessTeam, 0, append([]string{"assess", "gap", "--format", "json"}, paths...)...)
	})
	b.Run("InProcess", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if st := run(append([]string{"assess", "gap", "--format", "json"}, paths...), nil, io.Discard, io.Discard); st != exitOK {
				b.Fatalf("exit %d", st)
			}
		}
	})
}
