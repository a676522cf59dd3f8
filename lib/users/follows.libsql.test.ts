import { useSqldTestDatabase } from '@/testing/database';
import { describeFollows } from './follows.cases';

describeFollows(useSqldTestDatabase);
