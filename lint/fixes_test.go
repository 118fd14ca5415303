package lint_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/lint"
	"github.com/ddat-tools/ddat/parse"
)

// A fixCase is a set of files linted together.
type fixCase struct {
	name  string
	files []fixFile
}

type fixFile struct{ name, src string }

// fixCases are the property tests' inputs: every framework document of
// testdata/, the published downloads of parse/testdata/published/, the
// embedded published documents and every case of lint/testdata/.
func fixCases(t *testing.T) []fixCase {
	t.Helper()
	var cases []fixCase
	var paths []string
	for _, g := range []string{"../testdata/*", "../parse/testdata/published/*.csv", "../parse/published/*.*"} {
		m, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if parse.Detect(src) == "" {
			continue // a README, an article that is not a framework document
		}
		cases = append(cases, fixCase{p, []fixFile{{p, string(src)}}})
	}
	archives, _ := filepath.Glob("testdata/*/*.txtar")
	for _, p := range archives {
		ar, err := txtar.ParseFile(p)
		if err != nil {
			t.Fatal(err)
		}
		c := fixCase{name: p}
		for _, f := range ar.Files {
			if f.Name != "want" {
				c.files = append(c.files, fixFile{f.Name, string(f.Data)})
			}
		}
		cases = append(cases, c)
	}
	if len(cases) < 40 {
		t.Fatalf("only %d cases", len(cases))
	}
	return cases
}

// lintFiles parses and lints files as ddat lint does with the embedded
// catalogue as reference.
func lintFiles(t testing.TB, files []fixFile) []lint.Diagnostic {
	t.Helper()
	var docs []*framework.Document
	for _, f := range files {
		doc, _ := parse.Parse(f.name, []byte(f.src))
		if doc != nil {
			docs = append(docs, doc)
		}
	}
	pub, _ := parse.Published()
	return lint.Run(framework.Merge(docs...), lint.Options{Catalogue: pub})
}

// TestFindingSpans checks each finding of every rule on every case: its
// span lies on whole characters of its file, and where the rule flags
// specific text (the finding has a fix), the raw bytes it covers, decoded
// as the file's format decodes them, are the text its message quotes (or,
// for an invisible character, names by its code point).
func TestFindingSpans(t *testing.T) {
	total := 0
	for _, c := range fixCases(t) {
		for _, d := range lintFiles(t, c.files) {
			total++
			if msg := spanProblem(d); msg != "" {
				t.Errorf("%s: %s", c.name, msg)
			}
		}
	}
	if total < 500 {
		t.Errorf("only %d findings in all cases", total)
	}
}

// spanProblem returns what is wrong with d's span, or "".
func spanProblem(d lint.Diagnostic) string {
	sp := d.Span
	if !sp.IsValid() {
		return ""
	}
	src := sp.File.Src
	if sp.Start < 0 || sp.End < sp.Start || sp.End > len(src) {
		return fmt.Sprintf("%v: span [%d,%d) outside the file of %d bytes: %v", sp.Pos(), sp.Start, sp.End, len(src), d)
	}
	if !onRune(src, sp.Start) || !onRune(src, sp.End) {
		return fmt.Sprintf("%v: span %q cuts a character: %v", sp.Pos(), sp.Text(), d)
	}
	for _, s := range d.Suggestions {
		if s.Span.File != sp.File || s.Span.Start < 0 || s.Span.End < s.Span.Start || s.Span.End > len(src) ||
			!onRune(src, s.Span.Start) || !onRune(src, s.Span.End) {
			return fmt.Sprintf("%v: suggestion span [%d,%d) is not whole characters of the finding's file: %v", sp.Pos(), s.Span.Start, s.Span.End, d)
		}
	}
	if len(d.Suggestions) == 0 || sp.Start == sp.End {
		return ""
	}
	text := decodeRaw(sp.File, sp.Text())
	if text == "" {
		return fmt.Sprintf("%v: span %q decodes to nothing: %v", sp.Pos(), sp.Text(), d)
	}
	if strings.Contains(d.Message, text) || strings.Contains(d.Message, strings.Trim(fmt.Sprintf("%q", text), `"`)) {
		return ""
	}
	if r, _ := utf8.DecodeRuneInString(text); strings.Contains(d.Message, fmt.Sprintf("%U", r)) {
		return ""
	}
	return fmt.Sprintf("%v: span %q (%q decoded) is not the text the message quotes: %v", sp.Pos(), sp.Text(), text, d)
}

// onRune reports whether s[i] starts a character (or an invalid byte,
// which reads as one) as s is read from the start of its line.
func onRune(s string, i int) bool {
	j := strings.LastIndexByte(s[:i], '\n') + 1
	for j < i {
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return j == i
}

var (
	tagRE      = regexp.MustCompile(`<[^>]*>`)
	mdEscapeRE = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
)

// formats caches the format of each file decodeRaw is given.
var formats = map[*framework.File]framework.Format{}

// decodeRaw decodes raw bytes of f as its format writes text: CSV's ""
// and CRLF, JSON's escapes, HTML's tags, references and space, Markdown's
// backslash escapes.
func decodeRaw(f *framework.File, raw string) string {
	format, ok := formats[f]
	if !ok {
		format = parse.Detect([]byte(f.Src))
		formats[f] = format
	}
	switch format {
	case framework.FormatRolesCSV, framework.FormatSkillsCSV, framework.FormatChangesCSV:
		return strings.ReplaceAll(strings.ReplaceAll(raw, `""`, `"`), "\r\n", "\n")
	case framework.FormatJSON:
		var v string
		if json.Unmarshal([]byte(`"`+raw+`"`), &v) != nil {
			return raw
		}
		return v
	case framework.FormatLegacyHTML:
		v := html.UnescapeString(tagRE.ReplaceAllString(raw, ""))
		if strings.TrimSpace(v) == "" && v != "" {
			return " "
		}
		return strings.Join(strings.Fields(v), " ")
	case framework.FormatSkillsMarkdown:
		return mdEscapeRE.ReplaceAllString(raw, "$1")
	}
	return raw
}

// TestFixes applies each finding's first suggested edit, alone, to the
// raw bytes of every case and lints again: the finding is gone, no
// finding is new, and every finding away from the edit is still there,
// moved by the edit's change of length (see [fixProblems] for the
// findings a fix may rightly change).
func TestFixes(t *testing.T) {
	fixes := 0
	for _, c := range fixCases(t) {
		before := lintFiles(t, c.files)
		for _, d := range before {
			if len(d.Suggestions) == 0 {
				continue
			}
			fixes++
			for _, p := range fixProblems(t, c.files, before, d) {
				t.Errorf("%s: fix of %v: %s", c.name, d, p)
			}
		}
	}
	if fixes < 100 {
		t.Errorf("only %d fixes in all cases", fixes)
	}
}

// found is a finding as the fix test compares it: where, which rule, what.
type found struct {
	file       string
	start, end int
	rule, msg  string
}

func foundOf(d lint.Diagnostic) found {
	f := found{rule: d.Rule, msg: d.Message, start: d.Span.Start, end: d.Span.End}
	if d.Span.File != nil {
		f.file = d.Span.File.Name
	}
	return f
}

// countRE matches what a message counts of the documents ("used 5 more
// times", "12 times and … once", "1,800 of the 1,804 bullets"): a fix of
// one place rightly changes it.
var countRE = regexp.MustCompile(`used (once|twice|\d+ times) more|used (once|\d+) more times?|\d+ times|once|twice|[\d,]+ of the [\d,]+`)

// comparing are the rules whose findings compare texts at several places
// (a role's descriptors with the catalogue's, a descriptor with the one
// before it, a role's skills with the catalogue's roles, a level with the
// one below, a level's name in one document with another's): a fix at one place rightly changes what they find. "apply
// apply" fixed in a role's copy of a catalogue descriptor makes the copy
// differ from the catalogue, which has the slip too; a duplicate line
// removed from one page makes it differ from another page; "Plan  ahead"
// with one space is the same as the "Plan ahead" above it.
var comparing = map[string]bool{
	"descriptor-mismatch": true,
	"duplicate":           true,
	"role-backlink":       true,
	"level-regression":    true,
	"level-name":          true, // a fixed slip in a level's name can make two names differ
	"level-order":         true, // a level's inferred place weighs the skill levels it requires: a fixed skill level changes the weight
}

// fixProblems applies d's first suggestion to files, lints again and
// returns what is wrong with the result, compared with the findings
// before: the finding is still there, a finding is new, or one away from
// the edit is gone. These are not wrong, and are allowed:
//
//   - a finding whose span overlaps the edit goes or changes: two rules
//     flag the same word ("portolio" in a heading, misspelt and unlike
//     its description), and fixing it fixes both;
//   - a message that counts the documents' places ("used 5 more times")
//     counts one fewer;
//   - a message that quotes the fixed text quotes it fixed (the fix
//     renames a role level that other findings name);
//   - the findings of the [comparing] rules change;
//   - the same defect is found at its next copy: a finding stands for
//     all the copies of a defect (a skill name used 6 times, a cell that
//     the download repeats on every row, an exact repeat of a row), the
//     fix mends one copy, and the next is reported as the defect's
//     finding, with the same rule and text;
//   - a row that repeated the fixed row exactly is now a row of its own,
//     and the structure rule's "repeats the row" findings change;
//   - a fix that names a role level or skill as the catalogue does lets
//     the rules check it against the catalogue: findings that name the
//     fixed or the unfixed text (a level "Head of portfolio" is placed by
//     its name; a skill's level the catalogue leaves undefined), and a
//     skill required twice once renamed to the skill the role already
//     requires, are new;
//   - a finding beside the edit that quotes the text about it as its
//     context quotes it as it now is, or goes with the quoted text ("2
//     spaces in \"0  \x01\"" once the control character is removed
//     leaves trailing spaces, which the cell's trimming drops);
//   - the word beside a fixed word is checked anew with its new
//     neighbour ("Ahe eam" fixed to "The eam" makes "eam" a slip for
//     "team"), and a defect that ends where the edit starts, or starts
//     where it ends, may show once the edited text no longer hides it
//     ("0 ," once the control character after it is removed), and
//     invalid bytes beside the edit may join into a character.
//
// quoted returns s as %q shows it, without the quotes.
func quoted(s string) string { q := strconv.Quote(s); return q[1 : len(q)-1] }

// nextWord reports whether [start, end) in the file name of files is the
// word before or after the edit [editStart, editEnd): nothing but spaces
// and punctuation between them.
func nextWord(files []fixFile, name string, editStart, editEnd, start, end int) bool {
	for _, f := range files {
		if f.name != name {
			continue
		}
		var between string
		switch {
		case start >= editEnd && start <= len(f.src):
			between = f.src[editEnd:start]
		case end <= editStart && end >= 0:
			between = f.src[end:editStart]
		default:
			return false
		}
		return strings.IndexFunc(between, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
	}
	return false
}

// nearEdit is how many bytes either side of an edit a finding may lie
// and be matched by its place alone, its message quoting the text about
// it as context.
const nearEdit = 64

func fixProblems(t testing.TB, files []fixFile, before []lint.Diagnostic, d lint.Diagnostic) []string {
	t.Helper()
	s := d.Suggestions[0]
	name := s.Span.File.Name
	edited := make([]fixFile, len(files))
	copy(edited, files)
	at := -1
	for i, f := range edited {
		if f.name == name {
			at = i
		}
	}
	if at < 0 {
		return []string{fmt.Sprintf("suggestion in %s, which is not among the files", name)}
	}
	src := edited[at].src
	edited[at].src = src[:s.Span.Start] + s.NewText + src[s.Span.End:]
	delta := len(s.NewText) - (s.Span.End - s.Span.Start)
	// The word the edit falls in, before and after it: other findings
	// may quote it.
	ws, we := s.Span.Start, s.Span.End
	for ws > 0 {
		r, n := utf8.DecodeLastRuneInString(src[:ws])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		ws -= n
	}
	for we < len(src) {
		r, n := utf8.DecodeRuneInString(src[we:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		we += n
	}
	// An edit that leaves letters on both its sides with none of its own
	// between them (a control character removed inside a word) joins
	// two words into one: the words it joins are checked anew.
	joins := false
	if ws < s.Span.Start && s.Span.End < we && strings.IndexFunc(s.NewText, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) < 0 {
		joins = true
	}
	inJoined := func(file string, start, end int) bool {
		return joins && file == name && start < we+delta && end > ws
	}
	oldText := decodeRaw(s.Span.File, src[ws:we])
	newText := decodeRaw(s.Span.File, src[ws:s.Span.Start]+s.NewText+src[s.Span.End:we])
	defect := decodeRaw(d.Span.File, d.Span.Text())
	// move maps a finding before the edit to where it should be after,
	// and reports whether the edit leaves it alone.
	move := func(f found) (found, bool) {
		if f.file != name || f.end < s.Span.Start || f.end == s.Span.Start && f.start < f.end {
			return f, true
		}
		if f.start >= s.Span.End && (f.start > s.Span.End || s.Span.Start < s.Span.End) {
			f.start += delta
			f.end += delta
			return f, true
		}
		return f, false
	}
	key := func(f found) found {
		f.msg = countRE.ReplaceAllString(f.msg, "#")
		return f
	}
	// The findings the edit should leave, each matched once: as they
	// were, or quoting the fixed word.
	var kept []found
	exact, renamed := map[found][]int{}, map[found][]int{}
	// An edit of characters that are not letters or digits (a control
	// character removed among others) changes a quoted context in ways a
	// single replacement cannot follow: findings are also matched with
	// every such character left out of their messages.
	invisibleEdit := oldText != "" && strings.IndexFunc(oldText, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0
	stripped := map[found][]int{}
	// A finding elsewhere whose message quoted the edited text as part
	// of its context is made again at the same place, its context cut
	// where the text now breaks (a line separator replaced by a space
	// ends the quoted word): matched by place. Or it goes: "0  \x01"
	// without its control character ends in spaces, which the cell's
	// trimming leaves out.
	quotedEdit := map[found][]int{}
	quotesEdit := map[int]bool{} // by index in kept
	strip := func(msg string) string {
		msg = strings.ReplaceAll(msg, quoted(oldText), "")
		return strings.ReplaceAll(msg, oldText, "")
	}
	// A finding on text that holds the edit may be made again on the
	// fixed text: after an invisible edit, its message quoting the text
	// without the removed characters, and without the spaces they kept
	// from the text's end, which trimming now drops ("\"\xe2\x80 \x0f"
	// once the control character is gone): matched by its start and its
	// message's other characters.
	restated := map[found]bool{}
	loose := func(g found) found {
		g.end = 0
		g.msg = strings.Join(strings.Fields(g.msg), "")
		return g
	}
	for _, b := range before {
		if comparing[b.Rule] {
			continue
		}
		f, ok := move(foundOf(b))
		if !ok {
			if invisibleEdit {
				g := key(f)
				g.msg = strip(g.msg)
				if g.end >= s.Span.End {
					g.end += delta
				}
				restated[g] = true
				restated[loose(g)] = true
			}
			continue
		}
		f = key(f)
		exact[f] = append(exact[f], len(kept))
		if invisibleEdit {
			g := f
			g.msg = strip(g.msg)
			stripped[g] = append(stripped[g], len(kept))
		}
		quotes := oldText != "" && (strings.Contains(b.Message, oldText) || strings.Contains(b.Message, quoted(oldText)))
		if near := f.file == name && f.end >= s.Span.Start-nearEdit && f.start <= s.Span.End+delta+nearEdit; quotes || near {
			// A finding beside the edit quotes text around it as its
			// context ("2 spaces in \"00000  0\"" then in "00000  0,"
			// once the space before the comma is gone).
			g := f
			g.msg = ""
			quotedEdit[g] = append(quotedEdit[g], len(kept))
			quotesEdit[len(kept)] = quotes
		}
		if oldText != "" && oldText != newText {
			g := f
			g.msg = strings.ReplaceAll(g.msg, oldText, newText)
			renamed[g] = append(renamed[g], len(kept))
			// A message may quote the text Go-escaped (%q): a control
			// character shows as "\x16".
			if q, nq := quoted(oldText), quoted(newText); q != oldText {
				g := f
				g.msg = strings.ReplaceAll(g.msg, q, nq)
				renamed[g] = append(renamed[g], len(kept))
			}
		}
		kept = append(kept, f)
	}
	matched := make([]bool, len(kept))
	match := func(m map[found][]int, f found) bool {
		for _, i := range m[f] {
			if !matched[i] {
				matched[i] = true
				return true
			}
		}
		return false
	}
	var problems []string
	after := lintFiles(t, edited)
	newEnd := s.Span.Start + len(s.NewText)
	for _, a := range after {
		if comparing[a.Rule] {
			continue
		}
		f := key(foundOf(a))
		if match(exact, f) || match(renamed, f) {
			continue
		}
		if invisibleEdit {
			g := f
			g.msg = strip(g.msg)
			if match(stripped, g) || restated[g] || restated[loose(g)] {
				continue
			}
		}
		byPlace := f
		byPlace.msg = ""
		if match(quotedEdit, byPlace) {
			continue
		}
		overlaps := f.file == name && f.start <= newEnd && f.end >= s.Span.Start
		if a.Rule == d.Rule && overlaps && a.Message == d.Message {
			problems = append(problems, fmt.Sprintf("the finding is still there: %v", a))
			continue
		}
		if a.Rule == d.Rule && a.Span.IsValid() && defect != "" && decodeRaw(a.Span.File, a.Span.Text()) == defect {
			continue // the defect's next copy
		}
		if newText != "" && (strings.Contains(a.Message, newText) || strings.Contains(a.Message, quoted(newText)) ||
			strings.Contains(strings.ToLower(a.Message), strings.ToLower(newText))) {
			continue // a renamed element checked anew (its order, its structure; a level name fixed, then held against the catalogue; a skill's name fixed, then its levels)
		}
		if a.Rule == "structure" && strings.Contains(a.Message, "repeats the row") {
			continue // the fixed row's repeat, now a row of its own
		}
		if inJoined(f.file, f.start, f.end) {
			continue // a word the fix joined, checked anew
		}
		if a.Rule != d.Rule && f.file == name && (f.end == s.Span.Start || f.start == newEnd) {
			continue // a defect beside the edit that the edited text hid ("0 ," once the control character after it is gone)
		}
		if a.Rule == "spelling" && f.file == name && nextWord(edited, name, s.Span.Start, newEnd, f.start, f.end) {
			continue // the word beside the fixed one, checked anew with its new neighbour ("Ahe eam" fixed to "The eam")
		}
		problems = append(problems, fmt.Sprintf("new finding: %v", a))
	}
	// A fix that leaves a required cell empty (a role level of a control
	// character alone) makes the parser skip the row it read before, with
	// an error at the row: the row's findings go.
	editLine := strings.Count(src[:s.Span.Start], "\n") + 1
	rowSkipped := false
	if _, err := parse.Parse(name, []byte(edited[at].src)); err != nil {
		var list framework.ErrorList
		if errors.As(err, &list) {
			for _, e := range list {
				rowSkipped = rowSkipped || e.Pos.Line == editLine
			}
		}
	}
	var gone []string
	for i, f := range kept {
		if matched[i] {
			continue
		}
		if rowSkipped && f.file == name && strings.Count(src[:min(f.start, len(src))], "\n")+1 == editLine {
			continue // its row is skipped after the fix
		}
		if f.rule == "structure" && oldText != "" && strings.Contains(f.msg, oldText) {
			continue // a renamed element checked anew
		}
		if f.rule == "structure" && strings.Contains(f.msg, "repeats the row") {
			continue // the row now differs from the fixed one
		}
		if inJoined(f.file, f.start, f.end) {
			continue // a word the fix joined to another
		}
		if quotesEdit[i] {
			continue // its context held the edited text
		}
		if f.rule == "encoding" && strings.Contains(f.msg, "invalid UTF-8") && f.file == name && f.end >= s.Span.Start-utf8.UTFMax && f.start <= s.Span.End+delta+utf8.UTFMax {
			continue // bytes beside the edit that it joins into a character ("\xe2\x80" and "\x98" once the control character between them is gone)
		}
		gone = append(gone, fmt.Sprintf("finding gone: %s:%d %s: %s", f.file, f.start, f.rule, f.msg))
	}
	sort.Strings(gone)
	return append(problems, gone...)
}

// FuzzFixes runs the span and fix properties on CSV downloads and JSON
// exports: the decoders' escapes ("" and CRLF, \" and \u escapes) are
// where positions go wrong.
func FuzzFixes(f *testing.F) {
	roles, err := os.ReadFile("../testdata/roles-sample.csv")
	if err != nil {
		f.Fatal(err)
	}
	header := string(roles[:strings.IndexByte(string(roles), '\n')+1])
	f.Add(header + `Data,Data scientist,"Runs the ""data"" work.",Data scientist,"Works on the ""digital"" portolio , of the team.",Planning,Plans.,Working,"You can:` + "\r\n" + `- plan the ""team"" portolio  work` + "\u2028" + `now",` + "\n")
	f.Add(header + "Data,Аgile lead,\"Leads\u200b the \u202eteam\u00a0work.\",Agile lead,\"Plans the the work.\x01\",Planning,Plans.,Working,\"You can:\n- plan centered work\",\n")
	skills, err := os.ReadFile("../testdata/skills-sample.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(skills[:min(len(skills), 3000)]))
	f.Add(`{"$schema": "` + framework.ExportSchemaID + `", "schemaVersion": "1", "skills": [], "documents": [],
"roles": [{"name": "Data sci\u0435ntist", "slug": "data-scientist", "description": ["Works on the \"digital\" \u00e9 portolio , of the team.", "Plans  the\u2028work \\ centered."]}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		switch parse.Detect([]byte(src)) {
		case framework.FormatRolesCSV, framework.FormatSkillsCSV, framework.FormatJSON:
		default:
			return
		}
		files := []fixFile{{"f", src}}
		before := lintFiles(t, files)
		// A fix in a document that did not parse whole can make the
		// parser read what it could not (a control character removed
		// from a JSON string): everything then read is new, and only
		// the spans are judged.
		_, perr := parse.Parse("f", []byte(src))
		fixes := 0
		for _, d := range before {
			if msg := spanProblem(d); msg != "" {
				t.Error(msg)
			}
			if len(d.Suggestions) == 0 || fixes == 4 || perr != nil {
				continue
			}
			fixes++
			for _, p := range fixProblems(t, files, before, d) {
				t.Errorf("fix of %v: %s", d, p)
			}
		}
	})
}
