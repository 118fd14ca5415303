package framework_test

import (
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// TestFrameworkEdition checks that a framework's edition is dated by its
// latest document, in any order, and that its sum is known only when a
// document's is and changes with any of them.
func TestFrameworkEdition(t *testing.T) {
	doc := func(date, sum string) *framework.Document {
		return &framework.Document{Edition: framework.Edition{Date: date, SHA256: sum}}
	}
	a, b := framework.Merge(doc("2024-01", "aa"), doc("2025-09", "bb")), framework.Merge(doc("2025-09", "bb"), doc("2024-01", "aa"))
	if ea, eb := a.Edition(), b.Edition(); ea.Date != "2025-09" || eb.Date != "2025-09" {
		t.Errorf("editions dated %q and %q, want the latest document's, 2025-09", ea.Date, eb.Date)
	}
	if e := a.Edition(); e.SHA256 == "" || e.SHA256 == framework.Merge(doc("2024-01", "aa"), doc("2025-09", "cc")).Edition().SHA256 {
		t.Errorf("edition sum %q: want one that changes with each document's", e.SHA256)
	}
	if e := framework.Merge(doc("2024-01", ""), doc("", "")).Edition(); e.SHA256 != "" || e.Date != "2024-01" {
		t.Errorf("documents without sums: edition %+v, want dated 2024-01 with no sum", e)
	}
	// A JSON export's documents are dated by the sources it lists.
	exp := &framework.Document{Sources: []*framework.Source{{Edition: framework.Edition{Date: "2023-05", SHA256: "aa"}}, nil, {Edition: framework.Edition{Date: "2025-02", SHA256: "bb"}}}}
	if e := framework.Merge(exp).Edition(); e.Date != "2025-02" || e.SHA256 == "" {
		t.Errorf("an export's edition %+v, want its latest source's date and a sum", e)
	}
}

// TestErrorOrderAndText checks that errors sort by file, line, column and
// message, and print their position when they have one.
func TestErrorOrderAndText(t *testing.T) {
	e := func(file string, line, col int, msg string) *framework.Error {
		return &framework.Error{Pos: framework.Position{Filename: file, Line: line, Column: col}, Msg: msg}
	}
	l := framework.ErrorList{e("b.txt", 1, 1, "x"), e("a.txt", 5, 1, "x"), e("a.txt", 2, 3, "x"), e("a.txt", 2, 1, "y"), e("a.txt", 2, 1, "x")}
	sort.Sort(l)
	var got []string
	for _, err := range l {
		got = append(got, err.Error())
	}
	want := []string{"a.txt:2:1: x", "a.txt:2:1: y", "a.txt:2:3: x", "a.txt:5:1: x", "b.txt:1:1: x"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sorted errors (-want +got):\n%s", diff)
	}
	if got := (&framework.Error{Msg: "no place"}).Error(); got != "no place" {
		t.Errorf("an error without a position prints %q", got)
	}
	if got := (&framework.Error{Pos: framework.Position{Filename: "f.csv"}, Msg: "whole file"}).Error(); got != "f.csv: whole file" {
		t.Errorf("an error with a file only prints %q", got)
	}
}
