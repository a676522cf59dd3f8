import { useTestDatabase } from '@/testing/database';
import { describeAccountTokens } from './tokens.cases';

describeAccountTokens(useTestDatabase);
