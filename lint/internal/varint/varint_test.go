package varint

import (
	"encoding/binary"
	"math"
	"math/rand/v2"
	"testing"
)

// TestAsBinary reads what encoding/binary writes: random and edge values,
// signed and unsigned, one after another, and checks that every cut of
// the encoding is an error, never a panic or a value.
func TestAsBinary(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var us []uint64
	var is []int64
	for _, v := range []uint64{0, 1, 127, 128, 255, 16383, 16384, math.MaxUint32, math.MaxUint64} {
		us = append(us, v)
		is = append(is, int64(v), -int64(v))
	}
	is = append(is, math.MinInt64, math.MaxInt64)
	for range 1000 {
		us = append(us, r.Uint64()>>r.IntN(64))
		is = append(is, r.Int64()>>r.IntN(64)*int64(1-2*r.IntN(2)))
	}
	var b []byte
	for i := range us {
		b = binary.AppendUvarint(b, us[i])
		b = binary.AppendVarint(b, is[i])
	}
	rd := NewReader(string(b))
	for i := range us {
		if u, v := rd.Uint(), rd.Int(); u != us[i] || v != is[i] {
			t.Fatalf("value %d: read %d, %d; want %d, %d", i, u, v, us[i], is[i])
		}
	}
	if err := rd.Done(); err != nil {
		t.Fatal(err)
	}
	// A cut in the middle of a varint is an error at that read.
	last := binary.AppendUvarint(nil, math.MaxUint64)
	for n := range len(last) {
		rd := NewReader(string(last[:n]))
		if v := rd.Uint(); v != 0 || rd.Err() == nil {
			t.Errorf("cut after %d bytes: read %d, err %v", n, v, rd.Err())
		}
	}
	// An eleventh byte, or a tenth over 1, overflows.
	for _, bad := range []string{"\xff\xff\xff\xff\xff\xff\xff\xff\xff\x02", "\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01"} {
		if rd := NewReader(bad); rd.Uint() != 0 || rd.Err() == nil {
			t.Errorf("%q read without error", bad)
		}
	}
}

// TestLenAndString checks that a length longer than what is left is an
// error and zero, that reads after an error give zero, and that Done
// reports bytes left.
func TestLenAndString(t *testing.T) {
	rd := NewReader("\x03abcd")
	if n := rd.Len(); n != 3 {
		t.Fatalf("Len = %d", n)
	}
	if s := rd.String(3); s != "abc" || rd.Rest() != "d" {
		t.Fatalf("String = %q, rest %q", s, rd.Rest())
	}
	if rd.Err() != nil || rd.Done() == nil {
		t.Fatalf("err %v, done %v: want a byte left", rd.Err(), rd.Done())
	}
	rd = NewReader("\x05ab")
	if n := rd.Len(); n != 0 || rd.Err() == nil {
		t.Fatalf("a length past the end: %d, %v", n, rd.Err())
	}
	if rd.Uint() != 0 || rd.String(1) != "" || rd.Done() == nil {
		t.Fatal("reads after an error gave something")
	}
	if rd := NewReader("ab"); rd.String(3) != "" || rd.Err() == nil {
		t.Fatal("String past the end read")
	}
	if rd := NewReader("ab"); rd.String(-1) != "" || rd.Err() == nil {
		t.Fatal("String of a negative length read")
	}
}
