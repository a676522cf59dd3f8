import { useTestDatabase } from '@/testing/database';
import { describeRateLimits } from './rate-limit.cases';

describeRateLimits(useTestDatabase);
