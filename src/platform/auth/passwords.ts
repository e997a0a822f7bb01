/** Password hashing with argon2id (@node-rs/argon2: no native build step, OWASP parameters). */
import { hash, verify } from "@node-rs/argon2";

export const MIN_PASSWORD_LENGTH = 12;

// OWASP's argon2id baseline: 19 MiB memory, 2 iterations, parallelism 1.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check, so response time does not reveal unknown accounts. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("klarsvar-timing-equaliser");
  await verifyPassword(await dummy, password);
}
