// Runs in a worker thread of the password pool (lib/auth/password.ts): bcrypt is pure CPU, so
// the synchronous calls are right here, and they never block the server's event loop.
// Plain JavaScript, loaded by Node from disk: the server bundle never includes it.
import bcrypt from 'bcryptjs';

/** @param {{ password: string, cost: number }} task */
export function hash({ password, cost }) {
  return bcrypt.hashSync(password, cost);
}

/** @param {{ password: string, hash: string }} task */
export function compare({ password, hash }) {
  return bcrypt.compareSync(password, hash);
}
