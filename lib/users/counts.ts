// "1 post", "1,234 followers": the profile's counts as words, the same on the server and in the browser.
const number = new Intl.NumberFormat('en-US');

export function countLabel(n: number, singular: string, plural = `${singular}s`): string {
  return `${number.format(n)} ${n === 1 ? singular : plural}`;
}
