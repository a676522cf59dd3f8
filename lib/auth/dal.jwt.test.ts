import { describeDal } from './dal.cases';

describeDal('jwt');
