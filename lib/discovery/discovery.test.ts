import { useTestDatabase } from '@/testing/database';
import { describeDiscovery } from './discovery.cases';

describeDiscovery(useTestDatabase);
