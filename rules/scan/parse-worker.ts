// A parse worker: parses the files it is sent and posts back their imports and facts. It runs no
// rule and touches no disk; the session reads the files (open buffers included) and does the rest.
import { parentPort } from 'node:worker_threads';
import { COLLECTORS } from '../checks';
import { parseFile } from './parse-file';
import type { ParseRequest, ParseResponse } from './parse-pool';

parentPort?.on('message', (request: ParseRequest) => {
  let response: ParseResponse;
  try {
    const results = request.jobs.map((job) =>
      parseFile(
        job.file,
        job.text,
        job.collectors.map((id) => {
          const collector = COLLECTORS.get(id);
          if (!collector) throw new Error(`no collector "${id}" in the parse worker`);
          return collector;
        }),
      ),
    );
    response = { id: request.id, results };
  } catch (err) {
    // The session parses the chunk itself: a worker's bug costs speed, never findings.
    response = { id: request.id, error: String((err as Error)?.stack ?? err) };
  }
  parentPort!.postMessage(response);
});
