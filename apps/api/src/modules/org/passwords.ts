import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20–40 ms on one core.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * Verifies against a throw-away hash so that an unknown username costs the same time as a
 * known one: response time must not tell which usernames exist.
 */
export async function burnVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword('courtassist-timing-equaliser-0');
  await verifyPassword(await dummyHash, password);
}
