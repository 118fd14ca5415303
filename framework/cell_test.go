package framework

import "testing"

// TestCellWrite checks that a cell is written as read while the model
// holds its texts, with a changed text in its place, and not at all when
// the model holds more or fewer texts than the cell had.
func TestCellWrite(t *testing.T) {
	raw := "Intro. \n\nAt this role level, you will: \n-  plan\u200b\n- lead "
	c := &Cell{Column: "Role Level Description", Raw: raw, Parts: []CellPart{
		{PartParagraph, 0, 6}, {PartBullet, 43, 47}, {PartBullet, 53, 57},
	}}
	for _, tc := range []struct {
		name string
		v    cellValues
		want string
		ok   bool
	}{
		{"as read", cellValues{paragraphs: ts("Intro."), bullets: ts("plan", "lead")}, raw, true},
		{"one text changed", cellValues{paragraphs: ts("Intro."), bullets: ts("plan", "steer")},
			"Intro. \n\nAt this role level, you will: \n-  plan\u200b\n- steer ", true},
		{"a bullet more", cellValues{paragraphs: ts("Intro."), bullets: ts("plan", "lead", "run")}, "", false},
		{"no paragraph", cellValues{bullets: ts("plan", "lead")}, "", false},
		{"a text the cell lacks", cellValues{text: "x", paragraphs: ts("Intro."), bullets: ts("plan", "lead")}, "", false},
	} {
		got, ok := c.write(tc.v)
		if got != tc.want || ok != tc.ok {
			t.Errorf("%s: write = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	// One text with space before it, running to the cell's end: kept
	// with its space, and a changed text takes its place.
	name := &Cell{Column: "Role", Raw: "  Data analyst", Parts: []CellPart{{PartText, 2, 14}}}
	for _, tc := range []struct{ text, want string }{
		{"Data analyst", "  Data analyst"},
		{"Data scientist", "  Data scientist"},
	} {
		if got, ok := name.write(cellValues{text: tc.text}); got != tc.want || !ok {
			t.Errorf("one text %q: write = %q, %v; want %q, true", tc.text, got, ok, tc.want)
		}
	}
	// A text of several lines is written as read while the model holds
	// it unchanged, and not at all once it changed.
	lines := &Cell{Column: "Skill Description", Raw: "Plans work\nwell ", Parts: []CellPart{{PartText, 0, 10}, {PartText, 11, 15}}}
	if got, ok := lines.write(cellValues{text: "Plans work\nwell"}); got != lines.Raw || !ok {
		t.Errorf("several lines as read: write = %q, %v; want %q, true", got, ok, lines.Raw)
	}
	if got, ok := lines.write(cellValues{text: "Plans work\nbadly"}); ok {
		t.Errorf("several lines changed: write = %q, true; want false", got)
	}
	bad := &Cell{Raw: "ab", Parts: []CellPart{{PartText, 1, 3}}}
	if _, ok := bad.write(cellValues{text: "b"}); ok {
		t.Errorf("a part out of bounds was written")
	}
}

// ts returns texts with the given values.
func ts(vs ...string) []Text {
	out := make([]Text, len(vs))
	for i, v := range vs {
		out[i] = Text{Value: v}
	}
	return out
}

// TestExportCSVOrder checks that rows come in the bytes' order of the
// cells as written, so "IT" sorts before "Incident" as in the download,
// and that a repeated row is written as often as its source had it.
func TestExportCSVOrder(t *testing.T) {
	req := func(skill string, repeats int) *Requirement {
		return &Requirement{Skill: Text{Value: skill}, LevelText: Text{Value: "Working"}, Repeats: repeats}
	}
	fw := &Framework{Roles: []*Role{
		{Name: Text{Value: "Incident manager"}, Family: Text{Value: "IT operations"},
			Levels: []*RoleLevel{{Name: Text{Value: "Incident manager"}, Skills: []*Requirement{req("b", 0), req("a", 1)}}}},
		{Name: Text{Value: "IT service manager"}, Family: Text{Value: "IT operations"},
			Levels: []*RoleLevel{{Name: Text{Value: "IT service manager"}, Skills: []*Requirement{req("c", 0)}}}},
	}}
	rows, _, err := ExportCSVChanges(fw, CSVOptions{Table: CSVRoles})
	if err != nil {
		t.Fatal(err)
	}
	want := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n" +
		"IT operations,IT service manager,,IT service manager,,c,,Working,,\n" +
		"IT operations,Incident manager,,Incident manager,,a,,Working,,\n" +
		"IT operations,Incident manager,,Incident manager,,a,,Working,,\n" +
		"IT operations,Incident manager,,Incident manager,,b,,Working,,\n"
	if string(rows) != want {
		t.Errorf("ExportCSV:\n%s\nwant\n%s", rows, want)
	}
}

// TestExportCSVNeutralises checks that a cell a spreadsheet would run as
// a formula gets its apostrophe in every row, and only with Raw unset,
// and that the change is reported.
func TestExportCSVNeutralises(t *testing.T) {
	fw := &Framework{Roles: []*Role{{Name: Text{Value: "=HYPERLINK(1)"}, Family: Text{Value: "IT operations"},
		Levels: []*RoleLevel{{Name: Text{Value: "Engineer"}, Skills: []*Requirement{{Skill: Text{Value: "+plan"}, LevelText: Text{Value: "Working"}}}}}}}}
	header := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n"
	rows, changes, err := ExportCSVChanges(fw, CSVOptions{Table: CSVRoles})
	if err != nil {
		t.Fatal(err)
	}
	if want := header + "IT operations,'=HYPERLINK(1),,Engineer,,'+plan,,Working,,\n"; string(rows) != want {
		t.Errorf("ExportCSV:\n%s\nwant\n%s", rows, want)
	}
	if len(changes) != 2 || changes[0].Row != 2 || changes[0].Column != "Role" || changes[0].Now != "'=HYPERLINK(1)" {
		t.Errorf("changes %+v: want the two cells of row 2", changes)
	}
	raw, _, err := ExportCSVChanges(fw, CSVOptions{Table: CSVRoles, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := header + "IT operations,=HYPERLINK(1),,Engineer,,+plan,,Working,,\n"; string(raw) != want {
		t.Errorf("ExportCSV with Raw:\n%s\nwant\n%s", raw, want)
	}
}

// TestExportCSVLevelText checks the Skill Level cell: the level's text as
// read, else the level's title for a requirement built without one.
func TestExportCSVLevelText(t *testing.T) {
	fw := &Framework{Roles: []*Role{{Name: Text{Value: "Analyst"}, Family: Text{Value: "Data"},
		Levels: []*RoleLevel{{Name: Text{Value: "Analyst"}, Skills: []*Requirement{
			{Skill: Text{Value: "a"}, Level: Working, LevelText: Text{Value: "working"}},
			{Skill: Text{Value: "b"}, Level: Expert},
		}}}}}}
	rows, _, err := ExportCSVChanges(fw, CSVOptions{Table: CSVRoles})
	if err != nil {
		t.Fatal(err)
	}
	want := "Role Family,Role,Role Description,Role Level,Role Level Description,Skill Name,Skill Description,Skill Level,Skill Level Description,Role Type\n" +
		"Data,Analyst,,Analyst,,a,,working,,\n" +
		"Data,Analyst,,Analyst,,b,,Expert,,\n"
	if string(rows) != want {
		t.Errorf("ExportCSV:\n%s\nwant\n%s", rows, want)
	}
}
