import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from './backup-error';
import { backup } from './backup';
import { databasePrefix } from './databases';
import { restore, verifyBackup } from './restore';

const USAGE = `usage:
  npm run backup -- <dir> [--prefix <p>]                                    dump every service's database into a new folder
  npm run restore -- <dir> [--prefix <p>] [--only identity,gateway] [--drop]  verify the backup, then load it into empty databases
  npm run backup:verify -- <dir>                                             check a backup's files against its manifest

MONGO_URL (default mongodb://127.0.0.1:27017) names the server. The databases are the services'
names (identity planning applications notifications gateway) after the prefix: --prefix, else
slot<n>_ when PLATFORM_SLOT=<n> (the launcher's databases), else none. --drop drops a target
database that holds collections; without it such a target is refused.`;

/** Runs `backup|restore|verify <dir> [options]`; returns the exit status (0 done, 1 refused or failed, 2 bad usage). */
export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const log = (line: string) => process.stderr.write(`[backup] ${line}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { prefix: { type: 'string' }, only: { type: 'string' }, drop: { type: 'boolean' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [command, dir, ...extra] = parsed.positionals;
  const { prefix, only, drop, help } = parsed.values;
  const fits = { backup: !only && !drop, restore: true, verify: !prefix && !only && !drop }[command ?? ''];
  if (help || !fits || !dir || extra.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return help ? 0 : 2;
  }
  const mongoUrl = env['MONGO_URL'] ?? 'mongodb://127.0.0.1:27017';
  const options = { mongoUrl, prefix: databasePrefix(prefix, env), dir: resolve(dir), log };
  try {
    if (command === 'backup') {
      const manifest = await backup(options);
      log(`backup written to ${options.dir} (${manifest.databases.length} databases)`);
    } else if (command === 'restore') {
      const services = only?.split(',').map((s) => s.trim()).filter(Boolean);
      await restore({ ...options, only: services, drop });
      log(`restored from ${options.dir}`);
    } else {
      await verifyBackup(options.dir, log);
      log(`${options.dir} is intact`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    log(`refused: ${error.message}`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (status) => process.exit(status),
    (error: Error) => {
      process.stderr.write(`[backup] failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}
