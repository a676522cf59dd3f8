import { useSqldTestDatabase } from '@/testing/database';
import { describeAccountTokens } from './tokens.cases';

describeAccountTokens(useSqldTestDatabase);
