// Any other page reached from an open modal (a username, the top bar) empties the slot: on a
// soft navigation a slot keeps what it showed unless something in it matches the new URL.
export default function NoModal() {
  return null;
}
