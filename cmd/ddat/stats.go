package main

import (
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/ddat-tools/ddat/lint"
)

// runStats are the figures `ddat lint --stats` and `ddat export --stats` print on stderr: the time
// of each phase and of each rule, with what it counted. A nil *runStats
// records nothing.
type runStats struct {
	phases []phaseStats
	rules  []lint.RuleStats
}

type phaseStats struct {
	name  string
	time  time.Duration
	count int
	what  string
}

// phaseTimer times one phase.
type phaseTimer struct {
	s     *runStats
	name  string
	start time.Time
}

func (s *runStats) phase(name string) phaseTimer {
	return phaseTimer{s: s, name: name, start: time.Now()}
}

// done records the phase's time and what it counted (what may be empty).
func (t phaseTimer) done(count int, what string) {
	if t.s == nil {
		return
	}
	t.s.phases = append(t.s.phases, phaseStats{t.name, time.Since(t.start), count, what})
}

// print writes the figures as two tables, with the process's peak
// resident memory where the system gives it. Rules run concurrently, so
// their times add up to more than the "rules" phase; work that several
// rules share is counted in the first rule that needs it.
func (s *runStats) print(e *env) {
	if s == nil {
		return
	}
	tw := tabwriter.NewWriter(e.stderr, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "phase\ttime\tcount\t\t")
	var total time.Duration
	for _, p := range s.phases {
		total += p.time
		count := ""
		if p.what != "" {
			count = fmt.Sprint(p.count)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t\n", p.name, ms(p.time), count, p.what)
	}
	fmt.Fprintf(tw, "total\t%s\t\t\t\n", ms(total))
	if peak, ok := peakMemory(); ok {
		fmt.Fprintf(tw, "peak memory\t%.1f MiB\t\t\t\n", float64(peak)/(1<<20))
	}
	if len(s.rules) == 0 {
		tw.Flush()
		return
	}
	fmt.Fprintln(tw, "\t\t\t\t")
	fmt.Fprintln(tw, "rule\ttime\tfindings\t\t")
	for _, r := range s.rules {
		fmt.Fprintf(tw, "%s\t%s\t%d\t\t\n", r.Rule.ID, ms(r.Time), r.Findings)
	}
	tw.Flush()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/1e6) }
