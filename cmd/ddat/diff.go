package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os/exec"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
	"github.com/ddat-tools/ddat/schema"
)

// diffFormats are the output formats of diff.
var diffFormats = []string{"text", "json", "markdown", "changes-csv"}

// publishedArg is the argument of diff that names the embedded snapshot
// of the published framework; a folder of that name is given as
// ./published.
const publishedArg = "published"

type diffOptions struct {
	format, base    *string
	exitZero, stats *bool
}

var diffCommand = &command{
	name:    "diff",
	usage:   "[--format text|json|markdown|changes-csv] [--exit-zero] OLD NEW | --base REV [PATH...]",
	summary: "print how the NEW edition of the framework differs from the OLD (each a file, a folder or published), or the PATHs from the same paths at git revision REV",
	flags:   func(fs *flag.FlagSet) { diffFlags(fs) },
	run:     runDiff,
}

func diffFlags(fs *flag.FlagSet) diffOptions {
	return diffOptions{
		format:   fs.String("format", "text", "output `format`: text, json, markdown or changes-csv"),
		base:     fs.String("base", "", "compare the PATHs with the same paths at git `revision` REV (read with git show)"),
		exitZero: fs.Bool("exit-zero", false, "exit 0 when there are changes (for pipelines)"),
		stats:    fs.Bool("stats", false, "print the time taken and the peak memory on stderr"),
	}
}

// runDiff prints how the NEW edition of the framework differs from the
// OLD: exit 0 when they do not differ, 1 when they do, 2 on trouble.
func runDiff(e *env, args []string) int {
	start := time.Now()
	fs := newFlags(e, "diff")
	opts := diffFlags(fs)
	format, base, exitZero := opts.format, opts.base, opts.exitZero
	pos, st, ok := parseFlags(fs, args)
	if !ok {
		return st
	}
	known := false
	for _, f := range diffFormats {
		known = known || f == *format
	}
	if !known {
		e.errorf("unknown --format %q: want text, json, markdown or changes-csv", *format)
		return exitUsage
	}
	var oldFW, newFW *framework.Framework
	var oldName, newName string
	if *base != "" {
		paths := pos
		if len(paths) == 0 {
			paths = []string{"."}
		}
		var err error
		if oldFW, err = readRevision(*base, paths); err != nil {
			e.errorf("%v", err)
			return exitUsage
		}
		if newFW, st = loadSide(e, paths); newFW == nil {
			return st
		}
		oldName, newName = *base+":"+strings.Join(paths, " "), strings.Join(paths, " ")
	} else {
		if len(pos) != 2 {
			fs.Usage()
			return exitUsage
		}
		if oldFW, newFW, st = loadSides(e, pos[:1], pos[1:]); newFW == nil {
			return st
		}
		oldName, newName = pos[0], pos[1]
	}
	ds := framework.Diff(oldFW, newFW)
	r := diffReport{old: side{oldName, oldFW.Edition()}, new: side{newName, newFW.Edition()}, diffs: ds}
	var b bytes.Buffer
	switch *format {
	case "json":
		r.writeJSON(&b)
	case "markdown":
		r.writeMarkdown(&b)
	case "changes-csv":
		r.writeChangesCSV(&b)
	default:
		r.writeText(&b)
	}
	var err error
	if *format == "json" || *format == "changes-csv" {
		_, err = e.stdout.Write(b.Bytes())
	} else {
		err = e.human(b.String())
	}
	if err != nil {
		e.errorf("%v", err)
		return exitUsage
	}
	if *opts.stats {
		fmt.Fprintf(e.stderr, "time\t%.1f ms\ndifferences\t%d\n", float64(time.Since(start).Microseconds())/1000, len(ds))
		if peak, ok := peakMemory(); ok {
			fmt.Fprintf(e.stderr, "peak memory\t%.1f MiB\n", float64(peak)/(1<<20))
		}
	}
	if len(ds) == 0 || *exitZero {
		return exitOK
	}
	return exitFailing
}

// loadSides reads the two editions at once, each on its own, and prints
// their errors in order, the old edition's first; both frameworks are nil
// unless both could be read.
func loadSides(e *env, oldPaths, newPaths []string) (oldFW, newFW *framework.Framework, status int) {
	if slices.Contains(oldPaths, "-") && slices.Contains(newPaths, "-") {
		e.errorf("standard input (-) can be one edition, not both")
		return nil, nil, exitUsage
	}
	var errs [2]bytes.Buffer
	var sts [2]int
	var fws [2]*framework.Framework
	var wg sync.WaitGroup
	for i, paths := range [][]string{oldPaths, newPaths} {
		side := *e
		side.stderr = &errs[i]
		wg.Go(func() { fws[i], sts[i] = loadSide(&side, paths) })
	}
	wg.Wait()
	for i := range errs {
		e.stderr.Write(errs[i].Bytes())
		if fws[i] == nil {
			return nil, nil, sts[i]
		}
	}
	return fws[0], fws[1], exitOK
}

// loadSide reads one edition: the embedded published framework for
// "published", else the documents at paths.
func loadSide(e *env, paths []string) (*framework.Framework, int) {
	if len(paths) == 1 && paths[0] == publishedArg {
		return loadFramework(e, nil)
	}
	return loadFramework(e, paths)
}

// readRevision reads the framework documents at paths as they are at git
// revision rev: the files git lists under each path at rev (git ls-tree),
// each read with git show. A path that rev does not have gives nothing
// (every element of it is then added); a file that is not a framework
// document is skipped.
func readRevision(rev string, paths []string) (*framework.Framework, error) {
	if strings.HasPrefix(rev, "-") {
		return nil, fmt.Errorf("--base %q: a revision cannot start with '-'", rev)
	}
	if _, err := exec.LookPath("git"); err != nil {
		return nil, fmt.Errorf("--base needs git: %v", err)
	}
	if _, err := git(4096, "rev-parse", "--verify", "--quiet", rev+"^{commit}"); err != nil {
		return nil, fmt.Errorf("--base %q: not a revision of the git repository here", rev)
	}
	var docs []*framework.Document
	seen := map[string]bool{}
	for _, p := range paths {
		// "-l" gives each entry's type and size: only files (blobs that
		// are not symbolic links) are read, and a file over the limit is
		// refused by its size before it is read.
		out, err := git(maxListingBytes, "ls-tree", "-r", "-z", "-l", rev, "--", p)
		if err != nil {
			return nil, err
		}
		for _, entry := range strings.Split(strings.TrimSuffix(string(out), "\x00"), "\x00") {
			meta, name, ok := strings.Cut(entry, "\t")
			if !ok || name == "" || seen[name] || hidden(name) {
				continue
			}
			f := strings.Fields(meta) // mode, type, object, size
			if len(f) != 4 || f[1] != "blob" || f[0] == "120000" {
				continue // a submodule, or a symbolic link: not a regular file
			}
			seen[name] = true
			if size, err := strconv.ParseInt(f[3], 10, 64); err != nil || size > maxDocumentBytes {
				return nil, fmt.Errorf("%s:%s: %w: the file has %s bytes, more than the limit of %d (%d MiB)", rev, name, errLimit, f[3], maxDocumentBytes, maxDocumentBytes>>20)
			}
			src, err := git(maxDocumentBytes, "cat-file", "blob", f[2])
			if err != nil {
				return nil, err
			}
			doc, err := parse.Parse(rev+":"+name, src)
			if doc == nil {
				if errors.Is(err, parse.ErrNotFramework) {
					continue
				}
				return nil, err
			}
			docs = append(docs, doc)
		}
	}
	return framework.Merge(docs...), nil
}

// hidden reports whether a slash-separated path has a part starting with
// a dot, which folder walks leave out.
func hidden(name string) bool {
	for _, part := range strings.Split(path.Clean(name), "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}

// maxListingBytes bounds what git lists of a revision's tree.
const maxListingBytes = 64 << 20

// git runs git with args in the current folder and returns its output,
// reading at most limit bytes of it: past that, git is stopped and the
// output refused. An error carries what git said on stderr.
func git(limit int64, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedBuffer{b: &stderr, n: 64 << 10}
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	out, rerr := io.ReadAll(io.LimitReader(pipe, limit+1))
	if int64(len(out)) > limit {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, fmt.Errorf("git %s: %w: more than %d bytes", strings.Join(args, " "), errLimit, limit)
	}
	err = cmd.Wait()
	if err == nil {
		err = rerr
	}
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", strings.Join(args, " "), msg)
	}
	return out, nil
}

// limitedBuffer keeps the first n bytes written to it and discards the
// rest, so that what a child process says costs bounded memory.
type limitedBuffer struct {
	b *bytes.Buffer
	n int
}

func (w *limitedBuffer) Write(p []byte) (int, error) {
	if room := w.n - w.b.Len(); room > 0 {
		w.b.Write(p[:min(len(p), room)])
	}
	return len(p), nil
}

// side is one edition compared: how it was named and its edition.
type side struct {
	name    string
	edition framework.Edition
}

type diffReport struct {
	old, new side
	diffs    []framework.Difference
}

// pages groups the differences by page, in the order pages first appear.
func (r diffReport) pages() (names []string, by map[string][]framework.Difference) {
	by = map[string][]framework.Difference{}
	for _, d := range r.diffs {
		if _, ok := by[d.Page]; !ok {
			names = append(names, d.Page)
		}
		by[d.Page] = append(by[d.Page], d)
	}
	return names, by
}

// lowerName writes a name in running text as the service's notes do:
// first letter lower case, unless the first word is an abbreviation
// ("AI ethics").
func lowerName(s string) string {
	first, _, _ := strings.Cut(s, " ")
	r, n := utf8.DecodeRuneInString(first)
	if n == 0 || strings.ToUpper(first) == first && len(first) > 1 {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// gradeWords writes grades as the notes do: "EO and HEO".
func gradeWords(s string) string {
	if s == "" {
		return "none"
	}
	if i := strings.LastIndex(s, ", "); i >= 0 {
		return s[:i] + " and " + s[i+2:]
	}
	return s
}

// note is a difference in the phrasing of the service's change notes.
func note(d framework.Difference) string {
	q := func(s string) string { return "'" + lowerName(s) + "'" }
	switch d.Kind {
	case framework.FamilyAdded:
		return "The role family has been added."
	case framework.FamilyRemoved:
		return "The role family has been removed."
	case framework.RoleAdded, framework.SkillAdded:
		return "First published."
	case framework.RoleRemoved:
		return "The role has been removed."
	case framework.RoleRenamed:
		return fmt.Sprintf("The role has been renamed %s, was previously %s.", q(d.To), q(d.From))
	case framework.RoleFamilyChanged:
		return fmt.Sprintf("The role has moved from the %s family to the %s family.", q(d.From), q(d.To))
	case framework.RoleDescriptionChanged:
		return "The description of the role has been updated."
	case framework.RoleResponsibilitiesChanged:
		return "The responsibilities of the role have been updated."
	case framework.LevelAdded:
		return fmt.Sprintf("The role has a new level of %s.", q(d.Level))
	case framework.LevelRemoved:
		return fmt.Sprintf("The level %s has been removed.", q(d.Level))
	case framework.LevelRenamed:
		return fmt.Sprintf("The level %s has been renamed %s.", q(d.From), q(d.To))
	case framework.LevelsReordered:
		return fmt.Sprintf("The role levels are now in the order: %s (previously %s).", lowerList(d.To), lowerList(d.From))
	case framework.LevelGradesChanged:
		return fmt.Sprintf("The most common Civil Service job grades for the level %s have been updated from ‘%s’ to ‘%s’.", q(d.Level), gradeWords(d.From), gradeWords(d.To))
	case framework.LevelDescriptionChanged:
		return fmt.Sprintf("The description for the level %s has been updated.", q(d.Level))
	case framework.LevelResponsibilitiesChanged:
		return fmt.Sprintf("The responsibilities for the level %s have been updated.", q(d.Level))
	case framework.RequirementAdded:
		return fmt.Sprintf("The level %s now requires the skill %s at %s level.", q(d.Level), q(d.Skill), q(d.To))
	case framework.RequirementRemoved:
		return fmt.Sprintf("The skill %s has been removed from the level %s.", q(d.Skill), q(d.Level))
	case framework.RequirementRaised, framework.RequirementLowered:
		verb := "raised"
		if d.Kind == framework.RequirementLowered {
			verb = "lowered"
		}
		return fmt.Sprintf("The level %s now requires the skill %s at %s level, %s from %s.", q(d.Level), q(d.Skill), q(d.To), verb, q(d.From))
	case framework.SkillRemoved:
		return "The skill has been removed."
	case framework.SkillRenamed:
		return fmt.Sprintf("The skill has been renamed %s, was previously %s.", q(d.To), q(d.From))
	case framework.SkillDescriptionChanged:
		return "The description of the skill has been updated."
	case framework.SkillLevelAdded, framework.SkillLevelDefined:
		return fmt.Sprintf("A description for %s level has been created.", q(d.SkillLevel.String()))
	case framework.SkillLevelRemoved:
		return fmt.Sprintf("The %s level has been removed.", q(d.SkillLevel.String()))
	case framework.SkillLevelUndefined:
		return fmt.Sprintf("The %s level is no longer defined.", q(d.SkillLevel.String()))
	case framework.SkillDescriptorsChanged:
		if d.SkillLevel == 0 {
			return "The description of what you can do with the skill has been updated."
		}
		return fmt.Sprintf("The description for %s level has been updated.", q(d.SkillLevel.String()))
	case framework.SkillExamplesChanged:
		return "The examples of leadership using the skill have been updated."
	case framework.SkillRolesChanged:
		var parts []string
		if len(d.Added) > 0 {
			parts = append(parts, "The skill is now required by "+quotedList(d.Added)+".")
		}
		if len(d.Removed) > 0 {
			parts = append(parts, "The skill is no longer required by "+quotedList(d.Removed)+".")
		}
		return strings.Join(parts, " ")
	}
	return string(d.Kind)
}

func lowerList(s string) string {
	parts := strings.Split(s, ", ")
	for i, p := range parts {
		parts[i] = lowerName(p)
	}
	return strings.Join(parts, ", ")
}

func quotedList(names []string) string {
	qs := make([]string, len(names))
	for i, n := range names {
		qs[i] = "'" + lowerName(n) + "'"
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return strings.Join(qs[:len(qs)-1], ", ") + " and " + qs[len(qs)-1]
}

// wordsMarked writes a reworded line with its word changes marked as git's
// --word-diff does: [-removed-]{+added+}.
func wordsMarked(l framework.LineEdit, del, ins [2]string) string {
	if l.Words == nil {
		return del[0] + l.Old + del[1] + " " + ins[0] + l.New + ins[1]
	}
	var b strings.Builder
	for i, w := range l.Words {
		text := strings.TrimRightFunc(w.Text, unicode.IsSpace)
		space := w.Text[len(text):]
		if i+1 < len(l.Words) && l.Words[i+1].Op == framework.EditAdded {
			space = "" // [-old-]{+new+}, one change
		}
		switch w.Op {
		case framework.EditRemoved:
			b.WriteString(del[0] + text + del[1] + space)
		case framework.EditAdded:
			b.WriteString(ins[0] + text + ins[1] + space)
		default:
			b.WriteString(w.Text)
		}
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}

func (r diffReport) writeText(b *bytes.Buffer) {
	names, by := r.pages()
	for i, p := range names {
		if i > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(b, "%s\n", escapeText(p))
		for _, d := range by[p] {
			fmt.Fprintf(b, "  - %s\n", escapeText(note(d)))
			for _, l := range d.Lines {
				switch l.Op {
				case framework.EditAdded:
					fmt.Fprintf(b, "      + %s\n", escapeText(l.New))
				case framework.EditRemoved:
					fmt.Fprintf(b, "      - %s\n", escapeText(l.Old))
				default:
					fmt.Fprintf(b, "      ~ %s\n", escapeText(wordsMarked(l, [2]string{"[-", "-]"}, [2]string{"{+", "+}"})))
				}
			}
		}
	}
}

func (r diffReport) writeMarkdown(b *bytes.Buffer) {
	names, by := r.pages()
	fmt.Fprintf(b, "## Framework changes\n\n%s → %s: %d changes on %d pages.\n", mdEscape(r.old.edition.String()), mdEscape(r.new.edition.String()), len(r.diffs), len(names))
	for _, p := range names {
		n := len(by[p])
		s := "s"
		if n == 1 {
			s = ""
		}
		fmt.Fprintf(b, "\n<details>\n<summary><strong>%s</strong> (%d change%s)</summary>\n\n", htmlEscape(p), n, s)
		for _, d := range by[p] {
			fmt.Fprintf(b, "- %s\n", mdEscape(note(d)))
			for _, l := range d.Lines {
				switch l.Op {
				case framework.EditAdded:
					fmt.Fprintf(b, "  - added: %s\n", mdEscape(l.New))
				case framework.EditRemoved:
					fmt.Fprintf(b, "  - removed: ~~%s~~\n", mdEscape(l.Old))
				default:
					fmt.Fprintf(b, "  - reworded: %s\n", markWords(l))
				}
			}
		}
		b.WriteString("\n</details>\n")
	}
}

// markWords writes a reworded line in Markdown: removed words struck
// through, added ones in bold.
func markWords(l framework.LineEdit) string {
	if l.Words == nil {
		return "~~" + mdEscape(l.Old) + "~~ **" + mdEscape(l.New) + "**"
	}
	var b strings.Builder
	for i, w := range l.Words {
		text := strings.TrimRightFunc(w.Text, unicode.IsSpace)
		space := w.Text[len(text):]
		if w.Op == framework.EditRemoved && i+1 < len(l.Words) && l.Words[i+1].Op == framework.EditAdded {
			space = " "
		}
		switch w.Op {
		case framework.EditRemoved:
			b.WriteString("~~" + mdEscape(text) + "~~" + space)
		case framework.EditAdded:
			b.WriteString("**" + mdEscape(text) + "**" + space)
		default:
			b.WriteString(mdEscape(w.Text))
		}
	}
	return strings.TrimRightFunc(b.String(), unicode.IsSpace)
}

// mdEscape escapes text for a Markdown list item on one line: the one
// Markdown escaper, [markdownEscape].
func mdEscape(s string) string { return markdownEscape(s) }

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(escapeText(s))
}

// writeChangesCSV writes the differences in the official "Change notes"
// layout: one row per page, its notes one a line, dated with the new
// edition's date.
func (r diffReport) writeChangesCSV(b *bytes.Buffer) {
	w := csv.NewWriter(b)
	changes, _ := framework.FormatChangesCSV.Info()
	w.Write(changes.Header)
	names, by := r.pages()
	for _, p := range names {
		var notes []string
		for _, d := range by[p] {
			notes = append(notes, note(d))
		}
		w.Write([]string{r.new.edition.Date, framework.NeutraliseCell(p), framework.NeutraliseCell(strings.Join(notes, "\n"))})
	}
	w.Flush()
}

// diffSchemaVersion is the version of the diff JSON layout.
const diffSchemaVersion = 1

type jsonSide struct {
	Name    string `json:"name"`
	Date    string `json:"date,omitempty"`
	SHA256  string `json:"sha256,omitempty"`
	Edition string `json:"edition"`
}

type jsonPlace struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
}

type jsonWord struct {
	Op   framework.EditOp `json:"op"`
	Text string           `json:"text"`
}

type jsonLine struct {
	Op    framework.EditOp `json:"op"`
	Old   *string          `json:"old,omitempty"`
	New   *string          `json:"new,omitempty"`
	Words []jsonWord       `json:"words,omitempty"`
}

type jsonDifference struct {
	Kind       framework.DiffKind `json:"kind"`
	Page       string             `json:"page"`
	Note       string             `json:"note"`
	Family     string             `json:"family,omitempty"`
	Role       string             `json:"role,omitempty"`
	Level      string             `json:"level,omitempty"`
	Skill      string             `json:"skill,omitempty"`
	SkillLevel string             `json:"skillLevel,omitempty"`
	From       *string            `json:"from,omitempty"`
	To         *string            `json:"to,omitempty"`
	Score      float64            `json:"score,omitempty"`
	Added      []string           `json:"added,omitempty"`
	Removed    []string           `json:"removed,omitempty"`
	Lines      []jsonLine         `json:"lines,omitempty"`
	Old        *jsonPlace         `json:"old,omitempty"`
	New        *jsonPlace         `json:"new,omitempty"`
}

type jsonDiff struct {
	Schema        string           `json:"$schema"`
	SchemaVersion int              `json:"schemaVersion"`
	Old           jsonSide         `json:"old"`
	New           jsonSide         `json:"new"`
	Differences   []jsonDifference `json:"differences"`
}

func place(s framework.Span) *jsonPlace {
	if !s.IsValid() {
		return nil
	}
	p, q := s.Pos(), s.EndPos()
	return &jsonPlace{File: s.File.Name, Line: p.Line, Column: p.Column, EndLine: q.Line, EndColumn: q.Column}
}

func optional(s string, present bool) *string {
	if !present {
		return nil
	}
	return &s
}

func jsonSideOf(s side) jsonSide {
	return jsonSide{Name: s.name, Date: s.edition.Date, SHA256: s.edition.SHA256, Edition: s.edition.String()}
}

func (r diffReport) writeJSON(b *bytes.Buffer) {
	out := jsonDiff{Schema: schema.Diff.ID(), SchemaVersion: diffSchemaVersion,
		Old: jsonSideOf(r.old), New: jsonSideOf(r.new), Differences: []jsonDifference{}}
	for _, d := range r.diffs {
		j := jsonDifference{Kind: d.Kind, Page: d.Page, Note: note(d), Family: d.Family, Role: d.Role, Level: d.Level, Skill: d.Skill,
			From: optional(d.From, d.From != ""), To: optional(d.To, d.To != ""), Score: d.Score,
			Added: d.Added, Removed: d.Removed, Old: place(d.Old), New: place(d.New)}
		if d.SkillLevel.Valid() {
			j.SkillLevel = d.SkillLevel.String()
		}
		for _, l := range d.Lines {
			jl := jsonLine{Op: l.Op, Old: optional(l.Old, l.Op != framework.EditAdded), New: optional(l.New, l.Op != framework.EditRemoved)}
			for _, w := range l.Words {
				jl.Words = append(jl.Words, jsonWord{w.Op, w.Text})
			}
			j.Lines = append(j.Lines, jl)
		}
		out.Differences = append(out.Differences, j)
	}
	enc := json.NewEncoder(b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	enc.Encode(out)
}
