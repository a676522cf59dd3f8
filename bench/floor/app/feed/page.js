import { connection } from 'next/server';

// Rendered per request, as every page of the app is (its CSP nonce is per request).
export default async function FloorPage() {
  await connection();
  return <p>Floor</p>;
}
