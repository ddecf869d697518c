import { combine } from '../../src/on-call/combine';

describe('combine: shifts of several rotations into pieces and gaps', () => {
  test('GIVEN two overlapping shifts THEN a piece for each set of members, and the gap after them', () => {
    expect(combine([{ start: 0, end: 10, members: ['a'] }, { start: 5, end: 15, members: ['b'] }], 0, 20)).toEqual({
      pieces: [
        { start: 0, end: 5, members: ['a'] },
        { start: 5, end: 10, members: ['a', 'b'] },
        { start: 10, end: 15, members: ['b'] },
      ],
      gaps: [{ start: 15, end: 20 }],
    });
  });

  test('GIVEN shifts that touch with the same members THEN one piece; a member of two shifts counts once', () => {
    expect(combine([{ start: 0, end: 5, members: ['a'] }, { start: 5, end: 10, members: ['a'] }], 0, 10).pieces).toEqual([{ start: 0, end: 10, members: ['a'] }]);
    expect(combine([{ start: 0, end: 10, members: ['a'] }, { start: 0, end: 10, members: ['b', 'a'] }], 0, 10).pieces).toEqual([{ start: 0, end: 10, members: ['a', 'b'] }]);
  });

  test('GIVEN shifts past the interval THEN they are cut at its ends; nobody at all is one gap', () => {
    expect(combine([{ start: -5, end: 5, members: ['a'] }, { start: 8, end: 30, members: ['b'] }], 0, 10)).toEqual({
      pieces: [{ start: 0, end: 5, members: ['a'] }, { start: 8, end: 10, members: ['b'] }],
      gaps: [{ start: 5, end: 8 }],
    });
    expect(combine([], 0, 10)).toEqual({ pieces: [], gaps: [{ start: 0, end: 10 }] });
  });
});
