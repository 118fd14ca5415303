package framework

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// slugPlain is [Slug] as first written: the letters and digits of the
// name's key, runs of anything else made one hyphen, apostrophes dropped.
func slugPlain(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range Key(name) {
		if r == '\'' {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// TestSlugAsPlain holds Slug to slugPlain on every line and every
// comma- or tab-separated field of the real inputs (the names are among
// them), on edge cases, and on random names mixing ASCII with Unicode
// letters, spaces, quotes and invalid UTF-8.
func TestSlugAsPlain(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := Slug(s), slugPlain(s); got != want {
			t.Fatalf("Slug(%q) = %q, want %q", s, got, want)
		}
	}
	n := 0
	for _, dir := range []string{"../testdata", "/work/shared/seeds", "/work/shared/published", "../parse/published"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if e.IsDir() {
				continue
			}
			src, err := os.ReadFile(filepath.Join(dir, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(string(src), "\n") {
				check(line)
				for _, f := range strings.FieldsFunc(line, func(r rune) bool { return r == ',' || r == '\t' || r == '"' }) {
					check(f)
					n++
				}
			}
		}
	}
	if n < 10000 {
		t.Fatalf("%d real fields", n)
	}
	for _, s := range []string{"", " ", "-", "'", "`", "a'b", "a`b", "Agile working (content design)", " A  B ", "--a--",
		"caf\u00e9", "\u00c9cole", "a\u2019s", "\xff", "a\xffb", "\u00a0a\u00a0", "x\u200bx", "\ufb01le", "\u00bd", "\u0130"} {
		check(s)
	}
	pieces := []string{"a", "Z", "0", " ", "\t", "\n", "-", "'", "`", "(", ")", "&", "/", ".", "_", "\u00e9", "\u00c9", "\u2019",
		"\u2014", "\u00a0", "\u200b", "\ufb01", "\u00bd", "\u0130", "\xff", "\u0663", "\u00b2"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
	}
}
