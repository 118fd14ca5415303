package parse

import (
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// TestPublishedSnapshot regenerates the snapshot of the embedded
// documents (published.bin) from parsing them and compares it with the
// embedded one: it fails when the file is stale (a parser or the model
// changed). With -update (go generate) it writes the file instead.
func TestPublishedSnapshot(t *testing.T) {
	pub, err := readPublished()
	if err != nil {
		t.Fatal(err)
	}
	docs, perr := parsePublished(func() ([]publishedDoc, error) { return pub, nil })
	var errs framework.ErrorList
	if perr != nil {
		errs = perr.(framework.ErrorList)
	}
	blob, err := encodePublished(pub, docs, errs)
	if err != nil {
		t.Fatal(err)
	}
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile("published.bin", blob, 0o666); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(blob) != publishedSnapshot {
		t.Fatalf("published.bin is stale (%d bytes, regenerated %d): run go generate ./parse", len(publishedSnapshot), len(blob))
	}

	// What the snapshot decodes to is what parsing gives, sharing alike:
	// the same values, and encoded again, the same bytes.
	got, gotErrs, err := decodePublished(publishedSnapshot, pub)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("decoded %d documents, parsed %d", len(got), len(docs))
	}
	for i := range docs {
		if d := diffDocs(docs[i], got[i]); d != "" {
			t.Errorf("decoded document %s differs from the parsed one (-parsed +decoded):\n%s", docs[i].File.Name, d)
		}
	}
	if d := cmp.Diff(errs, gotErrs, allFields, wholeFile); d != "" {
		t.Errorf("decoded errors differ from parsing's (-parsed +decoded):\n%s", d)
	}
	again, err := encodePublished(pub, got, gotErrs)
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != publishedSnapshot {
		t.Error("decoded documents encode otherwise: sharing lost")
	}
}

// TestSnapshotDamaged checks that a damaged or foreign snapshot is an
// error, never a panic or a wrong framework.
func TestSnapshotDamaged(t *testing.T) {
	pub, _ := readPublished()
	for _, n := range []int{0, 5, len(snapshotMagic) + 1, len(publishedSnapshot) / 2, len(publishedSnapshot) - 1} {
		if _, _, err := decodePublished(publishedSnapshot[:n], pub); err == nil {
			t.Errorf("snapshot cut at %d bytes decoded", n)
		}
	}
	other := append([]publishedDoc(nil), pub...)
	other[1].sha256 = "0" + other[1].sha256[1:]
	if _, _, err := decodePublished(publishedSnapshot, other); err == nil {
		t.Error("snapshot of other sources decoded")
	}
	if _, _, err := decodePublished(publishedSnapshot+"x", pub); err == nil {
		t.Error("snapshot with trailing bytes decoded")
	}
}

// encodePublished encodes the documents and errors parsed from sources
// as published.bin holds them: a snapshot of each source's document and
// errors, each after its length.
func encodePublished(sources []publishedDoc, docs []*framework.Document, errs framework.ErrorList) ([]byte, error) {
	var out []byte
	nDocs, nErrs := 0, 0
	for _, p := range sources {
		var own []*framework.Document
		for _, d := range docs {
			if d.File != nil && d.File.Name == p.name {
				own = append(own, d)
			}
		}
		var ownErrs framework.ErrorList
		for _, e := range errs {
			if e.Pos.Filename == p.name {
				ownErrs = append(ownErrs, e)
			}
		}
		nDocs, nErrs = nDocs+len(own), nErrs+len(ownErrs)
		part, err := encodeSnapshot([]publishedDoc{p}, own, ownErrs)
		if err != nil {
			return nil, err
		}
		out = binary.AppendUvarint(out, uint64(len(part)))
		out = append(out, part...)
	}
	if nDocs != len(docs) || nErrs != len(errs) {
		return nil, fmt.Errorf("encode snapshot: a document or error of no source")
	}
	return out, nil
}

// encodeSnapshot encodes documents and errors parsed from sources (see
// the layout in snapshot.go).
func encodeSnapshot(sources []publishedDoc, docs []*framework.Document, errs framework.ErrorList) ([]byte, error) {
	w := &snapWriter{sources: sources, strs: map[string]int{}, ptrs: map[any]int{}, slices: map[sliceKey]int{},
		counts: map[reflect.Type]int{}, elems: map[reflect.Type]int{}}
	w.uint(uint64(len(docs)))
	for _, d := range docs {
		w.document(d)
	}
	w.uint(uint64(len(errs)))
	for _, e := range errs {
		w.error(e)
	}
	if w.err != nil {
		return nil, w.err
	}
	out := []byte(snapshotMagic)
	out = binary.AppendUvarint(out, snapshotVersion)
	out = binary.AppendUvarint(out, uint64(len(sources)))
	for _, p := range sources {
		out = appendRaw(out, p.name)
		out = appendRaw(out, p.sha256)
	}
	out = binary.AppendUvarint(out, uint64(len(w.strList)))
	for _, s := range w.strList {
		out = appendRaw(out, s)
	}
	// The sizes of the pools, in the order of snapReader.sizes.
	listed := 0
	for _, t := range []reflect.Type{
		reflect.TypeFor[*framework.Skill](),
		reflect.TypeFor[*framework.SkillLevel](),
		reflect.TypeFor[*framework.Role](),
		reflect.TypeFor[*framework.RoleLevel](),
		reflect.TypeFor[*framework.Requirement](),
		reflect.TypeFor[*framework.Cell](),
		reflect.TypeFor[*framework.Change](),
	} {
		out = binary.AppendUvarint(out, uint64(w.counts[t]))
		if _, ok := w.counts[t]; ok {
			listed++
		}
	}
	for _, t := range []reflect.Type{
		reflect.TypeFor[[]framework.Text](),
		reflect.TypeFor[[]*framework.Skill](),
		reflect.TypeFor[[]*framework.SkillLevel](),
		reflect.TypeFor[[]*framework.Role](),
		reflect.TypeFor[[]*framework.RoleLevel](),
		reflect.TypeFor[[]*framework.Requirement](),
		reflect.TypeFor[[]*framework.Cell](),
		reflect.TypeFor[[]framework.RoleRef](),
		reflect.TypeFor[[]framework.SharedSkills](),
		reflect.TypeFor[[]framework.CellPart](),
		reflect.TypeFor[[]framework.Note](),
		reflect.TypeFor[[]*framework.Change](),
	} {
		out = binary.AppendUvarint(out, uint64(w.elems[t]))
		out = binary.AppendUvarint(out, uint64(w.counts[t]))
		if _, ok := w.counts[t]; ok {
			listed++
		}
	}
	if listed != len(w.counts) {
		return nil, fmt.Errorf("encode snapshot: values or slices of a type the reader has no pool for")
	}
	return append(out, w.body...), nil
}

func appendRaw(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

type snapWriter struct {
	body    []byte
	sources []publishedDoc
	files   []*framework.File
	strs    map[string]int
	strList []string
	// Pointers and non-empty slices met, numbered by type in the order
	// met, as the reader numbers them.
	ptrs   map[any]int
	slices map[sliceKey]int
	counts map[reflect.Type]int // values, or non-empty slices, of each type
	elems  map[reflect.Type]int // elements of the non-empty slices of each type
	err    error
}

// sliceKey is a slice by its first element and length.
type sliceKey struct {
	first any
	n     int
}

func (w *snapWriter) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf("encode snapshot: "+format, args...)
	}
}

func (w *snapWriter) uint(u uint64) { w.body = binary.AppendUvarint(w.body, u) }
func (w *snapWriter) int(i int)     { w.body = binary.AppendVarint(w.body, int64(i)) }
func (w *snapWriter) bool(b bool) {
	if b {
		w.uint(1)
	} else {
		w.uint(0)
	}
}

// str writes s as a substring of a source if it is one (it shares the
// source's bytes), else by the table.
func (w *snapWriter) str(s string) {
	if s == "" {
		w.uint(0)
		return
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	for k, src := range w.sources {
		q := uintptr(unsafe.Pointer(unsafe.StringData(src.src)))
		if p >= q && p+uintptr(len(s)) <= q+uintptr(len(src.src)) {
			w.uint(uint64(2 + k))
			w.uint(uint64(p - q))
			w.uint(uint64(len(s)))
			return
		}
	}
	i, ok := w.strs[s]
	if !ok {
		i = len(w.strList)
		w.strs[s] = i
		w.strList = append(w.strList, s)
	}
	w.uint(1)
	w.uint(uint64(i))
}

func (w *snapWriter) file(f *framework.File) {
	if f == nil {
		w.uint(0)
		return
	}
	for k, g := range w.files {
		if g == f {
			w.uint(uint64(k + 1))
			return
		}
	}
	w.fail("a span in file %q, not the document's", f.Name)
}

func (w *snapWriter) span(s framework.Span) {
	w.file(s.File)
	if s.File != nil {
		w.int(s.Start)
		w.int(s.End - s.Start)
	}
}

func (w *snapWriter) text(t framework.Text) {
	w.str(t.Value)
	w.span(t.Span)
}

func (w *snapWriter) date(d framework.Date) {
	w.text(d.Text)
	w.bool(!d.Time.IsZero())
	if !d.Time.IsZero() {
		if !d.Time.Equal(time.Unix(d.Time.Unix(), 0)) || d.Time.Location() != time.UTC {
			w.fail("date %v is not a second in UTC", d.Time)
		}
		w.int(int(d.Time.Unix()))
	}
}

// writePtr writes a pointer as readPtr reads it; ids are numbered
// per type.
func writePtr[T any](w *snapWriter, p *T, write func(*T)) {
	if p == nil {
		w.uint(0)
		return
	}
	if id, ok := w.ptrs[p]; ok {
		w.uint(uint64(2 + id))
		return
	}
	w.ptrs[p] = w.next(reflect.TypeFor[*T]())
	w.uint(1)
	write(p)
}

func writeSlice[T any](w *snapWriter, s []T, write func(*T)) {
	if s == nil {
		w.uint(0)
		return
	}
	if len(s) > 0 {
		k := sliceKey{&s[0], len(s)}
		if id, ok := w.slices[k]; ok {
			w.uint(uint64(2 + id))
			return
		}
		t := reflect.TypeFor[[]T]()
		w.slices[k] = w.next(t)
		w.elems[t] += len(s)
	}
	w.uint(1)
	w.uint(uint64(len(s)))
	for i := range s {
		write(&s[i])
	}
}

func (w *snapWriter) next(t reflect.Type) int {
	n := w.counts[t]
	w.counts[t] = n + 1
	return n
}

func (w *snapWriter) texts(ts []framework.Text) {
	writeSlice(w, ts, func(t *framework.Text) { w.text(*t) })
}

func (w *snapWriter) cellList(cs []*framework.Cell) {
	writeSlice(w, cs, func(p **framework.Cell) {
		writePtr(w, *p, func(c *framework.Cell) {
			w.str(c.Column)
			w.str(c.Raw)
			writeSlice(w, c.Parts, func(p *framework.CellPart) {
				w.str(string(p.Kind))
				w.int(p.Start)
				w.int(p.End)
			})
		})
	})
}

func (w *snapWriter) document(d *framework.Document) {
	if d == nil || d.File == nil {
		w.fail("a document without a file")
		return
	}
	k := -1
	for i, p := range w.sources {
		if p.name == d.File.Name && p.src == d.File.Src {
			k = i
		}
	}
	if k != len(w.files) {
		w.fail("document %q is not the next source", d.File.Name)
		return
	}
	w.files = append(w.files, d.File)
	w.uint(uint64(k))
	switch d.File.Decoder.(type) {
	case nil:
		w.uint(0)
	case csvDecoder:
		w.uint(1)
	case markdownDecoder:
		w.uint(2)
	case htmlDecoder:
		w.uint(3)
	default:
		w.fail("document %q: decoder %T", d.File.Name, d.File.Decoder)
	}
	if d.Sources != nil {
		w.fail("document %q has sources", d.File.Name)
	}
	w.str(string(d.Format))
	w.text(d.Title)
	w.date(d.Published)
	w.date(d.Updated)
	w.str(d.Edition.Date)
	w.str(d.Edition.SHA256)
	writeSlice(w, d.Skills, func(p **framework.Skill) { writePtr(w, *p, w.skill) })
	writeSlice(w, d.Roles, func(p **framework.Role) { writePtr(w, *p, w.role) })
	writeSlice(w, d.Notes, func(n *framework.Note) {
		w.str(n.Code)
		w.str(n.Message)
		w.span(n.Span)
		w.str(n.Fix)
	})
	writeSlice(w, d.Changes, func(p **framework.Change) {
		writePtr(w, *p, func(c *framework.Change) {
			w.date(c.Date)
			w.text(c.Page)
			w.text(c.Note)
			w.span(c.Span)
		})
	})
}

func (w *snapWriter) skill(s *framework.Skill) {
	w.text(s.Name)
	w.str(s.Slug)
	w.text(s.Description)
	writeSlice(w, s.Levels, func(p **framework.SkillLevel) {
		writePtr(w, *p, func(l *framework.SkillLevel) {
			w.int(int(l.Level))
			w.text(l.Heading)
			w.int(int(l.Status))
			w.text(l.Placeholder)
			w.texts(l.Descriptors)
			w.span(l.Span)
		})
	})
	w.bool(s.SeniorCivilService)
	w.texts(s.Requirements)
	w.texts(s.LeadershipExamples)
	w.bool(s.Legacy)
	writeSlice(w, s.Roles, func(x *framework.RoleRef) {
		w.text(x.Name)
		w.str(x.Slug)
	})
	w.span(s.Span)
	w.cellList(s.Cells)
}

func (w *snapWriter) role(x *framework.Role) {
	w.text(x.Name)
	w.str(x.Slug)
	w.text(x.Family)
	w.texts(x.Description)
	w.bool(x.SeniorCivilService)
	w.bool(x.Legacy)
	w.int(x.LevelCount.Count)
	w.text(x.LevelCount.Text)
	writeSlice(w, x.Levels, func(p **framework.RoleLevel) {
		writePtr(w, *p, func(l *framework.RoleLevel) {
			w.int(l.Number)
			w.text(l.Name)
			w.texts(l.Description)
			w.texts(l.Responsibilities)
			w.texts(l.Grades)
			w.str(l.InferredOrder)
			w.requirementList(l.Skills)
			w.span(l.Span)
			w.cellList(l.Cells)
		})
	})
	w.texts(x.Responsibilities)
	w.requirementList(x.Skills)
	writeSlice(w, x.SharedSkills, func(s *framework.SharedSkills) {
		w.text(s.Role)
		w.texts(s.Skills)
	})
	w.span(x.Span)
	w.cellList(x.Cells)
}

func (w *snapWriter) requirementList(qs []*framework.Requirement) {
	writeSlice(w, qs, func(p **framework.Requirement) {
		writePtr(w, *p, func(q *framework.Requirement) {
			w.text(q.Skill)
			w.int(int(q.Level))
			w.text(q.LevelText)
			w.text(q.Scale)
			w.text(q.Description)
			w.texts(q.Descriptors)
			w.texts(q.LeadershipExamples)
			w.int(q.Repeats)
			w.span(q.Span)
			w.cellList(q.Cells)
		})
	})
}

func (w *snapWriter) error(e *framework.Error) {
	w.str(e.Pos.Filename)
	w.int(e.Pos.Offset)
	w.int(e.Pos.Line)
	w.int(e.Pos.Column)
	w.str(e.Msg)
	k := 0
	for i, s := range snapshotSentinels {
		if e.Err == s {
			k = i + 1
		}
	}
	if e.Err != nil && k == 0 {
		w.fail("error %q wraps %v, not a known sentinel", e.Msg, e.Err)
	}
	w.uint(uint64(k))
}
