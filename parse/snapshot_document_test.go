package parse

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// parsePlain is ParseString without the snapshot: what parsing src as
// name gives.
func parsePlain(t *testing.T, name, src string) (*framework.Document, error) {
	t.Helper()
	f, ok := detect(src)
	if !ok {
		t.Fatalf("%s: format not detected", name)
	}
	return run(f, name, src, "", true)
}

// allFields compares the model's unexported fields too.
var allFields = cmp.Exporter(func(reflect.Type) bool { return true })

// wholeFile compares files whole: name, source, decoder, and line table
// (made on first use, so made here for both), and none of their memos.
var wholeFile = cmp.Comparer(func(a, b *framework.File) bool {
	if a == nil || b == nil {
		return a == b
	}
	if a.Name != b.Name || a.Src != b.Src || !cmp.Equal(a.Decoder, b.Decoder, allFields) || a.LineCount() != b.LineCount() {
		return false
	}
	for n := 1; n <= a.LineCount(); n++ {
		if a.LineStart(n) != b.LineStart(n) {
			return false
		}
	}
	return true
})

// sameFile compares the files that spans point to by name and source
// only: the documents' own files are compared whole, once.
var sameFile = cmp.Comparer(func(a, b *framework.File) bool {
	return a == nil && b == nil || a != nil && b != nil && a.Name == b.Name && a.Src == b.Src
})

// diffDocs is cmp.Diff of two documents, their files compared whole.
func diffDocs(want, got *framework.Document) string {
	if want == nil || got == nil {
		return cmp.Diff(want, got)
	}
	if d := cmp.Diff(want.File, got.File, wholeFile); d != "" {
		return d
	}
	return cmp.Diff(want, got, sameFile)
}

// TestSnapshotDocument checks that an input file holding an embedded
// document byte for byte, under any name, is given the document and
// errors that parsing it gives, decoded from the snapshot: positions,
// texts, the file's name and line table, the edition (its SHA-256
// included) and the errors' file names.
func TestSnapshotDocument(t *testing.T) {
	pub, _ := readPublished()
	for _, p := range pub {
		for _, name := range []string{"elsewhere/" + p.name[strings.LastIndexByte(p.name, '/')+1:], p.name, "x"} {
			src := strings.Clone(p.src) // as read from a file: other bytes, the same text
			got, ok, gotErr := snapshotDocument(name, src)
			if !ok {
				t.Fatalf("%s as %s: not taken from the snapshot", p.name, name)
			}
			want, wantErr := parsePlain(t, name, src)
			if d := diffDocs(want, got); d != "" {
				t.Errorf("%s as %s: document differs from parsing's (-parsed +decoded):\n%s", p.name, name, d)
			}
			if d := cmp.Diff(wantErr, gotErr, allFields, wholeFile); d != "" {
				t.Errorf("%s as %s: errors differ from parsing's (-parsed +decoded):\n%s", p.name, name, d)
			}
			// The texts are cut from the input, as parsing cuts them.
			if unsafe.StringData(got.File.Src) != unsafe.StringData(src) {
				t.Errorf("%s as %s: the file's source is not the input's", p.name, name)
			}
			if v := got.Title.Value; v != "" && !within(v, src) {
				t.Errorf("%s as %s: the title is not cut from the input", p.name, name)
			}
			for _, r := range got.Roles {
				if !within(r.Name.Value, src) {
					t.Errorf("%s as %s: role %q is not cut from the input", p.name, name, r.Name.Value)
				}
			}
			// Each call's document is its own.
			again, _, _ := snapshotDocument(name, src)
			if again == got || again.File == got.File {
				t.Errorf("%s as %s: two calls share a document", p.name, name)
			}
		}
	}
}

// within reports whether s lies in the bytes of src.
func within(s, src string) bool {
	if s == "" {
		return true
	}
	p, base := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(src)))
	return p >= base && p+uintptr(len(s)) <= base+uintptr(len(src))
}

// TestParseStringSnapshot checks that ParseString takes an embedded
// document from the snapshot (a few thousand allocations instead of tens
// of thousands), and parses a source one byte off it.
func TestParseStringSnapshot(t *testing.T) {
	src := strings.Clone(publishedRoles)
	var doc *framework.Document
	decoded := testing.AllocsPerRun(1, func() { doc, _ = ParseString("roles.csv", src) })
	parsed := testing.AllocsPerRun(1, func() { parsePlain(t, "roles.csv", src) })
	if decoded*10 > parsed {
		t.Errorf("ParseString of the embedded roles: %.0f allocations, parsing %.0f: not decoded from the snapshot", decoded, parsed)
	}
	if doc.File.Name != "roles.csv" {
		t.Errorf("file named %q", doc.File.Name)
	}

	// One byte off: parsed, and so the document differs where the byte does.
	i := strings.Index(src, "Data analyst")
	off := src[:i] + "Dada" + src[i+4:]
	got, ok, _ := snapshotDocument("roles.csv", off)
	if ok || got != nil {
		t.Fatal("a source one byte off the embedded one taken from the snapshot")
	}
	doc, _ = ParseString("roles.csv", off)
	want, _ := parsePlain(t, "roles.csv", off)
	if d := diffDocs(want, doc); d != "" {
		t.Errorf("one byte off: ParseString differs from parsing (-want +got):\n%s", d)
	}
}

// TestSnapshotDocumentErrors checks the errors of a document taken from
// a snapshot (the embedded documents have none): those of its source
// only, named as the input. The snapshot is made here of half the roles
// download with a short record, and the catalogue.
func TestSnapshotDocumentErrors(t *testing.T) {
	cut := publishedRoles[:len(publishedRoles)/2]
	cut = cut[:strings.LastIndexByte(cut, '\n')+1] + "Architecture,Short record\n" // skipped, an error
	pub := []publishedDoc{
		{"a/skills.md", publishedSkills, framework.SourceEdition(publishedSkills).SHA256},
		{"a/roles.csv", cut, framework.SourceEdition(cut).SHA256},
	}
	docs, perr := parsePublished(func() ([]publishedDoc, error) { return pub, nil })
	errs, _ := perr.(framework.ErrorList)
	if len(errs) == 0 {
		t.Fatal("the cut download has no parse errors")
	}
	blob, err := encodePublished(pub, docs, errs)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Clone(cut)
	got, ok, gotErr := snapshotDocumentOf(string(blob), pub, "b/roles.csv", src)
	if !ok {
		t.Fatal("not taken from the snapshot")
	}
	want, wantErr := parsePlain(t, "b/roles.csv", src)
	if d := diffDocs(want, got); d != "" {
		t.Errorf("document differs from parsing's (-parsed +decoded):\n%s", d)
	}
	if d := cmp.Diff(wantErr, gotErr, allFields, wholeFile); d != "" {
		t.Errorf("errors differ from parsing's (-parsed +decoded):\n%s", d)
	}
	if _, ok, _ := snapshotDocumentOf(string(blob), pub, "b/roles.csv", publishedRoles); ok {
		t.Error("a document not in the snapshot taken from it")
	}
}
