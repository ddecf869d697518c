import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyse } from './support/structure';

/*
 * The shape of the code a contributor changes: no circle of imports in src/ or adopt/ (a type-only
 * import of an interface from the module that uses it is the one exception), and no function over 80
 * lines.
 */
const MAX_FUNCTION_LINES = 80;

describe('the shape of src/ and adopt/', () => {
  const structure = analyse(path.join(__dirname, '..'), ['src', 'adopt'], MAX_FUNCTION_LINES);

  test('THEN every module is read', () => {
    expect(structure.files).toEqual(expect.arrayContaining(['src/index.ts', 'adopt/cli.ts']));
  });

  test('THEN no module imports itself through others', () => {
    expect(structure.circles).toEqual([]);
  });

  test(`THEN no function is over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(structure.longFunctions).toEqual([]);
  });
});

describe('the structure check itself', () => {
  test('GIVEN a planted circle, a type-only interface import and a long function THEN it finds the circle and the function only', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'structure-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('src/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    write('src/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    // A type-only import of an interface from the module that uses it: no edge.
    write('src/c.ts', "import type { DProps } from './d';\nexport interface CProps { readonly d?: DProps }\n");
    write('src/d.ts', "import { CProps } from './c';\nexport interface DProps { readonly c?: CProps }\nexport function d() {\n" + '  return 1;\n'.repeat(81) + '}\n');
    // A type-only import of a class is an edge.
    write('adopt/e.ts', "import type { F } from './f';\nexport class E { f?: F }\n");
    write('adopt/f.ts', "import { E } from './e';\nexport class F { e = new E() }\n");
    const planted = analyse(root, ['src', 'adopt'], MAX_FUNCTION_LINES);
    expect(planted.circles.sort()).toEqual([['adopt/e.ts', 'adopt/f.ts'], ['src/a.ts', 'src/b.ts']]);
    expect(planted.longFunctions).toEqual(['src/d.ts:3 d: 83 lines']);
  });
});
