import { useSqldTestDatabase } from '@/testing/database';
import { describeRateLimits } from './rate-limit.cases';

describeRateLimits(useSqldTestDatabase);
