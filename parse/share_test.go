package parse_test

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/ddat-tools/ddat/framework"
	"github.com/ddat-tools/ddat/parse"
)

// TestTextsShareSource checks that the parsers take texts from the source
// without copying them: every positioned Text value of a seed's document
// lies in its File's Src (the pointer comparison needs unsafe; nothing is
// written). Texts without a span, such as grades from the seniority
// table, are not from the source. The HTML parser is left out: it decodes
// character references into new strings.
func TestTextsShareSource(t *testing.T) {
	for _, name := range seedFixtures {
		if strings.HasSuffix(name, ".html") {
			continue
		}
		doc, _ := parse.Parse(name, readFixture(t, name))
		if doc == nil {
			t.Fatalf("%s: no document", name)
		}
		src := doc.File.Src
		lo := uintptr(unsafe.Pointer(unsafe.StringData(src)))
		hi := lo + uintptr(len(src))
		texts, copied := 0, 0
		eachText(reflect.ValueOf(doc), func(tx framework.Text) {
			if tx.Value == "" || !tx.Span.IsValid() {
				return
			}
			texts++
			if p := uintptr(unsafe.Pointer(unsafe.StringData(tx.Value))); p < lo || p+uintptr(len(tx.Value)) > hi {
				copied++
				if copied <= 3 {
					t.Errorf("%s: %q at %v is a copy, not the source's bytes", name, tx.Value, tx.Span)
				}
			}
		})
		if texts == 0 || copied > 0 {
			t.Errorf("%s: %d of %d texts copied", name, copied, texts)
		}
	}
}

var textType = reflect.TypeFor[framework.Text]()

// eachText calls fn for every framework.Text reachable from v, not
// following Spans' Files.
func eachText(v reflect.Value, fn func(framework.Text)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() && v.Type() != reflect.TypeFor[*framework.File]() {
			eachText(v.Elem(), fn)
		}
	case reflect.Struct:
		if v.Type() == textType {
			fn(v.Interface().(framework.Text))
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachText(v.Field(i), fn)
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			eachText(v.Index(i), fn)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			eachText(it.Value(), fn)
		}
	}
}
