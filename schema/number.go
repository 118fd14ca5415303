package schema

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// MaxDigits is the most digits a number may have for [Validate] to
// check it, and MaxExponent the largest exponent, positive or negative,
// written after its "e". The schema library compares numbers exactly, as
// fractions: a number of a million digits costs it seconds, 1e999999
// costs 18 ms each time it is compared, and an exponent beyond a million
// makes it fail. A number outside these limits is a [Problem] of its own,
// reported instead of whatever the schema says about it; the module's
// documents hold only small integers.
const (
	MaxDigits   = 100
	MaxExponent = 400
)

// checkNumbers returns a problem for each number in v, a value decoded
// with json.Decoder.UseNumber, that has more than MaxDigits digits or an
// exponent beyond ±MaxExponent, and replaces each such number with 0 so
// that the schema library never sees it.
func checkNumbers(v *any) []Problem {
	var ps []Problem
	var walk func(v *any, ptr string)
	walk = func(v *any, ptr string) {
		switch x := (*v).(type) {
		case json.Number:
			if msg := numberProblem(string(x)); msg != "" {
				ps = append(ps, Problem{Pointer: ptr, Message: msg})
				*v = json.Number("0")
			}
		case []any:
			for i := range x {
				walk(&x[i], ptr+"/"+strconv.Itoa(i))
			}
		case map[string]any:
			for k, e := range x {
				walk(&e, ptr+"/"+escape(k))
				x[k] = e
			}
		}
	}
	walk(v, "")
	return ps
}

// numberProblem says why the schema library cannot check the JSON number
// s, or returns "" if it can. s is a valid JSON number.
func numberProblem(s string) string {
	mant, exp, _ := strings.Cut(strings.ToLower(s), "e")
	digits := 0
	for i := 0; i < len(mant); i++ {
		if '0' <= mant[i] && mant[i] <= '9' {
			digits++
		}
	}
	if digits > MaxDigits {
		return fmt.Sprintf("number not checked: it has %d digits, more than %d", digits, MaxDigits)
	}
	// The exponent, saturated just above the limit.
	exp = strings.TrimLeft(exp, "+-")
	e := 0
	for i := 0; i < len(exp) && e <= MaxExponent; i++ {
		e = e*10 + int(exp[i]-'0')
	}
	if e > MaxExponent {
		return fmt.Sprintf("number not checked: its exponent is beyond ±%d", MaxExponent)
	}
	return ""
}

// escape makes a key a token of a JSON Pointer as the schema library
// writes them in [jsonschema.ValidationError.InstanceLocation], so that
// the pointers of the two can be compared.
func escape(token string) string {
	token = strings.ReplaceAll(token, "~", "~0")
	token = strings.ReplaceAll(token, "/", "~1")
	return url.PathEscape(token)
}
