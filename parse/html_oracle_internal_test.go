package parse

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The per-byte decoding of HTML text that the segments of [piece] and
// [runs] replaced, kept as the oracle of TestHTMLSegmentsMatchPerByte.

type oldPiece struct {
	value      string
	start, end []int // len(value) offsets each
}

func oldDecodeText(src string, start, end int) oldPiece {
	var b strings.Builder
	b.Grow(end - start)
	p := oldPiece{start: make([]int, 0, end-start), end: make([]int, 0, end-start)}
	for i := start; i < end; {
		if src[i] != '&' {
			j := strings.IndexByte(src[i:end], '&')
			if j < 0 {
				j = end - i
			}
			for k := i; k < i+j; k++ {
				p.start = append(p.start, k)
				p.end = append(p.end, k+1)
			}
			b.WriteString(src[i : i+j])
			i += j
			continue
		}
		j := i + 1
		for j < end && j-i <= 32 && src[j] != ';' && src[j] != '&' && src[j] != '<' && !isASCIISpace(src[j]) {
			j++
		}
		if j < end && src[j] == ';' {
			j++
		}
		ref := src[i:j]
		dec := html.UnescapeString(ref)
		plain := 0
		for plain < len(dec)-1 && dec[len(dec)-1-plain] == ref[len(ref)-1-plain] {
			plain++
		}
		if dec == ref {
			plain = len(ref)
		}
		for range len(dec) - plain {
			p.start = append(p.start, i)
			p.end = append(p.end, j-plain)
		}
		for k := j - plain; k < j; k++ {
			p.start = append(p.start, k)
			p.end = append(p.end, k+1)
		}
		b.WriteString(dec)
		i = j
	}
	p.value = b.String()
	return p
}

// oldTextRuns is textRuns with the per-byte decoding.
func oldTextRuns(raw string) oldPiece {
	var r oldPiece
	var v strings.Builder
	z := html.NewTokenizer(strings.NewReader(raw))
	for off := 0; ; {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		if tt == html.TextToken {
			p := oldDecodeText(raw, off, off+n)
			v.WriteString(p.value)
			r.start = append(r.start, p.start...)
			r.end = append(r.end, p.end...)
		}
		off += n
	}
	r.value = v.String()
	return r
}

// checkSegments fails unless the segments of textRuns(raw) map every
// decoded byte to the raw bytes the per-byte decoding gave.
func checkSegments(t *testing.T, raw string) {
	t.Helper()
	want := oldTextRuns(raw)
	got := textRuns(raw)
	if v := got.value.String(); v != want.value {
		t.Fatalf("textRuns(%q) = %q, want %q", raw, v, want.value)
	}
	for i := range len(want.value) {
		if s, e := got.at(i); s != want.start[i] || e != want.end[i] {
			t.Fatalf("textRuns(%q): byte %d maps to raw[%d:%d], want raw[%d:%d] (segments %v)", raw, i, s, e, want.start[i], want.end[i], got.segs)
		}
	}
}

// TestHTMLSegmentsMatchPerByte holds the segments that map decoded HTML
// text to its raw bytes equal to the per-byte mapping they replaced, on
// the real page and on fragments of references, tags and text.
func TestHTMLSegmentsMatchPerByte(t *testing.T) {
	for _, name := range []string{"legacy-guidance-software-developer.html"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		checkSegments(t, string(src))
	}
	pieces := []string{"a", "Skill", " ", "\n", "&amp;", "&amp", "&ampx", "&nbsp;", "&#x20;", "&#233;", "&eacute;", "&;", "&", "&&", "&lt", "&notin;", "&notit;", "&#x1F600;", "&#0;", "<b>", "</b>", "<!-- c -->", "<", "é", "&AElig", "&AEligx;"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		checkSegments(t, b.String())
	}
}

// FuzzHTMLSegments is TestHTMLSegmentsMatchPerByte on any input.
func FuzzHTMLSegments(f *testing.F) {
	for _, s := range []string{"", "a &amp; <b>b</b>", "&ampx&nbsp;a&#x20;<!-- c -->b&", "&notit; &AEligx"} {
		f.Add(s)
	}
	f.Fuzz(checkSegments)
}
