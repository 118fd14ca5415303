// Package parse reads the published formats of the Digital and Data
// Profession Capability Framework into [framework.Document]s: the Skills A
// to Z Markdown, role pages and role-level text, the older gov.uk
// guidance (text and HTML), the official CSV downloads and the module's
// own JSON export ([Formats]).
//
// [Parse] detects a source's format and parses it; [ParseString] does the
// same for a source already held in a string, which the document then
// keeps without a copy. Every element keeps its span in the unchanged
// source, and most texts share the source's bytes (not those decoded from
// HTML character references, JSON escapes or CSV's doubled quotes).
// Errors come back as a [framework.ErrorList] sorted by position, with
// the partial document. [Published] is the embedded snapshot of the
// published framework.
package parse
