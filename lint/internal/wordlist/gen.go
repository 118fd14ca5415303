//go:build ignore

// Gen writes en_GB.txt, the word list that package wordlist embeds,
// from Debian's wbritish-large word list (SCOWL up to size 70, British
// "-ise" spelling) and SCOWL's size 10 and 20 lists, which mark the
// common words.
//
// The development step, run once when the list is to be refreshed:
//
//	apt-get install -y wbritish-large scowl
//	go generate ./lint/internal/wordlist
//	cp /usr/share/doc/wbritish-large/copyright lint/internal/wordlist/LICENCE
//
// The output holds one word a line, lower-cased, sorted bytewise, without
// duplicates and without the possessive entries ("Aaron's"), which the
// linter derives; a common word ends in "=". Nothing outside the module
// is read at run or test time.
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
	in := flag.String("in", "/usr/share/dict/british-english-large", "the word list")
	common := flag.String("common", "/usr/share/dict/scowl/english-words.10,/usr/share/dict/scowl/english-words.20,"+
		"/usr/share/dict/scowl/british-words.10,/usr/share/dict/scowl/british-words.20", "comma-separated lists of common words")
	out := flag.String("out", "en_GB.txt", "the file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	words := read(*in)
	slices.Sort(words)
	words = slices.Compact(words)
	isCommon := map[string]bool{}
	for _, name := range strings.Split(*common, ",") {
		for _, w := range read(name) {
			isCommon[w] = true
		}
	}

	var buf bytes.Buffer
	nc := 0
	for _, w := range words {
		buf.WriteString(w)
		if isCommon[w] {
			buf.WriteByte('=')
			nc++
		}
		buf.WriteByte('\n')
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o666); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %d words (%d common) to %s (%d bytes)", len(words), nc, *out, buf.Len())
}

// read returns the words of a word list, lower-cased, without possessives.
func read(name string) []string {
	f, err := os.Open(name)
	if err != nil {
		log.Fatalf("%v (install the lists with: apt-get install -y wbritish-large scowl)", err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w := strings.ToLower(strings.TrimSpace(sc.Text()))
		if w == "" || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "=") {
			continue
		}
		words = append(words, w)
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	return words
}
