import { useTestDatabase } from '@/testing/database';
import { describeAccount } from './account.cases';

// An SQLite file, the media folder (testing/vitest-setup.ts) and the JWT strategy.
process.env.AUTH_STRATEGY = 'jwt';
describeAccount(useTestDatabase);
