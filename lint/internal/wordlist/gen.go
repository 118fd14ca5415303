//go:build ignore

// Gen writes en_GB.txt, the word list that package wordlist embeds,
// from Debian's wbritish-huge word list (SCOWL up to size 80, British
// "-ise" spelling), its wbritish-large list (SCOWL up to size 70), which
// marks the usual words, and SCOWL's size 10 and 20 lists, which mark the
// common words.
//
// The development step, run once when the list is to be refreshed:
//
//	apt-get install -y wbritish-huge wbritish-large scowl
//	go generate ./lint/internal/wordlist
//	cp /usr/share/doc/wbritish-huge/copyright lint/internal/wordlist/LICENCE
//
// The output holds one word a line, lower-cased, sorted bytewise, without
// duplicates and without the possessive entries ("Aaron's"), which the
// linter derives; a common word ends in "=", a rare word (of size 80, not
// in the size 70 list) in "+". Nothing outside the module is read at run
// or test time.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"log"
	"os"
	"slices"
	"strings"
)

func main() {
	in := flag.String("in", "/usr/share/dict/british-english-huge", "the word list")
	usual := flag.String("usual", "/usr/share/dict/british-english-large", "the list of usual words; the others are rare")
	common := flag.String("common", "/usr/share/dict/scowl/english-words.10,/usr/share/dict/scowl/english-words.20,"+
		"/usr/share/dict/scowl/british-words.10,/usr/share/dict/scowl/british-words.20", "comma-separated lists of common words")
	out := flag.String("out", "en_GB.txt", "the file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	words := read(*in)
	slices.Sort(words)
	words = slices.Compact(words)
	isUsual := map[string]bool{}
	for _, w := range read(*usual) {
		isUsual[w] = true
	}
	isCommon := map[string]bool{}
	for _, name := range strings.Split(*common, ",") {
		for _, w := range read(name) {
			isCommon[w] = true
		}
	}

	var buf bytes.Buffer
	nc, nr := 0, 0
	for _, w := range words {
		buf.WriteString(w)
		switch {
		case isCommon[w]:
			buf.WriteByte('=')
			nc++
		case !isUsual[w]:
			buf.WriteByte('+')
			nr++
		}
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d words (%d common, %d rare) to %s (%d bytes)", len(words), nc, nr, *out, buf.Len())
}

// read returns the words of a word list, lower-cased, without possessives.
func read(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		log.Fatalf("%v (install the lists with: apt-get install -y wbritish-huge wbritish-large scowl)", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if w == "" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "=") || strings.HasSuffix(w, "+") {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return words
}
