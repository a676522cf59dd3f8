import { startSqld } from '@/testing/sqld';
import { openDatabase } from './client';
import { describeUpgrades } from './upgrade.cases';

describeUpgrades(async () => {
  const server = await startSqld();
  return { connection: openDatabase({ driver: 'libsql', url: server.url, authToken: undefined }), stop: server.stop };
});
