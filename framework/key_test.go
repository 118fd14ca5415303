package framework

import "testing"

// FuzzASCIIKey checks the ASCII fast path of Key against the general
// one: for every ASCII string they must give the same key.
func FuzzASCIIKey(f *testing.F) {
	for _, s := range []string{
		"", " ", "  a", "a  ", "User-centred  design", "Agile\tworking\r\n(content design)",
		"`quoted`", "KPIs", "a\vb\fc", "Skill: Z ", "\n\n", "ALL CAPS", "already key",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fast, ok := asciiKey(s)
		if !ok {
			for i := 0; i < len(s); i++ {
				if s[i] < 0x80 {
					continue
				}
				return // not ASCII: the fast path rightly declines
			}
			t.Fatalf("asciiKey(%q) declined ASCII text", s)
		}
		if slow := unicodeKey(s); fast != slow {
			t.Errorf("asciiKey(%q) = %q, unicodeKey = %q", s, fast, slow)
		}
	})
}

func TestIndexFold(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   int
	}{
		{"Product role: X", "role:", 8},
		{"ROLE: X", "role:", 0},
		{"\xdf\xdf\xdfrole:", "role:", 3}, // a fuzz crasher: ToLower made the text longer
		{"İİ role levels", "role levels", 5},
		{"no", "role:", -1},
		{"", "", 0},
	} {
		if got := IndexFold(tc.s, tc.sub); got != tc.want {
			t.Errorf("IndexFold(%q, %q) = %d, want %d", tc.s, tc.sub, got, tc.want)
		}
	}
}
