import { useTestDatabase } from '@/lib/db/test-database';
import { describeQueries } from './queries.cases';

describeQueries(useTestDatabase);
