package export

import (
	"bytes"
	"encoding/xml"
	"io"
	"testing"
)

func TestXMLTextWriter(t *testing.T) {
	in := "<svg><title>a\uFFFEb\uFFFFc\x01d\xffe é 中 \U0001F600\tf</title></svg>"
	want := "<svg><title>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe é 中 \U0001F600\tf</title></svg>"
	var out bytes.Buffer
	xw := NewXMLTextWriter(&out)
	// One byte at a time cuts every multi-byte character.
	if _, err := (byteWriter{xw}).Write([]byte(in)); err != nil {
		t.Fatal(err)
	}
	if err := xw.Close(); err != nil {
		t.Fatal(err)
	}
	if out.String() != want {
		t.Errorf("got %q, want %q", out.String(), want)
	}
	d := xml.NewDecoder(&out)
	for {
		_, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not XML: %v", err)
		}
	}
	// A character cut off at the end becomes U+FFFD.
	out.Reset()
	xw = NewXMLTextWriter(&out)
	xw.Write([]byte("x\xe4\xb8"))
	xw.Close()
	if out.String() != "x\uFFFD" {
		t.Errorf("cut character: %q", out.String())
	}
}
