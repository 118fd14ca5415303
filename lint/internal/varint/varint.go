// Package varint reads the varints of encoding/binary from a string: the
// files the linter writes when the program is built (the summary and the
// tokens of the published framework) are embedded as strings, and are read
// without copying them to bytes.
package varint

import (
	"encoding/binary"
	"errors"
)

// ErrMalformed is the error of a read past the end, of a malformed
// varint, or of a length longer than what is left.
var ErrMalformed = errors.New("varint: malformed data")

// A Reader reads from a string. The first bad read sets its error; every
// read after it returns zero, so that a caller checks [Reader.Err] once,
// when it is done, and uses no value read after an error in a way that
// could fault (a length is at most the bytes left; see [Reader.Len]).
type Reader struct {
	s   string
	err error
}

// NewReader returns a reader of s.
func NewReader(s string) *Reader { return &Reader{s: s} }

// Uint reads an unsigned varint, as [binary.Uvarint] does. Most are of
// one byte, read inline.
func (r *Reader) Uint() uint64 {
	if s := r.s; s != "" && s[0] < 0x80 {
		r.s = s[1:]
		return uint64(s[0])
	}
	return r.uintLong()
}

// uintLong is [Reader.Uint] of a varint of more than one byte (or of an
// empty reader): most are of two, read first.
func (r *Reader) uintLong() uint64 {
	if s := r.s; len(s) >= 2 && s[0] >= 0x80 && s[1] < 0x80 {
		r.s = s[2:]
		return uint64(s[0]&0x7f) | uint64(s[1])<<7
	}
	var v uint64
	for i := 0; i < len(r.s) && i < binary.MaxVarintLen64; i++ {
		c := r.s[i]
		if c < 0x80 {
			if i == binary.MaxVarintLen64-1 && c > 1 {
				break // overflow
			}
			r.s = r.s[i+1:]
			return v | uint64(c)<<(7*i)
		}
		v |= uint64(c&0x7f) << (7 * i)
	}
	r.fail()
	return 0
}

// Int reads a zig-zag varint, as [binary.Varint] does.
func (r *Reader) Int() int64 {
	u := r.Uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// Len reads an unsigned varint that is a count of what follows, each of
// at least one byte: at most the bytes left, or it is an error and zero.
// A count so read bounds what a caller allocates for it.
func (r *Reader) Len() int {
	n := r.Uint()
	if n > uint64(len(r.s)) {
		r.fail()
		return 0
	}
	return int(n)
}

// String reads the next n bytes.
func (r *Reader) String(n int) string {
	if n < 0 || n > len(r.s) {
		r.fail()
		return ""
	}
	s := r.s[:n]
	r.s = r.s[n:]
	return s
}

// Rest returns what is left to read.
func (r *Reader) Rest() string { return r.s }

// Err returns the error of the first bad read, if any.
func (r *Reader) Err() error { return r.err }

// Done returns the error of the first bad read, or an error if bytes are
// left: what a reader of a whole encoding checks last.
func (r *Reader) Done() error {
	if r.err == nil && r.s != "" {
		return ErrMalformed
	}
	return r.err
}

func (r *Reader) fail() {
	if r.err == nil {
		r.err = ErrMalformed
	}
	r.s = ""
}
