import bcrypt from 'bcryptjs';

/** Passwords are compared as NFKC, so the same text typed on different keyboards matches. */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(normalizePassword(password), cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(normalizePassword(password), hash);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash to compare against when the account does not exist, so that an unknown email costs
 * the same bcrypt work as a wrong password and response time does not reveal which it was.
 */
export function dummyHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = bcrypt.hash(crypto.randomUUID(), cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}
