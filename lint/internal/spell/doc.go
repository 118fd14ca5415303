// Package spell is the spelling engine of the linter's spelling rules: a
// tokeniser, a lexicon that numbers words, a corpus of word and word-pair
// counts, and the suggestions for a misspelt word. The rules in package
// lint decide what is a finding and word it; this package weighs the
// evidence.
//
// # Words
//
// [Tokenize] splits a text into [Word]s: offsets into the text and the
// word's lookup form ([Fold]: lower case, straight apostrophes, no
// possessive "'s") as a number in a [Lexicon]. Web addresses, email
// addresses, file names and mojibake are left out; acronyms, CamelCase
// names and words with digits are marked Skip; numbers are numbered
// without a lexicon ([NumberID]), so that a catalogue of numbered names
// files no number as a word. A Word is kept small (offsets, a number and
// flags) because a run holds one for each word of each distinct text.
//
// [TokenizeAll] tokenises the distinct texts of a run on several
// goroutines, each numbering words in a lexicon of its own, then
// renumbers them in one lexicon in the order of the texts, so that the
// numbers, and so the output, do not depend on the number of processors
// (a differential test compares it with tokenising in order). Each
// worker files its words in blocks of 4,096, so a text's words cost no
// allocation of their own. Every text is tokenised once a run; the text
// rules then check each distinct value once unless it had findings (see
// package lint). What TokenizeAll gives for a fixed list of texts can be
// written once, as [Tokens], and read back as it gave it: the linter so
// reads the words of the embedded framework's texts when it lints them.
//
// # Evidence
//
// A [Corpus] counts the words and word pairs of the linted texts (each
// distinct value once, times the places it occurs) and of the catalogue
// and the published vocabulary (each distinct value once, however often
// a download repeats it, so that a typo repeated on every row does not
// become a word by repetition). An unlisted word counts as the corpus's
// own when it is used in [CorpusWord] distinct contexts (the hash of the
// two words either side): a text copied between documents counts once.
// What counting a fixed list of texts adds to any corpus can be written
// once, as a [Summary], and added with [Corpus.AddSummary], which numbers
// the words as counting would (a differential test compares the two): the
// linter counts the published vocabulary so, from a summary written when
// the program is built. Listed words are remembered by their number
// ([Corpus.IsListedID]), since every counted word is asked of.
// Word pairs are counted in an open-addressing table ([pairTable]).
// [Corpus.neighbours] finds the frequent words one edit from a word by
// measuring those of about its length and letters for the first few
// hundred lookups, and after them in a symmetric deletion index (see
// package nearword), built then, so that a lookup costs a few map reads
// whatever the size of the corpus; neither holds words longer than
// [MaxSuggestLen]. Tokens read back from the build know which of their
// forms the word list holds, so that a plain lint looks up none.
// [Corpus.RealWordSlip] and [Corpus.Prefers] weigh word pairs against
// chance ([Corpus.associated]), so that a word that goes with anything
// ("and") says nothing of its neighbour.
//
// # Suggestions
//
// [Corpus.Suggest] looks the misspelt words up together, once the rule has
// found them all: in the corpus's vocabulary through a length and
// letter-mask index, and in one pass over the word list (its usual
// words) for the first 200 of them: the words of each length asked for,
// read at their fixed stride with letter masks written at build time, each
// measured only against the queries of about its length and letters, the
// lengths shared out between two goroutines. Only the first
// [MaxSuggestWords] words are looked up at all, and none longer than
// [MaxSuggestLen] bytes, so a document of gibberish is linted in bounded
// time. A candidate's score is its edit distance, less one if the corpus
// uses it and less the log of its uses: the documents' own words win.
// A test checks that a word's suggestions do not depend on the words
// looked up with it.
package spell
