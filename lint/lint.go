package lint

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/ddat-tools/ddat/framework"
)

// Severity is how much a finding matters. Its zero value is invalid, so a
// rule that forgets to set one is caught by [Validate].
type Severity int

// The severities, least severe first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

var severityNames = [...]string{"invalid", "info", "warning", "error"}

func (s Severity) String() string {
	if s < Info || s > Error {
		return severityNames[0]
	}
	return severityNames[s]
}

// ParseSeverity returns the severity named s ("info", "warning", "error"),
// ignoring case.
func ParseSeverity(s string) (Severity, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i := Info; i <= Error; i++ {
		if severityNames[i] == t {
			return i, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", s)
}

// MarshalText encodes the severity's name.
func (s Severity) MarshalText() ([]byte, error) {
	if s < Info || s > Error {
		return nil, fmt.Errorf("invalid severity %d", int(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err == nil {
		*s = v
	}
	return err
}

// A Rule is one check. Rules are values listed in [All]; their IDs are
// permanent.
type Rule struct {
	ID       string   // permanent kebab-case identifier ("spelling")
	Title    string   // one line, lower case, no final period
	Doc      string   // Markdown: what it finds, why, a before/after example
	Since    string   // the version that introduced the rule ("v0.1.0")
	Severity Severity // the default severity of its findings
	// Raised says which findings are errors when Severity is lower ("a
	// wholesale difference (…)"); empty when every finding has the
	// default severity. The Doc says which and why; ddat rules and ddat
	// explain show it.
	Raised string
	Run    func(*Pass)
}

// A Diagnostic is one finding: plain data, rendered by the command.
type Diagnostic struct {
	Rule        string
	Severity    Severity
	Span        framework.Span // where the finding is; End may equal Start
	Message     string         // lower case, no final period, quotes the offending text
	Suggestions []Suggestion   // replacements that would fix it; optional
	Related     []Related      // other places that explain it; optional

	// Repeats is the number of other places with the same finding (the
	// same rule and message at the same place of the same text: a text a
	// download repeats on many rows), which [Run] reports as this one: the
	// first of them are the last entries of Related, at most 1,000, and
	// the message ends with their number ("; also on 14 more rows").
	// [BaseMessage] is the message of each. Zero when it stands alone.
	Repeats int
}

// Suggestion proposes replacing the text of Span with NewText.
type Suggestion struct {
	Message string // what the replacement does ("replace with \"portfolio\"")
	Span    framework.Span
	NewText string
	// Safe marks a replacement that repairs the text without choosing
	// between meanings (an encoding repair, a spacing or repeated-word
	// fix, a British spelling, a misspelling with one confident
	// candidate): ddat lint --fix applies it. The others are offered,
	// never applied unasked.
	Safe bool
}

// Related is another place that bears on a finding.
type Related struct {
	Span    framework.Span
	Message string
}

// Pass is a rule's only view of its input and its only way to report.
type Pass struct {
	// Framework holds the linted documents, merged.
	Framework *framework.Framework

	// Catalogue is the reference skills catalogue: Framework itself when
	// the linted documents hold a catalogue, else one the caller supplied
	// (it may have no skills at all). Findings are reported only on the
	// linted documents.
	Catalogue *framework.Framework

	// Words are extra accepted words (from configuration), compared by
	// [framework.Key].
	Words map[string]bool

	// Vocabulary is a framework whose words count as the corpus's own
	// vocabulary for spelling (the published framework); optional.
	Vocabulary *framework.Framework

	// Problems are the errors met parsing the linted documents, which
	// [ParseError] reports; optional.
	Problems framework.ErrorList

	rule     *Rule
	report   func(Diagnostic)
	reported int       // findings reported so far
	keys     keyMemo   // memo of [Pass.key]
	run      *runState // what the passes of one Run share
}

// runState is what the passes of one [Run] compute once and share. Rules
// may run concurrently, so each field is computed under a sync.Once and
// read-only afterwards.
type runState struct {
	texts        func() *textTable
	requirements func() []Site
	catalogue    func() catalogueIndex
}

// textTable holds the linted texts (see [uniqueTexts]) with the distinct
// values among them, each tokenised once. Values are hashed here only:
// the rules index by id.
type textTable struct {
	texts  []framework.Text
	ids    []int32  // ids[i] is the id of texts[i].Value
	values []string // by id
	uses   []int    // the number of texts giving each value, by id
	words  [][]word // the words of each value, by id, numbered in lex
	lex    *lexicon // read-only once built: rules give it as base to their own
}

// distinctValues numbers the distinct values of ts in the order first
// met: values[ids[i]] is ts[i].Value, and uses[id] counts the texts
// giving values[id].
func distinctValues(ts []framework.Text) (values []string, ids []int32, uses []int) {
	// The framework repeats its texts: a download has about six texts a
	// distinct value, so the map is sized for a quarter of them and grows
	// if it must.
	byValue := make(map[string]int32, len(ts)/4)
	ids = make([]int32, len(ts))
	for i, t := range ts {
		id, ok := byValue[t.Value]
		if !ok {
			id = int32(len(values))
			byValue[t.Value] = id
			values = append(values, t.Value)
			uses = append(uses, 0)
		}
		ids[i] = id
		uses[id]++
	}
	return values, ids, uses
}

// wordBlock is the number of words of the blocks that hold the words of
// a [textTable].
const wordBlock = 4096

func newTextTable(fw *framework.Framework) *textTable {
	tt := &textTable{texts: uniqueTexts(fw.Documents)}
	tt.values, tt.ids, tt.uses = distinctValues(tt.texts)
	// Every text rule waits for the words: tokenising is shared out
	// between the processors, each value's words stored under its id,
	// numbered in the worker's lexicon, then renumbered in one lexicon in
	// the order of the values, so that the numbers do not depend on the
	// number of workers. A worker tokenises each value into one buffer and
	// files its words in blocks of wordBlock words, each value's words
	// together: a value's words cost no allocation of their own, and no
	// room beyond them (a catalogue of many one-line skills has two words
	// a value).
	tt.words = make([][]word, len(tt.values))
	workers := min(runtime.GOMAXPROCS(0), 1+len(tt.values)/256)
	lexes := make([]*lexicon, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lexes[w] = newLexicon(nil)
		wg.Go(func() {
			var buf, block []word
			for id := w; id < len(tt.values); id += workers {
				buf = appendWords(buf[:0], tt.values[id], lexes[w])
				n := len(buf)
				if n == 0 {
					continue
				}
				if n > cap(block)-len(block) {
					block = make([]word, 0, max(n, wordBlock))
				}
				start := len(block)
				block = append(block, buf...)
				tt.words[id] = block[start:len(block):len(block)]
			}
		})
	}
	wg.Wait()
	tt.lex = newLexicon(nil)
	renumber := make([][]int32, workers)
	for w, x := range lexes {
		renumber[w] = make([]int32, len(x.forms))
		for i := range renumber[w] {
			renumber[w][i] = -1
		}
	}
	for id, ws := range tt.words {
		w := id % workers
		for i := range ws {
			if ws[i].id < 0 {
				continue // a number: see numberID
			}
			n := &renumber[w][ws[i].id]
			if *n < 0 {
				*n = tt.lex.intern(lexes[w].forms[ws[i].id])
			}
			ws[i].id = *n
		}
	}
	return tt
}

func newRunState(fw, cat *framework.Framework) *runState {
	return &runState{
		texts:        sync.OnceValue(func() *textTable { return newTextTable(fw) }),
		requirements: sync.OnceValue(func() []Site { return requirements(fw) }),
		catalogue:    sync.OnceValue(func() catalogueIndex { return newCatalogueIndex(cat) }),
	}
}

// Rule returns the rule being run.
func (p *Pass) Rule() *Rule { return p.rule }

// Report reports a finding. Rule and Severity are filled in from the rule
// when left empty.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.rule.ID
	}
	if d.Severity == 0 {
		d.Severity = p.rule.Severity
	}
	p.reported++
	p.report(d)
}

// Reportf reports a finding at span s with a formatted message.
func (p *Pass) Reportf(s framework.Span, format string, args ...any) {
	p.Report(Diagnostic{Span: s, Message: fmt.Sprintf(format, args...)})
}

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
	repeats := sync.OnceValue(func() containerIndex { return newContainerIndex(fw) })
	found := make([]findings, len(rules))
	took := make([]time.Duration, len(rules))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(rules)) {
		wg.Go(func() {
			for i := range next {
				p := &Pass{Framework: fw, Catalogue: cat, Words: words, Vocabulary: opts.Vocabulary, Problems: opts.Problems, rule: rules[i], run: state}
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
	for i := range rules {
		next <- i
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
	return all.result()
}

// findings collects the findings of a rule, or of a run, keeping at most
// the first max in [Sort] order when max > 0: once the list holds 2*max,
// it is sorted and cut to max, so memory stays bounded however many are
// reported, and the findings kept are those that sorting all of them and
// cutting would keep (a finding that is not among the first max of one
// rule is not among the first max of all).
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

// Sort sorts diagnostics by file, line, column, rule and message; a
// finding of [MaxFindingsRule] goes last.
func Sort(diags []Diagnostic) {
	sort.SliceStable(diags, func(i, j int) bool { return less(diags[i], diags[j]) })
}

// less is the order of [Sort].
func less(a, b Diagnostic) bool {
	if am, bm := a.Rule == MaxFindingsRule, b.Rule == MaxFindingsRule; am != bm {
		return bm
	}
	an, bn := fileName(a.Span), fileName(b.Span)
	if an != bn {
		return an < bn
	}
	if a.Span.Start != b.Span.Start {
		return a.Span.Start < b.Span.Start
	}
	if a.Rule != b.Rule {
		return a.Rule < b.Rule
	}
	return a.Message < b.Message
}

func fileName(s framework.Span) string {
	if s.File == nil {
		return ""
	}
	return s.File.Name
}

// Lookup returns the rule with the given ID, or nil.
func Lookup(id string) *Rule {
	for _, r := range All {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Validate checks a list of rules: IDs kebab-case and unique, every field
// set, docs with a before/after example.
func Validate(rules []*Rule) error {
	seen := map[string]bool{}
	var problems []string
	for i, r := range rules {
		bad := func(format string, args ...any) {
			problems = append(problems, fmt.Sprintf("rule %d (%q): ", i, r.ID)+fmt.Sprintf(format, args...))
		}
		if !isKebab(r.ID) {
			bad("id is not kebab-case")
		}
		if seen[r.ID] {
			bad("duplicate id")
		}
		seen[r.ID] = true
		if r.Title == "" || strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1] {
			bad("title must be set, start in lower case and not end with a period")
		}
		if !strings.Contains(r.Doc, "Before:") || !strings.Contains(r.Doc, "After:") {
			bad("doc lacks a Before:/After: example")
		}
		if !strings.HasPrefix(r.Since, "v") {
			bad("since must be a version like v0.1.0")
		}
		if r.Severity < Info || r.Severity > Error {
			bad("invalid default severity")
		}
		if r.Raised != "" && r.Severity == Error {
			bad("raised above error: errors are the highest severity")
		}
		if r.Run == nil {
			bad("no Run function")
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid rules:\n%s", strings.Join(problems, "\n"))
	}
	return nil
}

func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// String formats the diagnostic as "file:line:col: severity: message
// (rule)", the form editors and CI logs make clickable.
func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s: %s (%s)", d.Span.Pos(), d.Severity, d.Message, d.Rule)
}
