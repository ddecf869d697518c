/*
 * Several rotations' (or stages') shifts combined: the pieces of time in which the same set of members
 * is on call, and the gaps, when nobody is.
 */

/**
 * The pieces of [from, to) in which the same set of members is on call, from several rotations'
 * shifts (a member on call in two of them counts once); and the gaps, when nobody is.
 */
export function combine<T>(
  shifts: Array<{ start: number; end: number; members: T[] }>,
  from: number,
  to: number,
): { pieces: Array<{ start: number; end: number; members: T[] }>; gaps: Array<{ start: number; end: number }> } {
  const bounds = [...new Set([from, to, ...shifts.flatMap((s) => [s.start, s.end])])].filter((b) => b >= from && b <= to).sort((a, b) => a - b);
  const pieces: Array<{ start: number; end: number; members: T[] }> = [];
  const gaps: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [start, end] = [bounds[i], bounds[i + 1]];
    const members: T[] = [];
    for (const s of shifts) {
      if (s.start <= start && s.end >= end) {
        for (const m of s.members) if (!members.includes(m)) members.push(m);
      }
    }
    const target = members.length > 0 ? pieces : gaps;
    const prev = target[target.length - 1] as { start: number; end: number; members?: T[] } | undefined;
    const sameMembers = (prevMembers: T[] = []) => prevMembers.length === members.length && members.every((m) => prevMembers.includes(m));
    const same = prev && prev.end === start && (members.length === 0 || sameMembers(prev.members));
    if (same) {
      prev!.end = end;
    } else if (members.length > 0) {
      pieces.push({ start, end, members });
    } else {
      gaps.push({ start, end });
    }
  }
  return { pieces, gaps };
}
