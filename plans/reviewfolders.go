package plans

import (
	"os"
	"path/filepath"

	"github.com/socialmobility/ladder/internal/strictyaml"
)

// ReviewFolders are the folders whose plans count as an organisation's
// earlier reviews for a new plan in dir: dir, and when dir is named after
// a year ("plans/2027"), the other years' folders beside it ("plans/2026"),
// as a team that keeps a folder per year begins next year's review in a
// folder of its own. ladder new's note, the set-up form and the
// accessible prompts all read these, so that each finds the same last
// review.
func ReviewFolders(dir string) []string {
	return append([]string{dir}, OtherYearFolders(dir)...)
}

// OrganisationPlans are org's plans that load in ReviewFolders(dir), in
// that order and by name within a folder, leaving out the file except (the new
// plan itself, when it is there already). Only a plan naming the
// organisation is parsed in full, so that a folder of thousands costs a
// read and a short parse each; plans that do not load are ladder check's
// business. One Links, told of each plan parsed, reads a chain of reviews
// once, as Discover's does.
func OrganisationPlans(dir, org, except string) []Found {
	var out []Found
	links := NewLinks()
	for _, d := range ReviewFolders(dir) {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			path := filepath.Join(d, e.Name())
			if !e.Type().IsRegular() || !IsReviewPlanFile(e.Name()) || (except != "" && path == filepath.Clean(except)) {
				continue
			}
			data, err := strictyaml.ReadFile(path)
			if err != nil {
				continue
			}
			if named, ok := OrganisationIn(data); !ok || !SameOrganisation(named, org) {
				continue
			}
			p, err := Parse(path, data, nil)
			if err != nil || !SameOrganisation(p.Organisation, org) {
				continue
			}
			f := Found{Path: path, Plan: p}
			if info, err := e.Info(); err == nil {
				f.ModTime = info.ModTime()
			}
			out = append(out, f)
			links.Loaded(path, p)
		}
	}
	for i, f := range out {
		out[i].CarriedOnElsewhere = links.CarriedOnElsewhere(f.Path, f.Plan)
	}
	return out
}
