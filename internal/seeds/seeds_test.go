package seeds

import "testing"

func TestWordForWordAcrossAPageBreak(t *testing.T) {
	src := Text("Does it fall,\n\n15 footnote\n\nSidebar text.\n\nor slowly, as you go higher?")
	if !WordForWord(src, "Does it fall, or slowly, as you go higher?") {
		t.Error("a sentence broken by a sidebar should match")
	}
	if WordForWord(src, "Does it fall, or quickly, as you go higher?") {
		t.Error("a changed word should not match")
	}
	if WordForWord(Text("A [linked](#)¹ **bold** word."), "A linked bold word!") {
		t.Error("changed punctuation should not match")
	}
	if !WordForWord(Text("A [linked](#)¹ **bold**\nword."), "A linked bold word.") {
		t.Error("links, footnote numbers, bold and line breaks are not part of the wording")
	}
	if WordForWord(Text("‘tell their story’"), "'tell their story'") {
		t.Error("curly quotes are part of the wording")
	}
}

func TestReadFindsTheSeedsAboveTheRepository(t *testing.T) {
	if doc := Read(t, "building-blocks-employers-guide.txt"); len(doc) < 1000 {
		t.Errorf("the guide is %d bytes", len(doc))
	}
}
