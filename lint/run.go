package lint

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/ddat-tools/ddat/framework"
)

// Options configure [Run].
type Options struct {
	// Rules to run; nil means [All].
	Rules []*Rule
	// Catalogue is the reference catalogue when the linted framework has
	// none; optional.
	Catalogue *framework.Framework
	// Words are extra accepted words.
	Words []string
	// Vocabulary is a framework whose words count as the corpus's own
	// vocabulary for spelling, such as the published framework, so that a
	// small input is not judged on its own few words; optional.
	Vocabulary *framework.Framework
	// LoadVocabulary, when set, gives the vocabulary in full, should a
	// rule need its texts: Vocabulary may then hold only its documents'
	// sources (their files, formats and editions, as
	// parse.PublishedSources gives the published framework's). The
	// spelling rule needs no more of the published framework, whose words
	// it takes from the summary written when the program was built.
	LoadVocabulary func() *framework.Framework
	// Stats, when not nil, receives what each rule cost, in rule order.
	Stats *[]RuleStats
	// Done, when not nil, is called as each rule finishes, possibly from
	// several goroutines at once.
	Done func(rule *Rule)
	// MaxFindings is the most findings Run returns; 0 means no limit.
	// When there are more, Run returns the first MaxFindings in [Sort]
	// order and a finding of the [MaxFindingsRule] pseudo-rule saying how
	// many more there were. The findings are counted by place: repeats
	// (see [Diagnostic.Repeats]) that were left out before the finding
	// they repeat was met count as left out, so that memory stays bounded.
	MaxFindings int
	// Findings are findings made before the run, such as the parse
	// errors of the documents linted: Run returns them with the rules'
	// own, configured, counted and cut alike.
	Findings []Diagnostic
	// Problems are the errors met parsing the linted documents, which the
	// [ParseError] rule reports; optional.
	Problems framework.ErrorList

	// Filter, when not nil, is applied to each finding as it is reported,
	// so that the findings it drops do not count towards MaxFindings: it
	// returns the finding as kept (its severity may change) and whether it
	// is kept. A configuration sets it (see package config).
	Filter func(Diagnostic) (Diagnostic, bool)
}

// MaxFindingsRule is the ID of the pseudo-rule of the finding that [Run]
// adds when it leaves findings out (see [Options.MaxFindings]). The
// finding is placed at the first finding left out, says how many were
// left out, and has the highest severity among them, so that a run that
// fails on its findings still fails when the failing ones are cut. [Sort]
// puts it last. It is not a rule of [All]: it cannot be switched off or
// ignored by configuration.
const MaxFindingsRule = "max-findings"

// RuleStats is what one rule cost in a [Run]: its time and its number of
// findings.
type RuleStats struct {
	Rule     *Rule
	Time     time.Duration
	Findings int
}

// Run runs the rules on fw and returns their findings sorted by file,
// line, column, rule and message.
func Run(fw *framework.Framework, opts Options) []Diagnostic {
	rules := opts.Rules
	if rules == nil {
		rules = All
	}
	cat := fw
	if len(fw.Skills) == 0 && opts.Catalogue != nil {
		cat = opts.Catalogue
	}
	words := make(map[string]bool, len(opts.Words))
	for _, w := range opts.Words {
		words[framework.Key(w)] = true
	}
	// Rules run concurrently, each into its own list; the lists are joined
	// in rule order and sorted stably, so the output is the same as a
	// sequential run's at any GOMAXPROCS.
	state := newRunState(fw, cat)
	repeats := sync.OnceValue(func() containerIndex { return newContainerIndex(fw, state.unique()) })
	// The index of repeats is needed once the rules are done, when only
	// one processor is left to sort and group their findings, and so are
	// the line tables of the linted files (and the character indexes of
	// those with long lines), when the findings are printed (a download
	// has tens of thousands of lines, of kilobytes): they are made by the
	// workers (jobs -1, the index, and -2-k, the tables of document k; see
	// [jobOrder]) on the processors that the long rules leave idle as
	// they finish, rather than beside them, where they would take a
	// processor from the longest.
	background := func(job int) {
		if job == -1 {
			repeats()
		} else if d := fw.Documents[-2-job]; d != nil && d.File != nil {
			d.File.Index()
		}
	}
	found := make([]findings, len(rules))
	took := make([]time.Duration, len(rules))
	var wg sync.WaitGroup
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), len(rules))
	for range workers {
		wg.Go(func() {
			for i := range next {
				if i < 0 {
					background(i)
					continue
				}
				p := &Pass{Framework: fw, Catalogue: cat, Words: words, Vocabulary: opts.Vocabulary, Problems: opts.Problems, rule: rules[i], run: state, loadVocabulary: opts.LoadVocabulary}
				found[i].max, found[i].filter, found[i].repeats = opts.MaxFindings, opts.Filter, repeats
				p.report = found[i].add
				start := time.Now()
				rules[i].Run(p)
				took[i] = time.Since(start)
				if opts.Done != nil {
					opts.Done(rules[i])
				}
			}
		})
	}
	if workers > 0 {
		for _, i := range jobOrder(rules, len(fw.Documents)) {
			next <- i
		}
	}
	close(next)
	wg.Wait()
	var all findings
	all.max, all.repeats = opts.MaxFindings, repeats
	before := findings{max: opts.MaxFindings, filter: opts.Filter, repeats: repeats}
	for _, d := range opts.Findings {
		before.add(d)
	}
	all.join(&before)
	for i, f := range found {
		all.join(&f)
		if opts.Stats != nil {
			*opts.Stats = append(*opts.Stats, RuleStats{Rule: rules[i], Time: took[i], Findings: f.reported})
		}
	}
	res := all.result()
	repeats() // done by the workers, unless there were none
	return res
}

// findings collects the findings of a rule, or of a run, keeping at most
// the first max in [Sort] order when max > 0: once the list holds 2*max,
// it is sorted and cut to max, so memory stays bounded however many are
// reported, and the findings kept are those that sorting all of them and
// cutting would keep (a finding that is not among the first max of one
// rule is not among the first max of all).
// dispatchOrder returns the indexes of rules in the order they are given
// to the workers: the rules that take longest first (see [longRules]),
// then the others in their order. With few processors, the run takes at
// least as long as its longest rule; started last, that rule would make
// the run the longer by all that ran before it. The findings are joined
// in the rules' own order, whatever the order they ran in.
func dispatchOrder(rules []*Rule) []int {
	order := make([]int, 0, len(rules))
	for _, long := range longRules {
		for i, r := range rules {
			if r == long {
				order = append(order, i)
			}
		}
	}
	for i, r := range rules {
		if !slices.Contains(longRules, r) {
			order = append(order, i)
		}
	}
	return order
}

// jobOrder returns the jobs of a run in the order they are given to the
// workers: the rules in [dispatchOrder], with the index of repeats (job
// -1) after the long rules and the line tables of the documents (jobs
// -2-k for document k of docs) last. The index costs next to nothing on
// a download but is among the longest jobs of a large run (120 ms of
// the 100× corpus's 2 s, as long as level-regression): given out after
// all the rules, it was the last job running, on one processor, while
// the other had nothing left to do.
func jobOrder(rules []*Rule, docs int) []int {
	order := dispatchOrder(rules)
	long := 0
	for _, i := range order {
		if slices.Contains(longRules, rules[i]) {
			long++
		}
	}
	jobs := make([]int, 0, len(order)+1+docs)
	jobs = append(jobs, order[:long]...)
	jobs = append(jobs, -1)
	jobs = append(jobs, order[long:]...)
	for k := range docs {
		jobs = append(jobs, -2-k)
	}
	return jobs
}

// longRules are the rules that take longest, as measured on the
// published framework (ddat lint --stats): spelling, the longest, first.
// It builds the run's table of tokenised texts, which punctuation also
// reads: the rules that do not read it come next, so that the other
// processors work while the table is built instead of waiting for it.
var longRules = []*Rule{Spelling, Duplicate, DescriptorMismatch, RoleBacklink, Encoding, Punctuation}

type findings struct {
	max      int
	filter   func(Diagnostic) (Diagnostic, bool)
	repeats  func() containerIndex // collapses repeated findings (see [collapseRepeats]); nil: none
	list     []Diagnostic
	reported int // findings reported, config's drops included

	// Of the findings cut:
	cut      int
	first    Diagnostic // the first in Sort order
	severity Severity   // the highest
}

func (f *findings) add(d Diagnostic) {
	f.reported++
	if f.filter != nil {
		var ok bool
		if d, ok = f.filter(d); !ok {
			return
		}
	}
	f.list = append(f.list, d)
	if f.max > 0 && len(f.list) >= 2*f.max {
		f.prune()
	}
}

// prune sorts the list, collapses repeats, and cuts it to max, noting
// what it cuts.
func (f *findings) prune() {
	if f.max <= 0 || len(f.list) <= f.max {
		return
	}
	f.collapse()
	if len(f.list) <= f.max {
		return
	}
	n := 0
	for _, d := range f.list[f.max:] {
		n += 1 + d.Repeats // each place counts
	}
	f.noteCut(f.list[f.max:], n)
	clear(f.list[f.max:]) // the cut findings' messages and spans can go
	f.list = f.list[:f.max]
}

// collapse sorts the list and collapses its repeats.
func (f *findings) collapse() {
	Sort(f.list)
	if f.repeats != nil && len(f.list) > 1 {
		f.list = collapseRepeats(f.list, f.repeats())
	}
}

// noteCut records n findings cut, of which ds are at hand, sorted.
func (f *findings) noteCut(ds []Diagnostic, n int) {
	if len(ds) > 0 && (f.cut == 0 || less(ds[0], f.first)) {
		f.first = ds[0]
	}
	for _, d := range ds {
		f.severity = max(f.severity, d.Severity)
	}
	f.cut += n
}

// join adds the findings of g, already pruned to the same max, in
// order after f's.
func (f *findings) join(g *findings) {
	f.reported += g.reported
	if g.cut > 0 {
		f.noteCut([]Diagnostic{g.first}, g.cut)
		f.severity = max(f.severity, g.severity)
	}
	f.list = append(f.list, g.list...)
	if f.max > 0 && len(f.list) >= 2*f.max {
		f.prune()
	}
}

// result returns the findings kept, sorted, and the finding of
// [MaxFindingsRule] if some were cut.
func (f *findings) result() []Diagnostic {
	f.collapse()
	f.prune()
	if f.repeats != nil {
		finishRepeats(f.list, f.repeats())
	}
	if f.cut == 0 {
		return f.list
	}
	what := "findings"
	if f.cut == 1 {
		what = "finding"
	}
	return append(f.list, Diagnostic{
		Rule:     MaxFindingsRule,
		Severity: f.severity,
		Span:     f.first.Span,
		Message:  fmt.Sprintf("%d more %s from here on left out: at most %d findings are reported", f.cut, what, f.max),
	})
}
