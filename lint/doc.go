// Package lint checks a framework for what a careful reviewer would find:
// typos, undefined skill levels, role pages that disagree with the skills
// catalogue or with each other, unknown skills, broken structure and
// damaged encoding.
//
// It follows golang.org/x/tools/go/analysis: a check is a [Rule] value,
// listed in [All]; a [Pass] is a rule's only view of the input and its only
// way to report; a [Diagnostic] is plain data that the command renders.
package lint
