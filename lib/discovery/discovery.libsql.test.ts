import { useSqldTestDatabase } from '@/testing/database';
import { describeDiscovery } from './discovery.cases';

describeDiscovery(useSqldTestDatabase);
