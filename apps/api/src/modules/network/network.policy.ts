import {
  type AssistantStatus,
  type Gender,
  maskIdCard,
  maskPhone,
  RECRUITMENT_STEPS,
  type RecruitmentStatus,
  validateIdCard,
} from '@courtassist/contracts';

/** Phone and identity card number are shown in full only to network managers, on one profile. */
export function mayReveal(permissions: ReadonlySet<string>): boolean {
  return permissions.has('network.manage');
}

export function maskedPerson<T extends { phone: string; idNumber: string | null }>(person: T, reveal: boolean): T {
  if (reveal) return person;
  return { ...person, phone: person.phone ? maskPhone(person.phone) : '', idNumber: person.idNumber ? maskIdCard(person.idNumber) : null };
}

export type PersonProblem = 'birth_date_mismatch' | 'gender_mismatch';

/**
 * Fills birth date and gender from a valid identity card number when they are not given, and
 * reports the fields given that contradict it. An invalid number is the schema's business.
 */
export function personFromIdCard(
  input: { idNumber: string | null; birthDate: string | null; gender: Gender | null },
  today?: string,
): { birthDate: string | null; gender: Gender | null; problems: { field: 'birthDate' | 'gender'; code: PersonProblem }[] } {
  if (!input.idNumber) return { birthDate: input.birthDate, gender: input.gender, problems: [] };
  const card = validateIdCard(input.idNumber, today);
  if (!card.ok) return { birthDate: input.birthDate, gender: input.gender, problems: [] };
  const problems: { field: 'birthDate' | 'gender'; code: PersonProblem }[] = [];
  if (input.birthDate && input.birthDate !== card.birthDate) problems.push({ field: 'birthDate', code: 'birth_date_mismatch' });
  if (input.gender && input.gender !== card.gender) problems.push({ field: 'gender', code: 'gender_mismatch' });
  return { birthDate: input.birthDate ?? card.birthDate, gender: input.gender ?? card.gender, problems };
}

/** Whether a recruitment in `status` may take `step`. */
export function recruitmentStepAllowed(step: keyof typeof RECRUITMENT_STEPS, status: RecruitmentStatus): boolean {
  return (RECRUITMENT_STEPS[step] as readonly RecruitmentStatus[]).includes(status);
}

/** A status change must change something. Every other move is allowed: a paused or departed assistant may return. */
export function statusChangeAllowed(from: AssistantStatus, to: AssistantStatus): boolean {
  return from !== to;
}

/** A station cannot move under itself or under one of its own descendants. */
export function makesCycle(subtreeIds: readonly number[], newParentId: number | null): boolean {
  return newParentId !== null && subtreeIds.includes(newParentId);
}
