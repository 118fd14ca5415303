package parse_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ddat-tools/ddat/parse"
)

// seedFixtures are the real published documents under testdata, one of
// each format but JSON.
var seedFixtures = []string{
	"skills-a-to-z.md",
	"role-page-digital-portfolio-manager-2024.txt",
	"role-level-digital-portfolio-manager.txt",
	"legacy-guidance-product-manager-2020.txt",
	"roles-sample.csv",
	"skills-sample.csv",
	"changelog-sample.csv",
	"legacy-guidance-software-developer.html",
}

// Budgets (on the 2-core CI machine): each fixture parses in well under a
// millisecond per 100 kB; the whole catalogue (about 300 kB) in under
// 5 ms. The README lists the measured figures.
func BenchmarkParse(b *testing.B) {
	for _, name := range seedFixtures {
		src := readFixture(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parse.Parse(name, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParseJSON reads the project's own export of the published
// framework, as the golden test keeps it.
func BenchmarkParseJSON(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "export", "published.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parse.Parse("published.json", src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	src := readFixture(b, "roles-sample.csv")
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parse.Detect(src)
	}
}

// BenchmarkPublishedFirst measures the first call of [parse.Published]:
// decoding the embedded documents as parsed at build time (published.bin)
// and merging them. Budget: 10 ms and 15 MiB allocated
// (TestPublishedAllocs holds the memory). Measured on the 2-core machine
// under a load of 6: 2.4-5.4 ms, 2.6 MiB, 1,607 allocations (parsing the
// 2.7 MB at run time took 12-17 ms, 8.4 MiB, 55,900 allocations).
func BenchmarkPublishedFirst(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		parse.ResetPublished()
		if _, err := parse.Published(); err != nil {
			b.Fatal(err)
		}
	}
}
