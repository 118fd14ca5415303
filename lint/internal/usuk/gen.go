//go:build ignore

// Gen writes us-uk.txt, the pairs of American and British spellings that
// package usuk embeds, from the US to UK list of github.com/golangci/misspell
// (words_uk.go, its DictBritish; MIT licence, see LICENCE), less the
// American forms that the British word list (../wordlist/en_GB.txt) holds
// too ("ageing" and "aging"): British English accepts those.
//
// The development step, run once when the list is to be refreshed:
//
//	go mod download -json github.com/golangci/misspell@v0.8.0   # prints its Dir
//	go run gen.go -src DIR/words_uk.go
//	cp DIR/LICENSE LICENCE
//
// Each line of the output is an American spelling, a space and its British
// form, lower case, sorted bytewise by the American spelling, without
// duplicates (where the list gives a word twice, its last pair holds, as a
// Go map filled in order would keep it).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"log"
	"os"
	"regexp"
	"slices"
	"strings"
)

func main() {
	src := flag.String("src", "", "misspell's words_uk.go")
	words := flag.String("words", "../wordlist/en_GB.txt", "the British word list")
	out := flag.String("out", "us-uk.txt", "the file to write")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("gen: ")

	british := map[string]bool{}
	wl, err := os.ReadFile(*words)
	if err != nil {
		log.Fatal(err)
	}
	for _, line := range strings.Split(string(wl), "\n") {
		british[strings.TrimRight(line, "=+")] = true
	}

	text, err := os.ReadFile(*src)
	if err != nil {
		log.Fatal(err)
	}
	pair := regexp.MustCompile(`^\s*"([^"]+)", "([^"]+)",\s*$`)
	uk := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(text))
	for sc.Scan() {
		m := pair.FindStringSubmatch(sc.Text())
		if m == nil {
			continue
		}
		if british[m[1]] {
			continue
		}
		uk[m[1]] = m[2]
	}
	if len(uk) == 0 {
		log.Fatalf("%s: no pairs found", *src)
	}
	us := make([]string, 0, len(uk))
	for w := range uk {
		us = append(us, w)
	}
	slices.Sort(us)
	var buf bytes.Buffer
	for _, w := range us {
		buf.WriteString(w + " " + uk[w] + "\n")
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d pairs", len(us))
}
