package workbook

import (
	"bytes"
	"compress/flate"
	"io"
)

// deflateBlock is how much of a file parallelDeflate packs at a time.
const deflateBlock = 1 << 20

// parallelDeflate packs a file at deflate's fastest level a block at a
// time, as many blocks side by side as there are compressors to share, and
// writes them in order. Each block but the last ends with a sync flush and
// is packed apart from the one before, which makes the file a little
// larger: a workbook's worksheet of 100,000 rows is then packed in about
// half the time on two cores.
type parallelDeflate struct {
	out   io.Writer
	block []byte
	// compressors are the idle compressors of the workbook's files; their
	// capacity bounds the blocks packed at once.
	compressors chan *flate.Writer
	// packing are the blocks being packed, oldest first.
	packing []chan packedBlock
	// spareIn and spareOut are blocks and packed bytes written out, to be
	// used again.
	spareIn, spareOut [][]byte
}

type packedBlock struct {
	in, out []byte
	err     error
}

func newParallelDeflate(out io.Writer, compressors chan *flate.Writer) *parallelDeflate {
	return &parallelDeflate{out: out, compressors: compressors}
}

func (d *parallelDeflate) Write(p []byte) (int, error) {
	n := len(p)
	for len(p) > 0 {
		if d.block == nil {
			d.block = spare(&d.spareIn, deflateBlock)
		}
		k := min(len(p), deflateBlock-len(d.block))
		d.block, p = append(d.block, p[:k]...), p[k:]
		if len(d.block) == deflateBlock {
			if err := d.pack(false); err != nil {
				return 0, err
			}
		}
	}
	return n, nil
}

// Close packs the last block and writes out what is left.
func (d *parallelDeflate) Close() error {
	if err := d.pack(true); err != nil {
		return err
	}
	for len(d.packing) > 0 {
		if err := d.writeOldest(); err != nil {
			return err
		}
	}
	return nil
}

// pack starts packing the block filled so far, once fewer blocks are being
// packed than there are compressors.
func (d *parallelDeflate) pack(last bool) error {
	for len(d.packing) >= cap(d.compressors) {
		if err := d.writeOldest(); err != nil {
			return err
		}
	}
	b := packedBlock{in: d.block, out: spare(&d.spareOut, 0)}
	d.block = nil
	done := make(chan packedBlock, 1)
	d.packing = append(d.packing, done)
	go func() {
		var fw *flate.Writer
		select {
		case fw = <-d.compressors:
		default:
			fw, _ = flate.NewWriter(nil, flate.BestSpeed) // BestSpeed is a valid level
		}
		out := bytes.NewBuffer(b.out)
		fw.Reset(out)
		_, b.err = fw.Write(b.in)
		if b.err == nil && last {
			b.err = fw.Close()
		} else if b.err == nil {
			b.err = fw.Flush()
		}
		d.compressors <- fw // never more compressors than blocks packed at once
		b.out = out.Bytes()
		done <- b
	}()
	return nil
}

// writeOldest waits for the oldest block being packed and writes it out.
func (d *parallelDeflate) writeOldest() error {
	b := <-d.packing[0]
	d.packing = d.packing[1:]
	if b.err != nil {
		return b.err
	}
	_, err := d.out.Write(b.out)
	d.spareIn, d.spareOut = append(d.spareIn, b.in[:0]), append(d.spareOut, b.out[:0])
	return err
}

// spare takes a slice written out before from list, or makes one of
// capacity size.
func spare(list *[][]byte, size int) []byte {
	if n := len(*list); n > 0 {
		b := (*list)[n-1]
		*list = (*list)[:n-1]
		return b
	}
	return make([]byte, 0, size)
}
