package plans

// ActionCounts is how far a plan's actions have got: how many of them are
// done, of how many. The actions are the items' actions (an item with an
// action written) and the project plan's steps (a step with words), each
// counted once: a step that repeats an item's action is that action, as
// ladder status and check --overdue list it once (see ActionsToChase).
type ActionCounts struct {
	Done, Total int
}

// Open is the number of actions not done yet: what ladder status lists
// for the plan.
func (a ActionCounts) Open() int { return a.Total - a.Done }

// ActionCounts counts the plan's actions and how many are done.
func (p *Plan) ActionCounts() ActionCounts {
	var items, steps []actionKey[string]
	for _, e := range p.Checklist.Items() {
		if r := p.Items[e.Item.ID]; r != nil && r.Action != "" {
			items = append(items, actionKey[string]{r.Action, r.Owner, r.Due, r.Status == StatusDone})
		}
	}
	if id := p.ProjectPlanID(); id != "" && p.FollowUps[id] != nil {
		for _, s := range p.FollowUps[id].Steps {
			steps = append(steps, actionKey[string]{s.Text, s.Owner, s.Due, s.Status == StatusDone})
		}
	}
	return countActions(items, steps)
}

// actionKey is what counting an action needs of it: what makes a step a
// repeat of an item's action, and whether it is done. History reads these
// from a file's bytes without decoding the plan (see CountRatings), hence
// the choice of text type.
type actionKey[T string | []byte] struct {
	text, owner T
	due         Date
	done        bool
}

// countActions counts items' actions and project-plan steps, leaving out a
// step that repeats an item's action: the same text, owner and due date,
// and both done or both not. That is ActionsToChase's rule among the open
// actions, so Open() is what ladder status lists; a step ticked off while
// its item's action is still open is counted apart, as status still lists
// the item.
func countActions[T string | []byte](items, steps []actionKey[T]) ActionCounts {
	var n ActionCounts
	add := func(a actionKey[T]) {
		n.Total++
		if a.done {
			n.Done++
		}
	}
	for _, a := range items {
		if len(a.text) > 0 {
			add(a)
		}
	}
	for _, s := range steps {
		if len(s.text) > 0 && !repeatsItem(s, items) {
			add(s)
		}
	}
	return n
}

func repeatsItem[T string | []byte](s actionKey[T], items []actionKey[T]) bool {
	for _, a := range items {
		if len(a.text) > 0 && a.done == s.done && a.due == s.due &&
			string(a.text) == string(s.text) && string(a.owner) == string(s.owner) {
			return true
		}
	}
	return false
}
