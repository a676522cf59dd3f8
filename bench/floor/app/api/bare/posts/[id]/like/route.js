// The same empty route handler, with no proxy in front (proxy.js skips /api/bare/).
export { DELETE, POST } from '../../../../posts/[id]/like/route';
