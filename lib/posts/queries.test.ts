import { useTestDatabase } from '@/testing/database';
import { describeQueries } from './queries.cases';

describeQueries(useTestDatabase);
