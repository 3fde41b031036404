// charts.mjs: shared by attendance.test.mjs and report.test.mjs: run the native CLI on the demo
// workspace, catch a download, and decode a PNG inside the browser (a canvas; no image library).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { limit } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The test command builds the CLI in build/asan (the sanitizer build); a developer's Release build
// in build/native is used when that is all there is.
const CLI = ['asan', 'native'].map((d) => path.join(ROOT, 'build', d, 'caseplan')).find((f) => existsSync(f)) ||
  path.join(ROOT, 'build', 'asan', 'caseplan');

let demoFile = null;
// The training demo as a workspace file, written by the CLI from the same engine code.
export function demoWorkspace() {
  if (!demoFile) {
    demoFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'cp-demo-')), 'demo.json');
    execFileSync(CLI, ['demo', demoFile]);
  }
  return demoFile;
}

export function cli(...args) {
  return execFileSync(CLI, args, { encoding: 'utf8' });
}

// Clicks `press` and resolves with the downloaded file's name and bytes.
export async function download(page, press) {
  const waiting = page.waitForEvent('download', { timeout: limit(10000) });
  await press();
  const d = await waiting;
  const file = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(file) };
}

// Decodes a PNG in the page and describes it: size, how much is not white, distinct colours,
// and whether a given colour (within a tolerance) appears.
export async function describePng(page, bytes, probe = [176, 0, 32]) {
  assertPngSignature(bytes);
  const src = 'data:image/png;base64,' + bytes.toString('base64');
  return page.evaluate(async ({ src, probe }) => {
    const img = new Image();
    img.src = src;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const { data } = g.getImageData(0, 0, c.width, c.height);
    let inked = 0, probeHits = 0;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      const [r, gg, b] = [data[i], data[i + 1], data[i + 2]];
      if (r < 245 || gg < 245 || b < 245) inked++;
      colours.add((r << 16) | (gg << 8) | b);
      if (Math.abs(r - probe[0]) < 12 && Math.abs(gg - probe[1]) < 12 && Math.abs(b - probe[2]) < 12) probeHits++;
    }
    return { width: c.width, height: c.height, inked: inked / (c.width * c.height), colours: colours.size, probeHits };
  }, { src, probe });
}

function assertPngSignature(bytes) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  for (let i = 0; i < 8; i++) if (bytes[i] !== sig[i]) throw new Error('not a PNG file: ' + bytes.subarray(0, 8).toString('hex'));
}
