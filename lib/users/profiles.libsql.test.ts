import { useSqldTestDatabase } from '@/testing/database';
import { describeProfiles } from './profiles.cases';

describeProfiles(useSqldTestDatabase);
