// The same answer from a Pages Router API route (Node's req/res, no web streams), with no proxy
// in front (proxy.js skips /api/pages/).
export default function like(_request, response) {
  response.setHeader('Cache-Control', 'no-store');
  response.status(200).json({ liked: true, likeCount: 1 });
}

export const config = { api: { bodyParser: false } };
