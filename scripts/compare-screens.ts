// Compares two screenshot sets (scripts/screenshots.ts) pixel by pixel:
//
//   node --import tsx scripts/compare-screens.ts A_DIR B_DIR
//
// Prints, per PNG name found in either folder, "identical", "N pixels differ" (writing
// <B_DIR>/diff/<name> with the differences in red) or what is missing; exits 1 unless every
// PNG is in both folders and identical. Threshold 0: any changed pixel counts.
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

type Outcome = 'identical' | 'different' | 'missing';

function compareOne(a: string, b: string, diffFile: string): { outcome: Outcome; text: string } {
  const [pa, pb] = [PNG.sync.read(fs.readFileSync(a)), PNG.sync.read(fs.readFileSync(b))];
  if (pa.width !== pb.width || pa.height !== pb.height) {
    return { outcome: 'different', text: `size differs: ${pa.width}×${pa.height} vs ${pb.width}×${pb.height}` };
  }
  const diff = new PNG({ width: pa.width, height: pa.height });
  const n = pixelmatch(pa.data, pb.data, diff.data, pa.width, pa.height, { threshold: 0 });
  if (n === 0) return { outcome: 'identical', text: 'identical' };
  fs.mkdirSync(path.dirname(diffFile), { recursive: true });
  fs.writeFileSync(diffFile, PNG.sync.write(diff));
  return { outcome: 'different', text: `${n} pixels differ (diff: ${diffFile})` };
}

function main(): number {
  const [dirA, dirB] = process.argv.slice(2);
  if (!dirA || !dirB || process.argv.length > 4) {
    console.error('usage: node --import tsx scripts/compare-screens.ts A_DIR B_DIR');
    return 2;
  }
  const pngs = (dir: string) => new Set(fs.readdirSync(dir).filter((f) => f.endsWith('.png')));
  const [inA, inB] = [pngs(dirA), pngs(dirB)];
  const names = [...new Set([...inA, ...inB])].sort();
  if (names.length === 0) {
    console.error(`no PNG in ${dirA} or ${dirB}`);
    return 1;
  }
  let bad = 0;
  for (const name of names) {
    const r = !inA.has(name) ? { outcome: 'missing', text: `missing in ${dirA}` }
      : !inB.has(name) ? { outcome: 'missing', text: `missing in ${dirB}` }
        : compareOne(path.join(dirA, name), path.join(dirB, name), path.join(dirB, 'diff', name));
    if (r.outcome !== 'identical') bad++;
    console.log(`${name}: ${r.text}`);
  }
  console.log(bad === 0 ? `all ${names.length} identical` : `${bad} of ${names.length} differ or are missing`);
  return bad === 0 ? 0 : 1;
}

process.exit(main());
