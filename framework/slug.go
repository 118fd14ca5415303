package framework

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Slug returns the URL slug the framework site derives from a name:
// lower case, letters and digits kept, every other run of characters
// made one hyphen ("Agile working (content design)" gives
// "agile-working-content-design").
//
// An ASCII name, most of them, is read byte by byte, without its key;
// any other is read from its key (TestSlugAsPlain holds the two to the
// plain version).
func Slug(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	dash := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= utf8.RuneSelf:
			return unicodeSlug(name)
		case c == '\'' || c == '`': // Key makes '`' an apostrophe
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			dash = true
			continue
		}
		if dash && b.Len() > 0 {
			b.WriteByte('-')
		}
		dash = false
		b.WriteByte(c)
	}
	return b.String()
}

// unicodeSlug is Slug of any name.
func unicodeSlug(name string) string {
	k := Key(name)
	var b strings.Builder
	b.Grow(len(k))
	dash := false
	for _, r := range k {
		if r == '\'' {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
