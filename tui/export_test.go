package tui

// For the end-to-end tests (package tui_test), which read the screen of
// the real program: whether it shows text in block letters.
var BigShown = bigShown

// LoadPlan reads a plan file as it is now, or fails the test.
var LoadPlan = loadPlan
