package lint

// SuggestRule returns the ID of the rule of [All] closest to id, if one is
// close enough to be what was meant.
func SuggestRule(id string) (string, bool) {
	ids := make([]string, len(All))
	for i, r := range All {
		ids[i] = r.ID
	}
	return closest(id, ids, 3)
}
