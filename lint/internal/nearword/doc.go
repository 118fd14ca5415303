// Package nearword finds the words near a word: an edit distance, the
// indexes that find the words within a few edits of a word without
// measuring every word, and the thresholds the rules use.
//
// # Distance
//
// [Distance] is the optimal string alignment distance (insertions,
// deletions, substitutions and transpositions of adjacent runes), bounded:
// it stops as soon as the distance must exceed the most it is asked
// about, so comparing a word costs its length times the bound, not the
// product of the lengths. [Buf] keeps the rows between calls, so that a
// loop of comparisons allocates once; [OSA] measures any sequence (the
// descriptor rule measures lines in words, without transpositions).
//
// # Indexes
//
// [Deletions] is a symmetric deletion index: two words one edit apart (an
// insertion, a deletion, a substitution or a transposition) share a key
// among themselves and their one-byte deletions, so finding the words one
// edit from a word costs a few map reads, whatever the number of words,
// and the square of the word's length in hashing. Keys are 64-bit FNV-1a
// hashes computed without building the shortened strings, and each key's
// words are a chain through one array, so the index makes no allocation
// per key; a hash collision only adds a candidate that the distance then
// refuses.
//
// [ByLength] holds words by length, each with its [LetterMask], so that
// the words that could be within d edits of a word are looked for among
// those whose length is within d of its and whose letters differ from its
// in at most 2d (an edit changes the length by at most one and at most
// two letters of the mask), not among all.
//
// Each index is checked against a plain scan by its tests.
//
// # Thresholds
//
// Each search of the linter allows the number of edits that its policy in
// policy.go gives: one place to read them side by side. They differ on
// purpose (a misspelt word, a skill name, a level name, a heading are
// judged at different lengths) and are kept apart so that each rule's
// findings stay what they are.
package nearword
