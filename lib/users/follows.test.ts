import { useTestDatabase } from '@/testing/database';
import { describeFollows } from './follows.cases';

describeFollows(useTestDatabase);
