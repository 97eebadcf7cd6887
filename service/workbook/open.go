package workbook

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	zipMagic = []byte("PK\x03\x04")
	// oleMagic starts a compound file: an Excel 97–2003 workbook, or an
	// .xlsx encrypted with a password, whose package hides inside one.
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	utf8BOM  = []byte{0xEF, 0xBB, 0xBF}
)

// Book is an opened file: a workbook, or a CSV text read as one sheet.
type Book struct {
	Format Format
	xl     *excelize.File
	// text is a CSV file decoded to UTF-8.
	text string
	lim  Limits
}

// Open finds out what content is by its bytes, never by its name, and opens
// it within lim: an .xlsx workbook, or a CSV text in UTF-8 (with or without
// a byte order mark) or in GB18030, as Chinese Excel and WPS save it.
func Open(content []byte, lim Limits) (*Book, error) {
	switch {
	case bytes.HasPrefix(content, zipMagic):
		return openXLSX(content, lim)
	case bytes.HasPrefix(content, oleMagic):
		return nil, compoundProblem(content)
	}
	text, ok := decodeText(content)
	if !ok {
		return nil, fail(NotSpreadsheet, nil)
	}
	return &Book{Format: CSV, text: text, lim: lim}, nil
}

func openXLSX(content []byte, lim Limits) (*Book, error) {
	// A zip without a workbook in it is some other document (a .docx, an archive).
	z, err := zip.NewReader(bytes.NewReader(content), int64(len(content)))
	if err != nil {
		return nil, fail(Corrupt, err)
	}
	if !slices.ContainsFunc(z.File, func(f *zip.File) bool { return strings.EqualFold(f.Name, "xl/workbook.xml") }) {
		return nil, fail(NotSpreadsheet, nil)
	}
	xl, err := excelize.OpenReader(bytes.NewReader(content), excelize.Options{
		UnzipSizeLimit: lim.UnzipSize, UnzipXMLSizeLimit: lim.UnzipXML,
		// Dates read the same whatever the regional format of the writer.
		ShortDatePattern: "yyyy-mm-dd", LongDatePattern: "yyyy-mm-dd", LongTimePattern: "hh:mm:ss",
	})
	switch {
	case err == nil:
	case strings.Contains(err.Error(), "unzip size exceeds"):
		// excelize has no error value for it; its text is the one way to tell.
		return nil, &Error{Problem: TooBig, Limit: lim.UnzipSize, Err: err}
	default:
		if xl != nil {
			_ = xl.Close()
		}
		return nil, fail(Corrupt, err)
	}
	b := &Book{Format: XLSX, xl: xl, lim: lim}
	if len(b.Sheets()) == 0 {
		_ = xl.Close()
		return nil, fail(NoSheet, nil)
	}
	return b, nil
}

// compoundProblem tells an encrypted .xlsx from an Excel 97–2003 workbook by
// the streams of their compound file.
func compoundProblem(content []byte) *Error {
	doc, err := mscfb.New(bytes.NewReader(content))
	if err != nil {
		return fail(Corrupt, err)
	}
	for entry, err := doc.Next(); err == nil; entry, err = doc.Next() {
		switch entry.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return fail(Encrypted, nil)
		case "Workbook", "Book":
			return fail(LegacyXLS, nil)
		}
	}
	return fail(NotSpreadsheet, nil)
}

// decodeText reads content as text, UTF-8 if it is valid UTF-8 and GB18030
// otherwise; bytes no text has (a NUL, other control characters) make it no text.
func decodeText(content []byte) (string, bool) {
	content = bytes.TrimPrefix(content, utf8BOM)
	if len(bytes.TrimSpace(content)) == 0 {
		return "", false
	}
	text := string(content)
	if !utf8.Valid(content) {
		decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(content)
		if err != nil {
			return "", false
		}
		text = string(decoded)
	}
	for _, r := range text {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == utf8.RuneError {
			return "", false
		}
	}
	return text, true
}

// Sheets lists the visible worksheets in their order; a CSV text is one
// sheet without a name.
func (b *Book) Sheets() []string {
	if b.Format == CSV {
		return []string{""}
	}
	var out []string
	for _, name := range b.xl.GetSheetList() {
		if visible, err := b.xl.GetSheetVisible(name); err == nil && visible {
			out = append(out, name)
		}
	}
	return out
}

// Constant is the text a workbook carries under a name (see
// Template.Constants), false when it carries none.
func (b *Book) Constant(name string) (string, bool) {
	if b.xl == nil {
		return "", false
	}
	for _, d := range b.xl.GetDefinedName() {
		v := d.RefersTo
		if d.Name == name && d.Scope == "Workbook" && len(v) >= 2 && strings.HasPrefix(v, `"`) && strings.HasSuffix(v, `"`) {
			return strings.ReplaceAll(v[1:len(v)-1], `""`, `"`), true
		}
	}
	return "", false
}

// Close removes what reading left in the temporary directory.
func (b *Book) Close() error {
	if b.xl == nil {
		return nil
	}
	return b.xl.Close()
}
