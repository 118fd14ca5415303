package framework_test

import (
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
