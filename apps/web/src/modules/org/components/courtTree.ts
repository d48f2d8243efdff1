import type { Court } from '@courtassist/contracts';
import { COURT_LEVELS } from '@courtassist/contracts';

export interface CourtNode {
  key: number;
  value: number;
  title: string;
  court: Court;
  disabled?: boolean;
  children?: CourtNode[];
}

function compareCourts(a: Court, b: Court): number {
  return (
    COURT_LEVELS.indexOf(a.level) - COURT_LEVELS.indexOf(b.level) ||
    a.code.localeCompare(b.code) ||
    a.name.localeCompare(b.name, 'zh-CN') ||
    a.id - b.id
  );
}

/**
 * Builds the court tree from the flat list. Courts whose parent lies outside the user's scope
 * become roots. `disable` greys out courts that may not be chosen (e.g. a tribunal as a parent).
 */
export function buildCourtTree(courts: Court[], disable?: (court: Court) => boolean): CourtNode[] {
  const nodes = new Map<number, CourtNode>();
  for (const court of courts) {
    nodes.set(court.id, { key: court.id, value: court.id, title: court.name, court, disabled: disable?.(court) || undefined });
  }
  const roots: CourtNode[] = [];
  for (const court of [...courts].sort(compareCourts)) {
    const node = nodes.get(court.id) as CourtNode;
    const parent = court.parentId !== null ? nodes.get(court.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  return roots;
}

/** Keeps the courts matching `keyword` (name or code) and their ancestors. */
export function filterCourts(courts: Court[], keyword: string): Court[] {
  const k = keyword.trim().toLowerCase();
  if (!k) return courts;
  const byId = new Map(courts.map((c) => [c.id, c]));
  const keep = new Set<number>();
  for (const court of courts) {
    if (!court.name.toLowerCase().includes(k) && !court.code.toLowerCase().includes(k)) continue;
    let current: Court | undefined = court;
    while (current && !keep.has(current.id)) {
      keep.add(current.id);
      current = current.parentId !== null ? byId.get(current.parentId) : undefined;
    }
  }
  return courts.filter((c) => keep.has(c.id));
}

/** Ids of the courts at the top two levels of the tree, expanded by default. */
export function defaultExpanded(roots: CourtNode[]): number[] {
  return roots.flatMap((r) => [r.key, ...(r.children ?? []).filter((c) => c.children).map((c) => c.key)]);
}
