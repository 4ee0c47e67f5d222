package plans

// InUse are the plan files among paths that still chase their own open
// actions, in paths' order: all but those that handed them on to a next
// review (HandedOn), as ladder status counts them. A plans folder kept
// flat holds, a year on, this year's review beside last year's that it
// carried on: this year's is the one in use. Each file's links are read,
// not the whole plan.
func InUse(paths []string) []string {
	l := NewLinks()
	var out []string
	for _, path := range paths {
		if _, next, ok := l.linksIn(path); ok {
			if after, err := l.nextReviewAfter(path, next); err == nil && after != "" {
				continue
			}
		}
		out = append(out, path)
	}
	return out
}
