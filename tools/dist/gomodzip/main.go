// Command gomodzip writes a Go module's zip exactly as the go command and module proxies make it
// (golang.org/x/mod/zip: path prefix, file filters, size limits), so `go mod download` can verify
// it against go.sum. Used by tools/dist/go.sh.
//
//	gomodzip MODULE_PATH VERSION SOURCE_DIR OUT.zip
package main

import (
	"fmt"
	"os"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: gomodzip MODULE_PATH VERSION SOURCE_DIR OUT.zip")
		os.Exit(2)
	}
	if err := write(module.Version{Path: os.Args[1], Version: os.Args[2]}, os.Args[3], os.Args[4]); err != nil {
		fmt.Fprintln(os.Stderr, "gomodzip:", err)
		os.Exit(1)
	}
}

func write(mod module.Version, dir, out string) error {
	if err := module.Check(mod.Path, mod.Version); err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	if err := zip.CreateFromDir(f, mod, dir); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
