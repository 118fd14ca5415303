package lint

import (
	"fmt"
	"sync"

	"github.com/ddat-tools/ddat/framework"
)

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

	loadVocabulary func() *framework.Framework // see [Options.LoadVocabulary]
}

// vocabularyInFull replaces p.Vocabulary, if it holds only sources, by the
// vocabulary in full (see [Options.LoadVocabulary]).
func (p *Pass) vocabularyInFull() {
	if p.loadVocabulary != nil {
		p.Vocabulary, p.loadVocabulary = p.loadVocabulary(), nil
	}
}

// runState is what the passes of one [Run] compute once and share. Rules
// may run concurrently, so each field is computed under a sync.Once and
// read-only afterwards.
type runState struct {
	unique       func() []framework.Text // uniqueTexts of the framework's documents
	texts        func() *textTable
	british      func() britishTable // the British form of each word of the text table's lexicon that is American, by number
	alone        func() []bool       // the aloneTexts of the text table, by index
	requirements func() []Site
	skillKeys    func() skillKeys
	catalogue    func() catalogueIndex
}

func newRunState(fw, cat *framework.Framework) *runState {
	// The embedded snapshot's documents give their table ready made, the
	// unique texts with it (set under unique's Once, read after it).
	var embedded *textTable
	unique := sync.OnceValue(func() []framework.Text {
		if tt, ok := embeddedTable(fw.Documents); ok {
			embedded = tt
			return tt.texts
		}
		return uniqueTexts(fw.Documents)
	})
	texts := sync.OnceValue(func() *textTable {
		if u := unique(); embedded == nil {
			return textTableOf(u)
		}
		return embedded
	})
	requirements := sync.OnceValue(func() []Site { return requirements(fw) })
	return &runState{
		unique:       unique,
		texts:        texts,
		british:      sync.OnceValue(func() britishTable { return britishForms(texts().lex) }),
		alone:        sync.OnceValue(func() []bool { return aloneTexts(texts().texts) }),
		requirements: requirements,
		skillKeys:    sync.OnceValue(func() skillKeys { return newSkillKeys(requirements()) }),
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
