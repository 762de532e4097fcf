/**
 * The package's own files, found the same way from the sources (report/*.ts, run by tsx or vitest) and from the
 * compiled CLI (dist/cli/*.js, in a checkout or installed under node_modules/gtm-pyramid/): the package root is
 * the nearest folder above this module that holds a package.json. The report's templates and stylesheet are read
 * from report/templates/ there, and --help names the guide in docs/ there (the package ships both as files, see
 * package.json "files").
 *
 * Kept free of heavy imports: the CLI loads it for --version and --help.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`gtm-pyramid: no package.json above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

const packageJson = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

export const PACKAGE_VERSION = packageJson.version;
/** "gtm-pyramid 1.2.3": what --version prints, and the generator named in plan.json and the report's marker. */
export const GENERATOR = `${packageJson.name} ${packageJson.version}`;
/** The Handlebars templates and report.css. */
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'report', 'templates');
/**
 * The command's guide (credentials for --sheet, publishing, exit codes), which --help and the messages about
 * credentials point to: shipped in the package (package.json "files"), so the path names a file on the user's disk.
 */
export const REPORT_GUIDE = join(PACKAGE_ROOT, 'docs', 'report.md');
/** Every issue code, what it means and how to fix it (generated from the catalogue). */
export const CHECKS_GUIDE = join(PACKAGE_ROOT, 'docs', 'checks.md');
