// Package framework is the typed model of the UK Government Digital and
// Data Profession Capability Framework: skills with their four ascending
// [Level]s, roles with their role levels in seniority order, and the
// [Document]s they were read from.
//
// # Sources and positions
//
// Every parsed element keeps where it came from. A [File] holds a
// source's unchanged bytes, as a string, and a line table; a [Span] is a
// byte range of a File, and a [Text] is a value with its Span, its Value
// usually a substring of the File's (the parsers do not copy what they
// can share). Line and column are computed from the
// line table when asked for ([Span.Pos]), in the style of go/token: 1-based
// lines, 1-based columns in Unicode code points (as editors show them).
// Nothing normalises the bytes that offsets
// point into; comparisons use [Key], which folds a copy.
//
// # Documents and the merged framework
//
// A parser turns one source into a [Document]. [Merge] combines documents
// into a [Framework]: the skills catalogue, and the roles of every
// document, with the documents kept so that a check can ask which document
// said what, and where.
//
// This package imports no other package of the module; the parsers live
// in package parse, the checks in package lint.
package framework
