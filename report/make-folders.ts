/**
 * `mkdir -p`, without Node's `recursive: true`. That mode loops forever, the promise never settling, where a folder
 * of the path exists but can hold no child: a symbolic link to a disk not mounted, anything under /proc. mkdir then
 * answers ENOENT, Node takes that for a missing parent, makes the parent (EEXIST) and tries again
 * (https://github.com/nodejs/node/issues/27198 is the same loop on Windows, fixed there). Here each missing folder
 * is made once, from the outermost in, and the first failure is the answer: `report --out unmounted/site` says
 * ENOENT instead of hanging.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export async function makeFolders(path: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    try {
      await stat(at);
      break; // it exists: mkdir below says so if it is a file in the way
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      missing.push(at);
      if (dirname(at) === at) break;
    }
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      // Made meanwhile by another run: fine. Anything else (ENOENT under /proc, ENOTDIR, EACCES) is the answer.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
