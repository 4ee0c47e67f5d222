package plans

import (
	"bufio"
	"cmp"
	"container/heap"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// An Outstanding past its memory budget sorts the actions it holds and
// writes them to a temporary file as a run, with the plans they belong
// to; the next actions start a new run. When the list is written, the
// runs are merged back in order, each read through a small buffer: an
// external merge sort, as sort(1) does, so memory stays flat however many
// actions there are. A folder of 10,000 plans of the built-in checklist
// makes about four runs.
//
// A run holds its actions one record after another: owner group, due
// day, place among all the actions, then the plan (its place, its open
// actions by urgency, path, organisation, title), then owner, source,
// status and text; numbers as varints, texts as a length and bytes.
// Grouped by owner, a run is sorted by owner group, and where each group
// starts in it is kept, so that the groups can be merged one at a time in
// the order the caller chose for them, which is known only at the end.

// spillFile is the temporary file the runs are written to. It is removed
// from its folder as soon as it is made (where the system allows it), so
// a process that is killed leaves nothing behind.
type spillFile struct {
	f       *os.File
	name    string // still to remove at close, where it could not be removed at once
	w       *bufio.Writer
	size    int64
	runs    []spilledRun
	plans   []section // each run's plans, in order
	scratch []byte
}

type section struct{ off, n int64 }

type spilledRun struct {
	section
	groups []groupSection // grouped by owner: where each group is, by group
}

type groupSection struct {
	group int32
	section
}

var errClosed = errors.New("the list of open actions was closed")

func newSpillFile() (*spillFile, error) {
	f, err := os.CreateTemp("", "ladder-open-actions-*.tmp")
	if err != nil {
		return nil, fmt.Errorf("a temporary file for the list of open actions: %w", err)
	}
	s := &spillFile{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	if os.Remove(f.Name()) != nil {
		s.name = f.Name()
	}
	return s, nil
}

func (s *spillFile) close() error {
	err := s.f.Close()
	if s.name != "" {
		os.Remove(s.name)
	}
	return err
}

// write appends b to the file.
func (s *spillFile) write(b []byte) error {
	n, err := s.w.Write(b)
	s.size += int64(n)
	return err
}

// spillRun sorts the run and writes it out, with its plans, and empties
// it. Grouped by owner, the run is sorted by owner group first.
func (o *Outstanding) spillRun() error {
	if o.spill == nil {
		s, err := newSpillFile()
		if err != nil {
			return err
		}
		o.spill = s
	}
	s, r := o.spill, &o.run
	o.sortRun(func(group int32) int32 { return group })
	run := spilledRun{section: section{off: s.size}}
	for i := range r.rows {
		row := &r.rows[i]
		if o.grouping.OwnerKey != nil && (len(run.groups) == 0 || run.groups[len(run.groups)-1].group != row.group) {
			run.groups = append(run.groups, groupSection{group: row.group, section: section{off: s.size}})
		}
		s.scratch = o.appendRecord(s.scratch[:0], row)
		if err := s.write(s.scratch); err != nil {
			return err
		}
	}
	run.n = s.size - run.off
	for i := range run.groups {
		end := s.size
		if i+1 < len(run.groups) {
			end = run.groups[i+1].off
		}
		run.groups[i].n = end - run.groups[i].off
	}
	plans := section{off: s.size}
	for i := range r.plans {
		s.scratch = appendPlan(s.scratch[:0], &r.plans[i])
		if err := s.write(s.scratch); err != nil {
			return err
		}
	}
	plans.n = s.size - plans.off
	s.runs = append(s.runs, run)
	s.plans = append(s.plans, plans)
	r.reset()
	return nil
}

func (o *Outstanding) appendRecord(b []byte, row *openRow) []byte {
	r := &o.run
	b = binary.AppendUvarint(b, uint64(row.group))
	b = binary.AppendVarint(b, int64(row.due))
	b = binary.AppendUvarint(b, uint64(row.seq))
	b = appendPlan(b, &r.plans[row.plan])
	b = appendString(b, r.names[row.owner])
	b = appendString(b, r.names[row.what])
	b = appendString(b, r.names[row.status])
	return appendBytes(b, r.text[row.textAt:row.textAt+row.textLen])
}

func appendPlan(b []byte, p *planRow) []byte {
	b = binary.AppendUvarint(b, uint64(p.index))
	for _, n := range p.open {
		b = binary.AppendUvarint(b, uint64(n))
	}
	b = appendString(b, p.info.Path)
	b = appendString(b, p.info.Organisation)
	b = appendString(b, p.info.Title)
	b = appendString(b, p.info.CarriedOnTo)
	b = appendString(b, p.info.NextReviewProblem)
	b = appendString(b, p.info.ReviewedVersion)
	b = appendString(b, p.info.ChecklistVersion)
	for _, n := range []int{p.info.Date.Year, int(p.info.Date.Month), p.info.Date.Day} {
		b = binary.AppendUvarint(b, uint64(n))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

func appendBytes(b, s []byte) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// eachSpilled writes out what is still in memory, then merges the runs:
// all at once, or grouped by owner, one owner group at a time.
func (o *Outstanding) eachSpilled(fn func(*Listed) error) error {
	if len(o.run.rows) > 0 || len(o.run.plans) > 0 {
		if o.err = o.spillRun(); o.err != nil {
			return o.err
		}
	}
	if err := o.spill.w.Flush(); err != nil {
		o.err = err
		return err
	}
	if o.grouping.OwnerKey == nil {
		sections := make([]section, len(o.spill.runs))
		for i, run := range o.spill.runs {
			sections[i] = run.section
		}
		return o.merge(sections, fn)
	}
	for _, g := range o.ownerOrder() {
		var sections []section
		for _, run := range o.spill.runs {
			i, found := slices.BinarySearchFunc(run.groups, g, func(s groupSection, g int32) int { return cmp.Compare(s.group, g) })
			if found {
				sections = append(sections, run.groups[i].section)
			}
		}
		if err := o.merge(sections, fn); err != nil {
			return err
		}
	}
	return nil
}

// merge reads the sections, each sorted, and calls fn with their actions
// in order.
func (o *Outstanding) merge(sections []section, fn func(*Listed) error) error {
	m := &merger{o: o}
	for _, sec := range sections {
		rd := &recordReader{r: bufio.NewReaderSize(io.NewSectionReader(o.spill.f, sec.off, sec.n), 16<<10)}
		ok, err := rd.next(o)
		if err != nil {
			return o.fail(err)
		}
		if ok {
			m.readers = append(m.readers, rd)
		}
	}
	heap.Init(m)
	for m.Len() > 0 {
		rd := m.readers[0]
		if err := fn(&rd.cur.Listed); err != nil {
			return err
		}
		ok, err := rd.next(o)
		switch {
		case err != nil:
			return o.fail(err)
		case ok:
			heap.Fix(m, 0)
		default:
			heap.Pop(m)
		}
	}
	return nil
}

func (o *Outstanding) fail(err error) error {
	o.err = fmt.Errorf("reading back the list of open actions: %w", err)
	return o.err
}

// merger is a heap of the runs being merged, by their next action.
type merger struct {
	o       *Outstanding
	readers []*recordReader
}

func (m *merger) Len() int      { return len(m.readers) }
func (m *merger) Swap(i, j int) { m.readers[i], m.readers[j] = m.readers[j], m.readers[i] }
func (m *merger) Push(x any)    { m.readers = append(m.readers, x.(*recordReader)) }
func (m *merger) Pop() any {
	last := m.readers[len(m.readers)-1]
	m.readers = m.readers[:len(m.readers)-1]
	return last
}

// Less orders two runs' next actions as sortRun orders actions (within
// one owner group, when grouped by owner: groups are merged one at a time).
func (m *merger) Less(i, j int) bool {
	a, b := &m.readers[i].cur, &m.readers[j].cur
	c := 0
	switch {
	case m.o.grouping.ByPlan && a.PlanIndex != b.PlanIndex:
		c = cmp.Compare(a.PlanIndex, b.PlanIndex)
	case a.due != b.due:
		c = cmp.Compare(a.due, b.due)
	case a.PlanIndex != b.PlanIndex:
		c = strings.Compare(a.Plan.Path, b.Plan.Path)
	}
	if c == 0 {
		c = cmp.Compare(a.seq, b.seq)
	}
	return c < 0
}

// record is an action read back from a run.
type record struct {
	Listed
	due int32
	seq uint32
}

type recordReader struct {
	r   *bufio.Reader
	cur record
	buf []byte
}

// next reads the next action of the run into cur; false at its end.
func (rd *recordReader) next(o *Outstanding) (bool, error) {
	group, err := binary.ReadUvarint(rd.r)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	due, err := binary.ReadVarint(rd.r)
	if err != nil {
		return false, noEOF(err)
	}
	seq, err := binary.ReadUvarint(rd.r)
	if err != nil {
		return false, noEOF(err)
	}
	info, index, open, err := rd.plan()
	if err != nil {
		return false, err
	}
	var owner, what, status, text string
	for _, s := range []*string{&owner, &what, &status, &text} {
		if *s, err = rd.string(); err != nil {
			return false, err
		}
	}
	l := &rd.cur.Listed
	*l = Listed{
		PlanAction: PlanAction{Path: info.Path, What: what, Action: Action{Text: text, Owner: owner, Due: dateOfDay(int32(due)), Status: Status(status)}},
		Urgency:    o.urgency(int32(due)), Plan: info, PlanIndex: index, PlanOpen: open, OwnerGroup: int(group),
	}
	rd.cur.due, rd.cur.seq = int32(due), uint32(seq)
	return true, nil
}

// plan reads a plan as appendPlan writes it.
func (rd *recordReader) plan() (info PlanInfo, index int, open [4]int, err error) {
	n, err := binary.ReadUvarint(rd.r)
	if err != nil {
		return info, 0, open, err
	}
	index = int(n)
	for i := range open {
		if n, err = binary.ReadUvarint(rd.r); err != nil {
			return info, 0, open, noEOF(err)
		}
		open[i] = int(n)
	}
	for _, s := range []*string{&info.Path, &info.Organisation, &info.Title, &info.CarriedOnTo, &info.NextReviewProblem, &info.ReviewedVersion, &info.ChecklistVersion} {
		if *s, err = rd.string(); err != nil {
			return info, 0, open, err
		}
	}
	var date [3]uint64
	for i := range date {
		if date[i], err = binary.ReadUvarint(rd.r); err != nil {
			return info, 0, open, noEOF(err)
		}
	}
	info.Date = Date{int(date[0]), time.Month(date[1]), int(date[2])}
	return info, index, open, nil
}

func (rd *recordReader) string() (string, error) {
	n, err := binary.ReadUvarint(rd.r)
	if err != nil {
		return "", noEOF(err)
	}
	if n > 1<<30 {
		return "", errors.New("a text of impossible length")
	}
	if uint64(cap(rd.buf)) < n {
		rd.buf = make([]byte, n)
	}
	b := rd.buf[:n]
	if _, err := io.ReadFull(rd.r, b); err != nil {
		return "", noEOF(err)
	}
	return string(b), nil
}

// noEOF is err, where the end of a record is not the end of the run.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// eachPlan reads the plans back, in the order they were added.
func (s *spillFile) eachPlan(fn func(info PlanInfo, open [4]int) error) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	for _, sec := range s.plans {
		rd := &recordReader{r: bufio.NewReaderSize(io.NewSectionReader(s.f, sec.off, sec.n), 16<<10)}
		for {
			info, _, open, err := rd.plan()
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("reading back the list of open actions: %w", err)
			}
			if err := fn(info, open); err != nil {
				return err
			}
		}
	}
	return nil
}
