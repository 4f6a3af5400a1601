import type { LegacyTraceGroup } from '../serialize/legacy';

const ALL: LegacyTraceGroup[] = ['core', 'io', 'scores', 'observations', 'metrics'];

/**
 * The trace field groups a legacy `fields` parameter asks for: all of them when absent, `core`
 * always, unknown names dropped.
 */
export function parseTraceGroups(fields: string | undefined): Set<LegacyTraceGroup> {
  if (fields === undefined) return new Set(ALL);
  const groups = new Set<LegacyTraceGroup>(['core']);
  for (const name of fields.split(',')) {
    const trimmed = name.trim() as LegacyTraceGroup;
    if (ALL.includes(trimmed)) groups.add(trimmed);
  }
  return groups;
}
