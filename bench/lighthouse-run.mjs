// One Lighthouse run, in a plain Node process: under tsx (esbuild's keepNames) the functions
// Lighthouse sends into the page to evaluate refer to a `__name` helper the page does not have.
// Usage: node bench/lighthouse-run.mjs <chrome port> <url> <categories,…> [cookie]
// Prints the report (LHR) as JSON.
import lighthouse from 'lighthouse';

const [port, url, categories, cookie] = process.argv.slice(2);
const result = await lighthouse(url, {
  port: Number(port),
  output: 'json',
  logLevel: 'error',
  onlyCategories: categories.split(','),
  // The auth cookie, on every request the page makes (Lighthouse clears the browser's storage).
  ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
});
if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
process.stdout.write(JSON.stringify(result.lhr));
