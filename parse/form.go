package parse

import (
	"errors"
	"strings"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/framework/jsonpos"
)

// This file reads a self-assessment form (see [framework.Form]) back,
// as written and after a spreadsheet has saved it again: with a byte
// order mark, CRLF line ends, columns reordered or added, blank rows and
// level words in any case.

// ErrNotForm is wrapped by the error for a file that is not a
// self-assessment form.
var ErrNotForm = errors.New("not a self-assessment form")

// MaxFormBytes is the largest form ReadForm reads: a form of the most
// demanding role level, with its descriptors, is about 30 KB; a form
// with long evidence fits many times over.
const MaxFormBytes = 4 << 20

// MaxFormSkills is the most skills ReadForm reads of a form: a role
// level and its target require a few dozen at most. The rest of a form
// is left unread, with an error.
const MaxFormSkills = 1000

// ReadForm reads a filled self-assessment form, as CSV ([framework.Form.CSV])
// or JSON ([framework.Form.JSON]). Each problem is an error at its line and
// column: an unknown level word, a row without an ID, a missing column.
// The form is returned with the errors, as far as it could be read;
// nil with an error wrapping [ErrNotForm] if src is not a form.
func ReadForm(name string, src []byte) (*framework.Form, error) {
	return ReadFormString(name, string(src))
}

// ReadFormString is [ReadForm] of a string, which the form shares.
func ReadFormString(name, src string) (*framework.Form, error) {
	f := framework.NewFile(name, src)
	if len(src) > MaxFormBytes {
		return nil, &framework.Error{Pos: f.Span(0, 0).Pos(), Msg: "form larger than the limit of 4 MiB", Err: ErrLimit}
	}
	var fm *framework.Form
	var errs errorList
	if s := strings.TrimLeft(src[bomLen(src):], " \t\r\n"); strings.HasPrefix(s, "{") {
		fm, errs = readFormJSON(f)
	} else {
		fm, errs = readFormCSV(f)
	}
	return fm, errs.sorted().Err()
}

// formRating reads a person's answer: "" for none given, "none", a
// level's name in any case, or its number (1 to 4).
func formRating(v string) (rated bool, l framework.Level, ok bool) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return false, 0, true
	case strings.EqualFold(v, "none"):
		return true, 0, true
	case len(v) == 1 && '1' <= v[0] && v[0] <= '4':
		return true, framework.Level(v[0] - '0'), true
	}
	l, err := framework.ParseLevel(v)
	return err == nil, l, err == nil
}

// formLevel reads a required level: "" for none, or a level's name.
func formLevel(v string) (framework.Level, bool) {
	if strings.TrimSpace(v) == "" {
		return 0, true
	}
	l, err := framework.ParseLevel(v)
	return l, err == nil
}

// unneutralise undoes [framework.NeutraliseCell]: the apostrophe it put
// before a cell a spreadsheet would take for a formula.
func unneutralise(s string) string {
	if len(s) >= 2 && s[0] == '\'' {
		switch s[1] {
		case '=', '+', '-', '@', '\t', '\r':
			return s[1:]
		}
	}
	return s
}

// formValue is a value of a form's JSON as its CSV would give it back:
// trimmed, without the apostrophe that [framework.NeutraliseCell] puts
// before a formula (see [appendDescriptorLines]).
func formValue(v string) string {
	a, b := trim(v, 0, len(v))
	return unneutralise(v[a:b])
}

// appendDescriptorLines appends to ds the descriptors that a form's JSON
// gives in the string v, as its CSV would give them back: the CSV holds a
// level's descriptors one a line in a cell, read each trimmed, without
// the apostrophe that [framework.NeutraliseCell] puts before a formula,
// and an empty line is none. So a form read from JSON and written as CSV
// reads back the same (FuzzReadForm).
func appendDescriptorLines(ds []string, v string) []string {
	for line := range strings.SplitSeq(v, "\n") {
		if d := formValue(line); d != "" {
			ds = append(ds, d)
		}
	}
	return ds
}

// csvForm is a form's CSV being read.
type csvForm struct {
	f    *framework.File
	fm   *framework.Form
	errs errorList
}

func blankRecord(r record) bool {
	for _, c := range r.cells {
		if strings.TrimFunc(c.value, isSpace) != "" {
			return false
		}
	}
	return true
}

func readFormCSV(f *framework.File) (*framework.Form, errorList) {
	f.Decoder = csvDecoder{}
	rd := &csvForm{f: f, fm: &framework.Form{}}
	const (
		title = iota
		preamble
		rows
	)
	state := title
	var cols formColumns
	for r := range readCSV(f, &rd.errs) {
		if blankRecord(r) {
			continue
		}
		switch state {
		case title:
			if t := r.cells[0].text(); !strings.EqualFold(t.Value, framework.FormTitle) {
				rd.errs.Add(t.Span, ErrNotForm, "%v: want %q in the first cell", ErrNotForm, framework.FormTitle)
				return nil, rd.errs
			}
			state = preamble
		case preamble:
			if c, ok := rd.header(r); ok {
				cols = c
				state = rows
				continue
			}
			rd.field(r)
		case rows:
			if len(rd.fm.Skills) == MaxFormSkills {
				// Kept beyond MaxErrors: it says the form was cut short.
				rd.errs.list.Add(r.span, nil, "the form has more than %d skills; the rest is not read", MaxFormSkills)
				return rd.fm, rd.errs
			}
			rd.row(r, cols)
		}
	}
	if state != rows && rd.errs.len() == 0 {
		rd.errs.Add(f.Span(len(f.Src), len(f.Src)), ErrNotForm, "the form has no table of skills: want a header with %q and %q", framework.FormColumnID, framework.FormColumnRating)
	}
	if state == title && rd.errs.len() > 0 {
		return nil, rd.errs
	}
	return rd.fm, rd.errs
}

// field reads a record of the preamble, "name,value"; a name it does not
// know is left alone (a spreadsheet may add notes).
func (rd *csvForm) field(r record) {
	name := r.cells[0].text()
	var v framework.Text
	if len(r.cells) > 1 {
		v = r.cells[1].text()
		v.Value = unneutralise(v.Value)
	} else {
		v.Span = rd.f.Span(r.span.End, r.span.End)
	}
	switch name.Key() {
	case framework.Key(framework.FormFieldRole):
		rd.fm.Role = v.Value
	case framework.Key(framework.FormFieldLevel):
		rd.fm.Level, rd.fm.LevelSpan = v.Value, v.Span
	case framework.Key(framework.FormFieldTarget):
		rd.fm.Target, rd.fm.TargetSpan = v.Value, v.Span
	case framework.Key(framework.FormFieldEdition):
		rd.fm.Edition.Date = v.Value
	case framework.Key(framework.FormFieldEditionSum):
		rd.fm.Edition.SHA256 = strings.ToLower(v.Value)
	case framework.Key(framework.FormFieldPerson):
		rd.fm.Person = v.Value
	}
}

// formColumns are the indexes of a form's columns in its header; -1 for
// a column the header lacks.
type formColumns struct {
	id, skill, required, target, rating, evidence int
	levels                                        [len(framework.Levels)]int
}

// header reads r as the header of the table of skills if it names the ID
// column; ok is false if it does not. A header without the rating
// column is an error.
func (rd *csvForm) header(r record) (formColumns, bool) {
	c := formColumns{id: -1, skill: -1, required: -1, target: -1, rating: -1, evidence: -1}
	for i := range c.levels {
		c.levels[i] = -1
	}
	idx := map[string]*int{
		framework.Key(framework.FormColumnID):       &c.id,
		framework.Key(framework.FormColumnSkill):    &c.skill,
		framework.Key(framework.FormColumnRequired): &c.required,
		framework.Key(framework.FormColumnTarget):   &c.target,
		framework.Key(framework.FormColumnRating):   &c.rating,
		framework.Key(framework.FormColumnEvidence): &c.evidence,
	}
	for i, l := range framework.Levels {
		idx[framework.Key(l.Title())] = &c.levels[i]
	}
	isHeader := false
	for _, cl := range r.cells {
		if cl.text().Key() == framework.Key(framework.FormColumnID) {
			isHeader = true
		}
	}
	if !isHeader {
		return c, false
	}
	for i, cl := range r.cells {
		t := cl.text()
		p, ok := idx[t.Key()]
		if !ok {
			continue // a column of the person's own
		}
		if *p >= 0 {
			rd.errs.Add(t.Span, nil, "column %q repeated; the first is read", t.Value)
			continue
		}
		*p = i
	}
	if c.rating < 0 {
		rd.errs.Add(r.span, nil, "the header has no %q column: the person's levels cannot be read", framework.FormColumnRating)
	}
	return c, true
}

// row reads a record of the table of skills.
func (rd *csvForm) row(r record, c formColumns) {
	get := func(i int) (framework.Text, bool) {
		if i < 0 || i >= len(r.cells) {
			return framework.Text{Span: rd.f.Span(r.span.End, r.span.End)}, false
		}
		return r.cells[i].text(), true
	}
	s := &framework.FormSkill{Span: r.span}
	id, _ := get(c.id)
	if id.Value == "" {
		rd.errs.Add(id.Span, nil, "row has no %s: the row is not read", framework.FormColumnID)
		return
	}
	s.ID, s.IDSpan = unneutralise(id.Value), id.Span
	if t, ok := get(c.skill); ok {
		s.Name = unneutralise(t.Value)
	}
	for _, lc := range []struct {
		col int
		dst *framework.Level
	}{{c.required, &s.Required}, {c.target, &s.Target}} {
		if t, ok := get(lc.col); ok {
			l, ok := formLevel(t.Value)
			if !ok {
				rd.errs.Add(t.Span, framework.ErrUnknownLevel, "unknown skill level %q: want awareness, working, practitioner or expert", t.Value)
			}
			*lc.dst = l
		}
	}
	for i, col := range c.levels {
		if col < 0 || col >= len(r.cells) {
			continue
		}
		for _, ln := range r.cells[col].lines() {
			if v := unneutralise(ln.Value); v != "" {
				s.Descriptors[i] = append(s.Descriptors[i], v)
			}
		}
	}
	rating, _ := get(c.rating)
	s.RatingSpan = rating.Span
	rated, l, ok := formRating(rating.Value)
	if !ok {
		rd.errs.Add(rating.Span, framework.ErrUnknownLevel, "unknown level %q for %s: want awareness, working, practitioner, expert or none (or 1 to 4), or nothing if not assessed", rating.Value, s.ID)
	}
	s.Rated, s.Rating = rated, l
	if t, ok := get(c.evidence); ok {
		s.Evidence = unneutralise(t.Value)
	}
	rd.fm.Skills = append(rd.fm.Skills, s)
}

// readFormJSON reads a form written by [framework.Form.JSON]; each value
// keeps its span in the JSON.
func readFormJSON(f *framework.File) (*framework.Form, errorList) {
	root, jerr := jsonpos.Parse(f.Src, maxJSONDepth)
	if jerr != nil {
		var errs errorList
		errs.Add(f.Span(jerr.Offset, jerr.Offset), nil, "invalid JSON: %s", jerr.Msg)
		return nil, errs
	}
	f.Decoder = jsonDecoder{}
	r := &jsonReader{f: f, doc: &framework.Document{}}
	fm := &framework.Form{}
	isForm, tooMany := false, false
	r.object(root, "", []string{"form", "level", "skills"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "$schema":
			if s := r.text(v, p); v.Kind == jsonpos.String && s.Value != framework.FormSchemaID {
				r.errorf(v, "%s: unknown schema %q: want %q", p, s.Value, framework.FormSchemaID)
			}
		case "form":
			isForm = true
			if s := r.text(v, p); v.Kind == jsonpos.String && s.Value != framework.FormVersion {
				r.errorf(v, "%s: unsupported form version %q: want %q", p, s.Value, framework.FormVersion)
			}
		case "role":
			fm.Role = formValue(r.text(v, p).Value)
		case "level":
			t := r.text(v, p)
			fm.Level, fm.LevelSpan = formValue(t.Value), t.Span
		case "target":
			t := r.text(v, p)
			fm.Target, fm.TargetSpan = formValue(t.Value), t.Span
		case "person":
			fm.Person = formValue(r.text(v, p).Value)
		case "edition":
			r.object(v, p, nil, func(k string, v *jsonpos.Value, p string) bool {
				switch k {
				case "date":
					fm.Edition.Date = formValue(r.text(v, p).Value)
				case "sha256":
					fm.Edition.SHA256 = strings.ToLower(formValue(r.text(v, p).Value))
				default:
					return false
				}
				return true
			})
		case "skills":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				if len(fm.Skills) == MaxFormSkills {
					if !tooMany {
						tooMany = true
						r.errs.list.Add(r.f.Span(v.Start, v.End), nil, "%s: the form has more than %d skills; the rest is not read", p, MaxFormSkills)
					}
					return
				}
				if s := formSkillJSON(r, v, p); s != nil {
					fm.Skills = append(fm.Skills, s)
				}
			})
		default:
			return false
		}
		return true
	})
	if !isForm {
		var errs errorList
		errs.Add(f.Span(root.Start, root.Start), ErrNotForm, "%v: want a JSON object with a %q field", ErrNotForm, "form")
		return nil, errs
	}
	return fm, r.errs
}

func formSkillJSON(r *jsonReader, v *jsonpos.Value, p string) *framework.FormSkill {
	s := &framework.FormSkill{Span: r.f.Span(v.Start, v.End)}
	ok := r.object(v, p, []string{"id"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "id":
			t := r.text(v, p)
			s.ID, s.IDSpan = formValue(t.Value), t.Span
		case "name":
			s.Name = formValue(r.text(v, p).Value)
		case "required", "target":
			t := r.text(v, p)
			l, ok := formLevel(t.Value)
			if !ok {
				r.errorf(v, "%s: unknown skill level %q: want awareness, working, practitioner or expert", p, t.Value)
			}
			if k == "required" {
				s.Required = l
			} else {
				s.Target = l
			}
		case "descriptors":
			r.object(v, p, nil, func(k string, v *jsonpos.Value, p string) bool {
				l, err := framework.ParseLevel(k)
				if err != nil {
					return false
				}
				for _, t := range r.texts(v, p) {
					s.Descriptors[l-1] = appendDescriptorLines(s.Descriptors[l-1], t.Value)
				}
				return true
			})
		case "rating":
			t := r.text(v, p)
			s.RatingSpan = t.Span
			rated, l, ok := formRating(t.Value)
			if !ok {
				r.errs.Add(t.Span, framework.ErrUnknownLevel, "unknown level %q for %s: want awareness, working, practitioner, expert or none (or 1 to 4), or nothing if not assessed", t.Value, s.ID)
			}
			s.Rated, s.Rating = rated, l
		case "evidence":
			s.Evidence = formValue(r.text(v, p).Value)
		default:
			return false
		}
		return true
	})
	if !ok || s.ID == "" {
		if ok {
			r.errorf(v, "%s: skill has no id: not read", p)
		}
		return nil
	}
	return s
}
