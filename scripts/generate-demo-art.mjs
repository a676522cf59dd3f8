#!/usr/bin/env node
// Generates Cookiegram's demo post images: lib/db/demo-art/post-01.svg … post-30.svg, which the
// seed sends through the photo pipeline like any upload.
// Everything is drawn here from a seeded PRNG (no third-party art, no network),
// so running the script again rewrites byte-identical files.
//
//   npx tsx scripts/generate-demo-art.mjs   (tsx: the post list is TypeScript)

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPosts } from '../lib/db/demo-content.ts';

const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'lib', 'db', 'demo-art');
const S = 1080; // canvas size (square)
const MAX_BYTES = 8 * 1024;

// ---------------------------------------------------------------------------
// Randomness

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed) {
  const next = mulberry32(seed);
  const range = (a, b) => a + (b - a) * next();
  return {
    next,
    range,
    int: (a, b) => Math.floor(range(a, b + 1)),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    chance: (p) => next() < p,
    /** Roughly normal, mean 0, sd 1. */
    gauss: () => (next() + next() + next() - 1.5) * 2,
    shuffle: (arr) => {
      const out = [...arr];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

// ---------------------------------------------------------------------------
// Formatting & colour helpers

/** Compact number: one decimal, no leading zero (".5", "-.5"). */
const n = (v) => {
  const s = String(Math.round(v * 10) / 10);
  return s.replace(/^(-?)0\./, '$1.');
};
/** Two decimals, for opacities and gradient offsets. */
const d2 = (v) => String(Math.round(v * 100) / 100).replace(/^(-?)0\./, '$1.');
const pt = ([x, y]) => `${n(x)} ${n(y)}`;

const hex2rgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const rgb2hex = (c) =>
  '#' + c.map((v) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0')).join('');
const mix = (a, b, t) => {
  const A = hex2rgb(a);
  const B = hex2rgb(b);
  return rgb2hex(A.map((v, i) => v + (B[i] - v) * t));
};

const stops = (list) =>
  list
    .map(
      ([o, c, op = 1]) =>
        `<stop offset="${d2(o)}" stop-color="${c}"${op === 1 ? '' : ` stop-opacity="${d2(op)}"`}/>`,
    )
    .join('');

/** Linear gradient; default direction is top → bottom. */
const lin = (id, st, [x1, y1, x2, y2] = [0, 0, 0, 1], extra = '') =>
  `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"${extra}>${stops(st)}</linearGradient>`;

const rad = (id, st, { cx = 0.5, cy = 0.5, r = 0.5 } = {}) =>
  `<radialGradient id="${id}" cx="${d2(cx)}" cy="${d2(cy)}" r="${d2(r)}">${stops(st)}</radialGradient>`;

const url = (id) => `url(#${id})`;
const fullRect = (fill) => `<rect width="${S}" height="${S}" fill="${fill}"/>`;
const blurFilter = (id, sd) =>
  `<filter id="${id}" x="-30%" y="-30%" width="160%" height="160%"><feGaussianBlur stdDeviation="${sd}"/></filter>`;

const svgDoc = (defs, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${S}" height="${S}" viewBox="0 0 ${S} ${S}">` +
  (defs ? `<defs>${defs}</defs>` : '') +
  body +
  '</svg>\n';

// ---------------------------------------------------------------------------
// Geometry helpers

/** Catmull-Rom spline through points, as cubic Béziers (open curve). */
function smoothOpen(pts) {
  let d = `M${pt(pts[0])}`;
  for (let i = 0; i < pts.length - 1; i++) {
    const p0 = pts[i - 1] ?? pts[i];
    const p1 = pts[i];
    const p2 = pts[i + 1];
    const p3 = pts[i + 2] ?? p2;
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return d;
}

/** Catmull-Rom spline through points, closed. */
function smoothClosed(pts) {
  const L = pts.length;
  let d = `M${pt(pts[0])}`;
  for (let i = 0; i < L; i++) {
    const p0 = pts[(i - 1 + L) % L];
    const p1 = pts[i];
    const p2 = pts[(i + 1) % L];
    const p3 = pts[(i + 2) % L];
    const c1 = [p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6];
    const c2 = [p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6];
    d += `C${pt(c1)} ${pt(c2)} ${pt(p2)}`;
  }
  return d + 'Z';
}

/** Points around a wobbly circle. */
function ringPts(R, cx, cy, r, k, jitter) {
  const off = R.range(0, Math.PI * 2);
  const pts = [];
  for (let i = 0; i < k; i++) {
    const a = off + (i / k) * Math.PI * 2 + R.range(-0.15, 0.15) / k;
    const rr = r * (1 + R.range(-jitter, jitter));
    pts.push([cx + Math.cos(a) * rr, cy + Math.sin(a) * rr]);
  }
  return pts;
}

/** Jagged ridge line by midpoint displacement; `count` must be a power of two. */
function ridge(R, count, yBase, amp, rough = 0.55) {
  const ys = new Array(count + 1);
  ys[0] = yBase + R.range(-amp, amp) * 0.5;
  ys[count] = yBase + R.range(-amp, amp) * 0.5;
  let step = count;
  let d = amp;
  while (step > 1) {
    const h = step / 2;
    for (let i = h; i < count; i += step) ys[i] = (ys[i - h] + ys[i + h]) / 2 + R.range(-d, d);
    d *= rough;
    step = h;
  }
  return ys.map((y, i) => [-20 + (i * (S + 40)) / count, y]);
}

/** A little "v" bird, relative path. */
const bird = (x, y, s) => `M${n(x)} ${n(y)}q${n(9 * s)} ${n(-7 * s)} ${n(18 * s)} 0q${n(9 * s)} ${n(-7 * s)} ${n(18 * s)} 0`;

/** Dots drawn as zero-length round-capped strokes: "M x y h0" each. */
const dotPath = (pts) => pts.map((p) => `M${pt(p)}h0`).join('');

// ---------------------------------------------------------------------------
// Themes. Each returns a full SVG document string.
// R = rng, P = palette, u = id-prefixer (keeps ids unique per file).

function sunset(R, P, u) {
  const [s0, s1, s2] = P.sky;
  const sx = R.range(300, 780);
  const sy = R.range(540, 610);
  const sr = R.range(95, 130);
  const defs =
    lin(u('s'), [[0, s0], [0.55, s1], [1, s2]]) +
    rad(u('g'), [[0, P.sun, 0.7], [0.3, P.sun, 0.25], [1, P.sun, 0]]) +
    lin(u('u'), [[0, P.sun], [1, mix(P.sun, s2, 0.55)]]);
  let body = fullRect(url(u('s')));
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr * 3.6)}" fill="${url(u('g'))}"/>`;
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr)}" fill="${url(u('u'))}"/>`;
  // long thin clouds
  const cloud = mix(s1, '#ffffff', 0.35);
  for (let i = 0; i < 4; i++) {
    const w = R.range(180, 420);
    const x = R.range(-100, S - 100);
    const y = R.range(180, 520);
    const h = R.range(10, 20);
    body += `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(h / 2)}" fill="${cloud}" opacity="${d2(R.range(0.25, 0.45))}"/>`;
  }
  const layers = 5;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = 610 + i * 100;
    const amp = 70 - i * 8;
    const k = R.int(4, 6);
    const pts = [];
    for (let j = 0; j <= k; j++) pts.push([-80 + (j * (S + 160)) / k, base + R.range(-amp, amp)]);
    body += `<path d="${smoothOpen(pts)}V${S}H-80Z" fill="${mix(P.hills[0], P.hills[1], Math.pow(t, 0.85))}"/>`;
  }
  let birds = '';
  const bx = R.range(220, 760);
  const by = R.range(260, 400);
  for (let i = 0; i < 4; i++) birds += bird(bx + R.range(-120, 140), by + R.range(-70, 70), R.range(0.7, 1.3));
  body += `<path d="${birds}" fill="none" stroke="${P.hills[1]}" stroke-width="4" stroke-linecap="round" opacity=".75"/>`;
  return svgDoc(defs, body);
}

function bokeh(R, P, u) {
  let defs = rad(u('bg'), [[0, P.bg[0]], [1, P.bg[1]]], { cx: 0.35, cy: 0.3, r: 0.95 });
  P.lights.forEach((c, k) => {
    defs += rad(u('l' + k), [[0, c, 0.3], [0.72, c, 0.5], [0.93, c, 0.9], [1, c, 0]]);
  });
  defs += rad(u('h'), [[0, P.lights[0], 0.22], [1, P.lights[0], 0]]);
  let body = fullRect(url(u('bg')));
  const ang = R.range(-0.7, 0.7);
  const cx = 540 + R.range(-80, 80);
  const cy = 540 + R.range(-80, 80);
  const dir = [Math.cos(ang), Math.sin(ang)];
  body += `<circle cx="${n(cx)}" cy="${n(cy)}" r="620" fill="${url(u('h'))}"/>`;
  const layers = [
    { count: 9, r: [110, 190], op: [0.16, 0.3], spread: 260 },
    { count: 16, r: [50, 105], op: [0.32, 0.58], spread: 210 },
    { count: 24, r: [12, 42], op: [0.6, 0.95], spread: 190 },
  ];
  for (const L of layers) {
    for (let i = 0; i < L.count; i++) {
      const t = R.range(-700, 700);
      const o = R.gauss() * L.spread;
      const x = cx + dir[0] * t - dir[1] * o;
      const y = cy + dir[1] * t + dir[0] * o;
      body += `<circle cx="${n(x)}" cy="${n(y)}" r="${n(R.range(...L.r))}" fill="${url(u('l' + R.int(0, P.lights.length - 1)))}" opacity="${d2(R.range(...L.op))}"/>`;
    }
  }
  return svgDoc(defs, body);
}

const TILE_MOTIFS = [
  (a, b) => `<path d="M0 0H216A216 216 0 0 1 0 216Z" fill="${b}"/>`, // quarter disc
  (a, b) => `<path d="M0 216A108 108 0 0 1 216 216Z" fill="${b}"/>`, // half disc
  (a, b) => `<circle cx="108" cy="108" r="78" fill="${b}"/>`,
  (a, b, c) => `<circle cx="108" cy="108" r="96" fill="${b}"/><circle cx="108" cy="108" r="58" fill="${c}"/><circle cx="108" cy="108" r="24" fill="${b}"/>`,
  (a, b) => `<path d="M0 0H216V216Z" fill="${b}"/>`, // triangle
  (a, b) => `<path d="M0 216A216 216 0 0 1 216 0A216 216 0 0 1 0 216Z" fill="${b}"/>`, // leaf
  (a, b, c) => `<path d="M0 0H216A216 216 0 0 1 0 216Z" fill="${b}"/><path d="M0 0H120A120 120 0 0 1 0 120Z" fill="${c}"/>`,
  (a, b) => `<path d="M0 24h216v40H0zM0 88h216v40H0zM0 152h216v40H0z" fill="${b}"/>`, // stripes
  (a, b, c) => `<path d="M0 108A108 108 0 0 1 108 0V108Z" fill="${b}"/><path d="M108 216A108 108 0 0 1 216 108V216Z" fill="${c}"/>`,
];

function tiles(R, P) {
  const N = 5;
  const T = S / N; // 216 — the motifs above are drawn for this size
  let body = '';
  for (let y = 0; y < N; y++) {
    for (let x = 0; x < N; x++) {
      const [a, b, c] = R.shuffle(P.colors);
      const rot = R.int(0, 3) * 90;
      const tr = `translate(${x * T} ${y * T})` + (rot ? `rotate(${rot} 108 108)` : '');
      body += `<g transform="${tr}"><rect width="${T}" height="${T}" fill="${a}"/>${R.pick(TILE_MOTIFS)(a, b, c)}</g>`;
    }
  }
  return svgDoc('', body);
}

function waves(R, P, u) {
  const sx = R.range(260, 820);
  const sy = R.range(200, 320);
  const sr = R.range(90, 130);
  const defs =
    lin(u('s'), [[0, P.sky[0]], [1, P.sky[1]]]) + rad(u('g'), [[0, P.sun, 0.55], [1, P.sun, 0]]);
  let body = fullRect(url(u('s')));
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr * 2.8)}" fill="${url(u('g'))}"/>`;
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr)}" fill="${P.sun}"/>`;
  const bands = 8;
  for (let i = 0; i < bands; i++) {
    const t = i / (bands - 1);
    const y = 440 + 560 * Math.pow(t, 1.3);
    const hw = 70 + 110 * t + R.range(-15, 15);
    const a = 10 + 28 * t + R.range(-4, 4);
    const x0 = -R.range(12, 2 * hw);
    let x = x0 + hw;
    let d = `M${n(x0)} ${n(y)}Q${n(x0 + hw / 2)} ${n(y - a)} ${n(x)} ${n(y)}`;
    while (x < S) {
      x += hw;
      d += `T${n(x)} ${n(y)}`;
    }
    d += `V1100H${n(x0)}Z`;
    body += `<path d="${d}" fill="${mix(P.bands[0], P.bands[1], t)}" stroke="#fff" stroke-opacity=".3" stroke-width="3"/>`;
  }
  return svgDoc(defs, body);
}

function mountains(R, P, u) {
  const sx = R.range(260, 820);
  const sy = R.range(300, 400);
  const sr = R.range(70, 95);
  let defs =
    lin(u('s'), [[0, P.sky[0]], [0.6, P.sky[1]], [1, P.sky[2]]]) +
    rad(u('g'), [[0, P.sun, 0.65], [1, P.sun, 0]]) +
    lin(u('m'), [[0, P.mist, 0], [0.6, P.mist, 0.5], [1, P.mist, 0]]);
  let body = fullRect(url(u('s')));
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr * 3.5)}" fill="${url(u('g'))}"/>`;
  body += `<circle cx="${n(sx)}" cy="${n(sy)}" r="${n(sr)}" fill="${P.sun}"/>`;
  if (R.chance(0.6)) {
    let birds = '';
    for (let i = 0; i < 3; i++) birds += bird(R.range(150, 900), R.range(150, 280), R.range(0.6, 1));
    body += `<path d="${birds}" fill="none" stroke="${P.ranges[1]}" stroke-width="3" stroke-linecap="round" opacity=".6"/>`;
  }
  const ranges = 4;
  for (let i = 0; i < ranges; i++) {
    const t = i / (ranges - 1);
    const yb = 540 + i * 125;
    const amp = 250 - i * 45;
    const pts = ridge(R, 32, yb, amp);
    const c = mix(P.ranges[0], P.ranges[1], t);
    defs += lin(u('r' + i), [[0, mix(c, '#ffffff', i === 0 ? 0.4 : 0.15)], [1, c]]);
    body += `<path d="M-20 ${S}L${pts.map(pt).join(' ')} ${S + 20} ${S}Z" fill="${url(u('r' + i))}"/>`;
    if (i < ranges - 1) body += `<rect y="${yb - 40}" width="${S}" height="170" fill="${url(u('m'))}"/>`;
  }
  return svgDoc(defs, body);
}

function starry(R, P, u) {
  const defs =
    lin(u('s'), [[0, P.bg[0]], [0.6, P.bg[1]], [1, P.bg[2]]]) +
    rad(u('w'), [[0, '#ffffff', 0.16], [1, '#ffffff', 0]]) +
    rad(u('g'), [[0, P.moon, 0.45], [1, P.moon, 0]]) +
    lin(u('t'), [[0, '#ffffff', 0], [1, '#ffffff', 0.9]], [0, 0, 1, 0]);
  let body = fullRect(url(u('s')));
  body += `<ellipse cx="540" cy="${n(R.range(380, 460))}" rx="760" ry="${n(R.range(110, 150))}" fill="${url(u('w'))}" transform="rotate(${n(R.range(-35, -15))} 540 540)"/>`;
  const star = () => [R.range(0, S), Math.pow(R.next(), 1.3) * 820];
  const sizes = [
    { count: 95, w: 2.4, op: 0.55 },
    { count: 40, w: 3.8, op: 0.8 },
    { count: 12, w: 5.5, op: 1 },
  ];
  for (const s of sizes) {
    const pts = Array.from({ length: s.count }, star);
    body += `<path d="${dotPath(pts)}" stroke="#fff" stroke-width="${s.w}" stroke-linecap="round" opacity="${s.op}"/>`;
  }
  // twinkles
  let tw = '';
  for (let i = 0; i < 4; i++) {
    const [x, y] = [R.range(60, 1020), R.range(60, 620)];
    const r = R.range(12, 22);
    tw += `M${n(x)} ${n(y - r)}Q${n(x)} ${n(y)} ${n(x + r)} ${n(y)}Q${n(x)} ${n(y)} ${n(x)} ${n(y + r)}Q${n(x)} ${n(y)} ${n(x - r)} ${n(y)}Q${n(x)} ${n(y)} ${n(x)} ${n(y - r)}Z`;
  }
  body += `<path d="${tw}" fill="#fff"/>`;
  // shooting star
  const ssx = R.range(150, 500);
  const ssy = R.range(120, 300);
  const len = R.range(160, 260);
  body += `<path d="M${n(ssx)} ${n(ssy)}l${n(len)} ${n(len * 0.38)}" stroke="${url(u('t'))}" stroke-width="3" stroke-linecap="round"/>`;
  // crescent moon
  const mx = R.chance(0.5) ? R.range(700, 900) : R.range(180, 380);
  const my = R.range(170, 260);
  const mr = R.range(55, 75);
  body += `<circle cx="${n(mx)}" cy="${n(my)}" r="${n(mr * 3)}" fill="${url(u('g'))}"/>`;
  body += `<path d="M${n(mx)} ${n(my - mr)}A${n(mr)} ${n(mr)} 0 1 1 ${n(mx)} ${n(my + mr)}A${n(mr * 0.62)} ${n(mr)} 0 1 0 ${n(mx)} ${n(my - mr)}Z" fill="${P.moon}" transform="rotate(${n(R.range(-30, 30))} ${n(mx)} ${n(my)})"/>`;
  // two hills with pine trees
  const hills = [
    { base: 830, amp: 45, trees: 16, h: [45, 85], col: P.ground[0] },
    { base: 940, amp: 40, trees: 9, h: [110, 190], col: P.ground[1] },
  ];
  for (const H of hills) {
    const f1 = R.range(0.004, 0.008);
    const f2 = R.range(0.011, 0.018);
    const p1 = R.range(0, 6.3);
    const p2 = R.range(0, 6.3);
    const hy = (x) => H.base + H.amp * Math.sin(x * f1 + p1) + H.amp * 0.4 * Math.sin(x * f2 + p2);
    const pts = [];
    for (let x = -90; x <= S + 90; x += 90) pts.push([x, hy(x)]);
    let trees = '';
    for (let i = 0; i < H.trees; i++) {
      const x = R.range(-20, S + 20);
      const y = hy(x) + 8;
      const h = R.range(...H.h);
      const w = h * 0.42;
      trees += `M${n(x)} ${n(y - h)}L${n(x + w * 0.32)} ${n(y - h * 0.5)}H${n(x + w * 0.18)}L${n(x + w * 0.5)} ${n(y)}H${n(x - w * 0.5)}L${n(x - w * 0.18)} ${n(y - h * 0.5)}H${n(x - w * 0.32)}Z`;
    }
    body += `<path d="${smoothOpen(pts)}V${S}H-90Z${trees}" fill="${H.col}"/>`;
  }
  return svgDoc(defs, body);
}

function blobs(R, P, u) {
  let defs =
    lin(u('bg'), [[0, P.bg[0]], [1, P.bg[1]]], [0, 0, 1, 1]) +
    `<pattern id="${u('d')}" width="34" height="34" patternUnits="userSpaceOnUse"><circle cx="17" cy="17" r="4" fill="${P.dot}"/></pattern>`;
  let body = fullRect(url(u('bg')));
  // dotted patches in two opposite corners
  const corner = R.chance(0.5);
  body += `<rect x="${corner ? 60 : 700}" y="60" width="320" height="250" rx="28" fill="${url(u('d'))}" opacity=".6"/>`;
  body += `<rect x="${corner ? 680 : 80}" y="760" width="340" height="240" rx="28" fill="${url(u('d'))}" opacity=".6"/>`;
  const cols = R.shuffle(P.blobs);
  const spots = R.shuffle([
    [320, 330],
    [760, 320],
    [330, 770],
    [770, 760],
    [540, 540],
  ]);
  const count = 4;
  for (let i = 0; i < count; i++) {
    const [sx, sy] = spots[i];
    const cx = sx + R.range(-60, 60);
    const cy = sy + R.range(-60, 60);
    const r = R.range(170, 260);
    defs += lin(u('b' + i), [[0, cols[i]], [1, mix(cols[i], cols[(i + 1) % cols.length], 0.6)]], [0, 0, 1, 1]);
    body += `<path d="${smoothClosed(ringPts(R, cx, cy, r, 7, 0.2))}" fill="${url(u('b' + i))}" opacity=".92"/>`;
  }
  // ring
  body += `<circle cx="${n(R.range(200, 880))}" cy="${n(R.range(200, 880))}" r="${n(R.range(60, 100))}" fill="none" stroke="${P.accent}" stroke-width="12"/>`;
  // squiggle
  const qx = R.range(150, 700);
  const qy = R.range(150, 900);
  body += `<path d="M${n(qx)} ${n(qy)}q24 -34 48 0t48 0t48 0t48 0t48 0" fill="none" stroke="${P.accent}" stroke-width="11" stroke-linecap="round" stroke-linejoin="round" transform="rotate(${n(R.range(-40, 40))} ${n(qx + 120)} ${n(qy)})"/>`;
  // confetti dots
  for (let i = 0; i < 5; i++) {
    body += `<circle cx="${n(R.range(60, 1020))}" cy="${n(R.range(60, 1020))}" r="${n(R.range(10, 26))}" fill="${R.pick([P.accent, ...P.blobs])}"/>`;
  }
  // plus sign
  const px = R.range(120, 960);
  const py = R.range(120, 960);
  body += `<path d="M${n(px - 24)} ${n(py)}h48M${n(px)} ${n(py - 24)}v48" stroke="${P.accent}" stroke-width="10" stroke-linecap="round"/>`;
  return svgDoc(defs, body);
}

function retro(R, P, u) {
  const H = 690; // horizon
  const sy = 560;
  const sr = 250;
  let defs =
    lin(u('s'), [[0, P.sky[0]], [0.55, P.sky[1]], [1, P.sky[2]]], [0, 0, 0, 1]) +
    lin(u('u'), [[0, P.sun[0]], [1, P.sun[1]]]) +
    rad(u('g'), [[0, P.sun[1], 0.5], [1, P.sun[1], 0]]) +
    lin(u('f'), [[0, P.floor[0]], [1, P.floor[1]]]) +
    lin(u('l'), [[0, P.grid, 0.15], [1, P.grid, 1]], [0, H, 0, S], ' gradientUnits="userSpaceOnUse"');
  let cuts = '';
  for (let k = 0; k < 7; k++) {
    const y = sy + 20 + k * 19 + k * k * 0.9;
    cuts += `<rect y="${n(y)}" width="${S}" height="${n(3 + k * 2.2)}"/>`;
  }
  defs += `<mask id="${u('k')}"><rect width="${S}" height="${S}" fill="#fff"/>${cuts}</mask>`;
  let body = fullRect(url(u('s')));
  const stars = Array.from({ length: 60 }, () => [R.range(0, S), R.range(0, 420)]);
  body += `<path d="${dotPath(stars)}" stroke="#fff" stroke-width="3" stroke-linecap="round" opacity=".7"/>`;
  body += `<circle cx="540" cy="${sy}" r="${sr * 1.9}" fill="${url(u('g'))}"/>`;
  body += `<circle cx="540" cy="${sy}" r="${sr}" fill="${url(u('u'))}" mask="${url(u('k'))}"/>`;
  // low mountains on the horizon with a neon edge
  const left = ridge(R, 16, H - 60, 70, 0.5).filter(([x]) => x < 420);
  const right = ridge(R, 16, H - 60, 70, 0.5).filter(([x]) => x > 660);
  const mtn = (pts) => `M${n(pts[0][0])} ${H}L${pts.map(pt).join(' ')} ${n(pts[pts.length - 1][0])} ${H}Z`;
  body += `<path d="${mtn([...left, [470, H]])}${mtn([[610, H], ...right])}" fill="${P.mount}" stroke="${P.grid}" stroke-width="3" stroke-linejoin="round"/>`;
  body += `<rect y="${H}" width="${S}" height="${S - H}" fill="${url(u('f'))}"/>`;
  let grid = '';
  for (let k = 1; k <= 11; k++) grid += `M0 ${n(H + (S - H) * Math.pow(k / 11, 2))}H${S}`;
  for (let j = -13; j <= 13; j++) grid += `M540 ${H}L${540 + j * 150} ${S}`;
  body += `<path d="${grid}" stroke="${url(u('l'))}" stroke-width="3" fill="none"/>`;
  body += `<rect y="${H - 2}" width="${S}" height="4" fill="${P.grid}"/>`;
  return svgDoc(defs, body);
}

function mandala(R, P, u) {
  const petal = (id, L, w) =>
    `<path id="${id}" d="M0 0C${n(w)} ${n(-L * 0.3)} ${n(w)} ${n(-L * 0.78)} 0 ${n(-L)}C${n(-w)} ${n(-L * 0.78)} ${n(-w)} ${n(-L * 0.3)} 0 0Z"/>`;
  const rings = [
    { count: R.pick([10, 12]), L: R.range(430, 470), w: R.range(95, 125) },
    { count: R.pick([10, 12]), L: R.range(340, 380), w: R.range(80, 100) },
    { count: R.pick([14, 16]), L: R.range(250, 285), w: R.range(45, 60) },
    { count: R.pick([8, 10]), L: R.range(170, 200), w: R.range(55, 70) },
    { count: 16, L: R.range(105, 125), w: R.range(20, 28) },
  ];
  const cols = R.shuffle(P.rings);
  let defs = rad(u('bg'), [[0, P.bg[0]], [1, P.bg[1]]], { r: 0.75 });
  rings.forEach((g, i) => (defs += petal(u('p' + i), g.L, g.w)));
  let body = fullRect(url(u('bg')));
  body += '<g transform="translate(540 540)">';
  // outer dotted ring
  const dots = [];
  for (let i = 0; i < 36; i++) {
    const a = (i / 36) * Math.PI * 2;
    dots.push([Math.cos(a) * 500, Math.sin(a) * 500]);
  }
  body += `<path d="${dotPath(dots)}" stroke="${cols[4]}" stroke-width="14" stroke-linecap="round"/>`;
  rings.forEach((g, i) => {
    const off = i % 2 ? 180 / g.count : 0;
    body += `<g fill="${cols[i % cols.length]}" stroke="${P.stroke}" stroke-width="4">`;
    for (let k = 0; k < g.count; k++) {
      body += `<use href="#${u('p' + i)}" transform="rotate(${n(off + (k * 360) / g.count)})"/>`;
    }
    body += '</g>';
    if (i === 0 || i === 2) {
      // inner accent on each petal
      body += `<g fill="${mix(cols[i % cols.length], '#ffffff', 0.35)}">`;
      for (let k = 0; k < g.count; k++) {
        body += `<use href="#${u('p' + i)}" transform="rotate(${n(off + (k * 360) / g.count)})scale(.45 .7)"/>`;
      }
      body += '</g>';
    }
  });
  body += `<circle r="70" fill="${cols[1]}" stroke="${P.stroke}" stroke-width="4"/><circle r="44" fill="${cols[3]}"/><circle r="18" fill="${P.stroke}"/>`;
  body += '</g>';
  return svgDoc(defs, body);
}

// --- cookies ---------------------------------------------------------------

/**
 * A cookie drawn in local coordinates (centre 0,0, radius ≈ 100).
 * Returns { defs, g } where g is a <g> element (optionally with an id).
 */
function cookie(R, u, key, P, { bite = false, id = '', chips = 12, cracks: crackCount = 7 } = {}) {
  const [d0, d1, d2c] = P.dough;
  let defs = rad(u('d' + key), [[0, d0], [0.7, d1], [1, d2c]], { cx: 0.42, cy: 0.4, r: 0.62 });
  let mask = '';
  if (bite) {
    const a = R.range(0, Math.PI * 2);
    let holes = '';
    for (const [da, r] of [[-0.32, 22], [0, 27], [0.32, 22]]) {
      holes += `<circle cx="${n(Math.cos(a + da) * 104)}" cy="${n(Math.sin(a + da) * 104)}" r="${r}"/>`;
    }
    defs += `<mask id="${u('m' + key)}"><rect x="-130" y="-130" width="260" height="260" fill="#fff"/>${holes}</mask>`;
    mask = ` mask="${url(u('m' + key))}"`;
  }
  let g = `<g${id ? ` id="${id}"` : ''}${mask}>`;
  g += `<path d="${smoothClosed(ringPts(R, 0, 0, 100, 16, 0.04))}" fill="${url(u('d' + key))}" stroke="${d2c}" stroke-width="2"/>`;
  // cracks and light spots
  let cracks = '';
  for (let i = 0; i < crackCount; i++) {
    const a = R.range(0, Math.PI * 2);
    const r = R.range(15, 75);
    cracks += `M${n(Math.cos(a) * r)} ${n(Math.sin(a) * r)}q${n(R.range(-8, 8))} ${n(R.range(-8, 8))} ${n(R.range(-16, 16))} ${n(R.range(-16, 16))}`;
  }
  g += `<path d="${cracks}" fill="none" stroke="${d2c}" stroke-width="2.5" stroke-linecap="round" opacity=".45"/>`;
  const spots = [];
  for (let i = 0; i < 9; i++) {
    const a = R.range(0, Math.PI * 2);
    const r = R.range(0, 82);
    spots.push([Math.cos(a) * r, Math.sin(a) * r]);
  }
  g += `<path d="${dotPath(spots)}" stroke="${mix(d0, '#ffffff', 0.45)}" stroke-width="7" stroke-linecap="round" opacity=".45"/>`;
  // chips, spread out by rejection sampling
  const placed = [];
  for (let tries = 0; placed.length < chips && tries < 400; tries++) {
    const a = R.range(0, Math.PI * 2);
    const r = Math.sqrt(R.next()) * 76;
    const p = [Math.cos(a) * r, Math.sin(a) * r];
    if (placed.every((q) => Math.hypot(p[0] - q[0], p[1] - q[1]) > 25)) placed.push(p);
  }
  if (P.candy) {
    for (const [x, y] of placed) {
      const c = R.pick(P.chips);
      g += `<circle cx="${n(x)}" cy="${n(y)}" r="9.5" fill="${c}" stroke="${mix(c, '#000000', 0.25)}" stroke-width="1.5"/>`;
    }
    g += `<path d="${dotPath(placed.map(([x, y]) => [x - 3, y - 3.5]))}" stroke="#fff" stroke-width="4" stroke-linecap="round" opacity=".6"/>`;
  } else {
    let chunk = '';
    for (const [x, y] of placed) {
      const k = R.int(5, 6);
      const base = R.range(7, 11);
      const off = R.range(0, 6.3);
      const ps = [];
      for (let i = 0; i < k; i++) {
        const a = off + (i / k) * Math.PI * 2;
        const r = base * R.range(0.75, 1.25);
        ps.push([x + Math.cos(a) * r, y + Math.sin(a) * r]);
      }
      chunk += `M${ps.map(pt).join('L')}Z`;
    }
    g += `<path d="${chunk}" fill="${P.chips[0]}" stroke="${P.chips[0]}" stroke-width="3" stroke-linejoin="round"/>`;
    g += `<path d="${dotPath(placed.map(([x, y]) => [x - 3, y - 3]))}" stroke="${P.chips[1]}" stroke-width="4" stroke-linecap="round" opacity=".7"/>`;
  }
  g += '</g>';
  return { defs, g, mask };
}

/** Soft cookie-shaped shadow, in the same local coordinates as cookie() (blur filter in local units). */
const cookieShadow = (transform, filterId, mask) =>
  `<g transform="${transform}" filter="${url(filterId)}" opacity=".24"><circle r="100"${mask}/></g>`;

function crumbs(R, color, count, avoid) {
  let d = '';
  for (let i = 0, tries = 0; i < count && tries < 500; tries++) {
    const x = R.range(40, 1040);
    const y = R.range(40, 1040);
    if (avoid.some(([cx, cy, r]) => Math.hypot(x - cx, y - cy) < r + 8)) continue;
    const r = R.range(4, 9);
    const ps = [];
    for (let k = 0; k < 3; k++) {
      const a = (k / 3) * Math.PI * 2 + R.range(0, 1.2);
      ps.push([Math.round(x + Math.cos(a) * r), Math.round(y + Math.sin(a) * r)]);
    }
    d += `M${ps.map(pt).join('L')}Z`;
    i++;
  }
  return `<path d="${d}" fill="${color}"/>`;
}

function cookieHero(R, P, u) {
  const scale = 3.6;
  const rot = R.range(0, 360);
  const c = cookie(R, u, '0', P, { bite: P.bite, chips: 13 });
  const defs =
    lin(u('bg'), [[0, P.bg[0]], [1, P.bg[1]]], [0, 0, 1, 1]) +
    `<pattern id="${u('p')}" width="90" height="90" patternUnits="userSpaceOnUse"><circle cx="22" cy="22" r="9" fill="${P.dots}"/><circle cx="67" cy="67" r="9" fill="${P.dots}"/></pattern>` +
    blurFilter(u('f'), 6) +
    c.defs;
  let body = fullRect(url(u('bg')));
  body += `<rect width="${S}" height="${S}" fill="${url(u('p'))}" opacity=".35"/>`;
  body += cookieShadow(`translate(560 576)rotate(${n(rot)})scale(${scale})`, u('f'), c.mask);
  body += `<g transform="translate(540 540)rotate(${n(rot)})scale(${scale})">${c.g}</g>`;
  body += crumbs(R, P.dough[1], 9, [[540, 540, 100 * scale + 20]]);
  return svgDoc(defs, body);
}

function cookieFlatlay(R, P, u) {
  const defs0 =
    `<pattern id="${u('p')}" width="120" height="120" patternUnits="userSpaceOnUse" patternTransform="rotate(${n(P.tilt)})">` +
    `<rect width="120" height="120" fill="${P.base}"/><rect width="60" height="120" fill="${P.check}" opacity=".28"/><rect width="120" height="60" fill="${P.check}" opacity=".28"/></pattern>` +
    blurFilter(u('f'), 14) +
    blurFilter(u('s'), 5) +
    rad(u('k'), P.cocoa ? [[0, '#9a5b3a'], [0.75, '#7a4026'], [1, '#5b2c18']] : [[0, '#ffffff'], [0.75, '#f7f7f4'], [1, '#e4e6e2']]);
  const a = cookie(R, u, 'a', P, { bite: true, id: u('a'), chips: 10, cracks: 5 });
  const b = cookie(R, u, 'b', P, { id: u('b'), chips: 11, cracks: 5 });
  const defs = defs0 + a.defs + b.defs + a.g + b.g; // the cookies themselves live in <defs> and are <use>d
  let body = fullRect(url(u('p')));
  // a mug seen from above: cocoa with marshmallows, or milk
  const gx = R.chance(0.5) ? R.range(250, 320) : R.range(760, 830);
  const gy = R.range(250, 320);
  const gr = 165;
  const hx = gx < 540 ? -1 : 1; // handle points towards the nearer edge
  const occupied = [[gx, gy, gr + 40]];
  const handle = `<rect x="${n(hx < 0 ? gx - gr - 62 : gx + gr - 18)}" y="${n(gy - 34)}" width="80" height="68" rx="30" fill="none" stroke="${P.mug}" stroke-width="26"/>`;
  body += `<g filter="${url(u('f'))}" opacity=".2" transform="translate(12 18)"><circle cx="${n(gx)}" cy="${n(gy)}" r="${gr}"/>${handle.replace(P.mug, '#000')}</g>`;
  body += handle;
  body += `<circle cx="${n(gx)}" cy="${n(gy)}" r="${gr}" fill="${P.mug}"/>`;
  body += `<circle cx="${n(gx)}" cy="${n(gy)}" r="${gr - 22}" fill="${url(u('k'))}" stroke="${mix(P.mug, '#000000', 0.2)}" stroke-width="4"/>`;
  if (P.cocoa) {
    let mallows = '';
    for (let i = 0; i < 6; i++) {
      const a = R.range(0, Math.PI * 2);
      const r = R.range(0, 95);
      mallows += `<rect x="${n(gx + Math.cos(a) * r - 17)}" y="${n(gy + Math.sin(a) * r - 17)}" width="34" height="34" rx="9" transform="rotate(${n(R.range(0, 90))} ${n(gx + Math.cos(a) * r)} ${n(gy + Math.sin(a) * r)})"/>`;
    }
    body += `<g fill="#fffaf3" stroke="#eadfd2" stroke-width="3">${mallows}</g>`;
  }
  body += `<path d="M${n(gx - 112)} ${n(gy - 95)}A150 150 0 0 1 ${n(gx + 20)} ${n(gy - 151)}" fill="none" stroke="#fff" stroke-width="8" stroke-linecap="round" opacity=".55"/>`;
  // cookies
  const want = P.count;
  const cookies = [];
  for (let tries = 0; cookies.length < want && tries < 2000; tries++) {
    const s = R.range(1.35, 1.9);
    const r = s * 100;
    const x = R.range(r * 0.55, S - r * 0.55);
    const y = R.range(r * 0.55, S - r * 0.55);
    if (occupied.some(([ox, oy, or]) => Math.hypot(x - ox, y - oy) < r + or + 14)) continue;
    occupied.push([x, y, r]);
    cookies.push([x, y, s, R.range(0, 360)]);
  }
  cookies.forEach(([x, y, s, rot], i) => {
    body += cookieShadow(`translate(${n(x + 10)} ${n(y + 14)})rotate(${n(rot)})scale(${d2(s)})`, u('s'), i === 0 ? a.mask : '');
  });
  cookies.forEach(([x, y, s, rot], i) => {
    body += `<use href="#${i === 0 ? u('a') : u('b')}" transform="translate(${n(x)} ${n(y)})rotate(${n(rot)})scale(${d2(s)})"/>`;
  });
  body += crumbs(R, P.dough[1], 12, occupied);
  body += crumbs(R, P.chips[0], 5, occupied);
  return svgDoc(defs, body);
}

// ---------------------------------------------------------------------------
// Palettes

const PALETTES = {
  sunset: [
    { sky: ['#2d1b69', '#c2417a', '#ffb36b'], sun: '#fff0b8', hills: ['#d8798a', '#2a1236'] },
    { sky: ['#3a6186', '#f28a72', '#ffd194'], sun: '#fff6d5', hills: ['#e59a86', '#3b2344'] },
    { sky: ['#12355b', '#6d4c8c', '#f7a072'], sun: '#ffe8a3', hills: ['#a77497', '#141b33'] },
  ],
  bokeh: [
    { bg: ['#2a1440', '#07030f'], lights: ['#ffb347', '#ff6f91', '#ffd86e', '#f28cff'] },
    { bg: ['#063244', '#020a12'], lights: ['#4fd1c5', '#7f9cf5', '#9ae6b4', '#63b3ed'] },
    { bg: ['#3b0d11', '#0a0204'], lights: ['#ff9a3c', '#ffd166', '#ff5e5b', '#fff1c1'] },
  ],
  tiles: [
    { colors: ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'] },
    { colors: ['#f2e8cf', '#386641', '#6a994e', '#a7c957', '#bc4749'] },
    { colors: ['#1d3557', '#457b9d', '#a8dadc', '#f1faee', '#e63946'] },
  ],
  waves: [
    { sky: ['#bde0fe', '#ffe5ec'], sun: '#ffb4a2', bands: ['#a2d2ff', '#1d3c78'] },
    { sky: ['#ff9a8b', '#ffe29f'], sun: '#fff5d6', bands: ['#ff7a8a', '#3d1e6d'] },
    { sky: ['#e0fbfc', '#c2f0e4'], sun: '#ffc98b', bands: ['#7be0c0', '#0f4c5c'] },
  ],
  mountains: [
    { sky: ['#7fb2e5', '#cfe3f3', '#fde2c8'], sun: '#fff4d6', ranges: ['#a9bcd6', '#2c3e5c'], mist: '#eef3f9' },
    { sky: ['#1f1c3b', '#6f3f7f', '#f28f79'], sun: '#ffd29d', ranges: ['#8a5a8c', '#1b1530'], mist: '#f0a38b' },
    { sky: ['#e96443', '#f8b26a', '#fde6b8'], sun: '#fffbe6', ranges: ['#d98a5f', '#4a2437'], mist: '#fbd5a5' },
  ],
  starry: [
    { bg: ['#070b24', '#1c2260', '#51407f'], ground: ['#1d1a3d', '#0a0a1a'], moon: '#fff5d1' },
    { bg: ['#02101f', '#0b3c5d', '#1e6f8a'], ground: ['#0a2636', '#020a12'], moon: '#e9fbff' },
    { bg: ['#120822', '#3d1a5b', '#b84f7a'], ground: ['#2a1033', '#0d0512'], moon: '#ffe9d6' },
  ],
  blobs: [
    { bg: ['#fff1e6', '#fde2e4'], blobs: ['#ff8fab', '#ffb703', '#8ecae6', '#90e0c8', '#cdb4db'], accent: '#3a0ca3', dot: '#fb6f92' },
    { bg: ['#eef6e4', '#d4e4bf'], blobs: ['#718355', '#f4a259', '#5b8e7d', '#f4d35e', '#bc4b51'], accent: '#264027', dot: '#87986a' },
    { bg: ['#1b1b3a', '#2d2a5e'], blobs: ['#ff6b6b', '#feca57', '#48dbfb', '#ff9ff3', '#1dd1a1'], accent: '#ffffff', dot: '#feca57' },
  ],
  retro: [
    { sky: ['#120136', '#3b0a5a', '#d6336c'], sun: ['#ffe66d', '#ff4e8a'], floor: ['#1a0033', '#2d0a4e'], grid: '#ff4ecd', mount: '#24004a' },
    { sky: ['#03045e', '#0c4a8a', '#00b4d8'], sun: ['#fff3b0', '#ff7b54'], floor: ['#03045e', '#023e8a'], grid: '#48cae4', mount: '#02124a' },
  ],
  mandala: [
    { bg: ['#fff8ee', '#ffd8b1'], rings: ['#ef476f', '#ffd166', '#06d6a0', '#118ab2', '#073b4c'], stroke: '#fff8ee' },
    { bg: ['#2b193d', '#120a1c'], rings: ['#ffadad', '#ffd6a5', '#fdffb6', '#caffbf', '#9bf6ff'], stroke: '#2b193d' },
  ],
  cookieHero: [
    { bg: ['#ffd6e0', '#ffafcc'], dots: '#ffffff', dough: ['#f3cf8e', '#dea25a', '#b8742f'], chips: ['#4a2412', '#8a5a3c'], bite: true },
    { bg: ['#d8f3dc', '#95d5b2'], dots: '#ffffff', dough: ['#8a5232', '#6a3a20', '#43210f'], chips: ['#fff4e0', '#ffffff'], bite: false },
    { bg: ['#fff3b0', '#ffd166'], dots: '#ffffff', dough: ['#f6dca5', '#e8b56e', '#c98b45'], chips: ['#e63946', '#2a9d8f', '#f4a261', '#457b9d', '#9b5de5', '#ff70a6'], candy: true, bite: true },
  ],
  cookieFlatlay: [
    { base: '#fff8f0', check: '#e63946', tilt: 0, count: 5, mug: '#f4f1ea', cocoa: true, dough: ['#f3cf8e', '#dea25a', '#b8742f'], chips: ['#4a2412', '#8a5a3c'] },
    { base: '#f7fbff', check: '#4a7fc1', tilt: 8, count: 5, mug: '#f2c14e', cocoa: false, dough: ['#efc27f', '#d4954c', '#a9672a'], chips: ['#3b1d0e', '#7d4f33'] },
  ],
};

const THEMES = { sunset, bokeh, tiles, waves, mountains, starry, blobs, retro, mandala, cookieHero, cookieFlatlay };


// ---------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
let total = 0;
let oversized = 0;
// Each post names its image file and the theme and palette variant it is drawn in.
demoPosts.forEach(({ file: name, art: [theme, variant] }, i) => {
  const num = String(i + 1).padStart(2, '0');
  const R = makeRng((0xc00c1e + Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const u = (name) => `p${num}${name}`;
  const svg = THEMES[theme](R, PALETTES[theme][variant], u);
  const file = join(OUT_DIR, name);
  writeFileSync(file, svg);
  const bytes = Buffer.byteLength(svg);
  total += bytes;
  if (bytes > MAX_BYTES) oversized++;
  console.log(`${name}  ${String(bytes).padStart(5)} B  ${theme} #${variant}${bytes > MAX_BYTES ? '  (over 8 KB!)' : ''}`);
});
console.log(`${demoPosts.length} files, ${(total / 1024).toFixed(1)} KB total → ${OUT_DIR}`);
if (oversized) process.exitCode = 1;
