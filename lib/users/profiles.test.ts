import { useTestDatabase } from '@/testing/database';
import { describeProfiles } from './profiles.cases';

describeProfiles(useTestDatabase);
