package parse

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ddat-tools/ddat/framework"
)

// ErrNotFramework is wrapped by the error [Parse] returns for a source in
// none of the recognised formats.
var ErrNotFramework = errors.New("not a framework document")

// reader is the reader of one format: how it is detected and parsed.
// What the module knows of the format otherwise (how users call it, its
// CSV header, whether it is legacy) is its [framework.FormatInfo].
type reader struct {
	format framework.Format
	detect func(src string) bool
	parse  func(f *framework.File) (*framework.Document, errorList)
}

// readers is the detection order: the first whose detect accepts a
// source parses it. Each format of [framework.Formats] has one.
var readers = []reader{
	{framework.FormatJSON, looksLikeJSON, parseJSON},
	{framework.FormatRolesCSV, looksLikeRolesCSV, parseRolesCSV},
	{framework.FormatSkillsCSV, looksLikeSkillsCSV, parseSkillsCSV},
	{framework.FormatChangesCSV, looksLikeChangesCSV, parseChangesCSV},
	{framework.FormatLegacyHTML, looksLikeLegacyHTML, parseLegacyHTML},
	{framework.FormatSkillsMarkdown, looksLikeSkillsMarkdown, parseSkillsMarkdown},
	{framework.FormatRolePage, looksLikeRolePage, parseRolePage},
	{framework.FormatRoleLevel, looksLikeRoleLevel, parseRoleLevel},
	{framework.FormatLegacyGuidance, looksLikeLegacyGuidance, parseLegacyGuidance},
}

// Formats returns the formats Parse recognises, in detection order.
func Formats() []framework.Format {
	fs := make([]framework.Format, len(readers))
	for i, f := range readers {
		fs[i] = f.format
	}
	return fs
}

// Detect returns the format of src, or "" if src is in none of the
// recognised formats. It reads a copy of src, as [Parse] does.
func Detect(src []byte) framework.Format {
	if f, ok := detect(string(src)); ok {
		return f.format
	}
	return ""
}

// detect returns the first format whose detector accepts src.
func detect(src string) (reader, bool) {
	for _, f := range readers {
		if f.detect(src) {
			return f, true
		}
	}
	return reader{}, false
}

// Parse detects the format of src and parses it. name is used in
// positions and messages; src is not modified, and the returned
// document's File keeps a copy of it, which the document's texts share.
//
// Parse returns the document and the errors met, sorted by position; the
// document is returned, partial, even when there are errors. A source in
// none of the recognised formats gives a nil document and one error
// wrapping [ErrNotFramework] that lists the formats.
func Parse(name string, src []byte) (*framework.Document, error) {
	return parseLimited(name, string(src), DefaultLimits)
}

// ParseString is [Parse] for a source held in a string, such as a file
// read into one: the document's File keeps src itself, so that the
// source is not copied.
func ParseString(name, src string) (*framework.Document, error) {
	return parseLimited(name, src, DefaultLimits)
}

// Limits bound the input a parser accepts, so that hostile input ends in
// a clear error rather than in exhausted memory or time.
type Limits struct {
	MaxBytes     int // the largest source, in bytes
	MaxLineBytes int // the longest line, in bytes
	// MaxLines is the most lines a source may have (a last line without
	// a line feed counts). It bounds what a parser makes of a source
	// whose every line is an element: a skill heading of 5 bytes
	// becomes a skill of more than 200.
	MaxLines int
}

// DefaultLimits are the limits of [Parse]: 64 MiB a source, 4 MiB a
// line, 250,000 lines. The official downloads are under 3 MiB and 23,000
// lines.
var DefaultLimits = Limits{MaxBytes: 64 << 20, MaxLineBytes: 4 << 20, MaxLines: 250_000}

// ErrLimit is wrapped by the error for a source beyond a [Limits] bound.
var ErrLimit = errors.New("input limit exceeded")

// ParseLimited is [Parse] with the given limits; a zero field means no
// limit.
func ParseLimited(name string, src []byte, lim Limits) (*framework.Document, error) {
	return parseLimited(name, string(src), lim)
}

// Options say how [ParseWith] parses.
type Options struct {
	// Limits bound the source, as [ParseLimited]'s; nil means
	// DefaultLimits.
	Limits *Limits

	// NoSum leaves the SHA-256 of the document's edition empty (its
	// date is still read), for a caller that never asks for the edition,
	// such as a lint: hashing a source costs about a fifth of parsing
	// it. A document of the embedded snapshot has its sum all the same,
	// which costs nothing.
	NoSum bool
}

// ParseWith is [ParseString] with options.
func ParseWith(name, src string, opts Options) (*framework.Document, error) {
	lim := DefaultLimits
	if opts.Limits != nil {
		lim = *opts.Limits
	}
	return parseWith(name, src, lim, !opts.NoSum)
}

// parseLimited is ParseLimited for a source in a string, which the
// document keeps.
func parseLimited(name, src string, lim Limits) (*framework.Document, error) {
	return parseWith(name, src, lim, true)
}

// parseWith parses src within lim, hashing it for its edition if sum.
func parseWith(name, src string, lim Limits, sum bool) (*framework.Document, error) {
	if err := checkLimits(name, src, lim); err != nil {
		return nil, err
	}
	if doc, ok, err := snapshotDocument(name, src); ok {
		return doc, err
	}
	if f, ok := detect(src); ok {
		return run(f, name, src, "", sum)
	}
	var names []string
	for _, f := range readers {
		info, _ := f.format.Info()
		names = append(names, fmt.Sprintf("%s (%s)", info.Name, f.format))
	}
	return nil, framework.ErrorList{{
		Pos: framework.Position{Filename: name},
		Msg: fmt.Sprintf("%v: recognised formats are %s", ErrNotFramework, strings.Join(names, ", ")),
		Err: ErrNotFramework,
	}}
}

// checkLimits refuses a source beyond lim, naming the position and the
// limit.
func checkLimits(name, src string, lim Limits) error {
	if lim.MaxBytes > 0 && len(src) > lim.MaxBytes {
		return framework.ErrorList{{
			Pos: framework.Position{Filename: name},
			Msg: fmt.Sprintf("%v: the file has %d bytes, more than the limit of %d (%d MiB)", ErrLimit, len(src), lim.MaxBytes, lim.MaxBytes>>20),
			Err: ErrLimit,
		}}
	}
	// A source of fewer bytes than MaxLines has fewer line feeds.
	if lim.MaxLines > 0 && len(src) >= lim.MaxLines {
		if n := strings.Count(src, "\n"); n >= lim.MaxLines && (n > lim.MaxLines || !strings.HasSuffix(src, "\n")) {
			lines := n
			if !strings.HasSuffix(src, "\n") {
				lines++
			}
			start := 0
			for range lim.MaxLines {
				start += strings.IndexByte(src[start:], '\n') + 1
			}
			return framework.ErrorList{{
				Pos: framework.Position{Filename: name, Offset: start, Line: lim.MaxLines + 1, Column: 1},
				Msg: fmt.Sprintf("%v: the file has %d lines, more than the limit of %d", ErrLimit, lines, lim.MaxLines),
				Err: ErrLimit,
			}}
		}
	}
	// No line of a source of at most MaxLineBytes bytes is longer.
	if lim.MaxLineBytes <= 0 || len(src) <= lim.MaxLineBytes {
		return nil
	}
	line, start := 1, 0
	for start <= len(src) {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src) - start
		}
		if end > lim.MaxLineBytes {
			return framework.ErrorList{{
				Pos: framework.Position{Filename: name, Offset: start + lim.MaxLineBytes, Line: line, Column: lim.MaxLineBytes + 1},
				Msg: fmt.Sprintf("%v: line %d is longer than the limit of %d bytes", ErrLimit, line, lim.MaxLineBytes),
				Err: ErrLimit,
			}}
		}
		start += end + 1
		line++
	}
	return nil
}

// As parses src as the given format, without detection.
func As(fmt framework.Format, name string, src []byte) (*framework.Document, error) {
	s := string(src)
	if err := checkLimits(name, s, DefaultLimits); err != nil {
		return nil, err
	}
	for _, f := range readers {
		if f.format == fmt {
			return run(f, name, s, "", true)
		}
	}
	return nil, framework.ErrorList{{Pos: framework.Position{Filename: name}, Msg: "unknown format " + string(fmt)}}
}

// run parses src as format f. sum is the hex SHA-256 of src when the
// caller knows it (the embedded snapshot), else "", when it is computed
// if hash is set (see [Options]).
func run(f reader, name, src, sum string, hash bool) (*framework.Document, error) {
	file := framework.NewFile(name, src)
	doc, errs := f.parse(file)
	if doc != nil {
		doc.File = file
		doc.Format = f.format
		switch {
		case sum != "":
			doc.Edition = framework.Edition{SHA256: sum}
		case hash:
			doc.Edition = framework.SourceEdition(src, doc.Published, doc.Updated)
		default:
			doc.Edition = framework.SumEdition("", doc.Published, doc.Updated)
		}
	}
	return doc, errs.sorted().Err()
}
