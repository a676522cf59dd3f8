import { describeDal } from './dal.cases';

describeDal('session');
