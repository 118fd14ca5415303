package framework_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ddat-tools/ddat/framework"
)

// TestTextSubJoined checks the spans of words in a text joined from lines
// that other lines separate in the source (a description's paragraphs
// around a bullet): a word lands on its own bytes, in whichever line it
// is, and a range that crosses a line end, or a line the source does not
// hold as it reads, keeps the span's own offsets.
func TestTextSubJoined(t *testing.T) {
	src := "Intro line\n- a bullet\nSecond line here\n"
	f := framework.NewFile("d.txt", src)
	joined := framework.Text{Value: "Intro line\nSecond line here", Span: f.Span(0, len(src)-1)}
	for _, tc := range []struct {
		i, j int
		want string
	}{
		{0, 5, "Intro"},
		{6, 10, "line"},
		{11, 17, "Second"},
		{23, 27, "here"},
		{27, 27, ""}, // the point after the last byte
	} {
		s := joined.Sub(tc.i, tc.j)
		if got := s.Text(); got != tc.want || got != joined.Value[tc.i:tc.j] {
			t.Errorf("Sub(%d, %d) covers %q, want %q", tc.i, tc.j, got, tc.want)
		}
	}
	// Across the line end: the span's offsets, as before.
	if s := joined.Sub(6, 17); s.Start != 6 || s.End != 17 {
		t.Errorf("Sub(6, 17) = %d-%d, want the span's offsets 6-17", s.Start, s.End)
	}
	// A line the bytes do not hold: the span's offsets.
	odd := framework.Text{Value: "Intro line\nNot in the source", Span: f.Span(0, len(src)-1)}
	if s := odd.Sub(11, 14); s.Start != 11 || s.End != 14 {
		t.Errorf("Sub of a line not in the source = %d-%d, want 11-14", s.Start, s.End)
	}
	// A text that is its bytes is unchanged.
	plain := framework.Text{Value: "a bullet", Span: f.Span(13, 21)}
	if s := plain.Sub(2, 8); s.Text() != "bullet" {
		t.Errorf("Sub of a plain text covers %q", s.Text())
	}
}

// quoteDecoder reads "" as ", as a CSV cell does, for TestTextMapAsDirect:
// a segment a byte, so that the map joins the plain ones.
type quoteDecoder struct{}

func (quoteDecoder) Segments(raw, value string, seg func(framework.Segment)) bool {
	i := 0
	for k := 0; k < len(value); k++ {
		if i >= len(raw) || raw[i] != value[k] {
			return false
		}
		w := 1
		if raw[i] == '"' && i+1 < len(raw) && raw[i+1] == '"' {
			w = 2
		}
		seg(framework.Segment{V: k, N: 1, Raw: i, End: i + w, Plain: w == 1})
		i += w
	}
	return i == len(raw)
}

// byteOffsets returns, for each byte value[k], the raw bytes
// raw[start[k]:end[k]] that d's segments map it to; nil if d does not
// decode value from raw.
func byteOffsets(d framework.Decoder, raw, value string) (start, end []int) {
	start, end = make([]int, len(value)), make([]int, len(value))
	ok := d.Segments(raw, value, func(g framework.Segment) {
		for x := range g.N {
			if g.Plain {
				start[g.V+x], end[g.V+x] = g.Raw+x, g.Raw+x+1
			} else {
				start[g.V+x], end[g.V+x] = g.Raw, g.End
			}
		}
	})
	if !ok {
		return nil, nil
	}
	return start, end
}

// subByBytes is Text.Sub as its documentation defines it, a byte at a
// time: through the byte offsets of the file's decoder, failing that
// line by line, failing that the span's own offsets.
func subByBytes(t framework.Text, i, j int) framework.Span {
	s := t.Span
	if s.End-s.Start == len(t.Value) && s.Text() == t.Value {
		return s.Sub(i, j)
	}
	if s.File.Decoder != nil {
		if start, end := byteOffsets(s.File.Decoder, s.Text(), t.Value); start != nil {
			var a, b int
			switch {
			case i < j:
				a, b = start[i], end[j-1]
			case i > 0:
				a, b = end[i-1], end[i-1]
			case len(start) > 0:
				a, b = start[0], start[0]
			}
			return framework.Span{File: s.File, Start: s.Start + a, End: s.Start + b}
		}
	}
	// Each line looked for after the one before it; a line not held as
	// it reads is passed over to the line end after its length.
	raw := s.Text()
	at, v := 0, 0
	for _, line := range strings.Split(t.Value, "\n") {
		k := strings.Index(raw[at:], line)
		if k < 0 {
			at = min(at+len(line), len(raw))
			if n := strings.IndexByte(raw[at:], '\n'); n >= 0 {
				at += n + 1
			} else {
				at = len(raw)
			}
			v += len(line) + 1
			continue
		}
		k += at
		if i >= v && j <= v+len(line) {
			return framework.Span{File: s.File, Start: s.Start + k + i - v, End: s.Start + k + j - v}
		}
		at, v = k+len(line), v+len(line)+1
	}
	return s.Sub(i, j)
}

// TestTextMapAsDirect holds the maps of Text.Sub, kept for long texts and
// made at each call for short ones, to the mapping a byte at a time, on
// every range of up to 5 bytes and every point: a joined text with empty
// lines, a text with escapes, a text that is its bytes, and one whose
// lines the source does not hold.
func TestTextMapAsDirect(t *testing.T) {
	var joinedSrc, joinedVal, escSrc, escVal strings.Builder
	for k := 0; joinedVal.Len() < framework.LongText+64; k++ {
		fmt.Fprintf(&joinedSrc, "para %d\n- bullet\n\n", k)
		fmt.Fprintf(&joinedVal, "para %d\n\n", k)
		fmt.Fprintf(&escSrc, `say ""%d"" `, k)
		fmt.Fprintf(&escVal, `say "%d" `, k)
	}
	joined := framework.NewFile("j.txt", joinedSrc.String())
	esc := framework.NewFile("e.csv", escSrc.String())
	esc.Decoder = quoteDecoder{}
	plain := framework.NewFile("p.txt", escVal.String())
	for name, tx := range map[string]framework.Text{
		"joined":  {Value: strings.TrimSuffix(joinedVal.String(), "\n"), Span: joined.Span(0, len(joined.Src))},
		"escapes": {Value: escVal.String(), Span: esc.Span(0, len(esc.Src))},
		"plain":   {Value: plain.Src, Span: plain.Span(0, len(plain.Src))},
		"unheld":  {Value: "para 0\n\nnot there\n" + strings.Repeat("x", framework.LongText), Span: joined.Span(0, len(joined.Src))},
	} {
		if len(tx.Value) < framework.LongText {
			t.Fatalf("%s: %d bytes, not a long text", name, len(tx.Value))
		}
		for i := 0; i <= len(tx.Value); i++ {
			for j := i; j <= min(i+5, len(tx.Value)); j++ {
				want := subByBytes(tx, i, j)
				if got := tx.Sub(i, j); got != want {
					t.Fatalf("%s: Sub(%d, %d) = %d-%d, a byte at a time %d-%d", name, i, j, got.Start, got.End, want.Start, want.End)
				}
				if got := framework.SubNew(tx, i, j); got != want {
					t.Fatalf("%s: Sub(%d, %d) by a new map = %d-%d, a byte at a time %d-%d", name, i, j, got.Start, got.End, want.Start, want.End)
				}
			}
		}
	}
}

// TestSubJoinedEscapedLine checks a range in a text joined from a cell's
// lines, one of them written with an escape ("" for a quote) and trimmed:
// it is placed in the line that holds it, after the escaped line, not
// counted from the span's start (fuzzing found "2 spaces" placed on the
// line before). Short and long texts alike.
func TestSubJoinedEscapedLine(t *testing.T) {
	for _, repeat := range []int{1, framework.LongText/12 + 1} {
		var raw, val strings.Builder
		for range repeat {
			raw.WriteString("000\"\"0 \n")
			val.WriteString("000\"0\n")
		}
		raw.WriteString("0  00")
		val.WriteString("0  00")
		f := framework.NewFile("e.csv", raw.String())
		f.Decoder = quoteDecoder{}
		tx := framework.Text{Value: val.String(), Span: f.Span(0, len(f.Src))}
		i := strings.Index(tx.Value, "  ")
		want := strings.Index(f.Src, "  ")
		if got := tx.Sub(i, i+2); got.Start != want || got.End != want+2 {
			t.Errorf("%d escaped lines: Sub of the spaces = %d-%d (%q), want %d-%d", repeat, got.Start, got.End, f.Src[got.Start:got.End], want, want+2)
		}
	}
}
