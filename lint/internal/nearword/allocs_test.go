package nearword_test

import (
	"testing"

	"github.com/ddat-tools/ddat/lint/internal/nearword"
)

// TestBytesAllocs checks that measuring words on bytes allocates
// nothing once the buffer has grown, called from another package.
func TestBytesAllocs(t *testing.T) {
	var b nearword.Buf
	b.Bytes("portfolio", "portolio", 1)
	if n := testing.AllocsPerRun(100, func() { b.Bytes("managers", "mangers", 1) }); n != 0 {
		t.Errorf("Bytes allocates %.0f objects a call, want 0", n)
	}
}
