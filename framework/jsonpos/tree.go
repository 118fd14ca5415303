package jsonpos

import "strings"

// Value is one JSON value with its byte range in the source.
type Value struct {
	Kind       Kind
	Start, End int      // byte offsets of the value's first byte and just past its last
	Str        string   // a string's decoded value
	Num        string   // a number as written
	Bool       bool     // a boolean's value
	Members    []Member // an object's members, in source order
	Elems      []*Value // an array's elements
}

// Member is a member of an object.
type Member struct {
	Key      string
	KeyStart int // offset of the key's opening quote
	Value    *Value
}

// Parse reads src, which may start with a byte order mark, as one JSON
// value nested at most maxDepth deep (0: no limit), and returns its tree.
// Anything but white space after the value is an error.
func Parse(src string, maxDepth int) (*Value, *Error) {
	var s Scanner
	off := 0
	if strings.HasPrefix(src, "\ufeff") {
		off = 3
	}
	s.init(src, off)
	s.MaxDepth = maxDepth
	t, err := s.Next()
	if err != nil {
		return nil, err
	}
	v, err := s.tree(t)
	if err != nil {
		return nil, err
	}
	if err := s.End(); err != nil {
		return nil, err
	}
	return v, nil
}

// tree reads the value that starts with token t.
func (s *Scanner) tree(t Token) (*Value, *Error) {
	switch t.Delim {
	case '{':
		v := &Value{Kind: Object, Start: t.Start}
		for {
			k, err := s.Next()
			if err != nil {
				return nil, err
			}
			if k.Delim == '}' {
				v.End = k.End
				return v, nil
			}
			first, err := s.Next()
			if err != nil {
				return nil, err
			}
			val, err := s.tree(first)
			if err != nil {
				return nil, err
			}
			v.Members = append(v.Members, Member{Key: k.Str, KeyStart: k.Start, Value: val})
		}
	case '[':
		v := &Value{Kind: Array, Start: t.Start}
		for {
			e, err := s.Next()
			if err != nil {
				return nil, err
			}
			if e.Delim == ']' {
				v.End = e.End
				return v, nil
			}
			val, err := s.tree(e)
			if err != nil {
				return nil, err
			}
			v.Elems = append(v.Elems, val)
		}
	}
	return &Value{Kind: t.Kind, Start: t.Start, End: t.End, Str: t.Str, Num: t.Num, Bool: t.Bool}, nil
}
