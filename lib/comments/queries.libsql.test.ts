import { useSqldTestDatabase } from '@/testing/database';
import { describeCommentQueries } from './queries.cases';

describeCommentQueries(useSqldTestDatabase);
