package parse

import "github.com/ddat-tools/ddat/framework"

// ResetPublished forgets the cached published snapshot, so that a
// benchmark measures its first load.
func ResetPublished() { resetPublished() }

// SeniorityLevel is a row of the embedded table of role levels.
type SeniorityLevel struct {
	Name   string
	Grades []string
}

// SeniorityLevels returns the table's levels of a role, in its order.
func SeniorityLevels(role string) []SeniorityLevel {
	var out []SeniorityLevel
	for _, e := range seniority()[framework.Key(role)] {
		out = append(out, SeniorityLevel{e.name, e.grades})
	}
	return out
}
