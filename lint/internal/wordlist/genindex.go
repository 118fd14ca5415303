//go:build ignore

// Genindex writes en_GB.idx from en_GB.txt: a sparse index of the list
// for [lookup]. The lines of the list are cut into blocks of stride
// lines; the index holds, for each block in order, the first 8 bytes of
// its first word (without the mark, padded with zero bytes) as a
// big-endian uint64, and then, for each block in order, the byte offset
// of its first line as a big-endian uint32. It is derived from en_GB.txt
// alone; TestIndex fails when it is stale.
package main

import (
	"encoding/binary"
	"flag"
	"log"
	"os"
	"strings"
)

func main() {
	stride := flag.Int("stride", 32, "the lines of a block")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("genindex: ")
	src, err := os.ReadFile("en_GB.txt")
	if err != nil {
		log.Fatal(err)
	}
	var keys, offsets []byte
	off := 0
	for i, line := range strings.SplitAfter(strings.TrimSuffix(string(src), "\n"), "\n") {
		if i%*stride == 0 {
			word := strings.TrimSuffix(line, "\n")
			if n := len(word); n > 0 && (word[n-1] == '=' || word[n-1] == '+') {
				word = word[:n-1] // the mark
			}
			var k [8]byte
			copy(k[:], word)
			keys = append(keys, k[:]...)
			offsets = binary.BigEndian.AppendUint32(offsets, uint32(off))
		}
		off += len(line)
	}
	if err := os.WriteFile("en_GB.idx", append(keys, offsets...), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d blocks of %d lines", len(offsets)/4, *stride)
}
