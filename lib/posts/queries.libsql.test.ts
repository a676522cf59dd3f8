import { useSqldTestDatabase } from '@/testing/database';
import { describeQueries } from './queries.cases';

describeQueries(useSqldTestDatabase);
