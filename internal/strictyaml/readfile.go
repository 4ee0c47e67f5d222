package strictyaml

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// ReadFile reads a file to be parsed, refusing anything that is not a
// regular file and reading at most MaxFileSize bytes. os.ReadFile would wait
// forever on a named pipe and read /dev/zero until memory runs out, and the
// path may come from inside another file (a plan's checklist.file), so its
// author, not the user, chooses it. A file over the cap gives the same
// *FileError that Parse gives for too much data.
func ReadFile(path string) ([]byte, error) {
	// Stat before opening: opening a named pipe blocks until a writer comes.
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", path)
	}
	if info.Size() > MaxFileSize {
		return nil, tooBig(path, info.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Sized from the Stat, as os.ReadFile does, so a large plan is read
	// into one buffer rather than a series of doubling ones.
	buf := bytes.NewBuffer(make([]byte, 0, info.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if len(data) > MaxFileSize {
		// It grew after the Stat.
		return nil, tooBig(path, int64(len(data)))
	}
	return data, nil
}

func tooBig(path string, size int64) *FileError {
	return &FileError{Path: path, Problems: Problems{{1, 1, fmt.Sprintf("file is %d bytes, over the %d byte limit", size, MaxFileSize)}}}
}
