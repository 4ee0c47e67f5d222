package tui_test

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestTheTestLadderRunsWhatMainRuns guards the end-to-end tests' ladder:
// this test binary, run as ladder, runs cli.Run and nothing else (see
// TestMain), as main.go's main does. Were main.go to do more before or
// around cli.Run (catch a signal, read the environment, import a package
// for its side effects, such as time/tzdata), the end-to-end tests would
// no longer run the program people run, and nothing else would say so.
func TestTheTestLadderRunsWhatMainRuns(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("..", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var mains []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name.Name != "main" {
			continue
		}
		var imports []string
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if imp.Name != nil {
				path = imp.Name.Name + " " + path
			}
			imports = append(imports, path)
		}
		if want := []string{"github.com/socialmobility/ladder/cli", "os"}; !slices.Equal(slices.Sorted(slices.Values(imports)), want) {
			t.Errorf("%s imports %q, not only %q: TestMain runs cli.Run without them", filepath.Base(name), imports, want)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok != token.IMPORT {
					t.Errorf("%s declares %s at %v: TestMain runs cli.Run without it", filepath.Base(name), d.Tok, fset.Position(d.Pos()))
				}
			case *ast.FuncDecl:
				var body strings.Builder
				if err := printer.Fprint(&body, fset, d.Body.List); err != nil {
					t.Fatal(err)
				}
				if d.Name.Name != "main" || d.Recv != nil {
					t.Errorf("%s declares func %s: TestMain runs cli.Run without it", filepath.Base(name), d.Name.Name)
				} else {
					mains = append(mains, body.String())
				}
			}
		}
	}
	if want := []string{"os.Exit(cli.Run())"}; !slices.Equal(mains, want) {
		t.Errorf("main's body is %q, not %q: TestMain runs that as ladder", mains, want)
	}
}
