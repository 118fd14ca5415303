package main

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestUnifiedDiff(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"a\nb\nc\n", "a\nb\nc\n", ""},
		{"a\nb\nc\n", "a\nB\nc\n", "--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", "1\nX\n3\n4\n5\n6\n7\n8\n9\n10\nY\n12\n",
			"--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+X\n 3\n 4\n 5\n@@ -8,5 +8,5 @@\n 8\n 9\n 10\n-11\n+Y\n 12\n"},
		{"a\nb", "a\nc", "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n"},
		{"a\n", "a\nb\n", "--- a/f\n+++ b/f\n@@ -1 +1,2 @@\n a\n+b\n"},
		{"", "x\n", "--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+x\n"},
	} {
		if got := unifiedDiff("f", c.old, c.new); got != c.want {
			t.Errorf("unifiedDiff(%q, %q) =\n%s\nwant\n%s", c.old, c.new, got, c.want)
		}
	}
}

// TestUnifiedDiffApplies checks on random edits that the diff's hunks,
// applied to the old text, give the new one.
func TestUnifiedDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 300; n++ {
		var a, b []string
		for i := 0; i < 30; i++ {
			l := string(rune('a'+r.IntN(5))) + "\n"
			a = append(a, l)
			switch r.IntN(6) {
			case 0: // dropped
			case 1:
				b = append(b, "new\n", l)
			case 2:
				b = append(b, "changed\n")
			default:
				b = append(b, l)
			}
		}
		old, new := strings.Join(a, ""), strings.Join(b, "")
		if got := applyUnified(t, old, unifiedDiff("f", old, new)); got != new {
			t.Fatalf("applying the diff of %q -> %q gives %q", old, new, got)
		}
	}
}

func applyUnified(t *testing.T, old, d string) string {
	if d == "" {
		return old
	}
	a := splitLines(old)
	var out []string
	at := 0
	for _, l := range strings.SplitAfter(d, "\n")[2:] {
		switch {
		case strings.HasPrefix(l, "@@ -"):
			var s, n int
			spec := strings.Fields(l)[1][1:]
			if i := strings.IndexByte(spec, ','); i >= 0 {
				s, n = atoi(spec[:i]), atoi(spec[i+1:])
			} else {
				s, n = atoi(spec), 1
			}
			if n == 0 {
				s++
			}
			out = append(out, a[at:s-1]...)
			at = s - 1
		case strings.HasPrefix(l, " "):
			out = append(out, l[1:])
			at++
		case strings.HasPrefix(l, "-"):
			at++
		case strings.HasPrefix(l, "+"):
			out = append(out, l[1:])
		}
	}
	return strings.Join(append(out, a[at:]...), "")
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}
