// Package lint checks a framework for what a careful reviewer would find:
// typos, undefined skill levels, role pages that disagree with the skills
// catalogue or with each other, unknown skills, broken structure and
// damaged encoding.
//
// It follows golang.org/x/tools/go/analysis: a check is a [Rule] value,
// listed in [All]; a [Pass] is a rule's only view of the input and its only
// way to report; a [Diagnostic] is plain data that the command renders.
// [Run] runs the rules and returns their findings sorted; [SafeEdits] and
// [ApplyEdits] apply the fixes the rules mark safe.
//
// # Layout
//
// The rule API is in rule.go (Rule, Severity), rules.go (All, Lookup,
// Validate), pass.go and diagnostic.go; the runner in run.go. Each rule is
// one file named by its ID (unknown_skill.go holds unknown-skill), with
// the helpers only it uses. Helpers that several rules share live in
// files named by their job: walk.go (the texts and requirements of a
// framework), texts.go (the run's table of tokenised texts), repeats.go
// (one finding for a text a download repeats), matcher.go (line and word
// comparison of descriptors), skill_index.go (the catalogue's names),
// message.go (wording), fix.go. The spelling engine is the internal
// package spell, the edit distance and near-word indexes the internal
// package nearword (with the thresholds of every near-word search side
// by side), the word list the internal package wordlist.
//
// # Cost
//
// Every comparison is bounded by the size of what it compares, so that
// linting grows linearly with the input:
//
//   - Rules run concurrently, each into its own list; the lists are joined
//     in rule order and sorted stably, so the output is the same at any
//     GOMAXPROCS. With [Options.MaxFindings], each list is sorted and cut
//     whenever it holds twice the limit, so memory stays bounded however
//     many findings a rule makes.
//   - What several rules need is built once a run and shared read-only:
//     the table of linted texts, each distinct value tokenised once (see
//     package spell's TokenizeAll), the list of requirements, the
//     catalogue's index, the British form of each American word of the
//     texts. Names' keys are remembered per rule.
//   - What depends only on the embedded data is done when the program is
//     built: the published vocabulary's word counts, which the spelling
//     rule adds to its corpus when it lints other documents, are read from
//     published-words.bin (go generate; TestPublishedWords fails when it
//     is stale); when the linted documents are the embedded snapshot's (a
//     plain ddat lint), the whole text table (which text goes where, the
//     number of its value, the words of each value, and which words the
//     word list holds) is read from published-tokens.bin instead of
//     sorted, hashed and tokenised (TestPublishedTokens).
//   - The rules are handed out longest first, spelling first; the rules
//     that do not read the text table run while spelling builds it.
//   - The spelling rule judges a word once where its verdict cannot depend
//     on its place (TestCleanAnywhereHasNoFinding), so most uses of words
//     cost a look in a slice.
//   - The text rules (spelling, british-spelling, punctuation) check each
//     distinct text value once unless it had findings, in which case every
//     place it occurs gets its own: the official download repeats each
//     role's and level's descriptions on every row.
//   - The encoding rule passes over plain ASCII 32 bytes at a time, and
//     tests exactly only a word that a cheap test marks (TestNextNotPlain);
//     punctuation finds doubled words and spaces before punctuation with
//     scans of its own (TestDoubledPairs, TestSpaceThen), and the duplicate
//     rule makes a text's key only where two texts of a list may share one
//     (TestKeysMayRepeat).
//   - A finding's repeats are found by a key hashed from its fields as
//     they are read, not formatted first.
//   - Cross-document checks go through maps keyed by normalised names:
//     role backlinks both ways (the index keeps two numbers a listing),
//     descriptor comparisons only between pages giving the same role,
//     level and skill, with a bounded word distance that stops as soon as
//     a line cannot be close. Unknown skills are matched against an index
//     of the catalogue's names by content word, near word, length and
//     letter counts, checked against a plain scan by a test.
//
// The budgets and the measured figures are in the README; the allocations
// of each rule on the seeds are held by TestRunAllocs.
package lint
