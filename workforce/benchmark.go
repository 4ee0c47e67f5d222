package workforce

import (
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/socialmobility/ladder/internal/safetext"
	"github.com/socialmobility/ladder/internal/strictyaml"
	"github.com/socialmobility/ladder/plans"
	"go.yaml.in/yaml/v3"
)

// BenchmarkSuffix ends the name of a benchmark file.
const BenchmarkSuffix = plans.BenchmarkFileSuffix

// Benchmark is a comparison workforce's shares of the three reported
// groups, from a source the user names. ladder ships no figures of its
// own: the guide prints the national ones, and the Commission's website
// has sector-specific ones (BenchmarkTemplate says where).
type Benchmark struct {
	Source string
	// Shares are per cent, for the three reported groups.
	Shares [3]float64
}

// Share is the benchmark's share of a reported group, in per cent.
func (b *Benchmark) Share(g Group) float64 { return b.Shares[g] }

// BenchmarkTemplate is a benchmark file to fill in, with where to find the
// figures.
func BenchmarkTemplate() []byte {
	return []byte(`# A benchmark for ladder: the share of each socio-economic background group
# in a workforce to compare yours with, by the key question
# ("` + KeyQuestion + `").
#
# ladder ships no figures of its own. Where to find them:
#   - the national benchmarks for the UK workforce are figure 1 of the Social
#     Mobility Commission's guide "The Building Blocks: An employer's guide to
#     improving social mobility in the workplace";
#   - for sector-specific benchmarks, see the Commission's website,
#     https://socialmobilityworks.org/ (Toolkit, Measurement).
# Add up the answers of each group as the guide groups them: professional
# (modern and traditional professional occupations; senior, middle or junior
# managers or administrators), intermediate (clerical and intermediate
# occupations; small business owners) and working class (technical and craft
# occupations; long-term unemployed; routine, semi-routine manual and service
# occupations). Leave out "Other" and "I prefer not to say", so the three
# shares add up to 100%.
#
# Save this file beside your data file with a name ending in ` + BenchmarkSuffix + `,
# and name it in the data file (benchmark: uk` + BenchmarkSuffix + `).

# Where the figures come from: the publication, the year, the workforce.
source:
working_class:
intermediate:
professional:
`)
}

// LoadBenchmark reads a benchmark file strictly: a named source, and the
// three shares adding up to 100% (give or take rounding).
func LoadBenchmark(path string) (*Benchmark, error) {
	// A symbolic link could point anywhere; a benchmark is a file of the
	// user's own, beside the data.
	if info, err := os.Lstat(path); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("%s is a symbolic link: copy the benchmark file there instead", path)
	}
	data, err := strictyaml.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("benchmark file %s not found: write one with ladder data benchmark > %s, then fill it in", path, plans.CommandPath(path))
	}
	if err != nil {
		return nil, err
	}
	return ParseBenchmark(path, data)
}

// ParseBenchmark reads benchmark YAML; name is used in messages.
func ParseBenchmark(name string, data []byte) (*Benchmark, error) {
	root, ps := strictyaml.Parse(strictyaml.FromUTF16(data))
	if ps != nil {
		return nil, &strictyaml.FileError{Path: name, Problems: ps}
	}
	d := &strictyaml.Decoder{}
	b := &Benchmark{}
	var seen [3]bool
	fields := []strictyaml.Field{{Key: "source", Set: func(v *yaml.Node) { b.Source = strings.TrimSpace(d.String(v, "source")) }}}
	for _, g := range Reported {
		fields = append(fields, strictyaml.Field{Key: g.Key(), Set: func(v *yaml.Node) {
			seen[g] = true
			b.Shares[g] = share(d, v, g.Key())
		}})
	}
	d.Fields(root, "the benchmark", fields)
	if root.Kind == yaml.MappingNode {
		if b.Source == "" {
			d.Errorf(root, "the benchmark does not name its source (source: the publication, its year and the workforce it describes)")
		}
		for _, g := range Reported {
			if !seen[g] {
				d.Errorf(root, "the benchmark has no %s share", g.Key())
			}
		}
		if total := b.Shares[0] + b.Shares[1] + b.Shares[2]; len(d.Problems) == 0 && math.Abs(total-100) > 1.5 {
			d.Errorf(root, "the three shares add up to %s%%, not 100%%: give the shares of the three groups only, leaving out \"Other\" and \"I prefer not to say\"", strconv.FormatFloat(total, 'f', -1, 64))
		}
	}
	if err := d.Err(name); err != nil {
		return nil, err
	}
	return b, nil
}

func share(d *strictyaml.Decoder, v *yaml.Node, key string) float64 {
	if v.Kind != yaml.ScalarNode || strictyaml.IsNull(v) {
		d.Errorf(v, "%s should be a percentage such as 38%% or 38.5%%", key)
		return 0
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(v.Value, "%")), 64)
	if err != nil || f < 0 || f > 100 || math.IsNaN(f) {
		d.Errorf(v, "%s should be a percentage from 0%% to 100%%, found %s", key, safetext.Excerpt(v.Value, 20))
		return 0
	}
	return f
}

// BenchmarkRef is how a data file at dataPath names the benchmark file at
// benchPath (both as the user gave them): its path from the data file's
// folder, which must not leave that folder.
func BenchmarkRef(dataPath, benchPath string) (string, error) {
	rel, err := filepath.Rel(filepath.Dir(dataPath), benchPath)
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	if checkBenchmarkPath(rel) != "" {
		return "", fmt.Errorf("%s: a benchmark file must be in the data file's folder (%s) or below it, with a name ending in %s",
			benchPath, filepath.Dir(dataPath), BenchmarkSuffix)
	}
	return rel, nil
}

// BenchmarkPath is where a data file's benchmark is: its benchmark field,
// read from the data file's folder. "" when it names none.
func BenchmarkPath(dataPath string, d *Data) string {
	if d.Benchmark == "" {
		return ""
	}
	// A backslash is a separator wherever ladder runs: a person on Windows
	// writes benchmarks\uk.benchmark.yaml, which a Mac and CI must find too.
	return filepath.Join(filepath.Dir(dataPath), filepath.FromSlash(strings.ReplaceAll(d.Benchmark, `\`, "/")))
}

// Loaded is a data file and the benchmark it names (or another one), read
// together, as every view of the data wants them.
type Loaded struct {
	Path      string
	Data      *Data
	Benchmark *Benchmark // nil when none is named, or it did not load
	// BenchmarkPath is the benchmark file read, "" when none was named.
	BenchmarkPath string
	// BenchmarkErr says why the benchmark did not load.
	BenchmarkErr error
	// LastPath and Last are the data of the review this plan was carried
	// on from, for a report to show beside this year's; nil when there is
	// none, or it was not asked for.
	LastPath string
	Last     *Data
}

// Load reads a data file and its benchmark: the one given, or else the one
// the data file names. A data file that does not load is the error; a
// benchmark that does not load is kept in BenchmarkErr, so the data can
// still be shown.
func Load(path, benchmark string) (*Loaded, error) {
	d, err := LoadFile(path)
	if err != nil {
		return nil, err
	}
	l := &Loaded{Path: path, Data: d, BenchmarkPath: benchmark}
	if l.BenchmarkPath == "" {
		l.BenchmarkPath = BenchmarkPath(path, d)
	}
	if l.BenchmarkPath != "" {
		l.Benchmark, l.BenchmarkErr = LoadBenchmark(l.BenchmarkPath)
	}
	return l, nil
}
