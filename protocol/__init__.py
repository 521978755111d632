"""The jury protocol (protokół z prac jury): per contest edition, an XLSX and a PDF for
signing, in Polish or English, read from the published warehouse."""
