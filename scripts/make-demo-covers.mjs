#!/usr/bin/env node
// Generates the demo cover images in public/images/demo/.
//
// Every image is original artwork: a hand-written SVG illustration (flat,
// editorial style, no text, no fonts, no external images) rendered to JPEG
// with sharp. Output is deterministic (seeded random numbers).
//
// Usage: node scripts/make-demo-covers.mjs

import sharp from 'sharp';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const __dirname = path.dirname(fileURLToPath(import.meta.url));
const OUT_DIR = path.resolve(__dirname, '..', 'public', 'images', 'demo');

const W = 800;
const H = 450;
const QUALITY = 78;
const MAX_BYTES = 60 * 1024;

// ---------------------------------------------------------------- helpers

/** Small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n) => Math.round(n * 10) / 10;

function stops(list) {
  return list.map(([o, c, op]) => `<stop offset="${o}" stop-color="${c}"${op == null ? '' : ` stop-opacity="${op}"`}/>`).join('');
}

/** Linear gradient; default direction is top to bottom. */
function lg(id, list, [x1, y1, x2, y2] = [0, 0, 0, 1]) {
  return `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`;
}

function rg(id, list, cx = 0.5, cy = 0.5, r = 0.5) {
  return `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops(list)}</radialGradient>`;
}

function svgDoc(defs, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs}</defs>${body}</svg>`;
}

const rect = (x, y, w, h, fill, extra = '') =>
  `<rect x="${r1(x)}" y="${r1(y)}" width="${r1(w)}" height="${r1(h)}" fill="${fill}" ${extra}/>`;
const circle = (cx, cy, r, fill, extra = '') => `<circle cx="${r1(cx)}" cy="${r1(cy)}" r="${r1(r)}" fill="${fill}" ${extra}/>`;
const ellipse = (cx, cy, rx, ry, fill, extra = '') =>
  `<ellipse cx="${r1(cx)}" cy="${r1(cy)}" rx="${r1(rx)}" ry="${r1(ry)}" fill="${fill}" ${extra}/>`;
const poly = (pts, fill, extra = '') => `<polygon points="${pts.map(([x, y]) => `${r1(x)},${r1(y)}`).join(' ')}" fill="${fill}" ${extra}/>`;
const pathEl = (d, fill, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;

/** A soft cloud made of overlapping circles. */
function cloud(x, y, s, fill = '#ffffff', op = 0.85) {
  return `<g fill="${fill}" opacity="${op}">${[
    circle(x, y, 22 * s, fill),
    circle(x + 26 * s, y - 10 * s, 28 * s, fill),
    circle(x + 56 * s, y, 22 * s, fill),
    rect(x, y - 2 * s, 56 * s, 24 * s, fill),
  ].join('')}</g>`;
}

/** A round deciduous tree. */
function roundTree(x, ground, s, leaf, leafDark, trunk = '#7a6450') {
  return [
    rect(x - 3 * s, ground - 26 * s, 6 * s, 26 * s, trunk),
    circle(x, ground - 40 * s, 20 * s, leaf),
    circle(x + 8 * s, ground - 34 * s, 13 * s, leafDark, 'opacity="0.55"'),
  ].join('');
}

/** Five-point star polygon points. */
function starPts(cx, cy, R, r, rot = -90) {
  const pts = [];
  for (let i = 0; i < 10; i++) {
    const rad = i % 2 === 0 ? R : r;
    const a = ((rot + i * 36) * Math.PI) / 180;
    pts.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
  }
  return pts;
}

/** Grid of window rectangles inside a box. */
function windows(x, y, w, h, cols, rows, fill, { padX = 6, padY = 8, gap = 5, litFill, litChance = 0, rand } = {}) {
  const cw = (w - padX * 2 - gap * (cols - 1)) / cols;
  const ch = (h - padY * 2 - gap * (rows - 1)) / rows;
  let out = '';
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const lit = rand && litFill && rand() < litChance;
      out += rect(x + padX + c * (cw + gap), y + padY + r * (ch + gap), cw, ch, lit ? litFill : fill);
    }
  }
  return out;
}

// ---------------------------------------------------------------- scenes

function court() {
  const defs = [
    lg('sky', [
      [0, '#c5d3de'],
      [1, '#eef1f2'],
    ]),
    lg(
      'col',
      [
        [0, '#d9cfbb'],
        [0.35, '#f3ede1'],
        [1, '#c4b79e'],
      ],
      [0, 0, 1, 0],
    ),
    lg('wall', [
      [0, '#a89b83'],
      [1, '#bdb099'],
    ]),
    lg('ground', [
      [0, '#b9b3a3'],
      [1, '#a49d8c'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(665, 72, 56, '#fbf4df', 'opacity="0.35"');
  b += circle(665, 72, 30, '#f7eed6');
  b += cloud(90, 80, 0.9, '#ffffff', 0.6);
  b += cloud(560, 120, 0.7, '#ffffff', 0.5);
  b += rect(0, 388, W, 62, 'url(#ground)');
  // trees either side
  b += roundTree(85, 390, 2.0, '#7f9a86', '#5f7a67');
  b += roundTree(715, 390, 2.0, '#7f9a86', '#5f7a67');
  // back wall + door
  b += rect(168, 186, 464, 146, 'url(#wall)');
  b += pathEl('M378 332 V262 a22 22 0 0 1 44 0 V332 Z', '#5e5446');
  // pediment
  b += poly(
    [
      [146, 152],
      [400, 66],
      [654, 152],
    ],
    '#ebe4d5',
  );
  b += poly(
    [
      [178, 144],
      [400, 82],
      [622, 144],
    ],
    '#d7ccb5',
  );
  b += circle(400, 119, 17, '#b0904f');
  b += circle(400, 119, 10, '#d7ccb5');
  b += circle(400, 119, 5, '#b0904f');
  // entablature
  b += rect(152, 150, 496, 10, '#e3dac8');
  b += rect(160, 160, 480, 20, '#efe8da');
  b += rect(160, 180, 480, 7, '#c9bda5');
  // columns
  for (let i = 0; i < 6; i++) {
    const cx = 200 + i * 80;
    b += rect(cx - 24, 187, 48, 9, '#e6dece');
    b += rect(cx - 20, 196, 40, 5, '#d2c6ae');
    b += rect(cx - 17, 201, 34, 120, 'url(#col)');
    for (let f = -1; f <= 1; f++) b += rect(cx + f * 8 - 1, 205, 2, 112, '#b9ac92', 'opacity="0.5"');
    b += rect(cx - 21, 321, 42, 11, '#ddd3bf');
  }
  // stylobate and steps
  b += rect(140, 332, 520, 10, '#e7dfcf');
  const stepC = ['#d8cfbc', '#cfc5b0', '#c6bba5', '#bdb29b'];
  for (let s = 0; s < 4; s++) {
    const w = 560 + s * 44;
    b += rect(400 - w / 2, 342 + s * 12, w, 12, stepC[s]);
    b += rect(400 - w / 2, 342 + s * 12, w, 2, '#f1ebdf', 'opacity="0.8"');
  }
  return svgDoc(defs, b);
}

function scales() {
  const defs = [
    rg(
      'bg',
      [
        [0, '#356068'],
        [1, '#1b3338'],
      ],
      0.5,
      0.42,
      0.75,
    ),
    lg(
      'gold',
      [
        [0, '#a98540'],
        [0.45, '#e2c27c'],
        [1, '#9c7a3a'],
      ],
      [0, 0, 1, 0],
    ),
    lg('goldV', [
      [0, '#e6c883'],
      [1, '#a88442'],
    ]),
    rg('halo', [
      [0, '#f0dca6', 0.35],
      [1, '#f0dca6', 0],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#bg)');
  // subtle geometric backdrop
  b += circle(400, 210, 190, 'url(#halo)');
  b += circle(400, 210, 150, 'none', 'stroke="#e6cf98" stroke-opacity="0.18" stroke-width="2"');
  b += circle(400, 210, 205, 'none', 'stroke="#e6cf98" stroke-opacity="0.1" stroke-width="2"');
  for (let i = 0; i < 7; i++) b += rect(40 + i * 14, 300 - i * 6, 8, 150, '#ffffff', 'opacity="0.04"');
  for (let i = 0; i < 7; i++) b += rect(680 + i * 14, 264 + i * 6, 8, 190, '#ffffff', 'opacity="0.04"');
  // base shadow + pedestal
  b += ellipse(400, 404, 150, 12, '#0f1f22', 'opacity="0.5"');
  b += rect(300, 386, 200, 16, 'url(#goldV)', 'rx="5"');
  b += poly(
    [
      [344, 386],
      [456, 386],
      [436, 362],
      [364, 362],
    ],
    'url(#gold)',
  );
  // pillar
  b += rect(391, 118, 18, 246, 'url(#gold)');
  b += rect(384, 356, 32, 8, '#b8954f');
  b += circle(400, 108, 13, 'url(#goldV)');
  // beam
  b += rect(196, 136, 408, 11, 'url(#goldV)', 'rx="5.5"');
  b += circle(400, 141, 12, '#c9a660');
  b += circle(400, 141, 5, '#8c6c33');
  // hanging points & chains
  const pan = (x) => {
    let g = circle(x, 148, 6, 'none', 'stroke="#d9b96f" stroke-width="3"');
    g += `<path d="M${x} 153 L${x - 62} 282 M${x} 153 L${x + 62} 282 M${x} 153 L${x} 282" stroke="#d9bd7d" stroke-width="2.2" fill="none" stroke-opacity="0.9"/>`;
    g += pathEl(`M${x - 72} 282 Q${x} 350 ${x + 72} 282 Z`, 'url(#goldV)');
    g += ellipse(x, 282, 72, 6, '#e9d196');
    return g;
  };
  b += pan(214) + pan(586);
  return svgDoc(defs, b);
}

function city() {
  const rand = rng(7);
  const defs = [
    lg('sky', [
      [0, '#86b0cf'],
      [0.7, '#cfe0ea'],
      [1, '#e4ecef'],
    ]),
    rg('sun', [
      [0, '#fff3cf', 0.9],
      [1, '#fff3cf', 0],
    ]),
    lg('road', [
      [0, '#5b6670'],
      [1, '#4a545d'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(650, 95, 80, 'url(#sun)');
  b += circle(650, 95, 32, '#fbeec8');
  b += cloud(110, 90, 1.0);
  b += cloud(420, 60, 0.75);
  b += cloud(250, 140, 0.55, '#ffffff', 0.7);
  const base = 372;
  // back layer
  for (let x = -10; x < W;) {
    const w = 46 + rand() * 40;
    const h = 130 + rand() * 120;
    b += rect(x, base - h, w - 2, h, '#a9bfcf');
    x += w;
  }
  // mid layer with windows
  for (let x = -20; x < W;) {
    const w = 56 + rand() * 46;
    const h = 90 + rand() * 130;
    b += rect(x, base - h, w - 4, h, '#7f9ab1');
    b += windows(x, base - h, w - 4, h, 3, Math.floor(h / 26), '#9bb3c6', { padY: 10, gap: 8 });
    x += w + 6;
  }
  // front layer
  const front = [
    [0, 92, 150],
    [96, 70, 205],
    [170, 88, 120],
    [262, 60, 250],
    [326, 96, 160],
    [426, 74, 220],
    [504, 90, 135],
    [598, 66, 185],
    [668, 84, 240],
    [756, 60, 130],
  ];
  for (const [x, w, h] of front) {
    b += rect(x, base - h, w, h, '#56728b');
    b += rect(x + w - 10, base - h, 10, h, '#4a6479');
    b += windows(x, base - h, w - 10, h, Math.max(2, Math.round(w / 24)), Math.floor(h / 22), '#9db5c8', { padY: 12, gap: 7 });
    if (h > 200) {
      b += rect(x + w / 2 - 2, base - h - 26, 4, 26, '#4a6479');
      b += rect(x + 8, base - h - 8, w - 16, 8, '#4a6479');
    }
  }
  // street
  b += rect(0, base, W, 18, '#8da394');
  for (let x = 20; x < W; x += 70) b += roundTree(x, base + 14, 0.7, '#6f9a7c', '#4f7a5c');
  b += rect(0, base + 18, W, H - base - 18, 'url(#road)');
  for (let x = 10; x < W; x += 64) b += rect(x, 416, 34, 4, '#e6e1cf', 'opacity="0.85"');
  return svgDoc(defs, b);
}

function village() {
  const defs = [
    lg('sky', [
      [0, '#cfe0df'],
      [1, '#f3efdc'],
    ]),
    lg('field', [
      [0, '#dcc673'],
      [1, '#c9ac55'],
    ]),
    lg('green', [
      [0, '#9dbb84'],
      [1, '#7c9e66'],
    ]),
    '<clipPath id="hill"><path d="M-10 190 C120 170 260 190 380 250 C470 296 540 370 580 460 H-10 Z"/></clipPath>',
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(610, 88, 34, '#f7e6b4');
  b += circle(610, 88, 54, '#f7e6b4', 'opacity="0.3"');
  b += cloud(120, 70, 0.8, '#ffffff', 0.7);
  b += cloud(380, 110, 0.55, '#ffffff', 0.6);
  // far hills
  b += pathEl('M0 210 C120 150 230 170 330 190 S520 140 640 170 S760 180 800 165 V300 H0 Z', '#b5c9b2');
  b += pathEl('M0 240 C150 200 260 220 380 232 S600 200 800 220 V320 H0 Z', '#9fb89a');
  // meadow where the farmhouses stand
  b += pathEl('M300 262 C460 244 640 236 800 232 V450 H300 Z', '#a7c28c');
  // yellow field with curved crop rows
  b += pathEl('M380 318 C520 300 660 292 800 290 V450 H380 Z', 'url(#field)');
  let gap = 8;
  for (let y = 326; y < 450; y += gap, gap *= 1.22) {
    const dy = y - 318;
    b += `<path d="M380 ${r1(318 + dy)} C520 ${r1(300 + dy * 1.05)} 660 ${r1(292 + dy * 1.1)} 800 ${r1(290 + dy * 1.12)}" stroke="#b89c48" stroke-width="${r1(1.5 + dy / 40)}" fill="none"/>`;
  }
  b += pathEl('M640 450 C680 410 720 390 800 380 V450 Z', 'url(#green)');
  // farmhouses (white walls, dark roofs)
  const house = (x, y, s, roof) => {
    const w = 70 * s;
    const h = 40 * s;
    let g = rect(x, y - h, w, h, '#f5f1e7');
    g += rect(x + w * 0.7, y - h, w * 0.3, h, '#e3ddcf');
    g += poly(
      [
        [x - 8 * s, y - h],
        [x + w + 8 * s, y - h],
        [x + w - 6 * s, y - h - 20 * s],
        [x + 6 * s, y - h - 20 * s],
      ],
      roof,
    );
    g += rect(x + w * 0.38, y - h * 0.62, 12 * s, h * 0.62, '#6d6357');
    g += rect(x + w * 0.12, y - h * 0.7, 10 * s, 10 * s, '#7c8c8e');
    return g;
  };
  b += roundTree(560, 268, 1.1, '#6f9460', '#557a48');
  b += house(580, 292, 1.0, '#5d6668');
  b += house(680, 280, 0.8, '#a8624a');
  b += house(480, 288, 0.75, '#5d6668');
  b += roundTree(770, 276, 1.3, '#6f9460', '#557a48');
  // path from the houses through the field
  b += pathEl('M612 292 C600 330 650 370 600 450 L634 450 C680 370 628 330 626 292 Z', '#eadfbf');
  // terraced hillside (left): stacked curved bands clipped to the hill outline
  const tc = ['#8fb077', '#a3c186', '#86a86e', '#9cba80', '#7fa167', '#95b47a', '#7a9b62', '#8eae74'];
  let t = '';
  for (let k = 0; k < 8; k++) {
    const y = 176 + k * 34;
    const d = `M-10 ${y} C120 ${y - 24} 260 ${y - 10} 380 ${y + 40} S540 ${y + 120} 620 ${y + 150}`;
    t += pathEl(`${d} L620 470 L-10 470 Z`, tc[k]);
    t += `<path d="${d}" fill="none" stroke="#e8eed3" stroke-width="2.5" stroke-opacity="0.8"/>`;
  }
  b += `<g clip-path="url(#hill)">${t}</g>`;
  b += roundTree(70, 200, 1.0, '#6f9460', '#557a48');
  b += roundTree(150, 196, 0.8, '#6f9460', '#557a48');
  return svgDoc(defs, b);
}

function school() {
  const defs = [
    lg('sky', [
      [0, '#bcd6e6'],
      [1, '#eef4f5'],
    ]),
    lg('grass', [
      [0, '#8fb27e'],
      [1, '#789d68'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += cloud(300, 70, 0.8);
  b += cloud(620, 50, 0.6, '#ffffff', 0.7);
  b += rect(0, 328, W, H - 328, 'url(#grass)');
  // building wings
  b += rect(250, 150, 490, 180, '#efe3cd');
  b += rect(250, 150, 490, 14, '#c9795a');
  b += rect(250, 232, 490, 8, '#dfcfb2');
  b += rect(250, 316, 490, 14, '#c9bfa9');
  for (const row of [172, 248]) {
    for (let i = 0; i < 10; i++) {
      const x = 266 + i * 47;
      if (x > 430 && x < 540) continue;
      b += rect(x, row, 30, 48, '#8fb1c5');
      b += rect(x, row, 30, 6, '#b7cfdc');
    }
  }
  // central tower with clock
  b += rect(436, 96, 108, 234, '#e7d6bb');
  b += poly(
    [
      [426, 98],
      [490, 60],
      [554, 98],
    ],
    '#c9795a',
  );
  b += circle(490, 132, 20, '#fbf7ef');
  b += circle(490, 132, 20, 'none', 'stroke="#b66a4d" stroke-width="4"');
  b += `<path d="M490 132 V119 M490 132 L499 137" stroke="#5b524a" stroke-width="3" stroke-linecap="round"/>`;
  b += rect(462, 176, 56, 48, '#8fb1c5');
  b += rect(450, 268, 80, 8, '#c9795a');
  b += rect(462, 276, 56, 54, '#6b7f8b');
  b += rect(489, 276, 2, 54, '#9fb3bd');
  // flag pole with red flag
  b += rect(168, 58, 5, 280, '#9aa3a8');
  b += circle(170.5, 56, 5, '#c9ccce');
  b += pathEl('M173 64 C200 56 222 72 252 62 L252 112 C222 122 200 106 173 114 Z', '#c8473d');
  b += pathEl('M173 64 C200 56 222 72 252 62 L252 72 C222 82 200 66 173 74 Z', '#d96a5f', 'opacity="0.6"');
  b += rect(150, 330, 42, 10, '#c9bfa9');
  // running track
  b += ellipse(420, 432, 400, 78, '#c6684f');
  b += ellipse(420, 432, 400, 78, 'none', 'stroke="#f3e7dc" stroke-width="2"');
  b += ellipse(420, 432, 370, 64, 'none', 'stroke="#f3e7dc" stroke-width="2"');
  b += ellipse(420, 432, 340, 50, '#6f9a5f');
  b += `<line x1="420" y1="382" x2="420" y2="450" stroke="#e6efd9" stroke-width="2"/>`;
  b += ellipse(420, 440, 26, 12, 'none', 'stroke="#e6efd9" stroke-width="2"');
  // trees
  b += roundTree(60, 338, 1.6, '#6e9a6a', '#517c4e');
  b += roundTree(110, 340, 1.2, '#7da876', '#5f8a58');
  b += roundTree(765, 338, 1.5, '#6e9a6a', '#517c4e');
  return svgDoc(defs, b);
}

function hospital() {
  const defs = [
    lg('sky', [
      [0, '#cde6e1'],
      [1, '#f1f7f4'],
    ]),
    lg('glass', [
      [0, '#7fb9b7'],
      [1, '#a9d2cd'],
    ]),
    lg('lawn', [
      [0, '#a5c6a4'],
      [1, '#8db38d'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += cloud(90, 70, 0.8);
  b += cloud(640, 110, 0.6, '#ffffff', 0.7);
  // side wings
  b += rect(90, 210, 130, 150, '#e6eeec');
  b += rect(580, 190, 140, 170, '#e6eeec');
  for (let r = 0; r < 3; r++) {
    b += rect(104, 228 + r * 40, 102, 22, 'url(#glass)');
    b += rect(594, 210 + r * 46, 112, 24, 'url(#glass)');
  }
  // main block
  b += rect(220, 130, 360, 230, '#f8faf9');
  b += rect(220, 130, 360, 10, '#3f8b86');
  b += rect(560, 130, 20, 230, '#e1e9e7');
  for (let r = 0; r < 4; r++) b += rect(240, 156 + r * 36, 316, 20, 'url(#glass)');
  // rooftop sign with cross
  b += rect(396, 108, 8, 24, '#9fb1ae');
  b += rect(352, 32, 96, 80, '#ffffff', 'rx="10"');
  b += rect(352, 32, 96, 80, 'none', 'rx="10" stroke="#3f8b86" stroke-width="4"');
  b += rect(388, 44, 24, 56, '#cc4d47', 'rx="3"');
  b += rect(372, 60, 56, 24, '#cc4d47', 'rx="3"');
  // entrance with canopy
  b += rect(330, 298, 140, 10, '#3f8b86', 'rx="3"');
  b += rect(350, 308, 100, 52, '#5f8f93');
  b += rect(398, 308, 4, 52, '#8fb5b6');
  // ground
  b += rect(0, 360, W, H - 360, 'url(#lawn)');
  b += pathEl('M350 360 L450 360 L520 450 L280 450 Z', '#dfe4e0');
  b += roundTree(50, 364, 1.5, '#6e9f84', '#528068');
  b += roundTree(250, 372, 0.9, '#6e9f84', '#528068');
  // ambulance
  const ax = 560,
    ay = 418;
  b += ellipse(ax + 80, ay + 2, 86, 6, '#5f7d6a', 'opacity="0.35"');
  b += pathEl(`M${ax} ${ay} V${ay - 52} H${ax + 110} L${ax + 140} ${ay - 30} L${ax + 160} ${ay - 24} V${ay} Z`, '#fbfbfa');
  b += pathEl(`M${ax + 114} ${ay - 46} L${ax + 136} ${ay - 28} H${ax + 114} Z`, '#7fb0b4');
  b += rect(ax, ay - 22, 160, 8, '#cc4d47');
  b += rect(ax + 44, ay - 46, 8, 20, '#cc4d47');
  b += rect(ax + 38, ay - 40, 20, 8, '#cc4d47');
  b += rect(ax + 96, ay - 60, 16, 8, '#cc4d47', 'rx="2"');
  b += circle(ax + 32, ay, 12, '#3d4446') + circle(ax + 32, ay, 5, '#c4c9c9');
  b += circle(ax + 128, ay, 12, '#3d4446') + circle(ax + 128, ay, 5, '#c4c9c9');
  return svgDoc(defs, b);
}

/** Side view car. */
function car(x, y, color, dark, flip = false, glass = '#c7d6dc') {
  let g = ellipse(x + 80, y + 2, 84, 6, '#1c2024', 'opacity="0.35"');
  g += pathEl(
    `M${x} ${y - 8} V${y - 30} Q${x} ${y - 38} ${x + 12} ${y - 40} L${x + 36} ${y - 44} L${x + 56} ${y - 66} H${x + 112} L${x + 136} ${y - 44} L${x + 152} ${y - 40} Q${x + 162} ${y - 36} ${x + 162} ${y - 26} V${y - 8} Z`,
    color,
  );
  g += pathEl(`M${x + 60} ${y - 60} H${x + 82} V${y - 44} H${x + 46} Z`, glass);
  g += pathEl(`M${x + 88} ${y - 60} H${x + 109} L${x + 126} ${y - 44} H${x + 88} Z`, glass);
  g += rect(x, y - 20, 162, 6, dark);
  g += rect(flip ? x + 2 : x + 152, y - 36, 8, 6, '#f4e4b0');
  for (const wx of [x + 36, x + 128]) g += circle(wx, y - 6, 14, '#2b2f33') + circle(wx, y - 6, 6, '#b8bec2');
  return flip ? `<g transform="translate(${2 * x + 162} 0) scale(-1 1)">${g}</g>` : g;
}

function traffic() {
  const defs = [
    lg('sky', [
      [0, '#e2ddd0'],
      [1, '#f3f0e8'],
    ]),
    lg('road', [
      [0, '#565b61'],
      [1, '#43474c'],
    ]),
    rg('glow', [
      [0, '#ff8a7a', 0.75],
      [1, '#ff8a7a', 0],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  // background buildings
  const bg = [
    [0, 120, 170],
    [110, 90, 120],
    [190, 110, 190],
    [300, 80, 140],
    [470, 100, 175],
    [560, 80, 120],
    [630, 120, 200],
    [740, 70, 150],
  ];
  for (const [x, w, h] of bg) {
    b += rect(x, 290 - h, w, h, '#cbc4b4');
    b += windows(x, 290 - h, w, h, Math.round(w / 30), Math.floor(h / 30), '#dcd6c9', { padY: 12, gap: 10 });
  }
  // sidewalk, road
  b += rect(0, 282, W, 22, '#d9d2c2');
  b += rect(0, 300, W, 6, '#b5ad9b');
  b += rect(0, 306, W, H - 306, 'url(#road)');
  // zebra crossing (slight perspective)
  for (let i = 0; i < 7; i++) {
    const y0 = 312 + i * 20;
    const h = 11;
    const spread = (y) => 60 + (y - 306) * 0.35;
    const cx = 500;
    b += poly(
      [
        [cx - spread(y0), y0],
        [cx + spread(y0), y0],
        [cx + spread(y0 + h), y0 + h],
        [cx - spread(y0 + h), y0 + h],
      ],
      '#ece8de',
    );
  }
  // lane dashes
  for (let x = 0; x < 400; x += 70) b += rect(x, 374, 40, 5, '#d9b557');
  for (let x = 610; x < W; x += 70) b += rect(x, 374, 40, 5, '#d9b557');
  // stop line
  b += rect(362, 384, 6, 66, '#ece8de');
  // cars
  b += car(616, 358, '#4f8588', '#3c6a6d', true);
  b += car(186, 430, '#d4a046', '#b0822f');
  // traffic light
  b += rect(393, 110, 8, 190, '#3a3f44');
  b += rect(386, 294, 22, 8, '#3a3f44');
  b += rect(375, 92, 44, 122, '#2f3438', 'rx="10"');
  b += circle(397, 116, 38, 'url(#glow)');
  b += circle(397, 116, 12, '#e85c50');
  b += circle(397, 153, 12, '#6b6145');
  b += circle(397, 190, 12, '#3f5f4b');
  return svgDoc(defs, b);
}

function river() {
  const defs = [
    lg('sky', [
      [0, '#7fb3d5'],
      [0.65, '#c6e0ec'],
      [1, '#e8f2f3'],
    ]),
    lg('water', [
      [0, '#a9d3e3'],
      [1, '#4f95b6'],
    ]),
    lg('mtnFar', [
      [0, '#9fb7c9'],
      [1, '#b8cad5'],
    ]),
    lg('mtnMid', [
      [0, '#6f9aa0'],
      [1, '#87abaa'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  b += circle(150, 80, 30, '#fbf3d6');
  b += circle(150, 80, 50, '#fbf3d6', 'opacity="0.25"');
  b += `<path d="M560 70 q8 -8 16 0 q8 -8 16 0 M610 98 q6 -6 12 0 q6 -6 12 0 M528 104 q5 -5 10 0 q5 -5 10 0" stroke="#4f6573" stroke-width="2.2" fill="none" stroke-linecap="round"/>`;
  // far mountains
  b += pathEl('M0 250 L90 160 L170 215 L270 120 L360 210 L450 150 L540 220 L640 130 L740 200 L800 170 V300 H0 Z', 'url(#mtnFar)');
  b += pathEl('M270 120 L300 148 L285 146 L270 160 L258 140 L245 146 Z', '#eef3f5', 'opacity="0.8"');
  b += pathEl('M640 130 L668 156 L652 152 L640 166 L628 150 L614 156 Z', '#eef3f5', 'opacity="0.8"');
  // mid mountains
  b += pathEl('M0 280 V236 L120 186 L222 246 L318 214 L408 272 H0 Z', 'url(#mtnMid)');
  b += pathEl('M408 272 L500 214 L598 246 L700 180 L800 226 V280 H408 Z', 'url(#mtnMid)');
  b += rect(0, 268, W, H - 268, '#7fa58f');
  // near hills (left and right)
  b += pathEl('M0 250 C80 230 200 250 300 290 C350 310 380 330 380 450 H0 Z', '#4f7f6c');
  b += pathEl('M800 240 C720 250 610 270 520 300 C470 320 450 360 460 450 H800 Z', '#42705d');
  // river
  b += pathEl(
    'M398 270 C402 270 414 270 418 270 C440 300 470 310 470 340 C470 380 560 410 610 450 H220 C300 410 380 380 376 340 C372 306 398 290 398 270 Z',
    'url(#water)',
  );
  b += `<path d="M398 290 h14 M388 318 h26 M400 350 h36 M360 390 h60 M300 425 h80 M470 410 h50" stroke="#e6f3f7" stroke-width="3" stroke-linecap="round" stroke-opacity="0.7"/>`;
  // banks detail: pines
  const pine = (x, y, s, c) =>
    poly(
      [
        [x, y - 40 * s],
        [x + 14 * s, y],
        [x - 14 * s, y],
      ],
      c,
    ) + rect(x - 2 * s, y, 4 * s, 6 * s, '#4a3f34');
  for (const [x, y, s] of [
    [60, 300, 1.2],
    [95, 310, 1.0],
    [130, 318, 1.3],
    [200, 340, 0.9],
    [40, 360, 1.5],
  ])
    b += pine(x, y, s, '#35614f');
  for (const [x, y, s] of [
    [660, 330, 1.3],
    [700, 320, 1.0],
    [740, 330, 1.4],
    [600, 350, 1.0],
    [760, 380, 1.6],
  ])
    b += pine(x, y, s, '#2f5848');
  return svgDoc(defs, b);
}

function market() {
  const defs = [
    lg('wall', [
      [0, '#efe3cc'],
      [1, '#e4d3b3'],
    ]),
    lg('floor', [
      [0, '#cdb994'],
      [1, '#bba57f'],
    ]),
    lg('wood', [
      [0, '#a7815c'],
      [1, '#8d6a4a'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#wall)');
  // string of bulbs
  b += `<path d="M0 40 Q200 90 400 40 T800 40" stroke="#7a6a58" stroke-width="2" fill="none"/>`;
  for (let i = 1; i < 16; i++) {
    const x = i * 50;
    const t = (x % 400) / 400;
    const y = 40 + (x < 400 ? 1 : -1) * 100 * t * (1 - t);
    b += rect(x - 1, y, 2, 8, '#7a6a58');
    b += circle(x, y + 12, 5, '#f2cf7a');
  }
  b += rect(0, 380, W, 70, 'url(#floor)');
  const stalls = [
    [
      30,
      '#c05a4a',
      [
        ['#e2923a', 'orange'],
        ['#c8553d', 'apple'],
        ['#e2923a', 'orange'],
      ],
    ],
    [
      285,
      '#5d8d6a',
      [
        ['#7fa65a', 'green'],
        ['#6a4f7c', 'egg'],
        ['#7fa65a', 'green'],
      ],
    ],
    [
      540,
      '#cf9c3f',
      [
        ['#d8bd4f', 'lemon'],
        ['#b94a3a', 'apple'],
        ['#e2923a', 'orange'],
      ],
    ],
  ];
  for (const [x, col, goods] of stalls) {
    const w = 230;
    // posts
    b += rect(x + 6, 170, 8, 212, '#7d6149');
    b += rect(x + w - 14, 170, 8, 212, '#7d6149');
    // awning: slanted striped top
    const n = 8;
    for (let i = 0; i < n; i++) {
      const tx0 = x + 14 + (i * (w - 28)) / n;
      const tx1 = x + 14 + ((i + 1) * (w - 28)) / n;
      const bx0 = x + (i * w) / n;
      const bx1 = x + ((i + 1) * w) / n;
      const c = i % 2 === 0 ? col : '#f6eddd';
      b += poly(
        [
          [tx0, 100],
          [tx1, 100],
          [bx1, 158],
          [bx0, 158],
        ],
        c,
      );
      b += rect(bx0, 158, bx1 - bx0, 14, c);
      b += pathEl(`M${r1(bx0)} 172 a${r1((bx1 - bx0) / 2)} ${r1((bx1 - bx0) / 2.4)} 0 0 0 ${r1(bx1 - bx0)} 0 Z`, c);
    }
    b += rect(x + 10, 94, w - 20, 7, '#6e5643', 'rx="3"');
    // counter
    b += rect(x - 4, 290, w + 8, 12, '#9b7756');
    b += rect(x + 4, 302, w - 8, 80, 'url(#wood)');
    for (let k = 1; k < 4; k++) b += rect(x + 4, 302 + k * 20, w - 8, 2, '#7d5e42', 'opacity="0.6"');
    // produce piles in crates
    goods.forEach(([c, kind], gi) => {
      const cx = x + 40 + gi * 75;
      b += rect(cx - 32, 262, 64, 28, '#b58d62');
      b += rect(cx - 32, 274, 64, 3, '#8d6a4a');
      const rows = [
        [-18, 0, 18, -9, 9, -27, 27],
        [-9, 9, 0],
      ];
      if (kind === 'green') {
        for (const dx of [-20, -6, 8, 20]) b += ellipse(cx + dx, 256, 12, 16, c, `transform="rotate(${dx} ${cx + dx} 256)"`);
        for (const dx of [-12, 6]) b += ellipse(cx + dx, 248, 10, 14, '#94b86c', `transform="rotate(${dx} ${cx + dx} 248)"`);
      } else if (kind === 'egg') {
        for (const dx of [-16, 0, 16]) b += ellipse(cx + dx, 254, 9, 20, c, `transform="rotate(${dx * 1.5} ${cx + dx} 254)"`);
        for (const dx of [-16, 0, 16]) b += rect(cx + dx - 4, 232, 8, 6, '#6f9a4f', `transform="rotate(${dx * 1.5} ${cx + dx} 254)"`);
      } else {
        const rr = kind === 'lemon' ? 9 : 10;
        for (const dx of rows[0]) b += circle(cx + dx, 256, rr, c);
        for (const dx of rows[1]) b += circle(cx + dx, 240, rr, c);
        b += circle(cx, 226, rr, c);
        for (const dx of [-18, 0, 18]) b += circle(cx + dx - 3, 252, 2.5, '#ffffff', 'opacity="0.45"');
      }
    });
  }
  // baskets on floor
  b += ellipse(262, 410, 30, 12, '#a17a52') + rect(232, 395, 60, 16, '#a17a52') + ellipse(262, 395, 30, 8, '#7ea65a');
  b += ellipse(518, 414, 30, 12, '#a17a52') + rect(488, 399, 60, 16, '#a17a52') + ellipse(518, 399, 30, 8, '#e2923a');
  return svgDoc(defs, b);
}

function volunteer() {
  const defs = [
    lg('bg', [
      [0, '#d5e4ea'],
      [1, '#eef1ea'],
    ]),
    rg('sun', [
      [0, '#f8e9c4', 0.95],
      [1, '#f8e9c4', 0],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#bg)');
  b += circle(400, 250, 280, 'url(#sun)');
  b += pathEl('M0 360 C160 320 300 350 420 330 S680 300 800 330 V450 H0 Z', '#c5d8cb');
  // small heart motif above the group
  b += pathEl(
    'M400 62 C388 44 360 48 360 72 C360 92 386 104 400 118 C414 104 440 92 440 72 C440 48 412 44 400 62 Z',
    '#d9837a',
    'opacity="0.75"',
  );

  const person = (x, top, s, p) => {
    const { skin, hair, shirt, vest, arms, bob } = p;
    const R = 28 * s; // head radius
    const hy = top + R; // head centre
    const sh = hy + R + 14 * s; // shoulder line
    const bw = 50 * s; // half body width
    let g = '';
    if (bob)
      g += pathEl(
        `M${r1(x - R - 4 * s)} ${r1(hy + 16 * s)} V${r1(hy)} A${r1(R + 4 * s)} ${r1(R + 4 * s)} 0 0 1 ${r1(x + R + 4 * s)} ${r1(hy)} V${r1(hy + 16 * s)} Z`,
        hair,
      );
    // raised arms (sleeve + hand) behind the torso
    for (const a of arms) {
      const dir = a === 'L' ? -1 : 1;
      const sx = x + dir * (bw - 12 * s);
      const hx = x + dir * (bw + 22 * s);
      const handY = top - 10 * s;
      g += `<path d="M${r1(sx)} ${r1(sh + 18 * s)} L${r1(hx)} ${r1(handY + 16 * s)}" stroke="${shirt}" stroke-width="${r1(26 * s)}" stroke-linecap="round"/>`;
      g += circle(hx, handY, 13 * s, skin);
    }
    // torso (shirt) with rounded shoulders
    g += pathEl(
      `M${r1(x - bw)} 460 V${r1(sh + 30 * s)} Q${r1(x - bw)} ${r1(sh)} ${r1(x - bw + 30 * s)} ${r1(sh)} H${r1(x + bw - 30 * s)} Q${r1(x + bw)} ${r1(sh)} ${r1(x + bw)} ${r1(sh + 30 * s)} V460 Z`,
      shirt,
    );
    // sleeveless vest: two panels, inset from the shoulders so the sleeves show
    const vx = bw - 13 * s;
    g += pathEl(
      `M${r1(x - vx)} 460 V${r1(sh + 26 * s)} Q${r1(x - vx)} ${r1(sh + 2 * s)} ${r1(x - vx + 18 * s)} ${r1(sh + 1 * s)} L${r1(x - 12 * s)} ${r1(sh)} L${r1(x - 7 * s)} 460 Z`,
      vest,
    );
    g += pathEl(
      `M${r1(x + vx)} 460 V${r1(sh + 26 * s)} Q${r1(x + vx)} ${r1(sh + 2 * s)} ${r1(x + vx - 18 * s)} ${r1(sh + 1 * s)} L${r1(x + 12 * s)} ${r1(sh)} L${r1(x + 7 * s)} 460 Z`,
      vest,
    );
    g += rect(x - vx, sh + 66 * s, vx - 8 * s, 9 * s, '#f3e2b3');
    g += rect(x + 8 * s, sh + 66 * s, vx - 8 * s, 9 * s, '#f3e2b3');
    g += circle(x - 22 * s, sh + 34 * s, 6 * s, '#f7efe0');
    // neck & head
    g += rect(x - 9 * s, hy + R - 8 * s, 18 * s, 24 * s, skin);
    g += pathEl(`M${r1(x - 12 * s)} ${r1(sh)} L${r1(x)} ${r1(sh + 14 * s)} L${r1(x + 12 * s)} ${r1(sh)} Z`, skin, 'opacity="0.9"');
    g += circle(x, hy, R, skin);
    g += pathEl(
      `M${r1(x - R - 1)} ${r1(hy + 2 * s)} A${r1(R + 1)} ${r1(R + 1)} 0 0 1 ${r1(x + R + 1)} ${r1(hy + 2 * s)} Q${r1(x + 10 * s)} ${r1(hy - 18 * s)} ${r1(x - R - 1)} ${r1(hy + 2 * s)} Z`,
      hair,
    );
    return g;
  };
  const vest = '#c9534a';
  const people = [
    [118, 214, 0.92, { skin: '#e7bf9b', hair: '#3a2f2a', shirt: '#4c5d70', vest, arms: ['L'], bob: true }],
    [682, 210, 0.95, { skin: '#d9a982', hair: '#2e2a28', shirt: '#5d6b5e', vest, arms: ['R'] }],
    [258, 180, 1.0, { skin: '#d9a982', hair: '#2b2624', shirt: '#e9e3d6', vest, arms: ['L', 'R'] }],
    [542, 178, 1.0, { skin: '#ecc8a6', hair: '#4a3a30', shirt: '#3f5266', vest, arms: [], bob: true }],
    [400, 158, 1.08, { skin: '#e5b894', hair: '#2f2825', shirt: '#6f7f8f', vest, arms: ['R'] }],
  ];
  for (const [x, top, s, p] of people) b += person(x, top, s, p);
  return svgDoc(defs, b);
}

function documentScene() {
  const rand = rng(11);
  const defs = [
    lg(
      'desk',
      [
        [0, '#8a6d52'],
        [1, '#6f5641'],
      ],
      [0, 0, 1, 1],
    ),
    lg('pen', [
      [0, '#3a4450'],
      [0.5, '#5a6674'],
      [1, '#2a323b'],
    ]),
  ].join('');
  let b = rect(0, 0, W, H, 'url(#desk)');
  for (let i = 0; i < 9; i++) {
    const y = 20 + i * 50 + rand() * 20;
    b += `<path d="M0 ${r1(y)} C200 ${r1(y + 10)} 500 ${r1(y - 12)} 800 ${r1(y + 6)}" stroke="#5f4938" stroke-width="2" fill="none" opacity="0.35"/>`;
  }
  // folder + back sheet
  b += `<g transform="rotate(-9 300 240)">${rect(150, 50, 300, 380, '#3f6472', 'rx="6"')}${rect(150, 40, 110, 20, '#3f6472', 'rx="5"')}</g>`;
  b += `<g transform="rotate(-4 330 230)">${rect(190, 48, 290, 370, '#e6e1d6')}</g>`;
  // front contract sheet
  let sheet = rect(230, 32, 300, 390, '#f8f5ee');
  sheet += rect(230, 32, 300, 390, 'none', 'stroke="#d8d1c2" stroke-width="1"');
  sheet += rect(316, 60, 128, 12, '#6f7b86', 'rx="3"');
  let y = 96;
  for (let i = 0; i < 11; i++) {
    const w = i % 4 === 3 ? 120 + rand() * 60 : 210 + rand() * 40;
    sheet += rect(262, y, w, 6, '#c3c0b8', 'rx="3"');
    y += i % 4 === 3 ? 24 : 16;
  }
  sheet += rect(262, 330, 100, 2, '#8c8a84');
  sheet += rect(400, 330, 100, 2, '#8c8a84');
  sheet += `<path d="M268 322 c8 -18 14 -20 16 -6 c2 10 8 -14 14 -10 c6 4 2 12 10 6 c6 -5 12 -8 20 -2 c6 4 12 2 20 -4" stroke="#2f4f7f" stroke-width="2.5" fill="none" stroke-linecap="round"/>`;
  // seal stamp (red round seal with star)
  sheet += `<g opacity="0.86">${circle(450, 318, 40, 'none', 'stroke="#b8403a" stroke-width="5"')}${circle(450, 318, 31, 'none', 'stroke="#b8403a" stroke-width="1.5"')}${poly(starPts(450, 318, 17, 7), '#b8403a')}</g>`;
  b += `<g transform="rotate(3 380 227)">${sheet}</g>`;
  // pen
  b += `<g transform="rotate(-38 640 250)">
    ${ellipse(650, 262, 120, 8, '#3d2f24', 'opacity="0.35"')}
    ${rect(530, 240, 210, 18, 'url(#pen)', 'rx="9"')}
    ${rect(700, 238, 44, 22, '#2a323b', 'rx="9"')}
    ${rect(600, 244, 80, 3, '#c7a45a')}
    ${poly(
      [
        [530, 240],
        [530, 258],
        [500, 249],
      ],
      '#c7a45a',
    )}
    ${poly(
      [
        [506, 247],
        [506, 251],
        [496, 249],
      ],
      '#2a323b',
    )}
  </g>`;
  // stamp tool (seen from above) and ink pad
  b += ellipse(665, 112, 50, 12, '#3d2f24', 'opacity="0.35"');
  b += rect(620, 60, 90, 52, '#9a3a34', 'rx="8"');
  b += ellipse(665, 60, 45, 12, '#b8483f');
  b += rect(650, 20, 30, 40, '#6b4a36');
  b += ellipse(665, 20, 15, 6, '#845c43');
  b += rect(600, 356, 120, 64, '#2e3a44', 'rx="8"');
  b += rect(610, 364, 100, 48, '#a8423a', 'rx="5"');
  b += rect(610, 364, 100, 10, '#c05a50', 'rx="5" opacity="0.5"');
  // small coffee cup for scale
  b += circle(110, 360, 44, '#ece7dc') + circle(110, 360, 34, '#6b4a36') + circle(100, 350, 8, '#8b6a52', 'opacity="0.6"');
  b += rect(148, 352, 22, 16, '#ece7dc', 'rx="6"');
  return svgDoc(defs, b);
}

function night() {
  const rand = rng(23);
  const defs = [
    lg('sky', [
      [0, '#0e1729'],
      [0.7, '#1f2f4d'],
      [1, '#2c3f5f'],
    ]),
    rg('moonGlow', [
      [0, '#f3e7c4', 0.4],
      [1, '#f3e7c4', 0],
    ]),
    rg('blue', [
      [0, '#5d8dff', 0.8],
      [1, '#5d8dff', 0],
    ]),
    rg('red', [
      [0, '#ff5f5f', 0.75],
      [1, '#ff5f5f', 0],
    ]),
    lg('road', [
      [0, '#1a2130'],
      [1, '#111722'],
    ]),
    '<mask id="moonMask"><rect width="800" height="450" fill="#000"/><circle cx="640" cy="86" r="34" fill="#fff"/><circle cx="656" cy="74" r="30" fill="#000"/></mask>',
  ].join('');
  let b = rect(0, 0, W, H, 'url(#sky)');
  for (let i = 0; i < 60; i++) {
    b += circle(rand() * W, rand() * 200, 0.6 + rand() * 1.3, '#ffffff', `opacity="${r1(0.3 + rand() * 0.6)}"`);
  }
  b += circle(640, 86, 90, 'url(#moonGlow)');
  b += circle(640, 86, 34, '#f3e7c4', 'mask="url(#moonMask)"');
  const base = 350;
  // back layer
  for (let x = -10; x < W;) {
    const w = 50 + rand() * 40;
    const h = 110 + rand() * 120;
    b += rect(x, base - h, w - 3, h, '#23314b');
    b += windows(x, base - h, w - 3, h, 3, Math.floor(h / 24), '#2b3a57', { padY: 10, gap: 8, litFill: '#8a7a52', litChance: 0.25, rand });
    x += w;
  }
  // front layer
  for (let x = -20; x < W;) {
    const w = 70 + rand() * 50;
    const h = 70 + rand() * 150;
    b += rect(x, base - h, w - 6, h, '#161f31');
    b += windows(x, base - h, w - 6, h, Math.round(w / 26), Math.floor(h / 24), '#1f2a40', {
      padY: 12,
      gap: 7,
      litFill: '#f0c76a',
      litChance: 0.38,
      rand,
    });
    x += w + 4;
  }
  // street & reflections
  b += rect(0, base, W, 14, '#2a354b');
  b += rect(0, base + 14, W, H - base - 14, '#131a27');
  for (let x = 20; x < W; x += 80) b += rect(x, 412, 40, 4, '#5d6678', 'opacity="0.6"');
  // street lamps
  for (const lx of [90, 720]) {
    b += rect(lx - 2, base - 80, 4, 84, '#3b465c');
    b += circle(lx, base - 82, 30, 'url(#moonGlow)');
    b += circle(lx, base - 82, 6, '#f6dc9a');
  }
  // patrol car with light bar
  const cx = 300;
  const cy = 420;
  b += ellipse(cx + 60, cy - 80, 90, 60, 'url(#blue)');
  b += ellipse(cx + 110, cy - 80, 90, 60, 'url(#red)');
  b += ellipse(cx + 80, cy + 6, 110, 10, '#2c4a8a', 'opacity="0.35"');
  b += car(cx, cy, '#e9edf1', '#24407a', false, '#2b3a52');
  b += rect(cx + 66, cy - 74, 20, 8, '#5d8dff', 'rx="2"');
  b += rect(cx + 86, cy - 74, 20, 8, '#ff5f5f', 'rx="2"');
  b += rect(cx, cy - 30, 162, 6, '#24407a');
  return svgDoc(defs, b);
}

const SCENES = [
  ['cover-court.jpg', court],
  ['cover-scales.jpg', scales],
  ['cover-city.jpg', city],
  ['cover-village.jpg', village],
  ['cover-school.jpg', school],
  ['cover-hospital.jpg', hospital],
  ['cover-traffic.jpg', traffic],
  ['cover-river.jpg', river],
  ['cover-market.jpg', market],
  ['cover-volunteer.jpg', volunteer],
  ['cover-document.jpg', documentScene],
  ['cover-night.jpg', night],
];

async function render(svg) {
  let quality = QUALITY;
  for (;;) {
    const buf = await sharp(Buffer.from(svg))
      .resize(W, H, { fit: 'fill' })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer();
    if (buf.length <= MAX_BYTES || quality <= 60) return { buf, quality };
    quality -= 4;
  }
}

async function main() {
  await mkdir(OUT_DIR, { recursive: true });
  for (const [name, fn] of SCENES) {
    const { buf, quality } = await render(fn());
    if (buf.length > MAX_BYTES) throw new Error(`${name} is ${buf.length} bytes (limit ${MAX_BYTES})`);
    await writeFile(path.join(OUT_DIR, name), buf);
    console.log(`${name.padEnd(22)} ${(buf.length / 1024).toFixed(1).padStart(5)} KB  q${quality}`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
