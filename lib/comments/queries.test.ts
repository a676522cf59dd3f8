import { useTestDatabase } from '@/testing/database';
import { describeCommentQueries } from './queries.cases';

describeCommentQueries(useTestDatabase);
