import { vi } from 'vitest';
import { useSqldTestDatabase } from '@/testing/database';
import { describeEmailChange } from './change-email.cases';

vi.mock('@/lib/mail/transport', () => ({ deliver: vi.fn(async () => {}) }));

describeEmailChange(useSqldTestDatabase);
