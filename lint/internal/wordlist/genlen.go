//go:build ignore

// Genlen writes usual-by-length.txt from en_GB.txt: the usual words of
// the list (those not marked rare), one a line, ordered by their length
// in bytes and then bytewise, so that the words of a range of lengths
// are one stretch of it (see [UsualOfLength]); and usual-masks.bin, the
// letter mask of each of those words (nearword.LetterMask), four bytes
// little-endian a word, in the same order (see [UsualOfLength]). Both are
// derived from en_GB.txt alone; TestUsualByLength fails when they are
// stale.
package main

import (
	"bytes"
	"encoding/binary"
	"log"
	"os"
	"slices"
	"strings"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("genlen: ")
	src, err := os.ReadFile("en_GB.txt")
	if err != nil {
		log.Fatal(err)
	}
	var words []string
	for _, line := range strings.Split(strings.TrimSuffix(string(src), "\n"), "\n") {
		if strings.HasSuffix(line, "+") {
			continue
		}
		words = append(words, strings.TrimSuffix(line, "="))
	}
	slices.SortFunc(words, byLength)
	var buf bytes.Buffer
	var masks []byte
	for _, w := range words {
		buf.WriteString(w + "\n")
		masks = binary.LittleEndian.AppendUint32(masks, nearword.LetterMask(w))
	}
	if err := os.WriteFile("usual-by-length.txt", buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("usual-masks.bin", masks, 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d words", len(words))
}

func byLength(a, b string) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	return strings.Compare(a, b)
}
