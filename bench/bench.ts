import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';

/*
 * npm run bench: synthesizes the foundation at several sizes, and the same resources written with L1
 * constructs, each run in a fresh process so that no size warms another. Prints, for each size, the
 * median synthesis time, the peak memory, the resource count and template bytes, and the ratio
 * library / L1. The ratio is the median of the ratios of runs made back to back (one of each
 * implementation), so that the machine's drift over minutes (other load, CPU frequency) does not
 * count as a difference between the two. Never part of the tests: times depend on the machine.
 *
 * Sizes and runs can be changed: npm run bench -- 10,100 5
 */
const sizes = (process.argv[2] ?? '10,100,500,2000').split(',').map(Number);
const runs = Number(process.argv[3] ?? 5);
const once = path.join(__dirname, 'synth-once.ts');

interface Result { ms: number; maxRssMiB: number; resources: number; bytes: number }

function measure(impl: string, people: number, warm: boolean): Result {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', once, impl, String(people), ...(warm ? ['warm'] : [])], {
    encoding: 'utf-8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

console.log(`node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB; ${runs} runs per size and implementation, in alternating order`);
const rows: string[] = [];
rows.push('| people | resources | template KiB | start | library ms (median) | L1 ms (median) | ratio (median of pairs) | library µs/resource | L1 µs/resource | library peak MiB | L1 peak MiB |');
rows.push('|---:|---:|---:|:---|---:|---:|---:|---:|---:|---:|---:|');
for (const people of sizes) {
  // cold: the first synthesis of a fresh process, as a one-off `cdk synth`; warm: after both
  // implementations synthesized a one-person organization (modules loaded), as a long-lived process.
  for (const warm of [false, true]) {
    const lib: Result[] = [];
    const l1: Result[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which goes first, so that neither always runs on a machine the other just warmed.
      if (i % 2 === 0) {
        lib.push(measure('library', people, warm));
        l1.push(measure('l1', people, warm));
      } else {
        l1.push(measure('l1', people, warm));
        lib.push(measure('library', people, warm));
      }
    }
    const libMs = median(lib.map((r) => r.ms));
    const l1Ms = median(l1.map((r) => r.ms));
    const ratio = median(lib.map((r, i) => r.ms / l1[i].ms));
    const resources = lib[0].resources;
    if (l1[0].resources !== resources) {
      throw new Error(`the L1 app defines ${l1[0].resources} resources and the library ${resources}: they must define the same`);
    }
    if (l1[0].bytes !== lib[0].bytes) {
      throw new Error(`the L1 app's templates are ${l1[0].bytes} bytes and the library's ${lib[0].bytes}: they must be the same templates`);
    }
    rows.push(
      `| ${people} | ${resources} | ${(lib[0].bytes / 1024).toFixed(0)} | ${warm ? 'warm' : 'cold'} | ${libMs.toFixed(0)} | ${l1Ms.toFixed(0)} | ${ratio.toFixed(2)} | ` +
        `${((libMs * 1000) / resources).toFixed(0)} | ${((l1Ms * 1000) / resources).toFixed(0)} | ` +
        `${Math.max(...lib.map((r) => r.maxRssMiB)).toFixed(0)} | ${Math.max(...l1.map((r) => r.maxRssMiB)).toFixed(0)} |`,
    );
    console.log(rows[rows.length - 1]);
  }
}
console.log('\n' + rows.join('\n'));
