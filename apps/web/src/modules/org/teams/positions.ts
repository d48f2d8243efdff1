import type { TeamPosition } from '@courtassist/contracts';

export const POSITION_COLORS: Record<TeamPosition, string> = {
  judge: 'red',
  assistant: 'blue',
  clerk: 'green',
};

export const POSITION_KEYS = {
  judge: 'org.team.position.judge',
  assistant: 'org.team.position.assistant',
  clerk: 'org.team.position.clerk',
} as const satisfies Record<TeamPosition, string>;

export function isPosition(value: string): value is TeamPosition {
  return Object.hasOwn(POSITION_KEYS, value);
}
