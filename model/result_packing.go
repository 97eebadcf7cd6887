package model

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"io"
	"strings"
)

// A snapshot keeps its result as JSON, gzipped and in base64 behind the
// prefix "gz:": the results of an event of 100,000 entrants are about 30 MB
// of JSON, over MySQL's and MariaDB's default max_allowed_packet, and a
// tenth of that packed. A snapshot stored as plain JSON reads as it is.
const packedResult = "gz:"

// PackResult is the stored form of a result's JSON.
func PackResult(raw []byte) (string, error) {
	var out strings.Builder
	out.WriteString(packedResult)
	enc := base64.NewEncoder(base64.StdEncoding, &out)
	zw, err := gzip.NewWriterLevel(enc, gzip.BestSpeed)
	if err != nil {
		return "", err
	}
	if _, err := zw.Write(raw); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	return out.String(), nil
}

// UnpackResult is the JSON of a stored result, packed or plain.
func UnpackResult(stored string) ([]byte, error) {
	r, err := OpenResult(stored)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	_, err = out.ReadFrom(r)
	return out.Bytes(), err
}

// OpenResult reads the JSON of a stored result, packed or plain, unpacking
// it as it is read, so that a reader that parses as it goes never holds the
// whole JSON. The gzip checksum is checked once the reader is read to its
// end.
func OpenResult(stored string) (io.Reader, error) {
	packed, ok := strings.CutPrefix(stored, packedResult)
	if !ok {
		return strings.NewReader(stored), nil
	}
	return gzip.NewReader(base64.NewDecoder(base64.StdEncoding, strings.NewReader(packed)))
}
