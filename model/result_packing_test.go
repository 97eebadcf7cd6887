package model_test

import (
	"strings"
	"testing"

	"leitai/model"
)

func TestResultPacking_ATenthOfTheJSONAndPlainJSONReadsAsItIs(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"field":100000,"lines":[`)
	for i := range 100000 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"entrant":` + strings.Repeat("7", 1+i%6) + `,"status":"ranked","rank":12,"total":8650,"award":"third","titles":[],"notes":[]}`)
	}
	b.WriteString(`]}`)
	raw := b.String()
	packed, err := model.PackResult([]byte(raw))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(packed, "gz:") || len(packed) > len(raw)/10 {
		t.Errorf("packed %d bytes of JSON into %d", len(raw), len(packed))
	}
	for _, stored := range []string{packed, raw} {
		got, err := model.UnpackResult(stored)
		if err != nil || string(got) != raw {
			t.Fatalf("unpacked %.40q…: %v", got, err)
		}
	}
	if _, err := model.UnpackResult("gz:not base64!"); err == nil {
		t.Error("a damaged packed result reads without an error")
	}
}
