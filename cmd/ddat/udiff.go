package main

import (
	"fmt"
	"strings"
)

// maxDiffEdits bounds the line edits unifiedDiff looks for between two
// versions of a file: Myers' algorithm costs (lines × edits); past the
// bound, the lines between the first and last difference are shown as
// replaced whole.
const maxDiffEdits = 500

// unifiedDiff returns a unified diff ("diff -u", 3 lines of context)
// from old to new, named a/name and b/name; "" when they are equal.
func unifiedDiff(name, old, new string) string {
	if old == new {
		return ""
	}
	a, b := splitLines(old), splitLines(new)
	ops := diffLines(a, b)
	var out strings.Builder
	fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n", name, name)
	const ctx = 3
	// ops: the kind of each step ('=', '-', '+'), walked into hunks.
	i := 0
	for i < len(ops) {
		if ops[i] == '=' {
			i++
			continue
		}
		// A hunk: from ctx lines before this change to ctx lines after
		// the last change within 2*ctx equal lines of the one before.
		start := max(i-ctx, 0)
		for start < i && ops[start] != '=' {
			start++
		}
		end := i
		for {
			for end < len(ops) && ops[end] != '=' {
				end++
			}
			j := end
			for j < len(ops) && ops[j] == '=' && j-end < 2*ctx+1 {
				j++
			}
			if j < len(ops) && ops[j] != '=' && j-end <= 2*ctx {
				end = j
				continue
			}
			break
		}
		stop := min(end+ctx, len(ops))
		for stop > end && ops[stop-1] != '=' {
			stop--
		}
		// Line numbers at start.
		al, bl := 0, 0
		for _, op := range ops[:start] {
			if op != '+' {
				al++
			}
			if op != '-' {
				bl++
			}
		}
		var body strings.Builder
		an, bn := 0, 0
		for _, op := range ops[start:stop] {
			var line string
			switch op {
			case '=':
				line = " " + a[al+an]
				an++
				bn++
			case '-':
				line = "-" + a[al+an]
				an++
			case '+':
				line = "+" + b[bl+bn]
				bn++
			}
			body.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				body.WriteString("\n\\ No newline at end of file\n")
			}
		}
		fmt.Fprintf(&out, "@@ -%s +%s @@\n%s", hunkRange(al, an), hunkRange(bl, bn), body.String())
		i = stop
	}
	return out.String()
}

func hunkRange(start, n int) string {
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

// splitLines splits s into lines, each with its "\n" (the last may have
// none).
func splitLines(s string) []string {
	var lines []string
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			lines = append(lines, s)
			break
		}
		lines = append(lines, s[:i+1])
		s = s[i+1:]
	}
	return lines
}

// diffLines returns the steps from a to b: '=' a line kept, '-' a line
// of a removed, '+' a line of b added, removals before additions. The
// common head and tail are kept as they are; between them, Myers'
// shortest edit script, when it has at most maxDiffEdits edits.
func diffLines(a, b []string) []byte {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ops := make([]byte, 0, len(a)+len(b))
	for range head {
		ops = append(ops, '=')
	}
	ops = append(ops, myers(a[head:len(a)-tail], b[head:len(b)-tail])...)
	for range tail {
		ops = append(ops, '=')
	}
	return ops
}

func myers(a, b []string) []byte {
	n, m := len(a), len(b)
	whole := func() []byte {
		ops := make([]byte, 0, n+m)
		for range n {
			ops = append(ops, '-')
		}
		for range m {
			ops = append(ops, '+')
		}
		return ops
	}
	maxD := min(n+m, maxDiffEdits)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int
	for d := 0; d <= maxD; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1]
			} else {
				x = v[off+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, off, n, m, d)
			}
		}
	}
	return whole()
}

// backtrack walks Myers' trace back from (n, m) and returns the steps
// forwards.
func backtrack(trace [][]int, off, n, m, d int) []byte {
	var rev []byte
	x, y := n, m
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var pk int
		if k == -d || k != d && v[off+k-1] < v[off+k+1] {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := v[off+pk]
		py := px - pk
		for x > px && y > py {
			rev = append(rev, '=')
			x--
			y--
		}
		if x == px {
			rev = append(rev, '+')
		} else {
			rev = append(rev, '-')
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		rev = append(rev, '=')
		x--
		y--
	}
	ops := make([]byte, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}
