/** A post id from a URL: a positive safe integer written plainly ("1", not "01" or "1e3"). */
export function parsePostId(raw: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}
