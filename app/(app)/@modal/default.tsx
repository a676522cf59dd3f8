// The modal slot is empty unless a post is opened from within the app (the (.)p route).
export default function NoModal() {
  return null;
}
