package parse

import (
	"strconv"
	"strings"
	"time"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/framework/jsonpos"
)

// looksLikeJSON reports whether src is a JSON object that names the
// export's schema or its schemaVersion.
func looksLikeJSON(src string) bool {
	s := strings.TrimPrefix(src, "\ufeff")
	s = strings.TrimLeft(s, " \t\r\n")
	if len(s) == 0 || s[0] != '{' {
		return false
	}
	return strings.Contains(s, `"schemaVersion"`) || strings.Contains(s, framework.ExportSchemaID)
}

// parseJSON reads the module's JSON export (see [framework.Export]) back
// into a Document. Each element's Span is its JSON object in f, each
// Text's Span the contents of its JSON string (between the quotes; equal
// to the value unless the string has escapes).
//
// Malformed JSON gives one error at its line and column and an empty
// document; a value of the wrong type or an unknown field gives an error
// naming it by JSON Pointer, and the rest of the document is read.
// maxJSONDepth is the deepest nesting of objects and arrays parseJSON
// reads; an export nests about ten deep.
const maxJSONDepth = 100

func parseJSON(f *framework.File) (*framework.Document, errorList) {
	doc := &framework.Document{}
	root, err := jsonpos.Parse(f.Src, maxJSONDepth)
	if err != nil {
		var errs errorList
		errs.Add(f.Span(err.Offset, err.Offset), nil, "invalid JSON: %s", err.Msg)
		return doc, errs
	}
	f.Decoder = jsonDecoder{}
	r := &jsonReader{f: f, doc: doc}
	r.object(root, "", []string{"$schema", "schemaVersion", "skills", "roles", "documents"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "$schema":
			if s := r.text(v, p); v.Kind == jsonpos.String && s.Value != framework.ExportSchemaID {
				r.errorf(v, "%s: unknown schema %q: want %q", p, s.Value, framework.ExportSchemaID)
			}
		case "schemaVersion":
			if s := r.text(v, p); v.Kind == jsonpos.String && s.Value != framework.ExportSchemaVersion {
				r.errorf(v, "%s: unsupported schema version %q: want %q", p, s.Value, framework.ExportSchemaVersion)
			}
		case "edition":
			// The framework's edition is that of the documents the
			// export lists (see [framework.Framework.Edition]): it is
			// checked for its shape, and computed again from them.
			r.object(v, p, []string{"sha256"}, func(k string, v *jsonpos.Value, p string) bool {
				switch k {
				case "date", "sha256":
					r.text(v, p)
				default:
					return false
				}
				return true
			})
		case "skills":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				if s := r.skill(v, p); s != nil {
					doc.Skills = append(doc.Skills, s)
				}
			})
		case "roles":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				if x := r.role(v, p); x != nil {
					doc.Roles = append(doc.Roles, x)
				}
			})
		case "changes":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				if c := r.change(v, p); c != nil {
					doc.Changes = append(doc.Changes, c)
				}
			})
		case "documents":
			if v.Kind == jsonpos.Array {
				doc.Sources = []*framework.Source{} // an empty list is a list
			}
			r.array(v, p, r.document)
		default:
			return false
		}
		return true
	})
	doc.Notes = r.notes.done()
	return doc, r.errs
}

// jsonReader turns JSON values into the model, collecting errors.
type jsonReader struct {
	f     *framework.File
	doc   *framework.Document // the exported documents go in its Sources, their notes in its Notes
	errs  errorList
	notes notes // the document's
}

func (r *jsonReader) errorf(v *jsonpos.Value, format string, args ...any) {
	r.errs.Add(r.f.Span(v.Start, v.End), nil, format, args...)
}

func (r *jsonReader) want(v *jsonpos.Value, p string, k jsonpos.Kind) bool {
	if v.Kind == k {
		return true
	}
	r.errorf(v, "%s: want %s, got %s", pointer(p), k, v.Kind)
	return false
}

// pointer shows the JSON Pointer of the whole document as "(root)".
func pointer(p string) string {
	if p == "" {
		return "(root)"
	}
	return p
}

// smallObject is the most members an object may have for object to find
// repeats by comparing them with each other.
const smallObject = 16

// object calls handle with each member of v, its value and its JSON
// Pointer, and reports unknown members (those handle returns false for),
// repeated and missing ones. It reports whether v is an object.
func (r *jsonReader) object(v *jsonpos.Value, p string, required []string, handle func(key string, v *jsonpos.Value, p string) bool) bool {
	if !r.want(v, p, jsonpos.Object) {
		return false
	}
	// The objects of an export have a few members: they are compared
	// with each other, without a map, unless there are many.
	var seen map[string]bool
	if len(v.Members) > smallObject {
		seen = make(map[string]bool, len(v.Members))
	}
	has := func(key string, before int) bool {
		if seen != nil {
			return seen[key]
		}
		for _, m := range v.Members[:before] {
			if m.Key == key {
				return true
			}
		}
		return false
	}
	for i, m := range v.Members {
		mp := p + "/" + escapePointer(m.Key)
		if has(m.Key, i) {
			r.errorf(m.Value, "%s: repeated field %q", mp, m.Key)
			continue
		}
		if seen != nil {
			seen[m.Key] = true
		}
		if !handle(m.Key, m.Value, mp) {
			r.errs.Add(r.f.Span(m.KeyStart, m.KeyStart), nil, "%s: unknown field %q", pointer(p), m.Key)
		}
	}
	for _, k := range required {
		if !has(k, len(v.Members)) {
			r.errs.Add(r.f.Span(v.Start, v.Start), nil, "%s: missing field %q", pointer(p), k)
		}
	}
	return true
}

// pointerEscaper escapes a JSON Pointer token (RFC 6901), built once.
var pointerEscaper = strings.NewReplacer("~", "~0", "/", "~1")

func escapePointer(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return pointerEscaper.Replace(s)
}

func (r *jsonReader) array(v *jsonpos.Value, p string, each func(*jsonpos.Value, string)) {
	if !r.want(v, p, jsonpos.Array) {
		return
	}
	for i, e := range v.Elems {
		each(e, p+"/"+strconv.Itoa(i))
	}
}

// text returns the string v, its Span the string's contents.
func (r *jsonReader) text(v *jsonpos.Value, p string) framework.Text {
	if !r.want(v, p, jsonpos.String) {
		return framework.Text{}
	}
	return framework.Text{Value: v.Str, Span: r.f.Span(v.Start+1, v.End-1)}
}

// texts returns the array of strings v, or nil if it is empty.
func (r *jsonReader) texts(v *jsonpos.Value, p string) []framework.Text {
	var ts []framework.Text
	r.array(v, p, func(v *jsonpos.Value, p string) {
		if t := r.text(v, p); v.Kind == jsonpos.String {
			ts = append(ts, t)
		}
	})
	return ts
}

func (r *jsonReader) boolean(v *jsonpos.Value, p string) bool {
	return r.want(v, p, jsonpos.Bool) && v.Bool
}

// integer returns the integer v, which must be at least least.
func (r *jsonReader) integer(v *jsonpos.Value, p string, least int) int {
	if !r.want(v, p, jsonpos.Number) {
		return 0
	}
	n, err := strconv.Atoi(v.Num)
	if err != nil || n < least {
		r.errorf(v, "%s: want an integer of at least %d, got %s", p, least, v.Num)
		return 0
	}
	return n
}

// level returns the skill level named by the string v.
func (r *jsonReader) level(v *jsonpos.Value, p string) framework.Level {
	t := r.text(v, p)
	if v.Kind != jsonpos.String {
		return 0
	}
	l, err := framework.ParseLevel(t.Value)
	if err != nil || l.String() != t.Value {
		r.errorf(v, "%s: unknown skill level %q: want awareness, working, practitioner or expert", p, t.Value)
		return 0
	}
	return l
}

// source checks a "source" object; the positions it gives are those of an
// earlier source, so the element keeps its place in the JSON file.
func (r *jsonReader) source(v *jsonpos.Value, p string) {
	r.position(v, p)
}

// position returns the start and end that the "source" object v gives,
// or invalid positions if it is not a valid one.
func (r *jsonReader) position(v *jsonpos.Value, p string) (start, end framework.Position) {
	var file string
	var line, col, endLine, endCol int
	if !r.object(v, p, []string{"file", "line", "column", "endLine", "endColumn"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "file":
			file = r.text(v, p).Value
		case "line":
			line = r.integer(v, p, 1)
		case "column":
			col = r.integer(v, p, 1)
		case "endLine":
			endLine = r.integer(v, p, 1)
		case "endColumn":
			endCol = r.integer(v, p, 1)
		default:
			return false
		}
		return true
	}) || line == 0 || col == 0 || endLine == 0 || endCol == 0 {
		return framework.Position{}, framework.Position{}
	}
	return framework.Position{Filename: file, Line: line, Column: col}, framework.Position{Filename: file, Line: endLine, Column: endCol}
}

// date returns the date "YYYY-MM-DD" v.
func (r *jsonReader) date(v *jsonpos.Value, p string) framework.Date {
	t := r.text(v, p)
	if v.Kind != jsonpos.String {
		return framework.Date{}
	}
	tm, err := time.Parse(time.DateOnly, t.Value)
	if err != nil {
		r.errorf(v, "%s: invalid date %q: want YYYY-MM-DD", p, t.Value)
		return framework.Date{}
	}
	return framework.Date{Text: t, Time: tm}
}

func (r *jsonReader) change(v *jsonpos.Value, p string) *framework.Change {
	c := &framework.Change{Span: r.f.Span(v.Start, v.End)}
	if !r.object(v, p, []string{"page", "note"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "date":
			c.Date = r.date(v, p)
		case "page":
			c.Page = r.text(v, p)
		case "note":
			c.Note = r.text(v, p)
		case "source":
			r.source(v, p)
		default:
			return false
		}
		return true
	}) {
		return nil
	}
	return c
}

func (r *jsonReader) document(v *jsonpos.Value, p string) {
	src := &framework.Source{Span: r.f.Span(v.Start, v.End)}
	known := false // a valid format was given
	if !r.object(v, p, []string{"name", "format"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "name":
			src.Name = r.text(v, p)
		case "format":
			t := r.text(v, p)
			if v.Kind != jsonpos.String {
				return true
			}
			if _, ok := framework.Format(t.Value).Info(); !ok {
				r.errorf(v, "%s: unknown format %q", p, t.Value)
				return true
			}
			src.Format, known = framework.Format(t.Value), true
		case "title":
			src.Title = r.text(v, p)
		case "published":
			src.Published = r.date(v, p)
		case "updated":
			src.Updated = r.date(v, p)
		case "edition":
			src.Edition.Date = r.text(v, p).Value
		case "sha256":
			src.Edition.SHA256 = r.text(v, p).Value
		case "notes":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				n := framework.SourceNote{Span: r.f.Span(v.Start, v.End)}
				code := false // a valid code was given
				if r.object(v, p, []string{"code", "message"}, func(k string, v *jsonpos.Value, p string) bool {
					switch k {
					case "code":
						n.Code = r.text(v, p).Value
						if v.Kind != jsonpos.String {
							return true
						}
						if code = framework.IsNoteCode(n.Code); !code {
							r.errorf(v, "%s: invalid note code %q: want lower-case words joined by hyphens", p, n.Code)
						}
					case "message":
						n.Message = r.text(v, p).Value
					case "source":
						n.Start, n.End = r.position(v, p)
					default:
						return false
					}
					return true
				}) && code {
					src.Notes = append(src.Notes, n)
					// The linter reports the notes where the export holds them.
					r.notes.addNote(framework.Note{Code: n.Code, Message: n.Message, Span: n.Span})
				}
			})
		default:
			return false
		}
		return true
	}) || !known {
		return // the error is reported; the entry is not one the model can hold
	}
	r.doc.Sources = append(r.doc.Sources, src)
}

func (r *jsonReader) skill(v *jsonpos.Value, p string) *framework.Skill {
	s := &framework.Skill{Span: r.f.Span(v.Start, v.End)}
	ok := r.object(v, p, []string{"name", "slug"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "name":
			s.Name = r.text(v, p)
		case "slug":
			s.Slug = r.text(v, p).Value
		case "description":
			s.Description = r.text(v, p)
		case "seniorCivilService":
			s.SeniorCivilService = r.boolean(v, p)
		case "legacy":
			s.Legacy = r.boolean(v, p)
		case "levels":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				l := r.skillLevel(v, p)
				if l == nil {
					return
				}
				if n := len(s.Levels); n > 0 && s.Levels[n-1].Level >= l.Level {
					r.errorf(v, "%s: level %s comes after %s: levels must ascend without repeats", p, l.Level, s.Levels[n-1].Level)
					return
				}
				s.Levels = append(s.Levels, l)
			})
		case "requirements":
			s.Requirements = r.texts(v, p)
		case "leadershipExamples":
			s.LeadershipExamples = r.texts(v, p)
		case "roles":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				var ref framework.RoleRef
				if r.object(v, p, []string{"name"}, func(k string, v *jsonpos.Value, p string) bool {
					switch k {
					case "name":
						ref.Name = r.text(v, p)
					case "slug":
						ref.Slug = r.text(v, p).Value
					default:
						return false
					}
					return true
				}) {
					s.Roles = append(s.Roles, ref)
				}
			})
		case "cells":
			s.Cells = r.cells(v, p)
		case "source":
			r.source(v, p)
		default:
			return false
		}
		return true
	})
	if !ok {
		return nil
	}
	return s
}

// cells reads a list of table cells as written (see framework.Cell): a
// part out of its raw text's bounds, or before the previous one, is an
// error and the cell is left out.
func (r *jsonReader) cells(v *jsonpos.Value, p string) []*framework.Cell {
	var cs []*framework.Cell
	r.array(v, p, func(v *jsonpos.Value, p string) {
		c := &framework.Cell{}
		var parts *jsonpos.Value
		var partsPath string
		if !r.object(v, p, []string{"column", "raw"}, func(k string, v *jsonpos.Value, p string) bool {
			switch k {
			case "column":
				c.Column = r.text(v, p).Value
			case "raw":
				c.Raw = r.text(v, p).Value
			case "parts":
				parts, partsPath = v, p
			default:
				return false
			}
			return true
		}) {
			return
		}
		ok := true
		if parts != nil {
			r.array(parts, partsPath, func(v *jsonpos.Value, p string) {
				var q framework.CellPart
				if !r.object(v, p, []string{"kind", "start", "end"}, func(k string, v *jsonpos.Value, p string) bool {
					switch k {
					case "kind":
						q.Kind = framework.PartKind(r.text(v, p).Value)
						if v.Kind == jsonpos.String && !q.Kind.Valid() {
							r.errorf(v, "%s: unknown cell part kind %q", p, q.Kind)
						}
					case "start":
						q.Start = r.integer(v, p, 0)
					case "end":
						q.End = r.integer(v, p, 0)
					default:
						return false
					}
					return true
				}) || !q.Kind.Valid() {
					ok = false
					return
				}
				prev := 0
				if n := len(c.Parts); n > 0 {
					prev = c.Parts[n-1].End
				}
				if q.Start < prev || q.End < q.Start || q.End > len(c.Raw) {
					r.errorf(v, "%s: part [%d,%d) is outside the raw text's %d bytes or before the previous part", p, q.Start, q.End, len(c.Raw))
					ok = false
					return
				}
				c.Parts = append(c.Parts, q)
			})
		}
		if ok {
			cs = append(cs, c)
		}
	})
	return cs
}

func (r *jsonReader) skillLevel(v *jsonpos.Value, p string) *framework.SkillLevel {
	l := &framework.SkillLevel{Span: r.f.Span(v.Start, v.End)}
	ok := r.object(v, p, []string{"level", "status"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "level":
			l.Level = r.level(v, p)
		case "status":
			t := r.text(v, p)
			switch {
			case v.Kind != jsonpos.String:
			case t.Value == framework.Defined.String():
				l.Status = framework.Defined
			case t.Value == framework.Undefined.String():
				l.Status = framework.Undefined
			default:
				r.errorf(v, "%s: unknown level status %q: want defined or undefined", p, t.Value)
			}
		case "heading":
			l.Heading = r.text(v, p)
		case "placeholder":
			l.Placeholder = r.text(v, p)
		case "descriptors":
			l.Descriptors = r.texts(v, p)
		case "source":
			r.source(v, p)
		default:
			return false
		}
		return true
	})
	if !ok || !l.Level.Valid() {
		return nil
	}
	return l
}

func (r *jsonReader) role(v *jsonpos.Value, p string) *framework.Role {
	x := &framework.Role{Span: r.f.Span(v.Start, v.End)}
	ok := r.object(v, p, []string{"name", "slug"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "name":
			x.Name = r.text(v, p)
		case "slug":
			x.Slug = r.text(v, p).Value
		case "family":
			x.Family = r.text(v, p)
		case "description":
			x.Description = r.texts(v, p)
		case "seniorCivilService":
			x.SeniorCivilService = r.boolean(v, p)
		case "legacy":
			x.Legacy = r.boolean(v, p)
		case "levelCount":
			r.object(v, p, []string{"count"}, func(k string, v *jsonpos.Value, p string) bool {
				switch k {
				case "count":
					x.LevelCount.Count = r.integer(v, p, 0)
				case "text":
					x.LevelCount.Text = r.text(v, p)
				default:
					return false
				}
				return true
			})
		case "levels":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				if l := r.roleLevel(v, p); l != nil {
					x.Levels = append(x.Levels, l)
				}
			})
		case "responsibilities":
			x.Responsibilities = r.texts(v, p)
		case "skills":
			x.Skills = r.requirements(v, p)
		case "sharedSkills":
			r.array(v, p, func(v *jsonpos.Value, p string) {
				var sh framework.SharedSkills
				if r.object(v, p, []string{"role"}, func(k string, v *jsonpos.Value, p string) bool {
					switch k {
					case "role":
						sh.Role = r.text(v, p)
					case "skills":
						sh.Skills = r.texts(v, p)
					default:
						return false
					}
					return true
				}) {
					x.SharedSkills = append(x.SharedSkills, sh)
				}
			})
		case "cells":
			x.Cells = r.cells(v, p)
		case "source":
			r.source(v, p)
		default:
			return false
		}
		return true
	})
	if !ok {
		return nil
	}
	return x
}

func (r *jsonReader) roleLevel(v *jsonpos.Value, p string) *framework.RoleLevel {
	l := &framework.RoleLevel{Span: r.f.Span(v.Start, v.End)}
	ok := r.object(v, p, []string{"name"}, func(k string, v *jsonpos.Value, p string) bool {
		switch k {
		case "number":
			l.Number = r.integer(v, p, 1)
		case "name":
			l.Name = r.text(v, p)
		case "description":
			l.Description = r.texts(v, p)
		case "responsibilities":
			l.Responsibilities = r.texts(v, p)
		case "grades":
			l.Grades = r.texts(v, p)
		case "inferredOrder":
			l.InferredOrder = r.text(v, p).Value
		case "skills":
			l.Skills = r.requirements(v, p)
		case "cells":
			l.Cells = r.cells(v, p)
		case "source":
			r.source(v, p)
		default:
			return false
		}
		return true
	})
	if !ok {
		return nil
	}
	return l
}

func (r *jsonReader) requirements(v *jsonpos.Value, p string) []*framework.Requirement {
	var qs []*framework.Requirement
	r.array(v, p, func(v *jsonpos.Value, p string) {
		q := &framework.Requirement{Span: r.f.Span(v.Start, v.End)}
		if r.object(v, p, []string{"skill"}, func(k string, v *jsonpos.Value, p string) bool {
			switch k {
			case "skill":
				q.Skill = r.text(v, p)
			case "level":
				q.Level = r.level(v, p)
			case "levelText":
				q.LevelText = r.text(v, p)
			case "scale":
				q.Scale = r.text(v, p)
			case "description":
				q.Description = r.text(v, p)
			case "descriptors":
				q.Descriptors = r.texts(v, p)
			case "leadershipExamples":
				q.LeadershipExamples = r.texts(v, p)
			case "repeats":
				q.Repeats = r.integer(v, p, 0)
			case "cells":
				q.Cells = r.cells(v, p)
			case "source":
				r.source(v, p)
			default:
				return false
			}
			return true
		}) {
			qs = append(qs, q)
		}
	})
	return qs
}
