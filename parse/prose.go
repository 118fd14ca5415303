package parse

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ddat-tools/ddat/framework"
)

// This file holds what the parsers of page text (role pages, structured
// role levels, older guidance) share.

// sub returns the Text of t.Value[i:j], trimmed, keeping its position.
func sub(t framework.Text, i, j int) framework.Text {
	return text(t.Span.File, t.Span.Start+i, t.Span.Start+j)
}

// afterPrefix returns the trimmed text of t after prefix, matched without
// regard to ASCII case, and whether t starts with it.
func afterPrefix(t framework.Text, prefix string) (framework.Text, bool) {
	if len(t.Value) < len(prefix) || !strings.EqualFold(t.Value[:len(prefix)], prefix) {
		return framework.Text{}, false
	}
	return sub(t, len(prefix), len(t.Value)), true
}

// dateLayouts are the ways the published pages write dates.
var dateLayouts = []string{"2 January 2006", "02 January 2006", "2 Jan 2006", "2006-01-02"}

// parseDate reads t as a date. It returns false if t is not one.
func parseDate(t framework.Text) (framework.Date, bool) {
	for _, layout := range dateLayouts {
		if tm, err := time.Parse(layout, t.Value); err == nil {
			return framework.Date{Text: t, Time: tm}, true
		}
	}
	return framework.Date{}, false
}

// numberWords are the counts pages write in words.
var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10,
}

// parseCount reads "4" or "four" as a count.
func parseCount(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil && n >= 0 {
		return n, true
	}
	n, ok := numberWords[strings.ToLower(s)]
	return n, ok
}

// levelCount reads "There are 4 digital portfolio manager role levels…"
// and returns the count it states.
func levelCount(t framework.Text) (framework.Count, bool) {
	rest, ok := afterPrefix(t, "There are ")
	if !ok || !strings.Contains(strings.ToLower(rest.Value), "role levels") {
		return framework.Count{}, false
	}
	word, _, _ := strings.Cut(rest.Value, " ")
	n, ok := parseCount(word)
	if !ok {
		return framework.Count{}, false
	}
	return framework.Count{Count: n, Text: t}, true
}

// requirementLevel fills in r.Level from r.LevelText; an unknown level
// leaves Level 0 for the linter to report with the text as written.
func requirementLevel(r *framework.Requirement) {
	if l, err := framework.ParseLevel(r.LevelText.Value); err == nil {
		r.Level = l
	}
}

// isHeadingLike reports whether t reads as a short heading rather than a
// sentence: at most maxWords words, no final full stop, colon or comma.
func isHeadingLike(t framework.Text, maxWords int) bool {
	v := t.Value
	if v == "" || len(strings.Fields(v)) > maxWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(v)
	switch r {
	case '.', ':', ',', ';', '?', '!':
		return false
	}
	return true
}

// indented reports whether line l starts with space.
func indented(src string, l line) bool {
	s, _ := trim(src, l.start, l.end)
	return s > l.start
}

// spanOf returns the span from the start of a to the end of b.
func spanOf(f *framework.File, a, b framework.Span) framework.Span {
	return f.Span(a.Start, b.End)
}
