package nearword

// The thresholds of the linter's near-word searches, side by side: how
// many edits each allows. They differ on purpose, and each rule's
// findings depend on its own; change one only with the findings it
// changes.
const (
	// Slip is the distance of a slip: the frequent words one edit from a
	// misspelt word (spelling), and the content words of skill names one
	// edit apart (unknown-skill).
	Slip = 1

	// ListEdits is the most edits a suggestion from the word list may be
	// from a misspelt word, whatever its length (see [SpellingEdits]):
	// the list is large, and words further off are mostly chance.
	ListEdits = 2

	// RuleIDEdits is the most edits between an unknown rule ID in a
	// configuration and the rule it is taken to mean.
	RuleIDEdits = 3

	// SkillNameRatio is the edits per rune within which two skill names
	// count as one misspelt (unknown-skill): see [SkillNameEdits].
	SkillNameRatio = 0.25
)

// SpellingEdits returns the most edits a suggestion for a misspelt word
// of n runes may be away: one below five runes, two below ten, three from
// ten.
func SpellingEdits(n int) int {
	switch {
	case n >= 10:
		return 3
	case n >= 5:
		return 2
	}
	return 1
}

// SkillNameEdits returns the most edits within which a skill name of n
// runes (the longer of the two compared) counts as a slip for another.
func SkillNameEdits(n int) int { return int(float64(n) * SkillNameRatio) }

// LevelEdits returns the most edits between a level text whose key has n
// runes and the level name it is taken to mean (unknown-level): at least
// two, a third of its length for a longer one.
func LevelEdits(n int) int { return max(2, n/3) }

// WordEdits returns the most edits between the words of n runes (the
// longer of the two) at the same place of a role level's name and the
// start of its description for the two to count as one word misspelt
// (structure): at least one, a third of its length for a longer one.
func WordEdits(n int) int { return max(1, n/3) }
