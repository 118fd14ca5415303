// Package report draws the framework and its findings as one
// self-contained HTML page, for `ddat report`: an index of role families,
// roles and skills with counts of findings; per role, the matrix of its
// role levels × skills, each cell the required level as a four-step bar
// with its name, level drops and undefined levels marked in words; per
// skill, its four levels with their descriptors and the role levels that
// require each; the lint findings beside what they concern; and, given a
// base edition, the differences of [framework.Diff] marked in place.
//
// [Build] makes the page model from a framework, its findings and an
// optional base edition; [Page.WriteHTML] renders it with html/template,
// so that every text of the framework is escaped as untrusted content.
// The page needs no script, loads nothing (its Content-Security-Policy
// allows inline styles alone) and is the same bytes for the same input.
//
// The package belongs to the command: it is internal to cmd.
package report
