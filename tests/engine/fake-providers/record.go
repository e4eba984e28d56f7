package main

// The TEST DOUBLE's record: one JSON object a line for every create, update and delete it
// performed (previews are not recorded), appended to the file named by $SFN_FAKE_PROVIDER_RECORD.
// Several provider processes (one per pulumi command, and one per package) append to the same
// file, so each line is written under an exclusive lock.

import (
	"bufio"
	"encoding/json"
	"os"
	"syscall"
	"time"
)

const recordEnv = "SFN_FAKE_PROVIDER_RECORD"

type entry struct {
	Time     string         `json:"time"`
	Op       string         `json:"op"` // create, update, delete
	Provider string         `json:"provider"`
	Version  string         `json:"version"`
	Type     string         `json:"type"`
	URN      string         `json:"urn"`
	ID       string         `json:"id"`
	Name     string         `json:"name,omitempty"`
	Changed  []string       `json:"changed,omitempty"` // update: the inputs that changed
	Inputs   map[string]any `json:"inputs,omitempty"`
	Outputs  map[string]any `json:"outputs,omitempty"`
}

type recorder struct{ path string }

func newRecorder(path string) *recorder { return &recorder{path: path} }

func (r *recorder) write(e entry) error {
	if r.path == "" {
		return nil
	}
	e.Time = time.Now().UTC().Format(time.RFC3339Nano)
	line, err := json.Marshal(e)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(r.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(f.Fd()), syscall.LOCK_UN) //nolint:errcheck
	_, err = f.Write(append(line, '\n'))
	return err
}

// count returns how many recorded entries match (0 without a record).
func (r *recorder) count(match func(entry) bool) int {
	if r.path == "" {
		return 0
	}
	f, err := os.Open(r.path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 1024*1024), 64*1024*1024)
	for scanner.Scan() {
		var e entry
		if json.Unmarshal(scanner.Bytes(), &e) == nil && match(e) {
			n++
		}
	}
	return n
}
