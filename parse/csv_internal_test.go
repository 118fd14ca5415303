package parse

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ddat-tools/ddat/framework"
)

// readOut is what a record reader gives for a source: each record's cells
// (value and start) and span, then the errors.
type readOut struct {
	Records []readRecord
	Errors  []string
}

type readRecord struct {
	Cells      []readCell
	Start, End int
}

type readCell struct {
	Value string
	Start int
}

func readAll(src string, read func(f *framework.File, from int, errs *errorList, yield func(record) bool)) readOut {
	f := framework.NewFile("x.csv", src)
	var errs errorList
	var out readOut
	read(f, bomLen(src), &errs, func(r record) bool {
		rr := readRecord{Start: r.span.Start, End: r.span.End}
		for _, c := range r.cells {
			rr.Cells = append(rr.Cells, readCell{c.value, c.start})
		}
		out.Records = append(out.Records, rr)
		return true
	})
	for _, e := range errs.sorted() {
		out.Errors = append(out.Errors, e.Error())
	}
	return out
}

// checkReaders compares readRecords, which cuts plainly written records
// from the source itself, with csvRecords, which is encoding/csv's
// reading of the whole source.
func checkReaders(t *testing.T, src string) {
	t.Helper()
	want := readAll(src, csvRecords)
	got := readAll(src, readRecords)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("source %q: readRecords differs from encoding/csv (-want +got):\n%s", src, diff)
	}
}

var csvReaderCases = []string{
	"", "\n", "\r\n", "\r", "\n\n\r\n", "a", "a\n", "a\r\n", "a\r", "a\r\r", "a\r\r\n", "\ra\n", "a\rb\n",
	"a,b\nc,d\n", "a,b\n\nc,d", "a,b\r\n\r\nc,d\r\n", ",", ",\n", "a,\n,b", ",,,\n",
	`"a","b"` + "\n", `"a""b",c`, `"a` + "\r\n" + `b",c` + "\r\n", `"a` + "\n" + `b"`, `""`, `""""`, `"",""`,
	`"a"` + "\r", `"a"` + "\r\r", `"a"` + "\rb\n", `"a"b`, `"a" ,b`, `a"b`, `a,"b`, `"a`, `"a` + "\r", `"a` + "\n",
	"\ufeffa,b\n", "\ufeff\"a\",b\r\n", "a,b\n\"c\nd\"\n\"e", "\"x\"\n\"y\" \n", "\"\r\n\",x\r\n",
	"é,\"ü\"\n", "a\xff,\"\xfe\"\n", `"a"` + "\xff",
}

func TestReadRecordsMatchEncodingCSV(t *testing.T) {
	for _, src := range csvReaderCases {
		checkReaders(t, src)
	}
	// Wider than the limit: the first record, and one after plain ones.
	wide := "a" + string(make([]byte, maxCSVFields)) + "\n"
	for i := range wide[1 : len(wide)-1] {
		wide = wide[:i+1] + "," + wide[i+2:]
	}
	checkReaders(t, wide)
	checkReaders(t, "a,b\n"+wide+"c\n")
	names, _ := filepath.Glob(filepath.Join("..", "testdata", "*.csv"))
	if len(names) == 0 {
		t.Fatal("no CSV seeds")
	}
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		checkReaders(t, string(src))
		// The seeds are written plainly: encoding/csv reads none of them.
		f := framework.NewFile(name, string(src))
		if off, done := plainRecords(f, bomLen(f.Src), func(record) bool { return true }); !done {
			t.Errorf("%s: plainRecords stopped at %v", name, f.Position(off))
		}
	}
}

func FuzzCSVRecords(f *testing.F) {
	for _, src := range csvReaderCases {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		checkReaders(t, src)
	})
}

// TestRoleRowsPanic: a panic on the reading goroutine reaches the caller,
// which can recover it, as it could when all parsing ran on its own.
func TestRoleRowsPanic(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("the reader's panic did not reach the caller")
		}
	}()
	tb := &table{header: rolesHeader} // no file: reading it panics
	for range roleRows(tb, newRowSet()) {
	}
}
