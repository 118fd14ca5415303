package framework

import (
	"fmt"
	"strings"
)

// Level is one of the four ascending skill levels of the framework.
//
// The zero Level is not a skill level: it stands for a level that a source
// did not state (a structured role-level export names skills without
// levels). Use [Level.Valid] to tell the two apart.
type Level int

// The four skill levels, in ascending order.
const (
	Awareness Level = iota + 1
	Working
	Practitioner
	Expert
)

// Levels lists the four skill levels in ascending order.
var Levels = [...]Level{Awareness, Working, Practitioner, Expert}

var levelNames = [...]string{"unknown", "awareness", "working", "practitioner", "expert"}

var ordinals = [...]string{"", "first", "second", "third", "fourth"}

// Valid reports whether l is one of the four skill levels.
func (l Level) Valid() bool { return l >= Awareness && l <= Expert }

// String returns the level's name in lower case ("working"), or "unknown"
// for the zero Level and "Level(N)" for any other invalid value.
func (l Level) String() string {
	if l == 0 || l.Valid() {
		return levelNames[l]
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

// Title returns the level's name with a capital letter, as the framework
// writes it in headings ("Working").
func (l Level) Title() string {
	s := l.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// Ordinal returns the level's position as the framework words it: "second"
// for [Working], as in "Working is the second of 4 ascending skill levels".
// It returns "" for an invalid level.
func (l Level) Ordinal() string {
	if !l.Valid() {
		return ""
	}
	return ordinals[l]
}

// OrdinalLevel returns the level whose ordinal word is s ("third" gives
// [Practitioner]), case-insensitively, or 0 if s is not one of the four.
func OrdinalLevel(s string) Level {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range Levels {
		if ordinals[l] == s {
			return l
		}
	}
	return 0
}

// ParseLevel returns the skill level named s, ignoring case and surrounding
// space. For any other text it returns an error wrapping [ErrUnknownLevel]
// that names the four levels.
func ParseLevel(s string) (Level, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, l := range Levels {
		if levelNames[l] == t {
			return l, nil
		}
	}
	return 0, fmt.Errorf("%w %q: want awareness, working, practitioner or expert", ErrUnknownLevel, s)
}

// MarshalText encodes a valid level as its lower-case name, and the zero
// Level (no level stated) as "", so that a model value with no level
// marshals.
func (l Level) MarshalText() ([]byte, error) {
	if l == 0 {
		return []byte{}, nil
	}
	if !l.Valid() {
		return nil, fmt.Errorf("cannot encode %v as a skill level", l)
	}
	return []byte(l.String()), nil
}

// UnmarshalText decodes a level name, as [ParseLevel] does.
func (l *Level) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = 0
		return nil
	}
	v, err := ParseLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
