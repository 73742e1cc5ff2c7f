import * as assert from 'node:assert/strict';
import { brief, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

describe('console-in-core', () => {
  it("passes a logger's own console sink, in a logger module or in a function or class named after a logger, and reports the rest", async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': '{ "domains": { "effects": { "path": "src/effects" } } }',
        'src/effects/prettyLogger.ts': "export const log = (message: string) => console.log(message);\n",
        'src/effects/effect.ts': `export const prettyLoggerTty = (message: string) => {
  const write = () => console.group(message);
  write();
};
export class ConsoleLogger {
  error(message: string) { console.error(message); }
}
export function run(): void {
  console.log('running');
}
`,
      }),
    );
    assert.deepEqual(brief(session), ['console-in-core src/effects/effect.ts:9:3']);
  });
});
