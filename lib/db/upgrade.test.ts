import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from './client';
import { describeUpgrades } from './upgrade.cases';

describeUpgrades(async () => ({
  connection: openDatabase({ driver: 'better-sqlite3', path: join(mkdtempSync(join(tmpdir(), 'cookiegram-upgrade-')), 'old.db') }),
  stop: async () => {},
}));
