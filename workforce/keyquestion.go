package workforce

// The key question, its answers and the groups they are reported in, word
// for word from the Social Mobility Commission's "The Building Blocks: An
// employer's guide to improving social mobility in the workplace" (section
// "Ask the key question and analyse your data"). A test compares them with
// the guide. Contains public sector information licensed under the Open
// Government Licence v3.0.

// Source credits the wording of this file.
const Source = "Social Mobility Commission, The Building Blocks: An employer's guide to improving social mobility in the workplace"

// Licence is the line shown wherever the guide's wording is shown.
const Licence = "Contains public sector information licensed under the Open Government Licence v3.0."

// KeyQuestion is the one question the guide asks employees and recruits.
const KeyQuestion = "What was the occupation of your main household earner when you were about aged 14?"

// Group is where an answer to the key question is counted: one of the
// three socio-economic background groups the guide reports, or one of the
// two answers it excludes or reports separately.
type Group int

const (
	WorkingClass Group = iota
	Intermediate
	Professional
	Other
	PreferNotToSay

	groupCount
)

// Reported lists the three groups the guide reports, in the order ladder
// shows them: working class first, as the group whose share the reading
// follows up the grades.
var Reported = []Group{WorkingClass, Intermediate, Professional}

// Groups lists every group, the three reported ones then the two excluded.
var Groups = []Group{WorkingClass, Intermediate, Professional, Other, PreferNotToSay}

// IsReported reports whether the group is one of the three the guide
// reports, rather than excluded or reported separately.
func (g Group) IsReported() bool { return g <= Professional }

// groupInfo is what the guide says about a group.
type groupInfo struct {
	key string // as written in data files: "working_class"
	// name is the guide's short name: "working class" (from "the three
	// socio-economic background groups (working class, intermediate and
	// professional)"); for the excluded answers, the answer itself.
	name string
	// heading is the guide's heading for the group, in sentence case (the
	// guide sets it in capitals).
	heading string
}

var groupInfos = [groupCount]groupInfo{
	WorkingClass:   {"working_class", "working class", "Low socio-economic or working class background"},
	Intermediate:   {"intermediate", "intermediate", "Intermediate backgrounds"},
	Professional:   {"professional", "professional", "High socio-economic or professional background"},
	Other:          {"other", "other", "Exclude or report separately"},
	PreferNotToSay: {"prefer_not_to_say", "prefer not to say", "Exclude or report separately"},
}

// Key is the group's key in data and benchmark files.
func (g Group) Key() string { return groupInfos[g].key }

// Name is the group's short name in lower case: "working class".
func (g Group) Name() string { return groupInfos[g].name }

// Heading is the guide's heading for the group.
func (g Group) Heading() string { return groupInfos[g].heading }

// GroupByKey finds a group by its data-file key.
func GroupByKey(key string) (Group, bool) {
	for _, g := range Groups {
		if g.Key() == key {
			return g, true
		}
	}
	return 0, false
}

// Category is one answer the guide offers to the key question.
type Category struct {
	// Key names the category in --place: "technical-craft".
	Key string
	// Answer is the answer as the guide words it: "Technical and craft
	// occupations".
	Answer string
	// Detail is the rest of the guide's line, word for word: "such as
	// motor mechanic, plumber, ...".
	Detail string
	Group  Group
	// Examples are the guide's example occupations (or answers, for
	// Other), one by one, as a free-text answer might give them. A few
	// are split or spelt out from the guide's wording ("waiter/waitress"
	// gives waiter and waitress); the test checks each is in the guide.
	Examples []string
}

// Categories lists the guide's answers in its order, grouped as it groups
// them: professional, intermediate, working class, then the two excluded.
var Categories = []Category{
	{
		Key: "modern-professional", Group: Professional,
		Answer: "Modern professional and traditional professional occupations",
		Detail: "such as teacher, nurse, physiotherapist, social worker, musician, police officer (sergeant or above), software designer, accountant, solicitor, medical practitioner, scientist, civil/mechanical engineer.",
		Examples: []string{"teacher", "nurse", "physiotherapist", "social worker", "musician", "police officer (sergeant or above)",
			"software designer", "accountant", "solicitor", "medical practitioner", "scientist", "civil engineer", "mechanical engineer"},
	},
	{
		Key: "senior-managers", Group: Professional,
		Answer: "Senior, middle or junior managers or administrators",
		Detail: "such as finance manager, chief executive, large business owner, office manager, retail manager, bank manager, restaurant manager, warehouse manager.",
		Examples: []string{"finance manager", "chief executive", "large business owner", "office manager", "retail manager",
			"bank manager", "restaurant manager", "warehouse manager"},
	},
	{
		Key: "clerical-intermediate", Group: Intermediate,
		Answer:   "Clerical and intermediate occupations",
		Detail:   "such as secretary, personal assistant, call centre agent, clerical worker, nursery nurse.",
		Examples: []string{"secretary", "personal assistant", "call centre agent", "clerical worker", "nursery nurse"},
	},
	{
		Key: "small-business-owners", Group: Intermediate,
		Answer: "Small business owners",
		Detail: "who employed fewer than 20 people such as corner shop owners, small plumbing companies, retail shop owner, single restaurant or cafe owner, taxi owner, garage owner.",
		Examples: []string{"corner shop owners", "small plumbing companies", "retail shop owner", "single restaurant or cafe owner",
			"taxi owner", "garage owner"},
	},
	{
		Key: "technical-craft", Group: WorkingClass,
		Answer:   "Technical and craft occupations",
		Detail:   "such as motor mechanic, plumber, printer, electrician, gardener, train driver.",
		Examples: []string{"motor mechanic", "plumber", "printer", "electrician", "gardener", "train driver"},
	},
	{
		Key: "long-term-unemployed", Group: WorkingClass,
		Answer: "Long-term unemployed",
		Detail: "(claimed Jobseeker's Allowance or earlier unemployment benefit for more than a year).",
	},
	{
		Key: "routine-manual-service", Group: WorkingClass,
		Answer: "Routine, semi-routine manual and service occupations",
		Detail: "such as postal worker, machine operative, security guard, caretaker, farm worker, catering assistant, sales assistant, HGV driver, cleaner, porter, packer, labourer, waiter/waitress, bar staff.",
		Examples: []string{"postal worker", "machine operative", "security guard", "caretaker", "farm worker", "catering assistant",
			"sales assistant", "HGV driver", "cleaner", "porter", "packer", "labourer", "waiter", "waitress", "bar staff"},
	},
	{
		Key: "other", Group: Other,
		Answer:   "Other",
		Detail:   "such as retired, this question does not apply to me, I don't know.",
		Examples: []string{"retired", "this question does not apply to me", "I don't know"},
	},
	{
		Key: "prefer-not-to-say", Group: PreferNotToSay,
		Answer: "I prefer not to say.",
	},
}

// CategoryByKey finds a category by its key.
func CategoryByKey(key string) (*Category, bool) {
	for i := range Categories {
		if Categories[i].Key == key {
			return &Categories[i], true
		}
	}
	return nil, false
}
