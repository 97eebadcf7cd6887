package workbook

import (
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
)

func TestParallelDeflate_ReadsBackAsWrittenAtAnySize(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var text bytes.Buffer
	for text.Len() < 3*deflateBlock+12345 {
		fmt.Fprintf(&text, `<row r="%d"><c r="A%d" t="n"><v>%d</v></c></row>`, text.Len(), rng.IntN(100000), rng.Uint64())
	}
	compressors := make(chan *flate.Writer, 2)
	for _, size := range []int{0, 1, deflateBlock - 1, deflateBlock, deflateBlock + 1, text.Len()} {
		in := text.Bytes()[:size]
		var packed bytes.Buffer
		d := newParallelDeflate(&packed, compressors)
		// written in uneven pieces, as a zip writer does
		for rest := in; len(rest) > 0; {
			k := min(len(rest), 1+rng.IntN(70000))
			if _, err := d.Write(rest[:k]); err != nil {
				t.Fatal(err)
			}
			rest = rest[k:]
		}
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		out, err := io.ReadAll(flate.NewReader(&packed))
		if err != nil || !bytes.Equal(out, in) {
			t.Fatalf("%d bytes read back as %d: %v", size, len(out), err)
		}
		if size > deflateBlock && packed.Len() > size/3 {
			t.Errorf("%d bytes packed into %d", size, packed.Len())
		}
	}
}
